use super::Lang;

/// CLDR plural categories used by our three languages for whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralForm {
    One,
    Few,
    Many,
}

impl PluralForm {
    pub fn suffix(self) -> &'static str {
        match self {
            PluralForm::One => "one",
            PluralForm::Few => "few",
            PluralForm::Many => "many",
        }
    }
}

/// CLDR rules for integers: Russian and Polish distinguish one / few / many; English one / other
/// (English "other" is stored as `many`).
pub fn plural_form(lang: Lang, n: u64) -> PluralForm {
    let (m10, m100) = (n % 10, n % 100);
    match lang {
        Lang::En => {
            if n == 1 {
                PluralForm::One
            } else {
                PluralForm::Many
            }
        }
        Lang::Ru => {
            if m10 == 1 && m100 != 11 {
                PluralForm::One
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                PluralForm::Few
            } else {
                PluralForm::Many
            }
        }
        Lang::Pl => {
            if n == 1 {
                PluralForm::One
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                PluralForm::Few
            } else {
                PluralForm::Many
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PluralForm::*;

    #[test]
    fn russian_forms() {
        let cases = [
            (1, One),
            (2, Few),
            (4, Few),
            (5, Many),
            (11, Many),
            (12, Many),
            (21, One),
            (22, Few),
            (111, Many),
            (0, Many),
        ];
        for (n, form) in cases {
            assert_eq!(plural_form(Lang::Ru, n), form, "ru {n}");
        }
    }

    #[test]
    fn polish_forms() {
        let cases = [(1, One), (2, Few), (5, Many), (12, Many), (21, Many), (22, Few), (0, Many)];
        for (n, form) in cases {
            assert_eq!(plural_form(Lang::Pl, n), form, "pl {n}");
        }
    }

    #[test]
    fn english_forms() {
        assert_eq!(plural_form(Lang::En, 1), One);
        assert_eq!(plural_form(Lang::En, 0), Many);
        assert_eq!(plural_form(Lang::En, 2), Many);
    }
}
