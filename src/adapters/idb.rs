//! The few IndexedDB calls the adapters need, through `js_sys::Reflect` (the IndexedDB types are not among
//! the web-sys features the app enables): open a database, wait for a request, wait for a transaction to be
//! committed.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `target[name](...args)`; a missing method or a synchronous throw is an `Err`.
pub fn call(target: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let method =
        get(target, name).and_then(|m| m.dyn_into::<Function>().ok()).ok_or_else(|| JsValue::from_str(name))?;
    method.apply(target, args)
}

/// Calls a method that returns a promise and waits for it.
pub async fn call_async(target: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let value = call(target, name, args)?;
    JsFuture::from(Promise::resolve(&value)).await
}

/// The `name` of a thrown `DOMException` ("QuotaExceededError", …).
pub fn exception_name(error: &JsValue) -> String {
    get(error, "name").and_then(|n| n.as_string()).unwrap_or_default()
}

/// Waits for `target` to fire `ok` (resolving with what `result` gives) or one of `failures` (rejecting with
/// its `error`).
async fn wait_for(
    target: &JsValue,
    ok: &str,
    failures: &[&str],
    result: impl FnOnce(&JsValue) -> JsValue + 'static,
) -> Result<JsValue, JsValue> {
    let mut result = Some(result);
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let source = target.clone();
        let result = result.take();
        let succeeded = Closure::once_into_js(move |_: JsValue| {
            let value = result.map_or(JsValue::UNDEFINED, |read| read(&source));
            let _ = resolve.call1(&JsValue::NULL, &value);
        });
        let _ = Reflect::set(target, &format!("on{ok}").into(), &succeeded);
        for failure in failures {
            let source = target.clone();
            let reject = reject.clone();
            let failed = Closure::once_into_js(move |_: JsValue| {
                let error = get(&source, "error").unwrap_or_else(|| JsValue::from_str("indexedDB failed"));
                let _ = reject.call1(&JsValue::NULL, &error);
            });
            let _ = Reflect::set(target, &format!("on{failure}").into(), &failed);
        }
    });
    JsFuture::from(promise).await
}

/// Waits for an `IDBRequest`: its `result`, or `Err` with its `error`.
pub async fn request_done(request: &JsValue) -> Result<JsValue, JsValue> {
    wait_for(request, "success", &["error"], |r| get(r, "result").unwrap_or(JsValue::UNDEFINED)).await
}

/// Waits until a transaction is committed (`complete`); `Err` with its error when it fails or is aborted
/// (a full disk shows here, as a `QuotaExceededError`).
pub async fn transaction_done(transaction: &JsValue) -> Result<(), JsValue> {
    wait_for(transaction, "complete", &["error", "abort"], |_| JsValue::UNDEFINED).await.map(drop)
}

/// Opens database `name` at version 1, creating `stores` the first time.
pub async fn open(name: &str, stores: &'static [&'static str]) -> Result<JsValue, JsValue> {
    let window = web_sys::window().map(JsValue::from).ok_or_else(|| JsValue::from_str("no window"))?;
    let factory = get(&window, "indexedDB").ok_or_else(|| JsValue::from_str("no indexedDB"))?;
    let open = call(&factory, "open", &Array::of2(&name.into(), &1.into()))?;
    let target = open.clone();
    let upgrade = Closure::once_into_js(move |_: JsValue| {
        if let Some(db) = get(&target, "result") {
            for store in stores {
                let _ = call(&db, "createObjectStore", &Array::of1(&(*store).into()));
            }
        }
    });
    let _ = Reflect::set(&open, &"onupgradeneeded".into(), &upgrade);
    request_done(&open).await
}
