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
use claimdesk::domain::{
    sample_cases, BusinessProfile, Case, CaseBook, Commission, Jurisdiction, LetterVia, LossRow, LossTable,
    ProfileBook, ProfileField, Record, Tombstone,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Expected {
    cases: Vec<Case>,
    deleted: Vec<Tombstone>,
    /// The business profiles of the backup (from schema 2).
    #[serde(default, skip_serializing_if = "profiles_empty")]
    profiles: ProfileBook,
}

fn profiles_empty(book: &ProfileBook) -> bool {
    book.profiles.is_empty()
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
    let mut out = Expected { cases: Vec::new(), deleted: Vec::new(), profiles: ProfileBook::default() };
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
        let stored = split(decoded.parsed.records);
        let expected = expected(version);
        assert_eq!((&stored.cases, &stored.deleted), (&expected.cases, &expected.deleted), "v{version} stored value");
    }
}

#[test]
fn backups_of_every_version_import_as_the_expected_cases() {
    for version in 1..=CURRENT_SCHEMA {
        let preview = preview_import(&read(version, "backup.json"), &CaseBook::new())
            .unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(preview.schema, version);
        assert_eq!(preview.cases, expected(version).cases, "v{version} backup");
        assert_eq!(preview.profiles, expected(version).profiles, "v{version} backup's business profiles");
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
    // What schema 2 added: a loss table (the claimed amount follows it), a numbered letter and its profile, an
    // amount typed by hand; and business profiles in the backup.
    cases[0].set_losses(
        LossTable::new(vec![
            LossRow {
                marketplace_sku: "123456789".into(),
                seller_article: "ART-1".into(),
                size: "M".into(),
                barcode: "2040000000017".into(),
                quantity: 2,
                unit_price: 150_000,
                commission: Commission::Percent(1_500),
            },
            LossRow {
                marketplace_sku: "987654321".into(),
                quantity: 1,
                unit_price: 99_000,
                commission: Commission::PerUnit(9_900),
                ..LossRow::default()
            },
        ]),
        now,
    );
    cases[2].record_letter("precourt_claim", Some(("p-romashka", 3)), LetterVia::Printed, now);
    cases[3].record_letter("to_buyer", None, LetterVia::Copied, now);
    let mut money = cases[4].money.clone();
    money.claimed += 100;
    cases[4].set_losses(
        LossTable::new(vec![LossRow {
            marketplace_sku: "1".into(),
            quantity: 1,
            unit_price: 100,
            ..LossRow::default()
        }]),
        now,
    );
    cases[4].set_money(money, now);
    let mut profile = BusinessProfile::new("p-romashka".into(), Jurisdiction::Ru);
    for (field, value) in
        [(ProfileField::LegalForm, "ООО"), (ProfileField::LegalName, "«Ромашка»"), (ProfileField::Inn, "7701234567")]
    {
        profile.set(field, value);
    }
    profile.letters = 3;
    let mut profiles = ProfileBook::default();
    profiles.upsert(profile).expect("valid profile");
    // In id order, the order a backup lists them in, so one expected.json serves both files.
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    let deleted = vec![Tombstone { id: "gone-1".into(), revision: 4, deleted_at: now }];

    let case_refs: Vec<&Case> = cases.iter().collect();
    let deleted_refs: Vec<&Tombstone> = deleted.iter().collect();
    fs::write(target.join("stored.txt"), encode(&case_refs, &deleted_refs).expect("serialises") + "\n")
        .expect("write stored.txt");
    let book = CaseBook::from_records(cases.iter().cloned().map(Record::Live));
    fs::write(target.join("backup.json"), export_json(&book, &profiles, now).expect("serialises"))
        .expect("write backup.json");
    let expected = Expected { cases, deleted, profiles };
    fs::write(target.join("expected.json"), serde_json::to_string_pretty(&expected).expect("json") + "\n")
        .expect("write expected.json");
}
