//! Files in and out: a download made from text or bytes in memory, and the text of a file the user picked.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `contents` as a download named `name`. Returns `false` when the browser refused.
pub fn download(name: &str, mime: &str, contents: &str) -> bool {
    offer(name, mime, &wasm_bindgen::JsValue::from_str(contents))
}

/// Offers `bytes` (a DOCX made by the files worker) as a download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> bool {
    offer(name, mime, &js_sys::Uint8Array::from(bytes))
}

fn offer(name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> bool {
    (|| -> Option<()> {
        let parts = js_sys::Array::of1(part);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options).ok()?;
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

/// A file the user chose in an `<input type="file">` (or dropped on the page).
#[derive(Clone)]
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

    /// Every file chosen in the input that fired `event` (emptied afterwards, as `take` does).
    pub fn take_all(event: &web_sys::Event) -> Vec<PickedFile> {
        let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return Vec::new();
        };
        let files = input.files().map(|list| list_files(&list)).unwrap_or_default();
        input.set_value("");
        files
    }

    /// Every file dropped with `event` (folders and other items are not files and are left out).
    pub fn dropped(event: &web_sys::DragEvent) -> Vec<PickedFile> {
        event.data_transfer().and_then(|d| d.files()).map(|list| list_files(&list)).unwrap_or_default()
    }

    pub fn size(&self) -> f64 {
        self.0.size()
    }

    pub fn name(&self) -> String {
        self.0.name()
    }

    pub(super) fn blob(&self) -> &web_sys::Blob {
        &self.0
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

fn list_files(list: &web_sys::FileList) -> Vec<PickedFile> {
    (0..list.length()).filter_map(|i| list.get(i)).map(PickedFile).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileError {
    TooLarge,
    Unreadable,
}
