//! The case store: the case book in memory, written through the storage adapter after every change, and the
//! storage notices (unavailable, corrupted, newer version, quota) shown above every page.

use leptos::prelude::*;

use super::Outcome;
use crate::adapters::storage::{self, Notice, SaveError};
use crate::adapters::{clock, durability};
use crate::domain::durability::Persistence;
use crate::domain::{Case, CaseBook};
use crate::i18n::Key;

#[derive(Clone, Copy)]
pub struct Cases {
    pub book: RwSignal<CaseBook>,
    /// Set when a change could not be written: the data lives in memory only until it is exported.
    pub unsaved: RwSignal<Option<SaveError>>,
    /// Whether the browser promised to keep our data (`navigator.storage.persisted()`), once known.
    pub persisted: RwSignal<Persistence>,
    /// The case deleted last, kept for "Undo".
    pub deleted: RwSignal<Option<Case>>,
    /// This page saved the first case of an empty book (the moment to say how the data could be lost).
    pub first_saved: RwSignal<bool>,
    /// The browser offered installation (`beforeinstallprompt`) and the prompt is held.
    pub install_prompt: RwSignal<bool>,
}

/// Cases whose search text one step prepares: about 3 ms in the browser, short enough not to hold up input.
const SEARCH_STEP_CASES: usize = 1_000;

/// Prepares the search text of every case a step at a time when the browser is idle (see
/// `CaseBook::prepare_search`): after the first page has painted, so neither the start nor, a moment later,
/// the first search keystroke pays for it.
fn prepare_search_when_idle(book: RwSignal<CaseBook>) {
    let step = move || {
        let done = book.try_with_untracked(|b| b.prepare_search(SEARCH_STEP_CASES)).unwrap_or(true);
        if !done {
            prepare_search_when_idle(book);
        }
    };
    // Safari has no requestIdleCallback: a short timer is the nearest thing there.
    if request_idle_callback_with_handle(step).is_err() {
        set_timeout(step, IDLE_FALLBACK_DELAY);
    }
}

/// Where idle callbacks are missing, the wait before each preparation step (after the first paint).
const IDLE_FALLBACK_DELAY: std::time::Duration = std::time::Duration::from_millis(50);

impl Cases {
    pub(super) fn new(book: CaseBook) -> Cases {
        let cases = Cases {
            book: RwSignal::new(book),
            unsaved: RwSignal::new(None),
            persisted: RwSignal::new(Persistence::Unknown),
            deleted: RwSignal::new(None),
            first_saved: RwSignal::new(false),
            install_prompt: RwSignal::new(false),
        };
        prepare_search_when_idle(cases.book);
        durability::watch_install_prompt(move |held| cases.install_prompt.set(held));
        leptos::task::spawn_local(async move {
            cases.persisted.set(durability::persistence().await);
        });
        cases
    }

    /// Another tab saved these records.
    pub(super) fn follow_records(self, records: Vec<crate::domain::Record>) {
        // Take the other tab's records where they are newer than ours.
        self.book.update(|book| {
            for record in records {
                book.merge(record);
            }
        });
    }

    /// Storage changed wholesale (another tab imported or cleared): read it again; returns its notices.
    pub(super) fn reload(self) -> Vec<Notice> {
        let loaded = storage::load();
        if storage::unsaved() > 0 {
            // Changes a full quota kept only in memory must survive: merge instead of replacing.
            self.book.update(|book| {
                for record in loaded.book.into_records() {
                    book.merge(record);
                }
            });
        } else {
            self.book.set(loaded.book);
            prepare_search_when_idle(self.book);
        }
        loaded.notices
    }

    pub fn get(self, id: &str) -> Option<Case> {
        self.book.with(|b| b.get(id).cloned())
    }

