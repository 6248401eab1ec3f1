//! The files worker: a second wasm that runs file jobs (reading and analysing reports today) in a Web Worker, so
//! neither the parsers nor `calamine` / `zip` are part of the app's first visit and a 100,000-row report never
//! blocks the page. The work and the choice of job are `codec::files_job` (pure, tested natively); this file only
//! moves messages.
//!
//! Built by Trunk from its link in `index.html` (`data-type="worker"`, `data-cargo-features="reports-xlsx"`);
//! `tools/post_build.py` gives its files content-hashed names and writes their loader, whose address the page
//! reads from `<meta name="claimdesk-files-worker">` (`adapters::files_worker` starts it).
//!
//! In: `{ request: "<JSON with a job>", files: [ArrayBuffer, …] }` (the buffers transferred).
//! Out: `{ last: false, message: "<JSON>" }` for each progress message, then `{ last: true, message: "<JSON>" }`
//! (the messages are described in `codec::files_job`).
//! Cancel: the page terminates the worker and starts a new one for the next job. A message cannot reach a worker
//! busy with a job, and nothing is kept between jobs, so nothing is left half-done.

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
        let post = |last: bool, message: &str| {
            let envelope = js_sys::Object::new();
            js_sys::Reflect::set(&envelope, &JsValue::from_str("last"), &JsValue::from_bool(last))
                .and_then(|_| {
                    js_sys::Reflect::set(&envelope, &JsValue::from_str("message"), &JsValue::from_str(message))
                })
                .and_then(|_| reply.post_message(&envelope))
                .is_ok()
        };
        let out = claimdesk::codec::files_job::run_json(&request, &files, &mut |progress| post(false, &progress));
        // Nothing else to tell: a failed post means the page is gone.
        post(true, &out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The files worker runs in the browser: Trunk builds it with the `reports-xlsx` feature.");
}
