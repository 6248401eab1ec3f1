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

thread_local! {
    /// The `beforeinstallprompt` event the browser handed us, kept until the user presses Install.
    static INSTALL_PROMPT: std::cell::RefCell<Option<web_sys::Event>> = const { std::cell::RefCell::new(None) };
}

/// Listens for the browser's offer to install the app (`beforeinstallprompt`, Chromium only) and for the
/// app being installed (`appinstalled`); `on_change(true)` when an install prompt is held, `false` when it
/// is gone. Lives as long as the page.
pub fn watch_install_prompt(on_change: impl Fn(bool) + 'static) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let on_change = std::rc::Rc::new(on_change);
    let offered = {
        let on_change = on_change.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            // Keeps the browser's own mini-infobar away: the app offers installation where it matters.
            event.prevent_default();
            INSTALL_PROMPT.with(|held| held.replace(Some(event)));
            on_change(true);
        })
    };
    let installed = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
        INSTALL_PROMPT.with(|held| held.replace(None));
        on_change(false);
    });
    let _ = window.add_event_listener_with_callback("beforeinstallprompt", offered.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("appinstalled", installed.as_ref().unchecked_ref());
    offered.forget();
    installed.forget();
}

/// How the browser's install dialog ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstallOutcome {
    Accepted,
    Dismissed,
    /// No prompt was held, or the browser refused to show it.
    Unavailable,
}

/// Shows the browser's install dialog (`prompt()`) and waits for the user's choice (`userChoice`). A prompt
/// can be shown once: it is dropped whatever the outcome.
pub async fn prompt_install() -> InstallOutcome {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::JsCast;
    let Some(event) = INSTALL_PROMPT.with(|held| held.borrow_mut().take()) else { return InstallOutcome::Unavailable };
    let call = |name: &str| -> Option<Promise> {
        let method = Reflect::get(&event, &name.into()).ok()?.dyn_into::<Function>().ok()?;
        method.call0(&event).ok()?.dyn_into::<Promise>().ok()
    };
    let Some(shown) = call("prompt") else { return InstallOutcome::Unavailable };
    if JsFuture::from(shown).await.is_err() {
        return InstallOutcome::Unavailable;
    }
    let choice = match Reflect::get(&event, &"userChoice".into()).ok().and_then(|c| c.dyn_into::<Promise>().ok()) {
        Some(choice) => JsFuture::from(choice).await.ok(),
        None => None,
    };
    let outcome = choice.and_then(|c| Reflect::get(&c, &"outcome".into()).ok()).and_then(|o| o.as_string());
    match outcome.as_deref() {
        Some("accepted") => InstallOutcome::Accepted,
        Some(_) => InstallOutcome::Dismissed,
        None => InstallOutcome::Unavailable,
    }
}
