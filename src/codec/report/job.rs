//! One import as the report worker runs it: files in, every sheet recognised (or the candidates the seller can
//! map from), every detector run over the recognised sheets together, all out as JSON. Pure, so it is tested
//! natively; `codec::files_job` dispatches `{"job": "report", …}` to it and `src/bin/files_worker.rs` only moves messages.
//!
//! Request (JSON, with the files' bytes passed alongside in the same order):
//! `{"job": "report", "files": ["a.csv", "b.zip"], "mappings": [ColumnMapping…]}`.
//! Progress: `{"type": "progress", "done": 1, "total": 3, "file": "b.zip", "rows": 0, "permille": 1000}` after
//! each file and before the analysis, and every 10,000 rows of a long text file (`rows`, `permille` of it read).
//! Result: `{"type": "result", "sheets": […], "errors": […], "findings": […], "problems": […],
//! "companions_wanted": […]}`, or `{"type": "cancelled"}` when the progress callback asked to stop, or
//! `{"type": "bad_request"}`.

use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::report::recognize::candidates;
use crate::domain::report::{analyse, Amount, ClaimWindow, ColumnMapping, Finding, ReadError, ReadReport};
use crate::time_text::format_date;

use super::{read_file_watched, Limits, ReportError, ReportErrorKind, Sheet};

#[derive(Debug, Default, Deserialize)]
pub struct Request {
    pub files: Vec<String>,
    /// The seller's mappings, tried (in order) on sheets that are not recognised.
    #[serde(default)]
    pub mappings: Vec<ColumnMapping>,
}

/// The request the page sends the files worker for an import of `files` (their names, in the order their bytes
/// go), trying the seller's `mappings` on sheets that are not recognised.
pub fn request_json(files: &[String], mappings: &[ColumnMapping]) -> String {
    json!({"job": "report", "files": files, "mappings": mappings}).to_string()
}

/// Where an import stands, for the progress bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Steps done of `total` (one per file, one for the analysis).
    pub done: usize,
    pub total: usize,
    pub file: String,
    /// Within a long text file being read: rows read so far and how far into it (per mille).
    pub rows: usize,
    pub permille: u32,
}

impl Progress {
    pub fn to_json(&self) -> String {
        json!({"type": "progress", "done": self.done, "total": self.total, "file": self.file, "rows": self.rows,
            "permille": self.permille})
        .to_string()
    }
}

/// Runs the import of `request_json` with `files` (the bytes, in the request's order). `progress` is called
/// after each file and before the analysis; returning `false` cancels the import (nothing is returned but
/// `cancelled`: no half-imported state).
pub fn run_json(request_json: &str, files: &[Vec<u8>], progress: &mut dyn FnMut(&Progress) -> bool) -> String {
    let request: Request = match serde_json::from_str(request_json) {
        Ok(r) => r,
        Err(_) => return json!({"type": "bad_request"}).to_string(),
    };
    if request.files.len() != files.len() {
        return json!({"type": "bad_request"}).to_string();
    }
    match run(&request, files, &Limits::default(), progress) {
        Some(result) => result.to_string(),
        None => json!({"type": "cancelled"}).to_string(),
    }
}

