//! The UI's state and every change to it, in one place. Views read the stores (cases, business profiles,
//! preferences) and change them only through [`Store::run`] with a [`Command`]; they never touch storage. One
//! subscription follows what other tabs write, for every store.
//!
//! Direction inside `ui/`: views → `store` → `adapters` (`tests/layers.rs` checks it). The language is the one
//! preference `I18n` keeps (it switches only once the language's texts are installed); it reads and writes it here.

mod cases;
mod command;
mod drafts;
pub mod evidence;
mod prefs;
mod profiles;

use leptos::prelude::*;

pub use self::cases::{save_error_key, Cases, StorageNotices};
pub use self::command::{dispatch, Command, Outcome};
pub use self::drafts::{draft_key, read_draft, write_draft};
pub use self::prefs::{chosen_language, remember_language, PrefSignal, Prefs};
pub use self::profiles::Profiles;
use super::announcer::announce;
pub use crate::adapters::storage::SaveError;
// What Settings and the notices show of storage itself, read through the store like everything else.
pub use crate::adapters::storage::Loaded;
pub use crate::adapters::storage::Notice;
use crate::adapters::storage::{self, ExternalChange};
pub use crate::adapters::storage::{quarantined, raw_dump, usage, QuarantineEntry};
use crate::codec::prefs::{LANGUAGE, PROFILES};
use crate::i18n::{fill, tr, Key, Lang};

#[derive(Clone, Copy)]
pub struct Store {
    pub cases: Cases,
    pub profiles: Profiles,
    pub prefs: Prefs,
    pub notices: StorageNotices,
    /// The last command that failed, and why: shown on the page until a command succeeds.
    pub failure: RwSignal<Option<(Key, SaveError)>>,
    lang: RwSignal<Lang>,
}

/// Sets up the stores from what storage held when the app started (`loaded`) and follows other tabs;
/// `lang` is the interface language (messages are said in it) and `follow_language` switches it when another tab
/// chose another one.
pub fn provide_store(lang: RwSignal<Lang>, follow_language: impl Fn(Lang) + 'static, loaded: Loaded) -> Store {
    let store = Store {
        cases: Cases::new(loaded.book),
        profiles: Profiles::load(),
        prefs: Prefs::load(),
        notices: StorageNotices(RwSignal::new(loaded.notices)),
        failure: RwSignal::new(None),
        lang,
    };
    provide_context(store);
    let subscription = storage::subscribe(move |change| store.follow(&follow_language, change));
    // The page listens for as long as it is open.
    std::mem::forget(subscription);
    store
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

pub fn use_cases() -> Cases {
    use_store().cases
}

pub fn use_profiles() -> Profiles {
    use_store().profiles
}

/// The message for a failed command: what was not saved, then why.
pub fn failure_text(lang: Lang, not_saved: Key, error: &SaveError) -> String {
    format!("{} {}", tr(lang, not_saved), tr(lang, save_error_key(error)))
}

impl Store {
    /// Carries out `command` and tells the user what happened: its success only on `Ok(Saved)`, why it was
    /// turned down on `Refused`, and what was not saved and why on `Err` (also kept in [`Store::failure`]).
    /// `values` fill the success text (`{n}` cases imported, a letter's `{number}`).
    pub fn run(self, command: Command, values: &[(&str, &str)]) -> Result<Outcome, SaveError> {
        let labels = command.labels();
        let result = dispatch(self, command);
        let lang = self.lang.get_untracked();
        let say = |key: Option<Key>, values: &[(&str, &str)]| {
            if let Some(key) = key {
                announce(fill(tr(lang, key), values));
            }
        };
        match &result {
            Ok(Outcome::Saved) => say(labels.saved, values),
            Ok(Outcome::Imported(n)) => say(labels.saved, &[("n", &n.to_string())]),
            Ok(Outcome::Refused) => say(labels.refused, values),
            // The form shows what is wrong next to the profile or the step.
            Ok(Outcome::Invalid(_) | Outcome::StepRefused(_)) => {}
            Err(e) => {
                announce(failure_text(lang, labels.not_saved, e));
                self.failure.set(Some((labels.not_saved, e.clone())));
                return result;
            }
        }
        if self.failure.with_untracked(Option::is_some) {
            self.failure.set(None);
        }
        result
    }

    /// The last failure's message in the interface language (what was not saved, and why).
    pub fn failure_message(self) -> Option<String> {
        let lang = self.lang.get_untracked();
        self.failure.with_untracked(|f| f.as_ref().map(|(key, e)| failure_text(lang, *key, e)))
    }

    /// What another tab wrote, applied to the store it belongs to.
    fn follow(self, follow_language: &impl Fn(Lang), change: ExternalChange) {
        match change {
            ExternalChange::Records(records) => self.cases.follow_records(records),
            ExternalChange::Reload => {
                let notices = self.cases.reload();
                self.notices.0.set(notices);
            }
            ExternalChange::NewerVersion { schema } => {
                self.notices.0.update(|n| n.push(Notice::NewerVersion { schema }));
            }
            ExternalChange::Pref { name, value } => {
                if name == LANGUAGE.name {
                    if let Some(lang) = LANGUAGE.read(value.as_deref()) {
                        // Another tab switched language: follow it, without writing the choice back.
                        follow_language(lang);
                    }
                } else if name == PROFILES.name {
                    self.profiles.follow(value.as_deref());
                } else {
                    self.prefs.follow(&name, value.as_deref());
                }
            }
            ExternalChange::Ignored => {}
        }
    }
}
