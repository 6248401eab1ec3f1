//! Helpers for the report tests: read a fixture of tests/fixtures/reports/ and recognise its first sheet.
#![allow(dead_code)] // each test file uses a different subset

use std::path::PathBuf;

use claimdesk::codec::report::{read_file, Limits, Sheet};
use claimdesk::domain::report::ReadReport;

pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports")
}

pub fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture_dir().join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

pub fn sheets(name: &str) -> Vec<Sheet> {
    read_file(name, &bytes(name), &Limits::default()).unwrap_or_else(|e| panic!("fixture {name}: {e:?}"))
}

/// The first sheet of fixture `name`, recognised.
pub fn report(name: &str) -> ReadReport {
    let sheet = sheets(name).into_iter().next().unwrap_or_else(|| panic!("{name}: no sheet"));
    ReadReport::recognise(&sheet.rows).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}
