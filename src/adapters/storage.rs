//! localStorage for the whole app. Every key starts with `claimdesk:` (many GitHub Pages sites share one
//! origin). The rules (record sets, quarantine, conflicts, newer data) live in [`crate::codec::store`], which
//! is tested natively; this module only connects it to the browser.
//!
//! API for the UI:
//! - [`load`]`()` → [`Loaded`] `{ book, notices }` once at start (and again on [`ExternalChange::Reload`]).
//!   Notices to show: [`Notice::Unavailable`] (nothing will be saved), [`Notice::NewerVersion`] (saving is off;
//!   offer [`raw_dump`] as a download), [`Notice::Quarantined`] (offer [`quarantined`] as downloads).
//! - After changing the book: [`save_case`]`(&book, id)` (also for a deleted id), or [`save_cases`] for many
//!   (an import). On [`SaveError::Conflict`] put [`read_record`]`(id)` in the book with `CaseBook::accept`
//!   and tell the user the case was changed in another tab. On [`SaveError::QuotaExceeded`] the change is
//!   only in memory: say so, offer the export, and call [`retry_unsaved`] once space was freed ([`unsaved`]
//!   counts what is pending).
//! - [`subscribe`]`(callback)` for changes made in other tabs; keep the returned [`Subscription`] alive.
//! - Settings: [`usage`] (warn when [`Usage::warn`]).
//! - The preferences of the app's table (`codec::prefs`): [`read`], [`write`]; wizard drafts by name:
//!   [`read_pref`], [`write_pref`], [`remove_pref`].
//!
//! - Typed values such as wizard drafts: [`read_json`], [`write_json`] (serde through gloo-storage).
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is blocked, so the record sets go through `web_sys`
//! directly and every failure becomes a value; gloo-storage serves the typed values, and only once the store
//! is known to be usable.

use std::cell::RefCell;

use chrono::{DateTime, TimeZone, Utc};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::codec::prefs::{Pref, PrefValue};
use crate::codec::store::{BackendError, KeyValue, Store};
pub use crate::codec::store::{ExternalChange, Loaded, Notice, QuarantineEntry, SaveError, Usage, PREFIX};
use crate::domain::{CaseBook, Record};

fn key(name: &str) -> String {
    format!("{PREFIX}{name}")
}

fn now() -> DateTime<Utc> {
    Utc.timestamp_millis_opt(js_sys::Date::now() as i64).single().unwrap_or_default()
}

/// localStorage, or `None` when the browser has none or refuses access (blocked cookies, some private modes).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Maps a thrown value to what it means for us (the engines' names and codes: [`BackendError::from_dom_exception`]).
fn classify(error: JsValue) -> BackendError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => BackendError::from_dom_exception(&exception.name(), exception.code(), &exception.message()),
        None => BackendError::Other(error.as_string().unwrap_or_else(|| "storage error".to_string())),
    }
}

struct WebStorage(web_sys::Storage);

impl KeyValue for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.0.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.0.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let length = self.0.length().map_err(classify)?;
        (0..length).map(|i| self.0.key(i).map_err(classify)).filter_map(Result::transpose).collect()
    }
}

enum State {
    NotLoaded,
    /// No usable localStorage: the app keeps everything in memory.
    Memory,
    Ready(Store<WebStorage>),
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::NotLoaded) };
}

fn open() -> Result<(Store<WebStorage>, Loaded), BackendError> {
    let storage = local_storage().ok_or(BackendError::Unavailable)?;
    Store::open(WebStorage(storage), now())
}

/// Reads everything. Never fails: without storage the book is empty and the notices say why.
pub fn load() -> Loaded {
    match open() {
        Ok((store, loaded)) => {
            STATE.with(|state| *state.borrow_mut() = State::Ready(store));
            loaded
        }
        Err(_) => {
            STATE.with(|state| *state.borrow_mut() = State::Memory);
            Loaded { book: CaseBook::new(), notices: vec![Notice::Unavailable] }
        }
    }
}

/// Runs `f` on the store, opening it first if [`load`] was not called (safe: the store merges with what is
/// stored rather than trusting the book).
fn with_store<T>(f: impl FnOnce(&mut Store<WebStorage>) -> Result<T, SaveError>) -> Result<T, SaveError> {
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        if matches!(*state, State::NotLoaded) {
            *state = match open() {
                Ok((store, _)) => State::Ready(store),
                Err(_) => State::Memory,
            };
        }
        match &mut *state {
            State::Ready(store) => f(store),
            _ => Err(SaveError::Unavailable),
        }
    })
}

/// Whether changes are being saved (false when storage is missing or blocked).
pub fn is_available() -> bool {
    STATE.with(|state| matches!(*state.borrow(), State::Ready(_)))
}

