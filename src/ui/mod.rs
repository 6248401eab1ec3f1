//! Leptos components: they render state and dispatch user actions to the pure modules and adapters.

mod actions;
mod announcer;
mod app;
mod auto_backup;
mod base;
mod business;
mod cases;
mod confirm;
mod exports;
mod hash;
mod header;
mod home;
mod i18n;
mod import;
mod import_error;
mod letter;
mod message;
mod not_found;
mod notices;
mod pager;
mod plan;
mod risk;
mod rules;
mod settings;
mod state;
mod wizard;

pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
