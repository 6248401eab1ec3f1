#![cfg(not(target_arch = "wasm32"))]
//! Backup export and import: round trips, merging by the newer edit, and a corpus of bad files, each of which
//! must give its own clear error and change nothing.

use std::path::PathBuf;

use chrono::{DateTime, Duration, TimeZone, Utc};
use claimdesk::codec::backup::{
    apply_import, check_file_size, export_case, export_json, file_name, preview_import, FileKind, ImportError, Shape,
    SkipReason, MAX_IMPORT_BYTES,
};
use claimdesk::codec::schema::RecordFault;
use claimdesk::domain::{sample_cases, Case, CaseBook, CaseProblem, ProblemKind, ProfileBook, Record};

fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn book_of(cases: &[Case]) -> CaseBook {
    CaseBook::from_records(cases.iter().cloned().map(Record::Live))
}

fn bad_file(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/bad").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // What FileReader.readAsText does with bytes that are not UTF-8.
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn export_then_import_into_an_empty_book_gives_the_same_book() {
    // A deterministic generator loop stands in for a property-testing crate: many seeds and sizes.
    for seed in 0..40u64 {
        let size = (seed as usize * 7) % 60;
        let book = book_of(&sample_cases(size, seed));
        let text = export_json(&book, &ProfileBook::default(), t(0)).expect("serialises");
        let preview = preview_import(&text, &CaseBook::new()).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_eq!(preview.added.len(), size);
        assert!(preview.updated.is_empty() && preview.skipped.is_empty());
        assert_eq!(preview.exported_at, Some(t(0)));
        let mut imported = CaseBook::new();
        let changed = apply_import(preview, &mut imported);
        assert_eq!(changed.len(), size);
        assert_eq!(imported, book, "seed {seed}");
        // Exporting the import again gives the very same file.
        assert_eq!(export_json(&imported, &ProfileBook::default(), t(0)).expect("serialises"), text);
    }
}

#[test]
fn importing_the_same_backup_twice_changes_nothing_the_second_time() {
    let book = book_of(&sample_cases(50, 3));
    let text = export_json(&book, &ProfileBook::default(), t(0)).expect("serialises");
    let mut target = book.clone();
    let preview = preview_import(&text, &target).expect("valid");
    assert_eq!(preview.skipped.len(), 50);
    assert!(preview.skipped.iter().all(|(_, reason)| *reason == SkipReason::NotNewer));
    assert!(apply_import(preview, &mut target).is_empty());
    assert_eq!(target, book);
}

#[test]
fn merge_keeps_the_newer_edit_of_each_case() {
    let cases = sample_cases(6, 4);
    let old_backup = export_json(&book_of(&cases), &ProfileBook::default(), t(0)).expect("serialises");

    let mut here = book_of(&cases);
    // Case 0 edited here after the backup: the backup's copy is older and is skipped.
    let mut edited = cases[0].clone();
    edited.add_note("edited after the backup", t(5));
    here.upsert(edited.clone()).expect("newer");
    // Case 1 deleted here after the backup: stays deleted.
    here.remove(&cases[1].id, t(6));
    // Case 2 does not exist here at all (a new device): added.
    here.remove(&cases[2].id, t(0));
    let tombstone_revision = here.tombstone(&cases[2].id).map(|t| t.revision).expect("deleted");
    let mut restored_elsewhere = cases[2].clone();
    restored_elsewhere.revision = tombstone_revision + 3;
    // Case 3 is newer in the file (edited on another device).
    let mut newer_elsewhere = cases[3].clone();
    assert!(newer_elsewhere.add_note("edited on another device", t(7)));
    let newer_file =
        export_json(&book_of(&[newer_elsewhere.clone(), restored_elsewhere.clone()]), &ProfileBook::default(), t(8))
            .expect("serialises");

    let preview = preview_import(&old_backup, &here).expect("valid");
    let skipped: Vec<(&str, &SkipReason)> = preview.skipped.iter().map(|(id, r)| (id.as_str(), r)).collect();
    assert!(skipped.contains(&(cases[0].id.as_str(), &SkipReason::NotNewer)));
    assert!(skipped.contains(&(cases[1].id.as_str(), &SkipReason::DeletedLater)));
    apply_import(preview, &mut here);
    assert_eq!(here.get(&cases[0].id), Some(&edited));
    assert!(here.get(&cases[1].id).is_none());

    let preview = preview_import(&newer_file, &here).expect("valid");
    assert_eq!(preview.updated, vec![newer_elsewhere.id.clone()]);
    assert_eq!(preview.added, vec![restored_elsewhere.id.clone()]);
    let mut changed = apply_import(preview, &mut here);
    changed.sort();
    let mut want = vec![newer_elsewhere.id.clone(), restored_elsewhere.id.clone()];
    want.sort();
    assert_eq!(changed, want);
    assert_eq!(here.get(&newer_elsewhere.id), Some(&newer_elsewhere));
}

#[test]
fn equal_revisions_are_decided_by_the_later_edit() {
    let case = sample_cases(1, 5).remove(0);
    let mut mine = case.clone();
    mine.add_note("mine, earlier", t(1));
    let mut theirs = case;
    theirs.add_note("theirs, later", t(2));
    assert_eq!(mine.revision, theirs.revision);
    let mut book = book_of(&[mine]);
    let preview = preview_import(&export_case(&theirs, t(3)).expect("serialises"), &book).expect("valid");
    assert!(preview.shared_case);
    assert_eq!(preview.updated, vec![theirs.id.clone()]);
    apply_import(preview, &mut book);
    assert_eq!(book.get(&theirs.id), Some(&theirs));
}

#[test]
fn a_shared_case_round_trips() {
    let case = sample_cases(3, 6).remove(2);
    let text = export_case(&case, t(0)).expect("serialises");
    let preview = preview_import(&text, &CaseBook::new()).expect("valid");
    assert!(preview.shared_case);
    assert_eq!(preview.cases, vec![case.clone()]);
    assert_eq!(file_name(FileKind::Case, t(0), Some(&case.id)), format!("claimdesk-case-{}.json", case.id));
    assert_eq!(file_name(FileKind::Backup, t(0), None), "claimdesk-backup-2026-11-25.json");
}

#[test]
fn a_backup_with_a_byte_order_mark_and_crlf_line_ends_still_imports() {
    let book = book_of(&sample_cases(5, 7));
    let text = format!(
        "\u{feff}{}",
        export_json(&book, &ProfileBook::default(), t(0)).expect("serialises").replace('\n', "\r\n")
    );
    assert_eq!(preview_import(&text, &CaseBook::new()).expect("valid").cases.len(), 5);
}

#[test]
fn every_bad_file_is_refused_with_its_own_error_and_nothing_changes() {
    let book = book_of(&sample_cases(10, 8));
    let before = book.clone();
    let bad_case = |name: &str| match preview_import(&bad_file(name), &book) {
        Err(ImportError::BadCase { problem, .. }) => problem.to_string(),
        other => panic!("{name}: expected a bad case, got {other:?}"),
    };

    assert_eq!(preview_import(&bad_file("truncated.json"), &book), Err(ImportError::Truncated));
    assert!(matches!(
        preview_import(&bad_file("broken-json.json"), &book),
        Err(ImportError::BrokenJson { line: 1, .. })
    ));
    assert_eq!(preview_import(&bad_file("not-json.txt"), &book), Err(ImportError::NotJson));
    assert_eq!(preview_import(&bad_file("empty.json"), &book), Err(ImportError::Empty));
    assert_eq!(preview_import(&bad_file("binary.png"), &book), Err(ImportError::NotText));
    assert_eq!(preview_import(&bad_file("deep-nesting.json"), &book), Err(ImportError::TooDeep));
    assert_eq!(preview_import(&bad_file("array.json"), &book), Err(ImportError::NotClaimdesk));
    assert_eq!(preview_import(&bad_file("other-app.json"), &book), Err(ImportError::NotClaimdesk));
    assert_eq!(
        preview_import(&bad_file("newer-schema.json"), &book),
        Err(ImportError::NewerSchema { found: 99, supported: claimdesk::codec::schema::CURRENT_SCHEMA })
    );
    assert!(matches!(
        preview_import(&bad_file("schema-as-text.json"), &book),
        Err(ImportError::WrongShape(Shape::SchemaNotANumber))
    ));
    assert!(matches!(
        preview_import(&bad_file("cases-not-a-list.json"), &book),
        Err(ImportError::WrongShape(Shape::CasesNotAList))
    ));
    assert!(matches!(
        preview_import(&bad_file("case-not-an-object.json"), &book),
        Err(ImportError::BadCase { index: 1, .. })
    ));
    assert!(matches!(preview_import(&bad_file("duplicate-id.json"), &book), Err(ImportError::DuplicateId(_))));

    assert!(bad_case("wrong-type-revision.json").contains("invalid type"));
    assert!(bad_case("missing-status.json").contains("status"));
    assert!(bad_case("hostile-id.json").starts_with("id:"));
    assert!(bad_case("bidi-override.json").starts_with("order_number:"));
    assert!(bad_case("control-characters.json").starts_with("buyer:"));
    assert!(bad_case("negative-money.json").starts_with("money.received:"));
    assert!(bad_case("huge-amount.json").starts_with("money.at_stake:"));
    assert!(bad_case("date-out-of-range.json").starts_with("created_at:"));
    assert!(bad_case("overlong-text.json").starts_with("buyer: TooLong"));

    assert_eq!(book, before, "a refused file changes nothing");
}

#[test]
fn too_large_files_are_refused_before_and_after_reading() {
    assert_eq!(
        check_file_size(MAX_IMPORT_BYTES as f64 + 1.0),
        Err(ImportError::TooLarge { bytes: MAX_IMPORT_BYTES + 1, limit: MAX_IMPORT_BYTES })
    );
    assert_eq!(check_file_size(1024.0), Ok(()));
    let huge =
        format!("{{\"app\":\"claimdesk\",\"schema\":1,\"cases\":[],\"pad\":\"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
    assert!(matches!(preview_import(&huge, &CaseBook::new()), Err(ImportError::TooLarge { .. })));
}

#[test]
fn ten_thousand_cases_export_under_the_import_limit() {
    let book = book_of(&sample_cases(10_000, 9));
    let text = export_json(&book, &ProfileBook::default(), t(0)).expect("serialises");
    println!("backup of 10,000 cases: {} bytes", text.len());
    assert!(text.len() < MAX_IMPORT_BYTES, "{} bytes", text.len());
    assert_eq!(text.lines().count(), 10_000 + 2, "one case per line");
}

#[test]
fn errors_read_as_sentences() {
    let text = ImportError::NewerSchema { found: 3, supported: 1 }.to_string();
    assert!(text.contains("newer version"), "{text}");
    let problem = RecordFault::Invalid(CaseProblem { field: "revision".into(), problem: ProblemKind::RevisionZero });
    let text = ImportError::BadCase { index: 0, id: Some("c1".into()), problem }.to_string();
    assert!(text.starts_with("case #1 (c1): revision: "), "{text}");
}

#[test]
fn business_profiles_travel_in_a_backup_and_bad_ones_refuse_the_file() {
    use claimdesk::domain::{BusinessProfile, Jurisdiction, ProfileField};
    let book = book_of(&sample_cases(3, 2));
    let mut profiles = ProfileBook::default();
    let mut profile = BusinessProfile::new("p-one".into(), Jurisdiction::Pl);
    profile.set(ProfileField::LegalName, "Nowak sp. z o.o.");
    profile.set(ProfileField::Nip, "5250000009");
    profiles.upsert(profile).expect("valid");
    let text = export_json(&book, &profiles, t(0)).expect("serialises");
    let preview = preview_import(&text, &CaseBook::new()).expect("imports");
    assert_eq!(preview.profiles, profiles);
    assert_eq!(preview.new_profiles(&ProfileBook::default()), 1);
    assert_eq!(preview.new_profiles(&profiles), 0, "a profile already here is not new");
    assert_eq!(preview.cases.len(), 3);
    // A shared single case never carries the seller's details.
    let case = book.iter().next().expect("a case");
    let shared = preview_import(&export_case(case, t(0)).expect("serialises"), &CaseBook::new()).expect("imports");
    assert!(shared.profiles.profiles.is_empty());

    for bad in [
        text.replace("\"p-one\"", "\"not an id\""),
        text.replace("\"profiles\":{\"profiles\":[", "\"profiles\":{\"profiles\":7,\"x\":["),
        text.replace("Nowak sp. z o.o.", &"x".repeat(301)),
    ] {
        assert_eq!(preview_import(&bad, &CaseBook::new()), Err(ImportError::WrongShape(Shape::Profiles)));
    }
}

#[test]
fn a_version_2_backup_with_a_free_text_basis_imports_with_a_typed_one_and_a_mistyped_number_still_loads() {
    use claimdesk::domain::IdError;
    use claimdesk::domain::{AuthorityBasis, ProfileError, ProfileField};
    // As version 2 wrote it: the basis as text; the ИНН one digit short (the form did not check it then).
    let text = r#"{"app":"claimdesk","schema":2,"kind":"backup","exported_at":"2026-11-25T10:00:00Z","profiles":{"profiles":[{"id":"p-romashka","country":"ru","fields":{"legal_name":"Ромашка","legal_form":"ООО","inn":"770708389","signatory_basis":"доверенности № 7 от 02.03.2026"},"letters":3}],"current":"p-romashka"},"cases":[]}"#;
    let preview = preview_import(text, &CaseBook::new()).expect("imports");
    let profile = preview.profiles.get("p-romashka").expect("the profile is kept");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 2);
    assert_eq!(profile.basis, Some(AuthorityBasis::PowerOfAttorney { number: "7".into(), date }));
    assert_eq!(profile.get(ProfileField::Inn), Some("770708389"), "nothing is lost on import");
    assert_eq!(
        profile.check(),
        Err(ProfileError::Invalid(ProfileField::Inn, IdError::Length { expected: &[10, 12], found: 9 }))
    );
    let mut here = ProfileBook::default();
    assert_eq!(here.merge(preview.profiles.clone()), 1, "merged although its ИНН needs correcting");
}
