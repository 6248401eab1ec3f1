//! The app's preferences, declared once: each one's storage name (under the app's `claimdesk:` namespace), its
//! type, its default, how it is written as text, and whether backups carry it. The UI store reads and writes
//! them through this table only, and follows other tabs' changes to them through one subscription.
//!
//! A new preference is one constant here (and a line in [`REGISTRY`]); its value type implements [`PrefValue`].

use chrono::{DateTime, Utc};

use crate::domain::report::{FindingMemory, MappingMemory};
use crate::domain::ProfileBook;
use crate::i18n::Lang;
use crate::time_text::{format_timestamp, parse_timestamp};

/// A value a preference holds, written as text. `encode` gives `Ok(None)` for a value that is stored by removing
/// the key (a flag that is off, a time never set), so the default never takes room; `Err` when the value cannot be
/// written (nothing is then changed in storage).
pub trait PrefValue: Clone + PartialEq + Sized {
    fn encode(&self) -> Result<Option<String>, String>;
    /// `None` for text this version cannot read: the preference then has its default.
    fn decode(text: &str) -> Option<Self>;
}

/// One preference.
pub struct Pref<T: 'static> {
    /// The key without the namespace (`lang` is stored as `claimdesk:lang`); `public/lang.js` and the service
    /// worker read `lang` too, so names never change.
    pub name: &'static str,
    pub default: fn() -> T,
    /// Exported with the cases and restored by an import.
    pub in_backup: bool,
}

impl<T: PrefValue> Pref<T> {
    /// The value of stored text (or of a missing key).
    pub fn read(&self, stored: Option<&str>) -> T {
        stored.and_then(T::decode).unwrap_or_else(self.default)
    }
}

/// The interface language the seller chose (`None`: not chosen, the browser's languages decide).
pub const LANGUAGE: Pref<Option<Lang>> = Pref { name: "lang", default: || None, in_backup: false };
/// The notice on how browser data can be lost was dismissed or acted on.
pub const RISK_NOTICE_DISMISSED: Pref<bool> =
    Pref { name: "risk-notice-dismissed", default: || false, in_backup: false };
/// When the automatic backup file was last written.
pub const AUTO_BACKUP_LAST_WRITTEN: Pref<Option<DateTime<Utc>>> =
    Pref { name: "auto-backup-last", default: || None, in_backup: false };
/// When a backup was last exported (the backup reminder counts from it).
pub const LAST_EXPORT: Pref<Option<DateTime<Utc>>> = Pref { name: "last-export", default: || None, in_backup: false };
/// The seller's business profiles, which letters take their sender from.
pub const PROFILES: Pref<ProfileBook> = Pref { name: "profiles", default: ProfileBook::default, in_backup: true };
/// The report findings the seller dismissed (by fingerprint), so a re-import finds nothing new. Not in backups
/// yet: a restored browser offers them again.
pub const REPORT_FINDINGS: Pref<FindingMemory> =
    Pref { name: "report-findings", default: FindingMemory::default, in_backup: false };
/// How the seller mapped the columns of reports the app did not recognise, one mapping per report kind.
pub const REPORT_MAPPINGS: Pref<MappingMemory> =
    Pref { name: "report-mappings", default: MappingMemory::default, in_backup: false };

/// Every preference by name, with whether backups carry it (wizard drafts are stored per scenario, outside
/// this table: they are work in progress, not settings).
pub const REGISTRY: &[(&str, bool)] = &[
    (LANGUAGE.name, LANGUAGE.in_backup),
    (RISK_NOTICE_DISMISSED.name, RISK_NOTICE_DISMISSED.in_backup),
    (AUTO_BACKUP_LAST_WRITTEN.name, AUTO_BACKUP_LAST_WRITTEN.in_backup),
    (LAST_EXPORT.name, LAST_EXPORT.in_backup),
    (PROFILES.name, PROFILES.in_backup),
    (REPORT_FINDINGS.name, REPORT_FINDINGS.in_backup),
    (REPORT_MAPPINGS.name, REPORT_MAPPINGS.in_backup),
];

impl PrefValue for bool {
    fn encode(&self) -> Result<Option<String>, String> {
        Ok(self.then(|| "1".to_string()))
    }

    fn decode(text: &str) -> Option<bool> {
        Some(!text.is_empty())
    }
}

impl PrefValue for Option<Lang> {
    fn encode(&self) -> Result<Option<String>, String> {
        Ok(self.map(|lang| lang.code().to_string()))
    }

    fn decode(text: &str) -> Option<Self> {
        Lang::from_code(text).map(Some)
    }
}

impl PrefValue for Option<DateTime<Utc>> {
    fn encode(&self) -> Result<Option<String>, String> {
        Ok(self.as_ref().map(format_timestamp))
    }

    fn decode(text: &str) -> Option<Self> {
        parse_timestamp(text).map(Some)
    }
}

impl PrefValue for ProfileBook {
    fn encode(&self) -> Result<Option<String>, String> {
        serde_json::to_string(self).map(Some).map_err(|e| e.to_string())
    }

    fn decode(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

impl PrefValue for FindingMemory {
    fn encode(&self) -> Result<Option<String>, String> {
        if self.dismissed.is_empty() {
            return Ok(None);
        }
        serde_json::to_string(self).map(Some).map_err(|e| e.to_string())
    }

    fn decode(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

impl PrefValue for MappingMemory {
    fn encode(&self) -> Result<Option<String>, String> {
        if self.mappings.is_empty() {
            return Ok(None);
        }
        serde_json::to_string(self).map(Some).map_err(|e| e.to_string())
    }

    fn decode(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}
