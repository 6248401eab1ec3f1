//! Wizard drafts: the answers of a wizard not yet saved as a case, one per scenario (and per case being edited),
//! so a closed tab or a reload loses nothing. Work in progress, not settings: outside the preferences table.

use crate::adapters::storage::{self, SaveError};
use crate::scenario::Draft;

/// Where the draft of `scenario` (editing case `case_id`, if any) is kept.
pub fn draft_key(scenario: &str, case_id: Option<&str>) -> String {
    match case_id {
        Some(id) => format!("draft:{scenario}:{id}"),
        None => format!("draft:{scenario}"),
    }
}

/// The stored draft; `None` when there is none or it cannot be read.
pub fn read_draft(key: &str) -> Option<Draft> {
    storage::read_json(key)
}

pub fn write_draft(key: &str, draft: &Draft) -> Result<(), SaveError> {
    storage::write_json(key, draft)
}

/// Discarded once the case holds the answers (best effort: a leftover draft is only offered again).
pub(super) fn discard_draft(key: &str) {
    storage::remove_pref(key);
}
