#![cfg(target_arch = "wasm32")]
//! The attached files' adapter against the real IndexedDB, SubtleCrypto, storage estimate and canvas of the
//! test browser: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_blobs`.

use claimdesk::adapters::blobs::{self, IncomingFile};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ABC_SHA256: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

async fn clear() {
    for file in blobs::list().await.expect("list") {
        blobs::delete(&file.sha256).await.expect("delete");
    }
}

/// A PNG of `width` × `height` pixels drawn on a canvas.
async fn png(width: u32, height: u32) -> IncomingFile {
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let canvas = document.create_element("canvas").expect("canvas");
    Reflect::set(&canvas, &"width".into(), &width.into()).expect("width");
    Reflect::set(&canvas, &"height".into(), &height.into()).expect("height");
    let context: JsValue = call(&canvas, "getContext", &Array::of1(&"2d".into()));
    Reflect::set(&context, &"fillStyle".into(), &"#3366cc".into()).expect("fill");
    call(&context, "fillRect", &Array::of4(&0.into(), &0.into(), &width.into(), &height.into()));
    let promise = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            resolve.call1(&JsValue::NULL, &blob).expect("resolve");
        });
        call(&canvas, "toBlob", &Array::of2(&done, &"image/png".into()));
    });
    let blob: web_sys::Blob = JsFuture::from(promise).await.expect("blob").dyn_into().expect("a Blob");
    let bytes = js_sys::Uint8Array::new(&JsFuture::from(blob.array_buffer()).await.expect("bytes")).to_vec();
    IncomingFile::from_bytes("box.png", "image/png", &bytes).expect("file")
}

fn call(target: &JsValue, name: &str, args: &Array) -> JsValue {
    let method: js_sys::Function = Reflect::get(target, &name.into()).expect(name).dyn_into().expect(name);
    method.apply(target, args).expect(name)
}

#[wasm_bindgen_test]
async fn a_file_is_stored_by_its_sha256_listed_read_back_and_deleted() {
    clear().await;
    let file = IncomingFile::from_bytes("act.txt", "text/plain", b"abc").expect("file");
    let sha = blobs::sha256(&file).await.expect("digest");
    assert_eq!(sha, ABC_SHA256);
    let before = js_sys::Date::now();
    blobs::put(&sha, &file).await.expect("stored");
    let listed = blobs::list().await.expect("list");
    assert_eq!(listed.iter().map(|f| f.sha256.as_str()).collect::<Vec<_>>(), [ABC_SHA256]);
    let stored_ms = listed[0].stored_at.timestamp_millis() as f64;
    assert!(stored_ms >= before.floor() && stored_ms <= js_sys::Date::now(), "stored at {stored_ms}");
    assert_eq!(blobs::read_bytes(&sha).await.expect("read"), Some(b"abc".to_vec()));
    let blob = blobs::get_file(&sha).await.expect("read").expect("present");
    assert_eq!(blob.type_(), "text/plain");

    blobs::delete(&sha).await.expect("deleted");
    assert_eq!(blobs::read_bytes(&sha).await.expect("read"), None, "a lost file reads as missing");
    assert!(blobs::list().await.expect("list").is_empty());
}

#[wasm_bindgen_test]
async fn bytes_from_a_backup_are_stored_with_their_type() {
    clear().await;
    blobs::put_bytes(ABC_SHA256, "application/pdf", b"abc").await.expect("stored");
    let blob = blobs::get_file(ABC_SHA256).await.expect("read").expect("present");
    assert_eq!((blob.type_(), blob.size()), ("application/pdf".to_string(), 3.0));
    clear().await;
}

#[wasm_bindgen_test]
async fn the_browser_gives_an_estimate_of_the_space() {
    let estimate = blobs::estimate().await.expect("Chromium and Firefox answer navigator.storage.estimate()");
    assert!(estimate.quota > 0, "{estimate:?}");
}

#[wasm_bindgen_test]
async fn an_image_gets_a_jpeg_thumbnail_of_at_most_240_pixels_and_other_files_none() {
    let image = png(600, 300).await;
    let thumb = blobs::thumbnail(&image).await.expect("a thumbnail");
    assert_eq!(thumb.media_type, "image/jpeg");
    assert_eq!(thumb.name, "box.png.thumbnail.jpg");
    assert!(thumb.size > 0 && thumb.size < image.size.max(20_000), "{} bytes", thumb.size);
    // Its pixels: drawn back into a bitmap.
    let sha = blobs::sha256(&thumb).await.expect("digest");
    blobs::put(&sha, &thumb).await.expect("stored");
    let blob = blobs::get_file(&sha).await.expect("read").expect("present");
    let window: JsValue = web_sys::window().expect("window").into();
    let bitmap = JsFuture::from(js_sys::Promise::from(call(&window, "createImageBitmap", &Array::of1(&blob))))
        .await
        .expect("decodes");
    let side = |name: &str| Reflect::get(&bitmap, &name.into()).ok().and_then(|v| v.as_f64());
    assert_eq!((side("width"), side("height")), (Some(240.0), Some(120.0)));
    blobs::delete(&sha).await.expect("deleted");

    let text = IncomingFile::from_bytes("notes.txt", "text/plain", b"not an image").expect("file");
    assert!(blobs::thumbnail(&text).await.is_none());
}
