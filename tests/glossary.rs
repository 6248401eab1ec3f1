#![cfg(not(target_arch = "wasm32"))]
//! The marketplace glossary (`content/glossary/<lang>.toml`) is used consistently: no scenario text or locale
//! string in a language uses a discouraged variant of a term of its marketplace, every term is still in use,
//! and the three languages list the same terms.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

const LANGS: [&str; 3] = ["en", "ru", "pl"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Glossary {
    lang: String,
    terms: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    id: String,
    marketplace: String,
    kind: String,
    term: String,
    forms: Vec<String>,
    discouraged: Vec<String>,
    #[serde(default)]
    case_sensitive: bool,
    source: Option<String>,
    note: String,
}

impl Term {
    fn fold(&self, text: &str) -> String {
        if self.case_sensitive {
            text.to_string()
        } else {
            text.to_lowercase()
        }
    }

    fn contains(&self, text: &str, needle: &str) -> bool {
        self.fold(text).contains(&self.fold(needle))
    }
}

/// One text in one language: where it comes from, and the marketplace it speaks about (`None`: any).
struct Text {
    origin: String,
    marketplace: Option<String>,
    value: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn glossary(lang: &str) -> Glossary {
    let path = root().join("content/glossary").join(format!("{lang}.toml"));
    let g: Glossary = toml::from_str(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(g.lang, lang, "{} names its language", path.display());
    g
}

/// Every string stored under the key `lang` anywhere in a scenario file (texts are `{ en, ru, pl }` tables).
fn collect(value: &toml::Value, key: Option<&str>, lang: &str, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) if key == Some(lang) => out.push(s.clone()),
        toml::Value::Table(t) => t.iter().for_each(|(k, v)| collect(v, Some(k), lang, out)),
        toml::Value::Array(a) => a.iter().for_each(|v| collect(v, key, lang, out)),
        _ => {}
    }
}

fn texts(lang: &str) -> Vec<Text> {
    let mut out = Vec::new();
    let dir = root().join("content/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "all scenario files are read");
    for path in files {
        let value: toml::Value = toml::from_str(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let marketplace = value.get("marketplace").and_then(|m| m.as_str()).map(str::to_string);
        assert!(marketplace.is_some(), "{} names its marketplace", path.display());
        let mut strings = Vec::new();
        collect(&value, None, lang, &mut strings);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        out.extend(strings.into_iter().map(|value| Text {
            origin: name.clone(),
            marketplace: marketplace.clone(),
            value,
        }));
    }
    let locale = root().join("src/i18n/locales").join(format!("{lang}.txt"));
    for line in read(&locale).lines().filter(|l| !l.starts_with('#')) {
        if let Some((key, value)) = line.split_once(" = ") {
            out.push(Text { origin: format!("{lang}.txt {key}"), marketplace: None, value: value.to_string() });
        }
    }
    out
}

fn applies(term: &Term, text: &Text) -> bool {
    text.marketplace.as_deref().is_none_or(|m| m == term.marketplace)
}

#[test]
fn no_text_uses_a_discouraged_variant() {
    let mut problems = Vec::new();
    for lang in LANGS {
        let all = texts(lang);
        for term in &glossary(lang).terms {
            for text in all.iter().filter(|t| applies(term, t)) {
                for bad in term.discouraged.iter().filter(|bad| term.contains(&text.value, bad)) {
                    problems.push(format!("{lang} {}: “{bad}” instead of “{}” ({})", text.origin, term.term, term.id));
                }
            }
        }
    }
    assert!(problems.is_empty(), "discouraged variants in use:\n{}", problems.join("\n"));
}

#[test]
fn every_term_is_used_in_its_marketplace_texts() {
    let mut unused = Vec::new();
    for lang in LANGS {
        let all = texts(lang);
        for term in &glossary(lang).terms {
            let used = all
                .iter()
                .filter(|t| t.marketplace.as_deref() == Some(term.marketplace.as_str()))
                .any(|t| term.forms.iter().any(|f| term.contains(&t.value, f)));
            if !used {
                unused.push(format!("{lang} {}: none of {:?} appears", term.id, term.forms));
            }
        }
    }
    assert!(
        unused.is_empty(),
        "glossary terms no scenario uses (stale entry or changed wording):\n{}",
        unused.join("\n")
    );
}

#[test]
fn entries_are_well_formed_and_the_same_in_every_language() {
    let kinds = ["section", "button", "status", "document", "program", "legal"];
    let markets = ["wildberries", "yandex-market", "amazon", "mall"];
    let ids: Vec<BTreeSet<String>> = LANGS
        .iter()
        .map(|lang| {
            let g = glossary(lang);
            let mut seen = BTreeSet::new();
            for t in &g.terms {
                assert!(seen.insert(t.id.clone()), "{lang}: duplicate id {}", t.id);
                assert!(t.id.starts_with(&format!("{}.", t.id.split('.').next().unwrap_or_default())));
                assert!(kinds.contains(&t.kind.as_str()), "{lang} {}: kind {}", t.id, t.kind);
                assert!(markets.contains(&t.marketplace.as_str()), "{lang} {}: marketplace {}", t.id, t.marketplace);
                assert!(
                    !t.term.trim().is_empty() && !t.note.trim().is_empty() && !t.forms.is_empty(),
                    "{lang} {}",
                    t.id
                );
                assert!(t.source.as_deref().is_none_or(|s| s.starts_with("https://")), "{lang} {}: source", t.id);
                for bad in &t.discouraged {
                    assert!(!t.contains(&t.term, bad), "{lang} {}: the term itself contains “{bad}”", t.id);
                }
            }
            seen
        })
        .collect();
    assert_eq!(ids[0], ids[1], "en and ru list the same terms");
    assert_eq!(ids[0], ids[2], "en and pl list the same terms");
}

#[test]
fn a_discouraged_variant_is_caught() {
    // The check itself must be able to fail: a planted Polish "nota korygująca" in a MALL text is reported.
    let g = glossary("pl");
    let term = g.terms.iter().find(|t| t.id == "mall.dobropis").expect("mall.dobropis");
    let planted = Text {
        origin: "planted".into(),
        marketplace: Some("mall".into()),
        value: "Wyślij Notę korygującą do MALL.".into(),
    };
    assert!(applies(term, &planted) && term.discouraged.iter().any(|bad| term.contains(&planted.value, bad)));
    let other_market = Text { marketplace: Some("wildberries".into()), ..planted };
    assert!(!applies(term, &other_market), "a MALL term does not police Wildberries texts");
}
