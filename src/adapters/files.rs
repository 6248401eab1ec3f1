//! Files in and out: a download made from text in memory, and the text of a file the user picked.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `contents` as a download named `name`. Returns `false` when the browser refused.
pub fn download(name: &str, mime: &str, contents: &str) -> bool {
    (|| -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
        web_sys::Url::revoke_object_url(&url).ok()?;
        Some(())
    })()
    .is_some()
}

/// A file the user chose in an `<input type="file">`.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    /// Takes the first file chosen in the input that fired `event` and empties the input, so choosing the
    /// same file again fires another change.
    pub fn take(event: &web_sys::Event) -> Option<PickedFile> {
        let input = event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
        let file = input.files()?.get(0)?;
        input.set_value("");
        Some(PickedFile(file))
    }

    pub fn size(&self) -> f64 {
        self.0.size()
    }

    /// The file's text. `max_bytes` guards against huge files before anything is read into memory.
    pub async fn read_text(&self, max_bytes: f64) -> Result<String, FileError> {
        if self.size() > max_bytes {
            return Err(FileError::TooLarge);
        }
        let text = JsFuture::from(self.0.text()).await.map_err(|_| FileError::Unreadable)?;
        text.as_string().ok_or(FileError::Unreadable)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileError {
    TooLarge,
    Unreadable,
}
