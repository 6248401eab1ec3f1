//! The automatic backup file through the File System Access API (Chromium only): `showSaveFilePicker` once,
//! then `createWritable()` → `write()` → `close()` after changes (the file is replaced only when `close()`
//! succeeds). The file handle lives in IndexedDB (the only storage that can hold one), so after a reload
//! the app finds the file again and asks, with one click, for permission to write (`requestPermission`).
//! The APIs are not in web-sys's stable set: they are called through `js_sys::Reflect`.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::durability::WriteFailure;

/// IndexedDB database and object store holding the handle (namespaced like the localStorage keys).
const DATABASE: &str = "claimdesk:auto-backup";
const STORE: &str = "handles";
const HANDLE_KEY: &str = "file";
/// How many cases the file held after the last write (so a browser that lost its data can tell that the file
/// still holds cases worth keeping).
const COUNT_KEY: &str = "cases";

thread_local! {
    /// The chosen file (a `FileSystemFileHandle`), once chosen or found in IndexedDB.
    static CURRENT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `target[name](...args)`; a missing method or a synchronous throw is an `Err`.
fn call(target: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let method =
        get(target, name).and_then(|m| m.dyn_into::<Function>().ok()).ok_or_else(|| JsValue::from_str(name))?;
    method.apply(target, args)
}

/// Calls a method that returns a promise and waits for it.
async fn call_async(target: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let value = call(target, name, args)?;
    JsFuture::from(Promise::resolve(&value)).await
}

fn exception_name(error: &JsValue) -> String {
    get(error, "name").and_then(|n| n.as_string()).unwrap_or_default()
}

fn window() -> Option<JsValue> {
    web_sys::window().map(JsValue::from)
}

/// Whether this browser can keep an automatic backup file (`showSaveFilePicker` and IndexedDB).
pub fn is_supported() -> bool {
    window().is_some_and(|w| get(&w, "showSaveFilePicker").is_some() && get(&w, "indexedDB").is_some())
}

/// Why choosing a file did not work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChooseError {
    /// The user closed the picker.
    Cancelled,
    Failed,
}

/// Asks the user for the file (`showSaveFilePicker`), keeps its handle in IndexedDB and returns its name.
pub async fn choose(suggested_name: &str, description: &str) -> Result<String, ChooseError> {
    let window = window().ok_or(ChooseError::Failed)?;
    let accept = Object::new();
    let _ = Reflect::set(&accept, &"application/json".into(), &Array::of1(&".json".into()));
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &description.into());
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let options = Object::new();
    let _ = Reflect::set(&options, &"suggestedName".into(), &suggested_name.into());
    let _ = Reflect::set(&options, &"types".into(), &Array::of1(&kind));
    let handle = call_async(&window, "showSaveFilePicker", &Array::of1(&options)).await.map_err(|e| {
        if exception_name(&e) == "AbortError" {
            ChooseError::Cancelled
        } else {
            ChooseError::Failed
        }
    })?;
    store_handle(&handle).await.map_err(|_| ChooseError::Failed)?;
    let name = file_name(&handle);
    CURRENT.with(|current| current.replace(Some(handle)));
    Ok(name)
}

fn file_name(handle: &JsValue) -> String {
    get(handle, "name").and_then(|n| n.as_string()).unwrap_or_default()
}

/// The file chosen before (from IndexedDB): its name, whether writing to it is allowed without asking, and
/// how many cases the last write put in it (0 when unknown).
pub async fn restore() -> Option<(String, bool, u32)> {
    let handle = load(HANDLE_KEY).await.ok().flatten()?;
    let granted = permission(&handle, "queryPermission").await;
    let cases = load(COUNT_KEY).await.ok().flatten().and_then(|n| n.as_f64()).unwrap_or(0.0) as u32;
    let name = file_name(&handle);
    CURRENT.with(|current| current.replace(Some(handle)));
    Some((name, granted, cases))
}

/// Asks the user to allow writing to the chosen file again (needs the click that calls it).
pub async fn allow() -> bool {
    let Some(handle) = CURRENT.with(|current| current.borrow().clone()) else { return false };
    permission(&handle, "requestPermission").await
}

