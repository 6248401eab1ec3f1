//! Downloads a language pack (`i18n::pack`) from the site and installs it. The pack of the language a page opens
//! in is usually on its way already: public/lang.js asks for it next to the wasm, and this fetch reuses that.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::i18n::pack::{self, PackError};
use crate::i18n::Lang;

/// Why a pack could not be installed.
#[derive(Debug)]
pub enum LoadError {
    /// No answer (offline, and the service worker has not kept this language yet) or an error status.
    Network,
    /// An answer that is not this build's pack for this language.
    Refused(PackError),
}

/// Fetches and installs `lang`'s pack from `<base><pack file>`; at once when it is installed already.
pub async fn load(base: &str, lang: Lang) -> Result<(), LoadError> {
    if pack::is_installed(lang) {
        return Ok(());
    }
    let text = fetch_text(&format!("{base}{}", pack::file_name(lang))).await.ok_or(LoadError::Network)?;
    pack::install(lang, &text).map_err(LoadError::Refused)
}

async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: Response = JsFuture::from(window.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
