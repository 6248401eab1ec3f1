//! Leptos components: they render state and dispatch user actions to the pure modules and adapters.

mod announcer;
mod app;
mod auto_backup;
mod base;
mod business;
mod business_basis;
mod cases;
mod confirm;
mod date_warnings;
mod exports;
mod hash;
mod header;
mod home;
mod i18n;
mod import;
mod import_error;
mod letter;
mod loading;
mod message;
mod not_found;
mod notices;
mod pager;
mod plan;
mod reminders;
mod risk;
mod rules;
mod settings;
mod store;
mod wizard;

use crate::adapters::dom;

/// Installs the language pack of the language the app opens in, then mounts the app over the page pre-rendered
/// at build time. Without its texts the app cannot draw: the pre-rendered page stays, with a message on top.
/// `<meta name="claimdesk-prerender" content="shell">` is set only by `tools/prerender.mjs`, to render the
/// loading pages of the routes whose content is stored.
pub fn start() {
    let lang = i18n::initial_lang();
    let pack = crate::adapters::packs::start(&base::base_path(), lang);
    // The stored cases are read while the pack is on its way (it usually is already: public/lang.js asked).
    let stored = crate::adapters::storage::load();
    // Leptos's own task executor starts with the mount: this first task runs on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = pack.install().await {
            leptos::logging::error!("Claimdesk: the {} language pack: {error:?}", lang.code());
            dom::show_start_failure(crate::i18n::pack::unavailable_message(lang));
            return;
        }
        let loading_shell = dom::meta_content("claimdesk-prerender").as_deref() == Some("shell");
        leptos::mount::mount_to_body(move || leptos::prelude::view! { <app::App lang loading_shell stored/> });
        dom::remove_prerendered();
    });
}
