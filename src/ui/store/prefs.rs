//! The preferences as signals: each one of the app's table (`codec::prefs`) read once at start, written before it
//! is shown, and following other tabs through the store's one subscription.

use leptos::prelude::*;

use crate::adapters::storage::{self, SaveError};
use crate::codec::prefs::{self, Pref, PrefValue};
use crate::i18n::Lang;

/// The language the seller chose before, if any (read once at start, before the stores exist).
pub fn chosen_language() -> Option<Lang> {
    storage::read(&prefs::LANGUAGE)
}

/// Remembers the seller's choice of language.
pub fn remember_language(lang: Lang) -> Result<(), SaveError> {
    storage::write(&prefs::LANGUAGE, &Some(lang))
}

/// One preference and its current value.
pub struct PrefSignal<T: Send + Sync + 'static> {
    pref: &'static Pref<T>,
    value: RwSignal<T>,
}

impl<T: Send + Sync + 'static> Clone for PrefSignal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for PrefSignal<T> {}

impl<T: PrefValue + Send + Sync + 'static> PrefSignal<T> {
    fn load(pref: &'static Pref<T>) -> Self {
        PrefSignal { pref, value: RwSignal::new(storage::read(pref)) }
    }

    /// The value, tracked by the reactive scope that reads it.
    pub fn get(self) -> T {
        self.value.get()
    }

    /// Stores the value when storage allows and shows it either way: for a choice the page honours until it is
    /// reloaded even when it cannot be remembered (a dismissed notice, the time of the last backup).
    pub fn remember(self, value: T) {
        // A refused write changes nothing the page shows: the choice still applies until the page is reloaded.
        let _ = storage::write(self.pref, &value);
        self.value.set(value);
    }

    pub fn get_untracked(self) -> T
    where
        T: Clone,
    {
        self.value.get_untracked()
    }

    /// Stores the value and shows it only once stored: for a change whose refusal must be heard (a `Command`).
    pub fn save(self, value: T) -> Result<(), SaveError> {
        storage::write(self.pref, &value)?;
        self.value.set(value);
        Ok(())
    }

    /// Another tab wrote `stored` under this preference's name.
    fn follow(self, stored: Option<&str>) {
        let value = self.pref.read(stored);
        if self.value.with_untracked(|current| *current != value) {
            self.value.set(value);
        }
    }
}

/// The preferences the interface reads (the profiles have their own store, `Profiles`, and the language lives in
/// `I18n`, which switches only once the language's texts are installed).
#[derive(Clone, Copy)]
pub struct Prefs {
    pub risk_notice_dismissed: PrefSignal<bool>,
    pub auto_backup_last_written: PrefSignal<Option<chrono::DateTime<chrono::Utc>>>,
    pub last_export: PrefSignal<Option<chrono::DateTime<chrono::Utc>>>,
    /// The report findings the seller dismissed.
    pub report_findings: PrefSignal<crate::domain::report::FindingMemory>,
    /// How the seller mapped the columns of reports the app did not recognise.
    pub report_mappings: PrefSignal<crate::domain::report::MappingMemory>,
}

impl Prefs {
    pub(super) fn load() -> Prefs {
        Prefs {
            risk_notice_dismissed: PrefSignal::load(&prefs::RISK_NOTICE_DISMISSED),
            auto_backup_last_written: PrefSignal::load(&prefs::AUTO_BACKUP_LAST_WRITTEN),
            last_export: PrefSignal::load(&prefs::LAST_EXPORT),
            report_findings: PrefSignal::load(&prefs::REPORT_FINDINGS),
            report_mappings: PrefSignal::load(&prefs::REPORT_MAPPINGS),
        }
    }

    /// Follows another tab's change to preference `name`; `false` when it is not one of these.
    pub(super) fn follow(self, name: &str, stored: Option<&str>) -> bool {
        match name {
            n if n == prefs::RISK_NOTICE_DISMISSED.name => self.risk_notice_dismissed.follow(stored),
            n if n == prefs::AUTO_BACKUP_LAST_WRITTEN.name => self.auto_backup_last_written.follow(stored),
            n if n == prefs::LAST_EXPORT.name => self.last_export.follow(stored),
            n if n == prefs::REPORT_FINDINGS.name => self.report_findings.follow(stored),
            n if n == prefs::REPORT_MAPPINGS.name => self.report_mappings.follow(stored),
            _ => return false,
        }
        true
    }
}
