//! The attached files' bytes, in IndexedDB (localStorage holds only text, and too little): one database,
//! `claimdesk:files`, each file once under the SHA-256 of its content: store `files` holds
//! `{ data: ArrayBuffer, type }`, store `written` the time it was written (unix ms). Also what a file needs on its way in: its SHA-256 (SubtleCrypto),
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
/// sha256 → `{ data: ArrayBuffer, type }`.
const FILES: &str = "files";
/// sha256 → when it was written (unix ms): listed without reading any content.
const WRITTEN: &str = "written";
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

/// Runs `operation` on the stores `stores` in one transaction of `mode` and waits until it is committed; the
/// value is that of the request `operation` returns.
async fn in_stores(
    stores: &[&str],
    mode: &str,
    operation: impl FnOnce(&dyn Fn(&str) -> Result<JsValue, JsValue>) -> Result<JsValue, JsValue>,
) -> Result<JsValue, JsValue> {
    let db = open(DATABASE, &[FILES, WRITTEN]).await?;
    let result = async {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let transaction = call(&db, "transaction", &Array::of2(&names, &mode.into()))?;
        let store = |name: &str| call(&transaction, "objectStore", &Array::of1(&name.into()));
        let request = operation(&store)?;
        let value = request_done(&request).await?;
        transaction_done(&transaction).await?;
        Ok(value)
    }
    .await;
    let _ = call(&db, "close", &Array::new());
    result
}

/// Stores a file under its SHA-256 (a file already stored under it is replaced by the same content). The bytes
/// are kept as an `ArrayBuffer`, not a `Blob`: WebKit's private sessions refuse a `Blob` in IndexedDB.
pub async fn put(sha256: &str, file: &IncomingFile) -> Result<(), BlobError> {
    let buffer = JsFuture::from(file.blob.array_buffer()).await.map_err(failure)?;
    let record = Object::new();
    let _ = Reflect::set(&record, &"data".into(), &buffer);
    let _ = Reflect::set(&record, &"type".into(), &file.media_type.as_str().into());
    let key = JsValue::from_str(sha256);
    in_stores(&[FILES, WRITTEN], "readwrite", |store| {
        call(&store(FILES)?, "put", &Array::of2(&record, &key))?;
        call(&store(WRITTEN)?, "put", &Array::of2(&js_sys::Date::now().into(), &key))
    })
    .await
    .map(drop)
    .map_err(failure)
}

/// The stored file with this SHA-256, `None` when the browser no longer has it.
pub async fn get_file(sha256: &str) -> Result<Option<web_sys::Blob>, BlobError> {
    let key = JsValue::from_str(sha256);
    let record = in_stores(&[FILES], "readonly", |store| call(&store(FILES)?, "get", &Array::of1(&key)))
        .await
        .map_err(failure)?;
    let Some(data) = get(&record, "data") else { return Ok(None) };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&get(&record, "type").and_then(|t| t.as_string()).unwrap_or_default());
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&Array::of1(&data), &options);
    blob.map(Some).map_err(failure)
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
    let key = JsValue::from_str(sha256);
    in_stores(&[FILES, WRITTEN], "readwrite", |store| {
        call(&store(FILES)?, "delete", &Array::of1(&key))?;
        call(&store(WRITTEN)?, "delete", &Array::of1(&key))
    })
    .await
    .map(drop)
    .map_err(failure)
}

/// Every stored file's hash and when it was written, from the small `written` store (no content is read).
pub async fn list() -> Result<Vec<StoredFile>, BlobError> {
    let keys = in_stores(&[WRITTEN], "readonly", |store| call(&store(WRITTEN)?, "getAllKeys", &Array::new()))
        .await
        .map_err(failure)?;
    let times = in_stores(&[WRITTEN], "readonly", |store| call(&store(WRITTEN)?, "getAll", &Array::new()))
        .await
        .map_err(failure)?;
    let stored = |(key, time): (JsValue, JsValue)| {
        let stored_at = DateTime::<Utc>::from_timestamp_millis(time.as_f64()? as i64)?;
        Some(StoredFile { sha256: key.as_string()?, stored_at })
    };
    Ok(Array::from(&keys).iter().zip(Array::from(&times).iter()).filter_map(stored).collect())
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
