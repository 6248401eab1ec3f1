//! Runs one job in the files worker (`src/bin/files_worker.rs`, its own wasm): starts a new worker, posts the
//! request with the files' bytes transferred (not copied), hands each progress message to the page and the last
//! message to `on_done`. Cancelling terminates the worker, the only way to stop one that is busy; the next job
//! starts a new one. The worker's loader is named by `<meta name="claimdesk-files-worker">`, which
//! `tools/post_build.py` fills with its content-hashed address under the deploy base.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use super::dom::meta_content;
use super::files::{FileError, PickedFile};

/// A file's bytes, read and ready to be transferred to the worker.
pub struct FileBytes {
    name: String,
    buffer: js_sys::ArrayBuffer,
}

impl FileBytes {
    /// Reads `file` whole, refusing it before reading when it is over `max_bytes`.
    pub async fn read(file: &PickedFile, max_bytes: f64) -> Result<FileBytes, FileError> {
        if file.size() > max_bytes {
            return Err(FileError::TooLarge);
        }
        let buffer = JsFuture::from(file.blob().array_buffer()).await.map_err(|_| FileError::Unreadable)?;
        let buffer = buffer.dyn_into::<js_sys::ArrayBuffer>().map_err(|_| FileError::Unreadable)?;
        Ok(FileBytes { name: file.name(), buffer })
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Why a job ended without its last message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerFailure {
    /// This build has no files worker (a development build without the link), or the browser refused to start it.
    Unavailable,
    /// The worker failed to load or stopped with an error (e.g. offline before its files were ever kept).
    Crashed,
}

/// A job under way. Dropping it (or `cancel`) terminates the worker: nothing it was doing is kept.
pub struct RunningJob {
    worker: Worker,
    handlers: Option<Handlers>,
}

struct Handlers {
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl RunningJob {
    pub fn cancel(self) {}
}

impl Drop for RunningJob {
    fn drop(&mut self) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        // The job may be dropped from inside one of its own handlers (the page forgets a finished job in
        // `on_done`): a closure must not be freed while it runs, so they go once this task is over.
        if let Some(handlers) = self.handlers.take() {
            wasm_bindgen_futures::spawn_local(async move { drop(handlers) });
        }
    }
}

/// Starts a worker and posts `request_json` (which names its `job`) with `files`. `on_progress` gets each
/// progress message (JSON); `on_done` gets the last one, or why there was none, exactly once.
pub fn start(
    request_json: &str,
    files: Vec<FileBytes>,
    on_progress: impl Fn(String) + 'static,
    on_done: impl FnOnce(Result<String, WorkerFailure>) + 'static,
) -> Result<RunningJob, WorkerFailure> {
    let url = meta_content("claimdesk-files-worker").filter(|u| !u.is_empty()).ok_or(WorkerFailure::Unavailable)?;
    let worker = Worker::new(&url).map_err(|_| WorkerFailure::Unavailable)?;
    let on_done = Rc::new(RefCell::new(Some(on_done)));
    let finish = {
        let on_done = on_done.clone();
        move |result: Result<String, WorkerFailure>| {
            if let Some(done) = on_done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let finish = Rc::new(finish);
    let on_message = {
        let finish = finish.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let text =
                |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok().and_then(|v| v.as_string());
            let last = js_sys::Reflect::get(&data, &JsValue::from_str("last")).ok().and_then(|v| v.as_bool());
            match (last, text("message")) {
                (Some(false), Some(message)) => on_progress(message),
                (Some(true), Some(message)) => finish(Ok(message)),
                _ => finish(Err(WorkerFailure::Crashed)),
            }
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default(); // reported to the page as a failed job, not as an uncaught error
            finish(Err(WorkerFailure::Crashed));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let job = RunningJob { worker, handlers: Some(Handlers { _on_message: on_message, _on_error: on_error }) };

    let buffers = js_sys::Array::new();
    for file in &files {
        buffers.push(&file.buffer);
    }
    let message = js_sys::Object::new();
    let posted = js_sys::Reflect::set(&message, &"request".into(), &request_json.into())
        .and_then(|_| js_sys::Reflect::set(&message, &"files".into(), &buffers))
        .and_then(|_| job.worker.post_message_with_transfer(&message, &buffers));
    match posted {
        Ok(()) => Ok(job),
        Err(_) => Err(WorkerFailure::Unavailable),
    }
}
