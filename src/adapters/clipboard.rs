//! Copy text to the clipboard.

use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; `false` when the browser refuses (no permission, insecure context).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}
