//! Language packs: one file per language (`pack-<lang>-<hash>.json`, written by build.rs) with the interface
//! strings and every scenario text, numbered. The wasm carries none of them: the app installs the pack of the
//! language in use before it draws anything (public/lang.js starts its download next to the wasm's), and another
//! one before switching to that language. Native builds (tests, tools) have all three built in.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

use super::Lang;

/// One language's texts, as installed.
pub struct Pack {
    strings: HashMap<String, String>,
    texts: Vec<String>,
}

#[derive(Deserialize)]
struct PackFile {
    lang: String,
    strings: String,
    texts: Vec<String>,
}

/// Why a pack was refused: the app keeps the language it has and says so.
#[derive(Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not the JSON shape of a pack (a damaged file or download).
    Malformed(String),
    /// A valid pack of another language or of another build of the app.
    Mismatch,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            PackError::Malformed(why) => write!(f, "not a language pack: {why}"),
            PackError::Mismatch => f.write_str("a language pack of another language or app version"),
        }
    }
}

// `const TEXT_COUNT: usize`: how many scenario texts this build's packs hold (every pack has them all).
include!(concat!(env!("OUT_DIR"), "/text_count.rs"));

static PACKS: [OnceLock<Pack>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// The file name of `lang`'s pack in this build, relative to the site's base path.
pub fn file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => env!("CLAIMDESK_PACK_EN"),
        Lang::Ru => env!("CLAIMDESK_PACK_RU"),
        Lang::Pl => env!("CLAIMDESK_PACK_PL"),
    }
}

/// Checks and installs `lang`'s pack from its file's text. Installing a language twice keeps the first.
pub fn install(lang: Lang, json: &str) -> Result<(), PackError> {
    let file: PackFile = serde_json::from_str(json).map_err(|e| PackError::Malformed(e.to_string()))?;
    if file.lang != lang.code() || file.texts.len() != TEXT_COUNT {
        return Err(PackError::Mismatch);
    }
    let pack = Pack { strings: super::table::parse(&file.strings), texts: file.texts };
    let _ = PACKS[lang.index()].set(pack);
    Ok(())
}

pub fn is_installed(lang: Lang) -> bool {
    pack(lang).is_some()
}

fn pack(lang: Lang) -> Option<&'static Pack> {
    #[cfg(not(target_arch = "wasm32"))]
    builtin::install_all();
    PACKS[lang.index()].get()
}

/// What the page says when the pack of the language it opens in cannot be downloaded: the one text the app has
/// without a pack, so it lives here rather than in the packs.
pub fn unavailable_message(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Claimdesk could not download its texts. Check the internet connection and reload the page.",
        Lang::Ru => "Claimdesk не смог загрузить свои тексты. Проверьте подключение к интернету и обновите страницу.",
        Lang::Pl => "Claimdesk nie mógł pobrać swoich tekstów. Sprawdź połączenie z internetem i odśwież stronę.",
    }
}

/// Scenario text number `number` in `lang`; empty when the pack is not installed.
pub fn text(lang: Lang, number: u32) -> &'static str {
    pack(lang).and_then(|p| p.texts.get(number as usize)).map_or("", String::as_str)
}

/// Interface string `id` in `lang`, if that pack is installed and has it.
pub fn string(lang: Lang, id: &str) -> Option<&'static str> {
    pack(lang).and_then(|p| p.strings.get(id)).map(String::as_str)
}

/// Native builds carry every pack, installed on first use.
#[cfg(not(target_arch = "wasm32"))]
mod builtin {
    use super::{install, Lang};

    pub(super) const PACKS: [(Lang, &str); 3] = [
        (Lang::En, include_str!(concat!(env!("OUT_DIR"), "/packs/", env!("CLAIMDESK_PACK_EN")))),
        (Lang::Ru, include_str!(concat!(env!("OUT_DIR"), "/packs/", env!("CLAIMDESK_PACK_RU")))),
        (Lang::Pl, include_str!(concat!(env!("OUT_DIR"), "/packs/", env!("CLAIMDESK_PACK_PL")))),
    ];

    pub fn install_all() {
        static DONE: std::sync::Once = std::sync::Once::new();
        DONE.call_once(|| {
            for (lang, json) in PACKS {
                install(lang, json).unwrap_or_else(|e| panic!("built-in {} pack: {e}", lang.code()));
            }
        });
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_pack_is_installed_natively_with_every_text() {
        for lang in Lang::ALL {
            assert!(is_installed(lang));
            assert!(string(lang, "app.name").is_some());
            assert!(!text(lang, 0).is_empty());
            assert_eq!(text(lang, u32::try_from(TEXT_COUNT).unwrap_or(u32::MAX)), "", "past the last text");
        }
    }

    #[test]
    fn a_damaged_or_foreign_pack_is_refused() {
        assert!(matches!(install(Lang::Ru, "{\"lang\":\"ru\""), Err(PackError::Malformed(_))));
        assert!(matches!(install(Lang::Ru, "[1, 2]"), Err(PackError::Malformed(_))));
        let english = builtin::PACKS[0].1;
        assert_eq!(install(Lang::Ru, english), Err(PackError::Mismatch), "the English pack offered as Russian");
        let short = serde_json::json!({ "lang": "ru", "strings": "", "texts": ["one"] }).to_string();
        assert_eq!(install(Lang::Ru, &short), Err(PackError::Mismatch), "a pack of another build");
    }
}
