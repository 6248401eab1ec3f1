//! Registers the service worker and reports when a new version is waiting, so the page can offer a reload
//! instead of swapping versions under a user who is typing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Registers `<base>sw.js` with scope `<base>`; calls `on_update` once a new worker has installed while an
/// older one controls the page. Once the app is installed, asks the worker to keep every language's pack.
pub fn register(base: &str, on_update: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    keep_every_language_once_installed(&window, base);
    let container = window.navigator().service_worker();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(base);
    let promise = container.register_with_options(&format!("{base}sw.js"), &options);
    let on_update = std::rc::Rc::new(on_update);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = JsFuture::from(promise).await else { return };
        let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else { return };
        if registration.waiting().is_some() && has_controller() {
            on_update();
        }
        let reg = registration.clone();
        let found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg.installing() else { return };
            let on_update = on_update.clone();
            let worker = installing.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    on_update();
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget(); // lives as long as the worker it listens to
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget(); // the registration lives as long as the page
    });
}

/// An installed app is opened offline: its worker keeps every language's pack from then on, so switching language
/// works offline even before a second visit (the worker otherwise fetches them on the next visit).
fn keep_every_language_once_installed(window: &web_sys::Window, base: &str) {
    let base = base.to_string();
    let installed = Closure::<dyn Fn()>::new(move || {
        post_to_worker(&base, ServiceWorkerRegistration::active, "KEEP_LANGUAGES");
    });
    let _ = window.add_event_listener_with_callback("appinstalled", installed.as_ref().unchecked_ref());
    installed.forget(); // listens for as long as the page is open
}

/// Posts `{type: message_type}` to the worker `pick` chooses (active or waiting) of the registration at `base`;
/// nothing when there is none.
fn post_to_worker(
    base: &str,
    pick: fn(&ServiceWorkerRegistration) -> Option<ServiceWorker>,
    message_type: &'static str,
) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().service_worker().get_registration_with_document_url(base);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = JsFuture::from(promise).await else { return };
        let Some(worker) = value.dyn_into::<ServiceWorkerRegistration>().ok().as_ref().and_then(pick) else { return };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &message_type.into());
        let _ = worker.post_message(&message);
    });
}

fn has_controller() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
}

/// Tells the waiting worker to take over, then reloads once it controls the page.
pub fn activate_update(base: &str) {
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget(); // the page reloads right after
    post_to_worker(base, ServiceWorkerRegistration::waiting, "SKIP_WAITING");
}