/// The import as a JSON value, or `None` when cancelled.
pub fn run(
    request: &Request,
    files: &[Vec<u8>],
    limits: &Limits,
    progress: &mut dyn FnMut(&Progress) -> bool,
) -> Option<Value> {
    let total = files.len() + 1;
    let mut sheets_out = Vec::new();
    let mut errors = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    let mut reports: Vec<ReadReport> = Vec::new();
    for (done, (name, bytes)) in request.files.iter().zip(files).enumerate() {
        let mut watch = |read: super::RowsRead| {
            progress(&Progress { done, total, file: name.clone(), rows: read.rows, permille: read.permille })
        };
        match read_file_watched(name, bytes, limits, &mut watch) {
            Err(e) if e.kind == ReportErrorKind::Cancelled => return None,
            Ok(sheets) => {
                for sheet in sheets {
                    let (view, report) = recognise(&sheet, &request.mappings);
                    sheets_out.push(view);
                    if let Some(report) = report {
                        sources.push(sheet.source.clone());
                        reports.push(report);
                    }
                }
            }
            Err(e) => errors.push(error_json(&e)),
        }
        if !progress(&Progress { done: done + 1, total, file: name.clone(), rows: 0, permille: 1000 }) {
            return None;
        }
    }
    if !progress(&Progress { done: total - 1, total, file: String::new(), rows: 0, permille: 0 }) {
        return None;
    }
    let analysis = analyse(&reports);
    let problems: Vec<Value> = analysis
        .problems
        .iter()
        .map(|(i, p)| json!({"source": sources.get(*i), "row": p.row, "field": p.field}))
        .collect();
    Some(json!({
        "type": "result",
        "sheets": sheets_out,
        "errors": errors,
        "findings": analysis.findings.iter().map(finding_json).collect::<Vec<_>>(),
        "problems": problems,
        "companions_wanted": analysis.companions_wanted.iter().map(|k| k.code()).collect::<Vec<_>>(),
    }))
}

/// A sheet recognised, or mapped by one of the seller's mappings, or neither (then its candidates and first rows
/// for the mapping step).
fn recognise(sheet: &Sheet, mappings: &[ColumnMapping]) -> (Value, Option<ReadReport>) {
    let read = ReadReport::recognise(&sheet.rows)
        .or_else(|e| mappings.iter().find_map(|m| ReadReport::with_mapping(&sheet.rows, m).ok()).ok_or(e));
    match read {
        Ok(report) => {
            let view = json!({
                "source": sheet.source,
                "kind": report.kind().code(),
                "header_row": report.header_row,
                "rows": report.lines.len(),
                "columns": report.recognition.columns.len(),
            });
            (view, Some(report))
        }
        Err(ReadError::NotRecognised | ReadError::Mapping(_)) => {
            let head: Vec<&Vec<String>> = sheet.rows.iter().take(5).collect();
            let best: Vec<Value> = sheet
                .rows
                .iter()
                .take(crate::domain::report::recognize::HEADER_SEARCH_ROWS)
                .flat_map(|row| candidates(row))
                .take(3)
                .map(|c| json!({"kind": c.kind.code(), "score": c.score, "missing": c.missing}))
                .collect();
            (json!({"source": sheet.source, "kind": null, "first_rows": head, "candidates": best}), None)
        }
    }
}

fn error_json(e: &ReportError) -> Value {
    json!({"file": e.file, "kind": e.kind.code(), "row": e.row, "column": e.column})
}

fn amount_json(a: &Option<Amount>) -> Value {
    match a {
        Some(a) => json!({"minor": a.minor, "currency": a.currency}),
        None => Value::Null,
    }
}

fn finding_json(f: &Finding) -> Value {
    let window = match &f.window {
        ClaimWindow::Known { opens, last_day, scenario, deadline, source, verified, uncertain } => json!({
            "opens": opens.as_ref().map(format_date),
            "last_day": format_date(last_day),
            "scenario": scenario,
            "deadline": deadline,
            "source": source,
            "verified": verified.date().map_or_else(|| "undated".to_string(), |day| format_date(&day)),
            "uncertain": uncertain,
        }),
        ClaimWindow::Unknown(why) => json!({"unknown": why.code()}),
    };
    json!({
        "kind": f.kind.code(),
        "source": f.kind.source(),
        "report": f.report.code(),
        "item": f.item,
        "reference": f.reference,
        "units": f.units,
        "amount": amount_json(&f.amount),
        "expected": amount_json(&f.expected),
        "paid": amount_json(&f.paid),
        "date": f.date.as_ref().map(format_date),
        "window": window,
        "lines": f.lines,
        "fingerprint": f.fingerprint,
    })
}
