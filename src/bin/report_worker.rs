//! The report worker: a second wasm that reads and analyses report files in a Web Worker, so neither the parser
//! nor `calamine` / `zip` are part of the app's first visit and a 100,000-row report never blocks the page.
//! All the work is `codec::report::job` (pure, tested natively); this file only moves messages.
//!
//! Built by Trunk from a link in `index.html` (not added yet; the lead wires the page):
//! `<link data-trunk rel="rust" data-bin="report_worker" data-type="worker" data-loader-shim
//!   data-cargo-features="reports-xlsx" data-wasm-opt="z">` — Trunk then writes `report_worker.js`,
//! `report_worker_bg.wasm` and `report_worker_loader.js`; the page starts it with
//! `new Worker("report_worker_loader.js")`.
//!
//! In: `{ request: "<JSON of job::Request>", files: [ArrayBuffer, …] }` (transfer the buffers).
//! Out: JSON strings, `{"type":"progress",…}` after each file, then one `{"type":"result",…}`,
//! `{"type":"cancelled"}` or `{"type":"bad_request"}`.
//! Cancel: the page calls `worker.terminate()` and starts a new worker for the next import. A message cannot
//! reach a worker busy with an import, and nothing is kept between imports, so nothing is left half-done.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let request = field("request").as_string().unwrap_or_default();
        let buffers = field("files");
        let files: Vec<Vec<u8>> = if js_sys::Array::is_array(&buffers) {
            js_sys::Array::from(&buffers).iter().map(|b| js_sys::Uint8Array::new(&b).to_vec()).collect()
        } else {
            Vec::new()
        };
        let out = claimdesk::codec::report::job::run_json(&request, &files, &mut |progress| {
            reply.post_message(&JsValue::from_str(&progress.to_json())).is_ok()
        });
        // Nothing else to tell: a failed post means the page is gone.
        let _ = reply.post_message(&JsValue::from_str(&out));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The report worker runs in the browser: Trunk builds it with the `reports-xlsx` feature.");
}
