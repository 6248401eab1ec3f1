#![cfg(not(target_arch = "wasm32"))]
//! codec::report::job: one import as the worker runs it, JSON in and out, with progress and cancellation.

mod report_support;

use claimdesk::codec::report::job::{run_json, Progress};
use report_support::bytes;
use serde_json::{json, Value};

fn import(files: &[&str], mappings: Value) -> (Value, Vec<Progress>) {
    let request = json!({"files": files, "mappings": mappings}).to_string();
    let data: Vec<Vec<u8>> = files.iter().map(|f| bytes(f)).collect();
    let mut seen = Vec::new();
    let out = run_json(&request, &data, &mut |p| {
        seen.push(p.clone());
        true
    });
    (serde_json::from_str(&out).expect("json"), seen)
}

#[test]
fn files_in_findings_out_with_progress_after_each_file() {
    let (out, progress) = import(&["wb_reports.zip", "empty.csv"], json!([]));
    assert_eq!(out["type"], "result");
    let kinds: Vec<&str> =
        out["sheets"].as_array().expect("sheets").iter().map(|s| s["kind"].as_str().unwrap_or("-")).collect();
    assert_eq!(kinds, ["wb_acceptance", "wb_sales_detail"]);
    assert_eq!(out["sheets"][0]["header_row"], 3);
    assert_eq!(out["errors"], json!([{"file": "empty.csv", "kind": "empty", "row": null, "column": null}]));
    assert_eq!(out["findings"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        out["findings"][0],
        json!({
            "kind": "wb_acceptance_shortfall",
            "source": "https://dev.wildberries.ru/en/openapi/reports",
            "report": "wb_acceptance",
            "item": "4600000000011",
            "reference": "123456",
            "units": 2,
            "amount": {"minor": 170000, "currency": "RUB"},
            "expected": null,
            "paid": null,
            "date": "2026-12-03",
            "window": {
                "opens": null,
                "last_day": "2026-12-10",
                "scenario": "wb-lost-goods",
                "deadline": "acceptance_objection",
                "source": "https://deliver-2.com/news/marketplaces/wildberries-has-updated-the-acceptance-and-return-rules-new-deadlines-and-penalty-areas/",
                "verified": "undated",
                "uncertain": true
            },
            "lines": [4],
            "fingerprint": out["findings"][0]["fingerprint"].clone(),
        })
    );
    assert_eq!(out["findings"][4]["window"], json!({"unknown": "no_rule"}));
    let steps: Vec<(usize, usize)> = progress.iter().map(|p| (p.done, p.total)).collect();
    assert_eq!(steps, [(1, 3), (2, 3), (2, 3)]);
}

#[test]
fn an_unrecognised_sheet_offers_candidates_and_a_mapping_reads_it() {
    let (out, _) = import(&["unrecognised.csv"], json!([]));
    assert_eq!(out["sheets"][0]["kind"], Value::Null);
    assert_eq!(out["sheets"][0]["first_rows"][0], json!(["Поставка №", "ШК", "План", "Факт", "Когда"]));
    assert_eq!(out["findings"], json!([]));
    let mapping = json!([{"kind": "wb_acceptance", "captions": {
        "supply_id": "Поставка №", "barcode": "ШК", "declared_units": "План", "accepted_units": "Факт",
        "acceptance_date": "Когда"
    }}]);
    let (mapped, _) = import(&["unrecognised.csv"], mapping);
    assert_eq!(mapped["sheets"][0]["kind"], "wb_acceptance");
    assert_eq!(mapped["findings"][0]["units"], 2);
    assert_eq!(mapped["findings"][0]["window"]["last_day"], "2026-12-08");
    assert_eq!(mapped["companions_wanted"], json!(["wb_sales_detail"]));
}

#[test]
fn cancelling_returns_nothing_half_done() {
    let request = json!({"files": ["a.csv", "b.csv"]}).to_string();
    let data = vec![bytes("ym_movement.csv"), bytes("ym_movement.csv")];
    let mut calls = 0;
    let out = run_json(&request, &data, &mut |_| {
        calls += 1;
        calls < 2
    });
    assert_eq!(out, r#"{"type":"cancelled"}"#);
    assert_eq!(calls, 2);
}

#[test]
fn a_bad_request_is_said_so() {
    assert_eq!(run_json("not json", &[], &mut |_| true), r#"{"type":"bad_request"}"#);
    assert_eq!(run_json(r#"{"files": ["a"]}"#, &[], &mut |_| true), r#"{"type":"bad_request"}"#);
}

/// A Market movement report of `rows` data lines, each with a shortage of one unit.
fn long_report(rows: usize) -> Vec<u8> {
    let mut text = String::from("SKU;Утилизация;Недостача при инвентаризации\r\n");
    for i in 0..rows {
        text.push_str(&format!("SKU-{i:06};0;1\r\n"));
    }
    text.into_bytes()
}

#[test]
fn a_long_file_reports_its_rows_as_it_goes() {
    let request = json!({"files": ["long.csv"]}).to_string();
    let mut seen = Vec::new();
    let out = run_json(&request, &[long_report(25_000)], &mut |p| {
        seen.push((p.done, p.rows, p.permille));
        true
    });
    let out: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(out["findings"].as_array().map(Vec::len), Some(25_000), "{}", out["sheets"]);
    // Rows count the header too; 10,000 rows of 2,…: the first checkpoint is about 40 % in.
    assert_eq!(seen.iter().map(|(d, r, _)| (*d, *r)).collect::<Vec<_>>(), [(0, 10_000), (0, 20_000), (1, 0), (1, 0)]);
    assert!((390..=410).contains(&seen[0].2), "{seen:?}");
}

#[test]
fn cancelling_inside_a_long_file_returns_nothing() {
    let request = json!({"files": ["long.csv"]}).to_string();
    let out = run_json(&request, &[long_report(25_000)], &mut |p| p.rows < 20_000);
    assert_eq!(out, r#"{"type":"cancelled"}"#);
}
