//! What the seller adds to a case's letter: the fields only they know (next to the letter, filling its
//! `{input.<id>}` lines) and the text as they edited it, per language. Kept on the case (so in its record and in
//! backups); an edited text replaces the generated one until the seller resets it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::case::{check_text_value, limits};
use super::Case;
use crate::i18n::Lang;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterDraft {
    /// What the seller typed, by input id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// The edited text, by language code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub edited: BTreeMap<String, String>,
}

impl LetterDraft {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.edited.is_empty()
    }

    pub fn edited_text(&self, lang: Lang) -> Option<&str> {
        self.edited.get(lang.code()).map(String::as_str)
    }
}

/// Why a letter's field or text was not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// Too long, or hidden characters.
    BadText,
}

impl Case {
    pub fn letter_draft(&self, message: &str) -> Option<&LetterDraft> {
        self.letters.get(message)
    }

    /// Keeps what the seller typed in field `field` of letter `message` (an empty value removes it). Returns
    /// whether anything changed.
    pub fn set_letter_field(
        &mut self,
        message: &str,
        field: &str,
        value: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, DraftError> {
        let value = value.trim();
        check_text_value(value, limits::LONG_TEXT_CHARS, true).map_err(|_| DraftError::BadText)?;
        let draft = self.letters.entry(message.to_string()).or_default();
        let changed = if value.is_empty() {
            draft.fields.remove(field).is_some()
        } else {
            draft.fields.insert(field.to_string(), value.to_string()).as_deref() != Some(value)
        };
        self.after_draft_change(message, changed, now);
        Ok(changed)
    }

    /// Keeps the seller's edit of letter `message` in `lang`, or drops it (`None`: back to the generated text).
    pub fn set_letter_text(
        &mut self,
        message: &str,
        lang: Lang,
        text: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool, DraftError> {
        if let Some(text) = text {
            check_text_value(text, limits::LONG_TEXT_CHARS, true).map_err(|_| DraftError::BadText)?;
        }
        let draft = self.letters.entry(message.to_string()).or_default();
        let changed = match text {
            Some(text) => draft.edited.insert(lang.code().to_string(), text.to_string()).as_deref() != Some(text),
            None => draft.edited.remove(lang.code()).is_some(),
        };
        self.after_draft_change(message, changed, now);
        Ok(changed)
    }

    /// A draft change is saved like any change (a newer revision), without a timeline entry: typing a field is
    /// not an event of the claim.
    fn after_draft_change(&mut self, message: &str, changed: bool, now: DateTime<Utc>) {
        if self.letters.get(message).is_some_and(LetterDraft::is_empty) {
            self.letters.remove(message);
        }
        if changed {
            self.updated_at = now;
            self.revision += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample_cases;
    use chrono::TimeZone;

    fn case() -> Case {
        sample_cases(1, 7).remove(0)
    }

    #[test]
    fn a_field_is_kept_trimmed_and_an_empty_one_removed() {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap();
        let mut c = case();
        let revision = c.revision;
        assert_eq!(c.set_letter_field("precourt_claim", "act", "  АП-1234 ", now), Ok(true));
        assert_eq!(c.letter_draft("precourt_claim").unwrap().fields["act"], "АП-1234");
        assert_eq!(c.revision, revision + 1);
        assert_eq!(c.set_letter_field("precourt_claim", "act", "АП-1234", now), Ok(false));
        assert_eq!(c.revision, revision + 1);
        assert_eq!(c.set_letter_field("precourt_claim", "act", "", now), Ok(true));
        assert!(c.letter_draft("precourt_claim").is_none());
    }

    #[test]
    fn an_edit_is_per_language_and_reset_drops_it() {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap();
        let mut c = case();
        assert_eq!(c.set_letter_text("precourt_claim", Lang::Ru, Some("ПРЕТЕНЗИЯ\nтекст"), now), Ok(true));
        let draft = c.letter_draft("precourt_claim").unwrap();
        assert_eq!(draft.edited_text(Lang::Ru), Some("ПРЕТЕНЗИЯ\nтекст"));
        assert_eq!(draft.edited_text(Lang::Pl), None);
        assert_eq!(c.set_letter_text("precourt_claim", Lang::Ru, None, now), Ok(true));
        assert!(c.letters.is_empty());
    }

    #[test]
    fn refuses_hidden_characters_and_keeps_the_draft() {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap();
        let mut c = case();
        assert_eq!(c.set_letter_field("m", "f", "ok", now), Ok(true));
        assert_eq!(c.set_letter_field("m", "f", "bad\u{202e}text", now), Err(DraftError::BadText));
        assert_eq!(c.letter_draft("m").unwrap().fields["f"], "ok");
    }

    #[test]
    fn a_draft_survives_the_stored_form() {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap();
        let mut c = case();
        c.set_letter_field("precourt_claim", "act", "АП-1234", now).unwrap();
        c.set_letter_text("precourt_claim", Lang::Pl, Some("WEZWANIE"), now).unwrap();
        let json = serde_json::to_string(&c).unwrap();
        let back: Case = serde_json::from_str(&json).unwrap();
        assert_eq!(back.letters, c.letters);
        assert_eq!(back.validate(), Ok(()));
    }
}
