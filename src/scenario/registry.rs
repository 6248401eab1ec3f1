//! The scenarios the app ships. Adding one = a file in `content/scenarios/` and one line in [`SOURCES`].

use std::sync::OnceLock;

use super::Scenario;
use crate::i18n::Lang;

macro_rules! scenario_json {
    ($id:literal) => {
        ($id, include_str!(concat!(env!("OUT_DIR"), "/scenarios/", $id, ".json")))
    };
}

/// `(id, JSON)` of every scenario, in the order the home page lists them.
pub const SOURCES: &[(&str, &str)] = &[
    scenario_json!("wb-lost-goods"),
    scenario_json!("wb-buyer-refusal"),
    scenario_json!("ym-not-delivered"),
    scenario_json!("ym-return-problem"),
    scenario_json!("amazon-not-received"),
    scenario_json!("mall-incomplete-order"),
];

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