/// Saves the record of `id` from the book: the case, or its deletion when it was removed.
pub fn save_case(book: &CaseBook, id: &str) -> Result<(), SaveError> {
    with_store(|store| store.save(book, [id], now()))
}

/// Saves many records at once (each record set is written once).
pub fn save_cases(book: &CaseBook, ids: &[String]) -> Result<(), SaveError> {
    with_store(|store| store.save(book, ids.iter().map(String::as_str), now()))
}

/// The stored record of `id`: after a [`SaveError::Conflict`], put it in the book with `CaseBook::accept`.
pub fn read_record(id: &str) -> Option<Record> {
    with_store(|store| store.stored_record(id)).ok().flatten()
}

/// Record sets with changes not yet written (the quota was full).
pub fn unsaved() -> usize {
    with_store(|store| Ok(store.unsaved())).unwrap_or(0)
}

pub fn retry_unsaved(book: &CaseBook) -> Result<(), SaveError> {
    with_store(|store| store.retry_unsaved(book, now()))
}

/// The schema of newer data found in storage, when saving is off because of it.
pub fn newer_data() -> Option<u32> {
    with_store(|store| Ok(store.newer_data())).ok().flatten()
}

/// Storage use for the settings page; `None` without storage.
pub fn usage() -> Option<Usage> {
    with_store(|store| store.usage().map_err(SaveError::from)).ok()
}

/// Values set aside as unreadable, for download.
pub fn quarantined() -> Vec<QuarantineEntry> {
    with_store(|store| store.quarantined().map_err(SaveError::from)).unwrap_or_default()
}

pub fn discard_quarantined(key: &str) -> Result<(), SaveError> {
    with_store(|store| store.discard_quarantined(key).map_err(SaveError::from))
}

/// Every `claimdesk:` key with its raw value, as JSON: the download offered when data cannot be read.
pub fn raw_dump() -> Option<String> {
    with_store(|store| store.raw_dump().map_err(SaveError::from)).ok()
}

/// Listens for changes other tabs make to our keys; dropping the subscription stops listening.
pub struct Subscription {
    listener: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("storage", self.listener.as_ref().unchecked_ref());
        }
    }
}

pub fn subscribe(callback: impl Fn(ExternalChange) + 'static) -> Subscription {
    let listener = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
        let ours = local_storage().zip(event.storage_area()).is_some_and(|(mine, theirs)| mine == theirs);
        let key = event.key();
        if !ours || key.as_deref().is_some_and(|k| !k.starts_with(PREFIX)) {
            return;
        }
        let new_value = event.new_value();
        // The borrow ends before the callback runs: the UI may call back into this module (e.g. `load`).
        let change = with_store(|store| Ok(store.external_change(key.as_deref(), new_value.as_deref())))
            .unwrap_or(ExternalChange::Ignored);
        if change != ExternalChange::Ignored {
            callback(change);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    }
    Subscription { listener }
}

/// A preference of the app's table (`codec::prefs`): its value, or its default when it is missing or unreadable.
pub fn read<T: PrefValue>(pref: &Pref<T>) -> T {
    pref.read(read_pref(pref.name).as_deref())
}

/// Writes a preference of the app's table; a default value removes the key.
pub fn write<T: PrefValue>(pref: &Pref<T>, value: &T) -> Result<(), SaveError> {
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    match value.encode().map_err(SaveError::Other)? {
        Some(text) => storage.set_item(&key(pref.name), &text),
        None => storage.remove_item(&key(pref.name)),
    }
    .map_err(|e| SaveError::from(classify(e)))
}

/// A small preference or draft (language, wizard progress) stored as text.
pub fn read_pref(name: &str) -> Option<String> {
    local_storage()?.get_item(&key(name)).ok().flatten()
}

pub fn write_pref(name: &str, value: &str) -> Result<(), SaveError> {
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    storage.set_item(&key(name), value).map_err(|e| SaveError::from(classify(e)))
}

pub fn remove_pref(name: &str) {
    // Removing is best effort: if storage is unavailable there is nothing to remove.
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&key(name));
    }
}

/// A typed value stored as JSON (a wizard draft); `None` when absent, unreadable or storage is unusable.
pub fn read_json<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    use gloo_storage::Storage;
    if !is_available() {
        return None;
    }
    gloo_storage::LocalStorage::get(key(name)).ok()
}

pub fn write_json<T: serde::Serialize>(name: &str, value: &T) -> Result<(), SaveError> {
    use gloo_storage::errors::StorageError;
    use gloo_storage::Storage;
    if !is_available() {
        return Err(SaveError::Unavailable);
    }
    gloo_storage::LocalStorage::set(key(name), value).map_err(|e| match e {
        // gloo keeps the exception's name and message but not its code.
        StorageError::JsError(js) => SaveError::from(BackendError::from_dom_exception(&js.name, 0, &js.message)),
        other => SaveError::Other(other.to_string()),
    })
}
