//! The attached files' bytes, in IndexedDB (localStorage holds only text, and too little): one database,
//! `claimdesk:files`, store `files`, each file once under the SHA-256 of its content, as
//! `{ sha256, data: Blob, storedAt: <unix ms> }`. Also what a file needs on its way in: its SHA-256 (SubtleCrypto),
//! the space left (`navigator.storage.estimate()`), a small thumbnail of an image (`createImageBitmap` and a
//! canvas), and object URLs to show or download it.
//!
//! What is kept and when it may go is decided in [`crate::domain::evidence`].

use chrono::{DateTime, Utc};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::idb::{call, call_async, exception_name, get, open, request_done, transaction_done};
use crate::domain::evidence::{StorageEstimate, StoredFile};

const DATABASE: &str = "claimdesk:files";
const STORE: &str = "files";
/// The longer side of a thumbnail, in pixels (twice the size it is shown at, for sharp screens).
const THUMBNAIL_SIDE: f64 = 240.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlobError {
    /// The browser refused the space (`QuotaExceededError`).
    QuotaExceeded,
    /// No IndexedDB here (some private windows), or it failed.
    Unavailable,
}

fn failure(error: JsValue) -> BlobError {
    if exception_name(&error) == "QuotaExceededError" {
        BlobError::QuotaExceeded
    } else {
        BlobError::Unavailable
    }
}

/// A file handed to the page (picked, dropped or pasted), not yet stored.
pub struct IncomingFile {
    pub name: String,
    pub media_type: String,
    pub size: u64,
    blob: web_sys::Blob,
}

impl IncomingFile {
    fn from_file(file: web_sys::File) -> IncomingFile {
        IncomingFile { name: file.name(), media_type: file.type_(), size: file.size() as u64, blob: file.into() }
    }

    /// A file made from bytes in memory (a backup's file, a test's).
    pub fn from_bytes(name: &str, media_type: &str, bytes: &[u8]) -> Result<IncomingFile, BlobError> {
        let parts = Array::of1(&Uint8Array::from(bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(media_type);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failure)?;
        Ok(IncomingFile { name: name.into(), media_type: media_type.into(), size: bytes.len() as u64, blob })
    }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<IncomingFile> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).map(IncomingFile::from_file).collect()
}

/// The files chosen in the `<input type="file">` that fired `event`; the input is emptied so that choosing the
/// same files again fires another change.
pub fn picked(event: &web_sys::Event) -> Vec<IncomingFile> {
    let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = files_of(input.files());
    input.set_value("");
    files
}

/// The files of a `drop` event (`dataTransfer.files`) or a `paste` event (`clipboardData.files`: a screenshot
/// pasted from the clipboard arrives as a PNG file). Text dropped or pasted gives none.
pub fn carried(event: &web_sys::Event) -> Vec<IncomingFile> {
    let holder = get(event, "dataTransfer").or_else(|| get(event, "clipboardData"));
    let list = holder.and_then(|h| get(&h, "files")).and_then(|f| f.dyn_into::<web_sys::FileList>().ok());
    files_of(list)
}

/// Whether a `dragover` / `drop` event carries files (the page then takes the drop instead of opening them).
pub fn carries_files(event: &web_sys::Event) -> bool {
    let types = get(event, "dataTransfer").and_then(|d| get(&d, "types"));
    types.is_some_and(|t| Array::from(&t).iter().any(|v| v.as_string().as_deref() == Some("Files")))
}

/// The lower-case hex SHA-256 of the file's content.
pub async fn sha256(file: &IncomingFile) -> Result<String, BlobError> {
    let buffer = JsFuture::from(file.blob.array_buffer()).await.map_err(failure)?;
    let window = web_sys::window().map(JsValue::from).ok_or(BlobError::Unavailable)?;
    let subtle = get(&window, "crypto").and_then(|c| get(&c, "subtle")).ok_or(BlobError::Unavailable)?;
    let digest = call_async(&subtle, "digest", &Array::of2(&"SHA-256".into(), &buffer)).await.map_err(failure)?;
    Ok(Uint8Array::new(&digest).to_vec().iter().map(|b| format!("{b:02x}")).collect())
}

/// What `navigator.storage.estimate()` says; `None` where the browser does not tell.
pub async fn estimate() -> Option<StorageEstimate> {
    let window = web_sys::window()?;
    let storage = get(&window.navigator(), "storage")?;
    let answer = call_async(&storage, "estimate", &Array::new()).await.ok()?;
    let number = |name: &str| get(&answer, name).and_then(|v| v.as_f64()).map(|v| v.max(0.0) as u64);
    Some(StorageEstimate { usage: number("usage")?, quota: number("quota")? })
}

