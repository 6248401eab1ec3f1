use std::collections::HashMap;

use super::{pack, plural_form, Key, Lang};

/// Parses a `key = text` file: blank lines and `#` comments are skipped, `\n` in a text is a line break.
pub(crate) fn parse(src: &str) -> HashMap<String, String> {
    src.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(key, text)| (key.trim().to_string(), text.trim().replace("\\n", "\n")))
        .collect()
}

fn lookup(lang: Lang, id: &str) -> &'static str {
    // English is the fallback only for robustness: the completeness test guarantees every text exists.
    pack::string(lang, id).or_else(|| pack::string(Lang::En, id)).unwrap_or("")
}

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: Key) -> &'static str {
    lookup(lang, key.id())
}

/// The plural text of `key` for `n` in `lang`, with `{n}` filled in.
pub fn tr_plural(lang: Lang, key: Key, n: u64) -> String {
    let id = format!("{}.{}", key.id(), plural_form(lang, n).suffix());
    lookup(lang, &id).replace("{n}", &n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::PluralForm;

    /// The locale file of `lang`, as translators edit it.
    fn source(lang: Lang) -> &'static str {
        match lang {
            Lang::En => include_str!("locales/en.txt"),
            Lang::Ru => include_str!("locales/ru.txt"),
            Lang::Pl => include_str!("locales/pl.txt"),
        }
    }

    fn required_ids(lang: Lang, key: Key) -> Vec<String> {
        if !key.is_plural() {
            return vec![key.id().to_string()];
        }
        let forms: &[PluralForm] = match lang {
            Lang::En => &[PluralForm::One, PluralForm::Many],
            Lang::Ru | Lang::Pl => &[PluralForm::One, PluralForm::Few, PluralForm::Many],
        };
        forms.iter().map(|f| format!("{}.{}", key.id(), f.suffix())).collect()
    }

    #[test]
    fn every_key_has_a_text_in_every_language() {
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            let table = parse(source(lang));
            for key in Key::ALL {
                for id in required_ids(lang, *key) {
                    if table.get(id.as_str()).is_none_or(|t| t.is_empty()) {
                        missing.push(format!("{}: {id}", lang.code()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "missing translations:\n{}", missing.join("\n"));
    }

    #[test]
    fn no_language_file_has_unknown_or_duplicate_keys() {
        for lang in Lang::ALL {
            let known: Vec<String> = Key::ALL
                .iter()
                .flat_map(|k| {
                    if k.is_plural() {
                        ["one", "few", "many"].iter().map(|s| format!("{}.{s}", k.id())).collect()
                    } else {
                        vec![k.id().to_string()]
                    }
                })
                .collect();
            let mut seen = std::collections::HashSet::new();
            for line in source(lang).lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let (id, _) =
                    line.split_once('=').unwrap_or_else(|| panic!("{}: line without '=': {line}", lang.code()));
                let id = id.trim();
                assert!(known.iter().any(|k| k == id), "{}: unknown key {id}", lang.code());
                assert!(seen.insert(id.to_string()), "{}: duplicate key {id}", lang.code());
            }
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        fn names(text: &str) -> Vec<&str> {
            let mut out: Vec<&str> = crate::i18n::placeholder::names(text).collect();
            out.sort();
            out.dedup();
            out
        }
        let en = parse(source(Lang::En));
        for lang in [Lang::Ru, Lang::Pl] {
            let other = parse(source(lang));
            for (id, text) in &other {
                let base =
                    id.rsplit_once('.').filter(|(_, s)| ["one", "few"].contains(s)).map(|(b, _)| format!("{b}.many"));
                let english = en.get(id).or_else(|| base.as_deref().and_then(|b| en.get(b)));
                if let Some(english) = english {
                    assert_eq!(names(text), names(english), "{}: {id} placeholders differ from English", lang.code());
                }
            }
        }
    }

    #[test]
    fn plural_lookup_fills_count() {
        assert_eq!(tr_plural(Lang::Ru, Key::Days, 1), "1 день");
        assert_eq!(tr_plural(Lang::Ru, Key::Days, 3), "3 дня");
        assert_eq!(tr_plural(Lang::Ru, Key::Days, 5), "5 дней");
        assert_eq!(tr_plural(Lang::Pl, Key::Days, 1), "1 dzień");
        assert_eq!(tr_plural(Lang::Pl, Key::Days, 2), "2 dni");
        assert_eq!(tr_plural(Lang::Pl, Key::Days, 5), "5 dni");
        assert_eq!(tr_plural(Lang::En, Key::Days, 2), "2 days");
    }
}
