//! Reminders without a server: the Badging API, notification permission, Periodic Background Sync and the
//! plan the service worker reads. Every feature is looked up before use (`navigator.setAppBadge`, `Notification`,
//! `ServiceWorkerRegistration.prototype.periodicSync`); where one is missing the call does nothing.
//! These APIs are newer than the web-sys bindings in use, so they are reached by name through `Reflect`.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::domain::reminders::ReminderSupport;

/// The periodic sync's tag; public/sw.js listens for the same.
const SYNC_TAG: &str = "claimdesk-reminders";
/// At most once a day: the browser decides when, within what it allows the site.
const SYNC_EVERY_MS: f64 = 12.0 * 60.0 * 60.0 * 1000.0;

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    get(target, name).and_then(|f| f.dyn_into::<Function>().ok())
}

fn global(name: &str) -> Option<JsValue> {
    get(&js_sys::global(), name)
}

fn navigator() -> Option<JsValue> {
    web_sys::window().map(|w| w.navigator().into())
}

/// What this browser offers, found by feature detection.
pub fn support() -> ReminderSupport {
    let nav = navigator();
    let periodic_sync = global("ServiceWorkerRegistration")
        .and_then(|ctor| get(&ctor, "prototype"))
        .is_some_and(|proto| Reflect::has(&proto, &JsValue::from_str("periodicSync")).unwrap_or(false));
    ReminderSupport {
        badge: nav.as_ref().and_then(|n| method(n, "setAppBadge")).is_some(),
        notifications: global("Notification").is_some(),
        periodic_sync,
        installed: super::durability::is_standalone(),
    }
}

/// Shows `count` on the app's icon (none for 0) where the browser has a badge; a refusal changes nothing.
pub fn set_badge(count: usize) {
    let Some(nav) = navigator() else { return };
    let call = if count == 0 {
        method(&nav, "clearAppBadge").and_then(|f| f.call0(&nav).ok())
    } else {
        method(&nav, "setAppBadge").and_then(|f| f.call1(&nav, &JsValue::from_f64(count as f64)).ok())
    };
    ignore_outcome(call);
}

/// Whether the seller has allowed notifications for this site.
pub fn notifications_granted() -> bool {
    global("Notification").and_then(|n| get(&n, "permission")).and_then(|p| p.as_string()).as_deref() == Some("granted")
}

/// Why daily reminders could not be turned on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TurnOnError {
    /// The seller (or an earlier choice) refused notifications.
    Denied,
    /// The browser refused the periodic sync (not installed, or not allowed for this site).
    Refused,
}

/// Asks for notification permission (call only from the seller's click), then registers the daily sync.
pub async fn turn_on() -> Result<(), TurnOnError> {
    let notification = global("Notification").ok_or(TurnOnError::Refused)?;
    let ask = method(&notification, "requestPermission").ok_or(TurnOnError::Refused)?;
    let answer = await_promise(ask.call0(&notification).ok()).await.and_then(|v| v.as_string());
    if answer.as_deref() != Some("granted") {
        return Err(TurnOnError::Denied);
    }
    let container = navigator().and_then(|n| get(&n, "serviceWorker")).ok_or(TurnOnError::Refused)?;
    let registration = get(&container, "ready").ok_or(TurnOnError::Refused)?;
    let registration = await_promise(Some(registration)).await.ok_or(TurnOnError::Refused)?;
    let sync = get(&registration, "periodicSync").ok_or(TurnOnError::Refused)?;
    let register = method(&sync, "register").ok_or(TurnOnError::Refused)?;
    let options = Object::new();
    Reflect::set(&options, &JsValue::from_str("minInterval"), &JsValue::from_f64(SYNC_EVERY_MS))
        .map_err(|_| TurnOnError::Refused)?;
    let registered = register.call2(&sync, &JsValue::from_str(SYNC_TAG), &options).ok();
    await_promise(registered).await.map(|_| ()).ok_or(TurnOnError::Refused)
}

/// Leaves the reminder plan (JSON) where the service worker reads it: `url` in the cache `cache_name`.
pub fn store_plan(cache_name: &str, url: &str, json: &str) {
    let Some(caches) = global("caches") else { return };
    let (Some(open), Some(response)) = (method(&caches, "open"), global("Response")) else { return };
    let Ok(response_ctor) = response.dyn_into::<Function>() else { return };
    let headers = Object::new();
    let _ = Reflect::set(&headers, &JsValue::from_str("content-type"), &JsValue::from_str("application/json"));
    let init = Object::new();
    let _ = Reflect::set(&init, &JsValue::from_str("headers"), &headers);
    let body = js_sys::Array::of2(&JsValue::from_str(json), &init);
    let Ok(response) = Reflect::construct(&response_ctor, &body) else { return };
    let opened = open.call1(&caches, &JsValue::from_str(cache_name)).ok();
    let url = url.to_string();
    spawn_local(async move {
        let Some(cache) = await_promise(opened).await else { return };
        if let Some(put) = method(&cache, "put") {
            let _ = await_promise(put.call2(&cache, &JsValue::from_str(&url), &response).ok()).await;
        }
    });
}

/// The value a promise settles with, `None` when it rejects or is not a promise.
async fn await_promise(value: Option<JsValue>) -> Option<JsValue> {
    let promise = value?.dyn_into::<Promise>().ok()?;
    JsFuture::from(promise).await.ok()
}

/// A badge call's promise may reject (a browser that allows it only when installed): nothing to tell anyone.
fn ignore_outcome(value: Option<JsValue>) {
    spawn_local(async move {
        let _ = await_promise(value).await;
    });
}
