#![cfg(not(target_arch = "wasm32"))]
//! codec::report::outcome: the page reads exactly what the files worker's report job sends.

mod report_support;

use claimdesk::codec::files_job::run_json;
use claimdesk::codec::report::outcome::{FileErrorView, JobMessage, MoneyView, ProgressView, SheetView, WindowView};
use claimdesk::domain::report::{Field, ReportKind};
use report_support::bytes;
use serde_json::json;

/// Every message of one report job over `files`, parsed as the page parses them.
fn messages(files: &[&str]) -> Vec<JobMessage> {
    let request = json!({"job": "report", "files": files, "mappings": []}).to_string();
    let data: Vec<Vec<u8>> = files.iter().map(|f| bytes(f)).collect();
    let mut out = Vec::new();
    let last = run_json(&request, &data, &mut |p| {
        out.push(JobMessage::parse(&p).expect("progress parses"));
        true
    });
    out.push(JobMessage::parse(&last).expect("result parses"));
    out
}

#[test]
fn a_wb_zip_and_an_empty_file_read_as_sheets_an_error_and_findings() {
    let all = messages(&["wb_reports.zip", "empty.csv"]);
    let Some(JobMessage::Result(outcome)) = all.last() else { panic!("no result: {all:?}") };
    assert_eq!(outcome.sheets.len(), 2);
    assert_eq!(
        outcome.sheets[0],
        SheetView {
            source: outcome.sheets[0].source.clone(),
            kind: Some(ReportKind::WbAcceptance),
            header_row: Some(3),
            rows: outcome.sheets[0].rows,
            columns: outcome.sheets[0].columns,
            first_rows: vec![],
            candidates: vec![],
        }
    );
    assert_eq!(outcome.sheets[1].kind, Some(ReportKind::WbSalesDetail));
    assert_eq!(
        outcome.errors,
        [FileErrorView { file: "empty.csv".into(), kind: "empty".into(), row: None, column: None }]
    );
    assert_eq!(outcome.findings.len(), 5);
    let first = &outcome.findings[0];
    assert_eq!(first.kind, "wb_acceptance_shortfall");
    assert_eq!(first.item, "4600000000011");
    assert_eq!(first.units, 2);
    assert_eq!(first.amount, Some(MoneyView { minor: 170000, currency: "RUB".into() }));
    assert_eq!(first.lines, [4]);
    assert!(matches!(&first.window, WindowView::Known { last_day, uncertain: true, .. } if last_day == "2026-12-10"));
    assert_eq!(outcome.findings[4].window, WindowView::Unknown { unknown: "no_rule".into() });
}

#[test]
fn an_unrecognised_sheet_brings_its_first_rows_and_closest_kinds() {
    let all = messages(&["unrecognised.csv"]);
    let Some(JobMessage::Result(outcome)) = all.last() else { panic!("no result: {all:?}") };
    let sheet = &outcome.sheets[0];
    assert_eq!(sheet.kind, None);
    assert!(!sheet.first_rows.is_empty());
    assert_eq!(sheet.first_rows[0], bytes_first_row("unrecognised.csv"));
    assert!(outcome.findings.is_empty());
}

fn bytes_first_row(name: &str) -> Vec<String> {
    report_support::sheets(name).remove(0).rows.remove(0)
}

#[test]
fn progress_counts_files_done_and_the_part_read_of_the_current_one() {
    let at = |done, total, permille| ProgressView { done, total, file: String::new(), rows: 0, permille };
    assert_eq!(at(0, 3, 0).overall_permille(), 0);
    assert_eq!(at(0, 3, 500).overall_permille(), 166);
    assert_eq!(at(1, 3, 1000).overall_permille(), 333);
    assert_eq!(at(2, 3, 0).overall_permille(), 666);
    assert_eq!(at(3, 3, 1000).overall_permille(), 1000);
    assert_eq!(at(0, 0, 0).overall_permille(), 0);
    let all = messages(&["ym_movement.csv"]);
    let steps: Vec<u32> = all
        .iter()
        .filter_map(|m| match m {
            JobMessage::Progress(p) => Some(p.overall_permille()),
            _ => None,
        })
        .collect();
    assert_eq!(steps, [500, 500]);
}

#[test]
fn the_other_answers_of_a_job_parse_too() {
    assert_eq!(JobMessage::parse(r#"{"type":"cancelled"}"#), Some(JobMessage::Cancelled));
    assert_eq!(JobMessage::parse(r#"{"type":"bad_request"}"#), Some(JobMessage::BadRequest));
    assert_eq!(
        JobMessage::parse(r#"{"type":"unknown_job","job":"docx"}"#),
        Some(JobMessage::UnknownJob { job: "docx".into() })
    );
    assert_eq!(JobMessage::parse(r#"{"type":"something_new"}"#), None);
    assert_eq!(JobMessage::parse("not json"), None);
}

#[test]
fn a_cell_problem_names_its_source_row_and_field() {
    let problem: claimdesk::codec::report::outcome::ProblemView =
        serde_json::from_str(r#"{"source":"a.csv","row":7,"field":"accepted_units"}"#).expect("parses");
    assert_eq!((problem.source.as_deref(), problem.row, problem.field), (Some("a.csv"), 7, Field::AcceptedUnits));
}
