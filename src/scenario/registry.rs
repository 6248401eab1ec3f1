//! The scenarios the app ships: every file of `content/scenarios/`, listed by build.rs in the order their
//! `order` field gives. Adding one = one TOML file (and its path fixture); no Rust edit.

use std::sync::OnceLock;

use super::Scenario;
use crate::i18n::Lang;

include!(concat!(env!("OUT_DIR"), "/scenario_sources.rs"));

/// All scenarios that parse. The validator test guarantees that every shipped file does; a file that did not
/// would be left out rather than take the whole app down.
pub fn all() -> &'static [Scenario] {
    static PARSED: OnceLock<Vec<Scenario>> = OnceLock::new();
    PARSED.get_or_init(|| SOURCES.iter().filter_map(|(_, json)| serde_json::from_str(json).ok()).collect())
}

pub fn get(id: &str) -> Option<&'static Scenario> {
    all().iter().find(|s| s.id == id)
}

/// The title of scenario `id` in `lang`, or the id itself for a scenario this version does not ship (a case
/// imported from a newer version).
pub fn title_of(id: &str, lang: Lang) -> String {
    get(id).map_or_else(|| id.to_string(), |s| s.title.get(lang).to_string())
}
