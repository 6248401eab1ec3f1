#![cfg(not(target_arch = "wasm32"))]
//! Golden fixtures: data written by every schema version must still read as the same cases.
//!
//! `tests/fixtures/schema/v<N>/` holds what version N wrote — `stored.txt` (one localStorage value) and
//! `backup.json` (an exported file) — and `expected.json`, what they mean in today's model. The inputs are never
//! edited; when the model changes, `expected.json` of older versions is updated along with the migration.
//! For a new schema, run `cargo test --test codec_schema -- --ignored` once to write its fixture directory.

use std::fs;
use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use claimdesk::codec::backup::{export_json, preview_import};
use claimdesk::codec::envelope::{decode, encode};
use claimdesk::codec::schema::CURRENT_SCHEMA;
use claimdesk::domain::{sample_cases, Case, CaseBook, Record, Tombstone};
use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Expected {
    cases: Vec<Case>,
    deleted: Vec<Tombstone>,
}

fn dir(version: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema/v{version}"))
}

fn read(version: u32, file: &str) -> String {
    let path = dir(version).join(file);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected(version: u32) -> Expected {
    serde_json::from_str(&read(version, "expected.json")).unwrap_or_else(|e| panic!("v{version} expected.json: {e}"))
}

fn split(records: Vec<Record>) -> Expected {
    let mut out = Expected { cases: Vec::new(), deleted: Vec::new() };
    for record in records {
        match record {
            Record::Live(case) => out.cases.push(case),
            Record::Deleted(tombstone) => out.deleted.push(tombstone),
        }
    }
    out
}

#[test]
fn every_schema_version_has_its_fixtures() {
    for version in 1..=CURRENT_SCHEMA {
        for file in ["stored.txt", "backup.json", "expected.json"] {
            assert!(dir(version).join(file).is_file(), "missing tests/fixtures/schema/v{version}/{file}");
        }
    }
}

#[test]
fn stored_values_of_every_version_read_as_the_expected_cases() {
    for version in 1..=CURRENT_SCHEMA {
        let decoded = decode(read(version, "stored.txt").trim_end()).unwrap_or_else(|e| panic!("v{version}: {e:?}"));
        assert_eq!(decoded.schema, version);
        assert!(decoded.parsed.problems.is_empty(), "v{version}: {:?}", decoded.parsed.problems);
        assert_eq!(split(decoded.parsed.records), expected(version), "v{version} stored value");
    }
}

#[test]
fn backups_of_every_version_import_as_the_expected_cases() {
    for version in 1..=CURRENT_SCHEMA {
        let preview = preview_import(&read(version, "backup.json"), &CaseBook::new())
            .unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(preview.schema, version);
        assert_eq!(preview.cases, expected(version).cases, "v{version} backup");
        assert_eq!(preview.added.len(), preview.cases.len());
    }
}

/// Writes the fixture directory of the current schema (only if it does not exist yet: old ones are frozen).
#[test]
#[ignore = "run once when a schema version is introduced"]
fn write_fixtures_for_the_current_schema() {
    let target = dir(CURRENT_SCHEMA);
    if target.exists() {
        return;
    }
    fs::create_dir_all(&target).expect("create fixture directory");
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).single().expect("valid time");
    let mut cases = sample_cases(6, u64::from(CURRENT_SCHEMA));
    cases[1].add_note("Quotes \" and \\ backslash, ; comma, tab\tand a new line\nstay exact — «ёлки», żółw", now);
    // In id order, the order a backup lists them in, so one expected.json serves both files.
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    let deleted = vec![Tombstone { id: "gone-1".into(), revision: 4, deleted_at: now }];

    let case_refs: Vec<&Case> = cases.iter().collect();
    let deleted_refs: Vec<&Tombstone> = deleted.iter().collect();
    fs::write(target.join("stored.txt"), encode(&case_refs, &deleted_refs).expect("serialises") + "\n")
        .expect("write stored.txt");
    let book = CaseBook::from_records(cases.iter().cloned().map(Record::Live));
    fs::write(target.join("backup.json"), export_json(&book, now).expect("serialises")).expect("write backup.json");
    let expected = Expected { cases, deleted };
    fs::write(target.join("expected.json"), serde_json::to_string_pretty(&expected).expect("json") + "\n")
        .expect("write expected.json");
}