async fn permission(handle: &JsValue, method: &str) -> bool {
    // Handles without a permission model (none known) are writable as long as writing works.
    if get(handle, method).is_none() {
        return true;
    }
    let descriptor = Object::new();
    let _ = Reflect::set(&descriptor, &"mode".into(), &"readwrite".into());
    call_async(handle, method, &Array::of1(&descriptor)).await.ok().and_then(|s| s.as_string()).as_deref()
        == Some("granted")
}

/// Replaces the file's content with `text` (a backup of `cases` cases): nothing changes in the file unless
/// every step succeeds.
pub async fn write(text: &str, cases: u32) -> Result<(), WriteFailure> {
    let failure = |e: JsValue| WriteFailure::from_exception_name(&exception_name(&e));
    let handle = CURRENT.with(|current| current.borrow().clone()).ok_or(WriteFailure::FileGone)?;
    let writable = call_async(&handle, "createWritable", &Array::new()).await.map_err(failure)?;
    if let Err(e) = call_async(&writable, "write", &Array::of1(&text.into())).await {
        // Drops the temporary copy; the file keeps its previous backup.
        let _ = call_async(&writable, "abort", &Array::new()).await;
        return Err(failure(e));
    }
    call_async(&writable, "close", &Array::new()).await.map_err(failure)?;
    // Only a hint for the next start: the backup itself is written whether or not this is kept.
    let _ = in_store("readwrite", |store| call(store, "put", &Array::of2(&cases.into(), &COUNT_KEY.into()))).await;
    Ok(())
}

/// Stops the automatic backup: the handle is dropped here and in IndexedDB (the file itself stays).
pub async fn forget() {
    CURRENT.with(|current| current.replace(None));
    let _ = in_store("readwrite", |store| call(store, "delete", &Array::of1(&HANDLE_KEY.into()))).await;
    let _ = in_store("readwrite", |store| call(store, "delete", &Array::of1(&COUNT_KEY.into()))).await;
}

async fn store_handle(handle: &JsValue) -> Result<(), JsValue> {
    in_store("readwrite", |store| call(store, "put", &Array::of2(handle, &HANDLE_KEY.into()))).await.map(drop)
}

async fn load(key: &str) -> Result<Option<JsValue>, JsValue> {
    let value = in_store("readonly", |store| call(store, "get", &Array::of1(&key.into()))).await?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

/// Waits for an `IDBRequest` (or `IDBOpenDBRequest`): its `result`, or `Err` on its `error` event.
async fn request_done(request: &JsValue) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let target = request.clone();
        let succeeded = Closure::once_into_js(move |_: JsValue| {
            let result = get(&target, "result").unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let target = request.clone();
        let failed = Closure::once_into_js(move |_: JsValue| {
            let error = get(&target, "error").unwrap_or_else(|| JsValue::from_str("indexedDB request failed"));
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let _ = Reflect::set(request, &"onsuccess".into(), &succeeded);
        let _ = Reflect::set(request, &"onerror".into(), &failed);
    });
    JsFuture::from(promise).await
}

/// Opens the database (creating the store the first time), runs `operation` on the store in one
/// transaction of `mode`, and waits for its request.
async fn in_store(
    mode: &str,
    operation: impl FnOnce(&JsValue) -> Result<JsValue, JsValue>,
) -> Result<JsValue, JsValue> {
    let window = window().ok_or_else(|| JsValue::from_str("no window"))?;
    let factory = get(&window, "indexedDB").ok_or_else(|| JsValue::from_str("no indexedDB"))?;
    let open = call(&factory, "open", &Array::of2(&DATABASE.into(), &1.into()))?;
    let target = open.clone();
    let upgrade = Closure::once_into_js(move |_: JsValue| {
        if let Some(db) = get(&target, "result") {
            let _ = call(&db, "createObjectStore", &Array::of1(&STORE.into()));
        }
    });
    let _ = Reflect::set(&open, &"onupgradeneeded".into(), &upgrade);
    let db = request_done(&open).await?;
    let result = async {
        let transaction = call(&db, "transaction", &Array::of2(&STORE.into(), &mode.into()))?;
        let store = call(&transaction, "objectStore", &Array::of1(&STORE.into()))?;
        let request = operation(&store)?;
        request_done(&request).await
    }
    .await;
    let _ = call(&db, "close", &Array::new());
    result
}
