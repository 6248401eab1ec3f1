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

/// A pack whose request has been sent: other work can run while it is on its way.
pub struct Download {
    lang: Lang,
    /// `None` when the pack is installed already, or when there is no window to fetch with.
    response: Option<JsFuture>,
}

/// Sends the request for `lang`'s pack at `<base><pack file>`, unless it is installed.
pub fn start(base: &str, lang: Lang) -> Download {
    let response = (!pack::is_installed(lang))
        .then(web_sys::window)
        .flatten()
        .map(|window| JsFuture::from(window.fetch_with_str(&format!("{base}{}", pack::file_name(lang)))));
    Download { lang, response }
}

impl Download {
    /// Waits for the answer and installs it; at once when the pack was installed already.
    pub async fn install(self) -> Result<(), LoadError> {
        if pack::is_installed(self.lang) {
            return Ok(());
        }
        let text = read_text(self.response.ok_or(LoadError::Network)?).await.ok_or(LoadError::Network)?;
        pack::install(self.lang, &text).map_err(LoadError::Refused)
    }
}

/// Fetches and installs `lang`'s pack; at once when it is installed already.
pub async fn load(base: &str, lang: Lang) -> Result<(), LoadError> {
    start(base, lang).install().await
}

async fn read_text(response: JsFuture) -> Option<String> {
    let response: Response = response.await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
