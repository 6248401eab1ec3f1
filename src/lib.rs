//! Claimdesk: marketplace claim wizards and a case tracker that run entirely in the browser.
//!
//! The pure modules (`i18n`, `domain`, `scenario`, `codec`) have no browser dependency and are tested
//! natively with `cargo test`. `adapters` (localStorage, clipboard, files, service worker) and `ui`
//! (Leptos components) exist only when compiling for wasm32.

pub mod codec;
pub mod domain;
pub mod i18n;
pub mod scenario;
// Dates and timestamps as text: a leaf that every layer may use and that uses none.
pub mod time_text;

#[cfg(target_arch = "wasm32")]
pub mod adapters;
#[cfg(target_arch = "wasm32")]
pub mod ui;
