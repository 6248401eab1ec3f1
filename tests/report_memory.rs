#![cfg(not(target_arch = "wasm32"))]
//! domain::report::memory and its preference: dismissed findings stay dismissed, and a re-import of the same
//! report finds nothing new.

mod report_support;

use claimdesk::codec::prefs::{PrefValue, REPORT_FINDINGS};
use claimdesk::codec::report::job::run;
use claimdesk::codec::report::outcome::{ImportOutcome, JobMessage};
use claimdesk::codec::report::Limits;
use claimdesk::domain::report::FindingMemory;
use report_support::bytes;

fn import(name: &str) -> ImportOutcome {
    let request = claimdesk::codec::report::job::Request { files: vec![name.to_string()], mappings: vec![] };
    let value = run(&request, &[bytes(name)], &Limits::default(), &mut |_| true).expect("not cancelled");
    match JobMessage::parse(&value.to_string()) {
        Some(JobMessage::Result(outcome)) => outcome,
        other => panic!("{other:?}"),
    }
}

#[test]
fn dismissing_every_finding_of_a_report_leaves_nothing_new_when_it_is_imported_again() {
    let first = import("wb_reports.zip");
    assert_eq!(first.findings.len(), 5);
    let mut memory = FindingMemory::default();
    for finding in &first.findings {
        memory = memory.with_dismissed(&finding.fingerprint).expect("not dismissed before");
    }
    // Stored and read back, as the page does between two visits.
    let stored = memory.encode().expect("encodes");
    let memory = REPORT_FINDINGS.read(stored.as_deref());

    let again = import("wb_reports.zip");
    assert_eq!(memory.still_open(again.findings.iter().map(|f| f.fingerprint.as_str())), (vec![], 5));
}

#[test]
fn one_dismissed_finding_hides_only_itself() {
    let outcome = import("wb_reports.zip");
    let second = &outcome.findings[1].fingerprint;
    let memory = FindingMemory::default().with_dismissed(second).expect("new");
    assert_eq!(memory.still_open(outcome.findings.iter().map(|f| f.fingerprint.as_str())), (vec![0, 2, 3, 4], 1));
    assert_eq!(memory.with_dismissed(second), None, "dismissing twice changes nothing");
}

#[test]
fn an_empty_memory_is_stored_by_removing_the_key_and_unreadable_text_is_the_default() {
    assert_eq!(FindingMemory::default().encode(), Ok(None));
    assert_eq!(REPORT_FINDINGS.read(Some("not json")), FindingMemory::default());
    let memory = FindingMemory::default().with_dismissed("abc").expect("new");
    assert_eq!(memory.encode(), Ok(Some(r#"{"dismissed":["abc"]}"#.to_string())));
}

mod mapping {
    use std::collections::BTreeMap;

    use claimdesk::codec::prefs::{PrefValue, REPORT_MAPPINGS};
    use claimdesk::codec::report::job::{run, Request};
    use claimdesk::codec::report::Limits;
    use claimdesk::domain::report::mapping::{likely_header, mapping_from_picks};
    use claimdesk::domain::report::{Field, MappingError, MappingMemory, ReportKind};
    use serde_json::Value;

    use super::report_support::{bytes, sheets};

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_header_is_the_first_row_with_the_most_filled_cells() {
        let rows = [row(&["Report of December", ""]), row(&["", ""]), row(&["a", "b", "c"]), row(&["1", "2", "3"])];
        assert_eq!(likely_header(&rows), Some(2));
        assert_eq!(likely_header(&[row(&["", ""])]), None);
        assert_eq!(likely_header(&[]), None);
    }

    /// The unrecognised fixture's columns picked as a WB acceptance report: «Поставка №;ШК;План;Факт;Когда».
    fn picks() -> BTreeMap<Field, usize> {
        BTreeMap::from([
            (Field::SupplyId, 0),
            (Field::Barcode, 1),
            (Field::DeclaredUnits, 2),
            (Field::AcceptedUnits, 3),
            (Field::AcceptanceDate, 4),
        ])
    }

    #[test]
    fn a_mapping_from_the_sellers_picks_reads_the_unrecognised_file_and_finds_its_shortfall() {
        let sheet = sheets("unrecognised.csv").remove(0);
        let header = &sheet.rows[likely_header(&sheet.rows[..5.min(sheet.rows.len())]).expect("a header")];
        let mapping = mapping_from_picks(ReportKind::WbAcceptance, header, &picks()).expect("complete");
        assert_eq!(mapping.captions.get(&Field::Barcode).map(String::as_str), Some("ШК"));

        // Remembered, then used by the next import of that file.
        let memory = MappingMemory::default().with(mapping.clone());
        let memory = REPORT_MAPPINGS.read(memory.encode().expect("encodes").as_deref());
        assert_eq!(memory.for_kind(ReportKind::WbAcceptance), Some(&mapping));
        let request = Request { files: vec!["unrecognised.csv".into()], mappings: memory.mappings.clone() };
        let out = run(&request, &[bytes("unrecognised.csv")], &Limits::default(), &mut |_| true).expect("done");
        assert_eq!(out["sheets"][0]["kind"], "wb_acceptance");
        let findings = out["findings"].as_array().expect("findings");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0]["kind"], "wb_acceptance_shortfall");
        assert_eq!(findings[0]["item"], "4600000000080");
        assert_eq!(findings[0]["units"], Value::from(2));
        assert_eq!(findings[0]["reference"], "777777");
    }

    #[test]
    fn a_mapping_missing_a_required_field_or_using_a_column_twice_is_refused() {
        let header = row(&["Поставка №", "ШК", "План", "Факт", "Когда"]);
        let mut missing = picks();
        missing.remove(&Field::AcceptedUnits);
        assert_eq!(
            mapping_from_picks(ReportKind::WbAcceptance, &header, &missing),
            Err(MappingError::Unmapped(Field::AcceptedUnits))
        );
        let mut twice = picks();
        twice.insert(Field::AcceptedUnits, 2);
        assert_eq!(
            mapping_from_picks(ReportKind::WbAcceptance, &header, &twice),
            Err(MappingError::SameColumn(Field::DeclaredUnits, Field::AcceptedUnits))
        );
    }

    #[test]
    fn a_newer_mapping_of_a_kind_replaces_the_older_one() {
        let header = row(&["Поставка №", "ШК", "План", "Факт", "Когда"]);
        let first = mapping_from_picks(ReportKind::WbAcceptance, &header, &picks()).expect("complete");
        let mut other = picks();
        other.remove(&Field::AcceptanceDate);
        let second = mapping_from_picks(ReportKind::WbAcceptance, &header, &other).expect("complete");
        let memory = MappingMemory::default().with(first).with(second.clone());
        assert_eq!(memory.mappings, [second]);
        assert_eq!(MappingMemory::default().encode(), Ok(None));
    }
}
