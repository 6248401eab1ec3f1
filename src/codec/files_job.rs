//! The files worker's one entry point: a request names its `job`, and this match hands it to that job's pure
//! module. Pure, so the dispatch is tested natively; `src/bin/files_worker.rs` only moves messages.
//!
//! Request (JSON, the files' bytes passed alongside in the same order): `{"job": "report", …the job's own
//! fields}`. Every message out is a JSON object with a `type`: a job's own progress and result messages, or
//! `{"type": "bad_request"}` (not JSON, or no `job`) or `{"type": "unknown_job", "job": "…"}`.
//!
//! Jobs: `"report"` (`super::report::job`), `"docx"` (`super::docx`). Adding a job (e.g. `"backup_zip"`): a pure
//! module with a `run_json(request, files, progress)`, one arm below, and its message types in that module's header.

use serde::Deserialize;
use serde_json::json;

use super::report;

#[derive(Deserialize)]
struct Envelope {
    job: String,
}

/// Runs the job `request_json` names over `files`. `progress` receives each progress message as JSON and
/// returns `false` to cancel (the job then answers `{"type": "cancelled"}` and keeps nothing). Returns the
/// job's last message as JSON.
pub fn run_json(request_json: &str, files: &[Vec<u8>], progress: &mut dyn FnMut(String) -> bool) -> String {
    let Ok(envelope) = serde_json::from_str::<Envelope>(request_json) else {
        return json!({"type": "bad_request"}).to_string();
    };
    match envelope.job.as_str() {
        "report" => report::job::run_json(request_json, files, &mut |p| progress(p.to_json())),
        // A letter's `.docx` (`super::docx`, linked only where `zip` is): no files in, no progress out.
        #[cfg(any(not(target_arch = "wasm32"), feature = "reports-xlsx"))]
        "docx" => super::docx::run_json(request_json),
        other => json!({"type": "unknown_job", "job": other}).to_string(),
    }
}