    fn persist(self, id: &str) -> Result<(), SaveError> {
        let result = self.book.with_untracked(|b| storage::save_case(b, id));
        match &result {
            Err(SaveError::Conflict) => {
                // Another tab saved a newer copy: show that one, the user repeats the change on it.
                if let Some(record) = storage::read_record(id) {
                    self.book.update(|b| {
                        b.accept(record);
                    });
                }
            }
            Err(e) => self.unsaved.set(Some(e.clone())),
            Ok(()) => {}
        }
        result
    }

    /// Saves several changed cases at once (an import); what could not be written stays marked unsaved.
    pub fn persist_all(self, ids: &[String]) -> Result<(), SaveError> {
        let result = self.book.with_untracked(|b| storage::save_cases(b, ids));
        if let Err(e) = &result {
            self.unsaved.set(Some(e.clone()));
        }
        result
    }

    /// Saves a new or changed case (a changed copy must carry a higher revision than the one held).
    pub fn save(self, case: Case) -> Result<(), SaveError> {
        let id = case.id.clone();
        let first_case = self.book.with_untracked(CaseBook::is_empty);
        let accepted = self.book.try_update(|b| b.upsert(case)).unwrap_or(Ok(false));
        if accepted.is_err() {
            return Err(SaveError::Conflict);
        }
        let result = self.persist(&id);
        if first_case && result.is_ok() {
            self.ask_persistence();
            self.first_saved.set(true);
        }
        result
    }

    /// Changes one case through `change` and saves it. `Refused` when the case is gone (deleted in another
    /// tab) or `change` turned the change down (returned `false`): nothing was saved, nothing failed.
    pub fn update(self, id: &str, change: impl FnOnce(&mut Case) -> bool) -> Result<Outcome, SaveError> {
        let Some(mut case) = self.get(id) else { return Ok(Outcome::Refused) };
        if !change(&mut case) {
            return Ok(Outcome::Refused);
        }
        self.save(case).map(|()| Outcome::Saved)
    }

    /// Asks the browser to keep our data under storage pressure and records the answer.
    pub fn ask_persistence(self) {
        leptos::task::spawn_local(async move {
            let answer = durability::request_persistence().await;
            self.persisted.set(answer);
        });
    }

    /// Writes what a full quota kept in memory, after the user freed space.
    pub fn retry_unsaved(self) -> Result<(), SaveError> {
        let result = self.book.with_untracked(storage::retry_unsaved);
        self.unsaved.set(result.as_ref().err().cloned());
        result
    }

    /// Deletes a case; it stays available for "Undo" until the next deletion.
    /// A deletion that could not be written is undone in memory too: the case stays where the seller sees it,
    /// with the reason, instead of vanishing until the next reload brings it back.
    pub fn remove(self, id: &str) -> Result<(), SaveError> {
        let before = self.book.with_untracked(|b| b.record(id));
        let removed = self.book.try_update(|b| b.remove(id, clock::now())).flatten();
        if removed.is_none() {
            return Ok(());
        }
        match self.persist(id) {
            Ok(()) => {
                self.deleted.set(removed);
                Ok(())
            }
            Err(e) => {
                if e != SaveError::Conflict {
                    if let Some(record) = before {
                        self.book.update(|b| {
                            b.accept(record);
                        });
                    }
                }
                Err(e)
            }
        }
    }

    /// Brings back the case deleted last.
    pub fn undo_delete(self) -> Result<(), SaveError> {
        let Some(case) = self.deleted.try_update(Option::take).flatten() else { return Ok(()) };
        let id = case.id.clone();
        self.book.update(|b| {
            b.restore(case, clock::now());
        });
        self.persist(&id)
    }
}

pub fn save_error_key(e: &SaveError) -> Key {
    match e {
        SaveError::QuotaExceeded => Key::ErrorQuota,
        SaveError::Unavailable => Key::ErrorStorageUnavailable,
        SaveError::Conflict => Key::ErrorConflict,
        SaveError::NewerVersion => Key::ErrorNewerVersion,
        SaveError::Other(_) => Key::ErrorSaveFailed,
    }
}

#[derive(Clone, Copy)]
pub struct StorageNotices(pub RwSignal<Vec<storage::Notice>>);
