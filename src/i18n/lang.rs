use serde::{Deserialize, Serialize};

/// The languages Claimdesk speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ru,
    Pl,
}

impl Lang {
    /// In the order the language switcher lists them.
    pub const ALL: [Lang; 3] = [Lang::Ru, Lang::En, Lang::Pl];
    /// In the order of [`Lang::index`]: the order of a text's languages in the content files and of the packs.
    pub const BY_INDEX: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Pl];

    pub fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Ru => 1,
            Lang::Pl => 2,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Pl => "pl",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Pl => "Polski",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            "pl" => Some(Lang::Pl),
            _ => None,
        }
    }

    /// Picks the first supported language from the browser's preference list (`navigator.languages`),
    /// matching on the primary subtag ("ru-RU" → ru); English when none matches.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
                Lang::from_code(&primary)
            })
            .unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_primary_subtag_in_preference_order() {
        assert_eq!(Lang::negotiate(["de-DE", "pl-PL", "ru"]), Lang::Pl);
        assert_eq!(Lang::negotiate(["RU_ru"]), Lang::Ru);
        assert_eq!(Lang::negotiate(["fr", "de"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }
}
