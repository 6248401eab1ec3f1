//! What the browser promises about our data and where the page runs: `navigator.storage.persist()` /
//! `persisted()`, the engine (from the user agent), the display mode. The meaning of the answers is decided
//! in [`crate::domain::durability`].

use wasm_bindgen_futures::JsFuture;

use crate::domain::durability::{Engine, Persistence};

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Old engines have no `navigator.storage`: web-sys would hand us `undefined` as a StorageManager.
    let manager = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    (!manager.is_undefined() && !manager.is_null()).then(|| navigator.storage())
}

async fn answer(promise: Option<js_sys::Promise>) -> Persistence {
    let Some(promise) = promise else { return Persistence::Unsupported };
    Persistence::from_answer(JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()))
}

/// Asks the browser to keep our data under storage pressure (`navigator.storage.persist()`).
pub async fn request_persistence() -> Persistence {
    answer(storage_manager().and_then(|m| m.persist().ok())).await
}

/// Whether the browser keeps our data now (`navigator.storage.persisted()`); asks nothing of the user.
pub async fn persistence() -> Persistence {
    answer(storage_manager().and_then(|m| m.persisted().ok())).await
}

/// The engine the page runs in, from `navigator.userAgent`.
pub fn engine() -> Engine {
    let ua = web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default();
    Engine::from_user_agent(&ua)
}

/// Opened as an installed app: a standalone-like display mode, or iOS's `navigator.standalone`.
pub fn is_standalone() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let installed_mode = ["standalone", "fullscreen", "minimal-ui", "window-controls-overlay"]
        .iter()
        .any(|mode| window.match_media(&format!("(display-mode: {mode})")).ok().flatten().is_some_and(|m| m.matches()));
    let ios_home_screen =
        js_sys::Reflect::get(&window.navigator(), &"standalone".into()).ok().and_then(|v| v.as_bool());
    installed_mode || ios_home_screen == Some(true)
}