/// A small JPEG of an image file, made once when it is attached; `None` for what the browser cannot draw
/// (HEIC in most browsers, a damaged image).
pub async fn thumbnail(file: &IncomingFile) -> Option<IncomingFile> {
    let window = web_sys::window()?;
    let bitmap = call_async(&window, "createImageBitmap", &Array::of1(&file.blob)).await.ok()?;
    let (width, height) = (get(&bitmap, "width")?.as_f64()?, get(&bitmap, "height")?.as_f64()?);
    if width < 1.0 || height < 1.0 {
        return None;
    }
    let scale = (THUMBNAIL_SIDE / width.max(height)).min(1.0);
    let (w, h) = ((width * scale).round().max(1.0), (height * scale).round().max(1.0));
    let canvas = window.document()?.create_element("canvas").ok()?;
    let _ = Reflect::set(&canvas, &"width".into(), &w.into());
    let _ = Reflect::set(&canvas, &"height".into(), &h.into());
    let context = call(&canvas, "getContext", &Array::of1(&"2d".into())).ok()?;
    let args = Array::of5(&bitmap, &0.into(), &0.into(), &w.into(), &h.into());
    call(&context, "drawImage", &args).ok()?;
    let _ = call(&bitmap, "close", &Array::new());
    let blob = canvas_blob(&canvas).await?;
    let size = blob.size() as u64;
    Some(IncomingFile { name: format!("{}.thumbnail.jpg", file.name), media_type: "image/jpeg".into(), size, blob })
}

async fn canvas_blob(canvas: &JsValue) -> Option<web_sys::Blob> {
    let promise = js_sys::Promise::new(&mut |resolve: js_sys::Function, _reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        let _ = call(canvas, "toBlob", &Array::of3(&done, &"image/jpeg".into(), &0.8.into()));
    });
    JsFuture::from(promise).await.ok()?.dyn_into::<web_sys::Blob>().ok()
}

/// Runs `operation` on the store in one transaction of `mode` and waits until the transaction is committed.
async fn in_store(
    mode: &str,
    operation: impl FnOnce(&JsValue) -> Result<JsValue, JsValue>,
) -> Result<JsValue, JsValue> {
    let db = open(DATABASE, &[STORE]).await?;
    let result = async {
        let transaction = call(&db, "transaction", &Array::of2(&STORE.into(), &mode.into()))?;
        let store = call(&transaction, "objectStore", &Array::of1(&STORE.into()))?;
        let request = operation(&store)?;
        let value = request_done(&request).await?;
        transaction_done(&transaction).await?;
        Ok(value)
    }
    .await;
    let _ = call(&db, "close", &Array::new());
    result
}

/// Stores a file under its SHA-256 (a file already stored under it is replaced by the same content).
pub async fn put(sha256: &str, file: &IncomingFile) -> Result<(), BlobError> {
    let record = Object::new();
    let _ = Reflect::set(&record, &"sha256".into(), &sha256.into());
    let _ = Reflect::set(&record, &"data".into(), &file.blob);
    let _ = Reflect::set(&record, &"storedAt".into(), &js_sys::Date::now().into());
    in_store("readwrite", |store| call(store, "put", &Array::of2(&record, &sha256.into())))
        .await
        .map(drop)
        .map_err(failure)
}

/// The stored file with this SHA-256, `None` when the browser no longer has it.
pub async fn get_file(sha256: &str) -> Result<Option<web_sys::Blob>, BlobError> {
    let record =
        in_store("readonly", |store| call(store, "get", &Array::of1(&sha256.into()))).await.map_err(failure)?;
    Ok(get(&record, "data").and_then(|d| d.dyn_into::<web_sys::Blob>().ok()))
}

/// The stored file's bytes (for a backup), `None` when the browser no longer has it.
pub async fn read_bytes(sha256: &str) -> Result<Option<Vec<u8>>, BlobError> {
    let Some(blob) = get_file(sha256).await? else { return Ok(None) };
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(failure)?;
    Ok(Some(Uint8Array::new(&buffer).to_vec()))
}

/// Stores bytes read from a backup (already checked against `sha256`).
pub async fn put_bytes(sha256: &str, media_type: &str, bytes: &[u8]) -> Result<(), BlobError> {
    put(sha256, &IncomingFile::from_bytes("", media_type, bytes)?).await
}

pub async fn delete(sha256: &str) -> Result<(), BlobError> {
    in_store("readwrite", |store| call(store, "delete", &Array::of1(&sha256.into()))).await.map(drop).map_err(failure)
}

/// Every stored file's hash and when it was written (the records hold the file as a `Blob`: listing them
/// reads no content).
pub async fn list() -> Result<Vec<StoredFile>, BlobError> {
    let records = in_store("readonly", |store| call(store, "getAll", &Array::new())).await.map_err(failure)?;
    let stored = |record: JsValue| {
        let sha256 = get(&record, "sha256")?.as_string()?;
        let millis = get(&record, "storedAt")?.as_f64()? as i64;
        Some(StoredFile { sha256, stored_at: DateTime::<Utc>::from_timestamp_millis(millis)? })
    };
    Ok(Array::from(&records).iter().filter_map(stored).collect())
}

/// An object URL of a blob, revoked when dropped (so a list of thumbnails frees them when it goes).
pub struct ObjectUrl(String);

impl ObjectUrl {
    pub fn new(blob: &web_sys::Blob) -> Option<ObjectUrl> {
        web_sys::Url::create_object_url_with_blob(blob).ok().map(ObjectUrl)
    }

    pub fn url(&self) -> &str {
        &self.0
    }
}

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.0);
    }
}
