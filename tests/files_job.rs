#![cfg(not(target_arch = "wasm32"))]
//! codec::files_job: the files worker's dispatch by `job`, with each job's progress passed through as JSON.

mod report_support;

use claimdesk::codec::files_job::run_json;
use report_support::bytes;
use serde_json::{json, Value};

fn run(request: Value, files: &[&str], keep_going: bool) -> (Value, Vec<Value>) {
    let data: Vec<Vec<u8>> = files.iter().map(|f| bytes(f)).collect();
    let mut seen = Vec::new();
    let out = run_json(&request.to_string(), &data, &mut |message| {
        seen.push(serde_json::from_str(&message).expect("progress is JSON"));
        keep_going
    });
    (serde_json::from_str(&out).expect("the answer is JSON"), seen)
}

#[test]
fn a_report_job_runs_the_report_import_and_passes_its_progress_on() {
    let (out, progress) =
        run(json!({"job": "report", "files": ["ym_movement.csv"], "mappings": []}), &["ym_movement.csv"], true);
    assert_eq!(out["type"], "result");
    assert_eq!(out["sheets"][0]["kind"], "ym_goods_movement");
    assert_eq!(
        progress,
        [
            json!({"type": "progress", "done": 1, "total": 2, "file": "ym_movement.csv", "rows": 0, "permille": 1000}),
            json!({"type": "progress", "done": 1, "total": 2, "file": "", "rows": 0, "permille": 0}),
        ]
    );
}

#[test]
fn the_pages_request_for_a_report_import_runs_as_a_report_job() {
    let request = claimdesk::codec::report::job::request_json(&["ym_movement.csv".to_string()], &[]);
    assert_eq!(request, r#"{"files":["ym_movement.csv"],"job":"report","mappings":[]}"#);
    let out = run_json(&request, &[bytes("ym_movement.csv")], &mut |_| true);
    let out: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(out["type"], "result");
}

#[test]
fn a_progress_callback_that_says_stop_cancels_the_job() {
    let (out, progress) = run(json!({"job": "report", "files": ["ym_movement.csv"]}), &["ym_movement.csv"], false);
    assert_eq!(out, json!({"type": "cancelled"}));
    assert_eq!(progress.len(), 1);
}

#[test]
fn an_unknown_job_is_named_back_and_nothing_runs() {
    let (out, progress) = run(json!({"job": "backup_zip", "files": []}), &[], true);
    assert_eq!(out, json!({"type": "unknown_job", "job": "backup_zip"}));
    assert!(progress.is_empty());
}

#[test]
fn a_request_without_a_job_or_not_json_is_a_bad_request() {
    let (out, _) = run(json!({"files": []}), &[], true);
    assert_eq!(out, json!({"type": "bad_request"}));
    let mut never = |_: String| true;
    assert_eq!(run_json("not json", &[], &mut never), r#"{"type":"bad_request"}"#);
}

#[test]
fn a_report_job_whose_file_count_differs_from_its_names_is_a_bad_request() {
    let (out, _) = run(json!({"job": "report", "files": ["a.csv", "b.csv"]}), &["ym_movement.csv"], true);
    assert_eq!(out, json!({"type": "bad_request"}));
}
