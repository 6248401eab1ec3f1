#![cfg(not(target_arch = "wasm32"))]
//! One number per letter: a case's letter keeps the outgoing number it was first given, whether it is printed,
//! copied or downloaded again, across a reload (the case's JSON) and a backup; other letters get the next ones.

use chrono::{DateTime, TimeZone, Utc};
use claimdesk::codec::backup::{export_json, preview_import};
use claimdesk::domain::{BusinessProfile, Case, CaseBook, Jurisdiction, LetterVia, ProfileBook, ProfileField as F};

mod common;
use common::{answers, scenario};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).single().expect("a time")
}

fn profiles() -> ProfileBook {
    let mut book = ProfileBook::default();
    let mut p = BusinessProfile::new("p-veter".into(), Jurisdiction::Ru);
    p.set(F::LegalForm, "ООО");
    p.set(F::LegalName, "Северный Ветер");
    p.set(F::Inn, "7701234560");
    book.upsert(p).expect("valid");
    book
}

fn wb_case(id: &str) -> Case {
    let s = scenario("wb-lost-goods");
    Case::from_wizard(id.into(), s, answers(s, &[("where", "warehouse")]), now())
}

/// What the app does when a letter leaves: take its number, count it in the profile, record it on the case.
fn send(book: &mut ProfileBook, case: &mut Case, message: &str, how: LetterVia) -> Option<u32> {
    let (profile, number) = book.letter_number(case, message)?;
    book.mark_letter_number(&profile, number);
    case.record_letter(message, Some((&profile, number)), how, now());
    Some(number)
}

#[test]
fn a_letter_keeps_its_number_when_printed_then_copied() {
    let mut book = profiles();
    let mut case = wb_case("c-one");
    assert_eq!(case.letter_number("precourt_claim"), None);
    assert_eq!(book.letter_number(&case, "precourt_claim"), Some(("p-veter".into(), 1)));
    assert_eq!(send(&mut book, &mut case, "precourt_claim", LetterVia::Printed), Some(1));
    assert_eq!(send(&mut book, &mut case, "precourt_claim", LetterVia::Copied), Some(1), "the same letter");
    assert_eq!(send(&mut book, &mut case, "precourt_claim", LetterVia::Printed), Some(1));
    assert_eq!(case.letter_number("precourt_claim"), Some(1));
    assert_eq!(book.next_letter_number("p-veter"), Some(2), "re-sending used no new number");

    // Another letter of the same case, and a letter of another case, get numbers of their own.
    assert_eq!(send(&mut book, &mut case, "to_support", LetterVia::Copied), Some(2));
    let mut other = wb_case("c-two");
    assert_eq!(send(&mut book, &mut other, "precourt_claim", LetterVia::Copied), Some(3));
    assert_eq!(send(&mut book, &mut case, "precourt_claim", LetterVia::Copied), Some(1));
}

#[test]
fn the_number_survives_a_reload_and_a_backup() {
    let mut book = profiles();
    let mut case = wb_case("c-one");
    send(&mut book, &mut case, "precourt_claim", LetterVia::Printed);
    let reloaded: Case = serde_json::from_str(&serde_json::to_string(&case).expect("writes")).expect("reads");
    assert_eq!(reloaded.letter_number("precourt_claim"), Some(1));

    let mut cases = CaseBook::new();
    cases.upsert(case).expect("stored");
    let backup = export_json(&cases, &book, now()).expect("exports");
    let preview = preview_import(&backup, &CaseBook::new()).expect("imports");
    let restored = preview.cases.iter().find(|c| c.id == "c-one").expect("in the backup");
    assert_eq!(restored.letter_number("precourt_claim"), Some(1));
    // On a new device the restored profiles count on from there; the restored letter keeps its number.
    let mut fresh = ProfileBook::default();
    fresh.merge(preview.profiles.clone());
    assert_eq!(fresh.letter_number(restored, "precourt_claim"), Some(("p-veter".into(), 1)));
    assert_eq!(fresh.letter_number(&wb_case("c-new"), "precourt_claim"), Some(("p-veter".into(), 2)));
}

#[test]
fn without_a_profile_a_new_letter_has_no_number_but_a_numbered_one_keeps_its_own() {
    let mut book = profiles();
    let mut case = wb_case("c-one");
    send(&mut book, &mut case, "precourt_claim", LetterVia::Printed);
    let empty = ProfileBook::default();
    assert_eq!(empty.letter_number(&wb_case("c-two"), "precourt_claim"), None);
    assert_eq!(empty.letter_number(&case, "precourt_claim"), Some(("p-veter".into(), 1)), "the profile was deleted");
    // A copy without a number (a message that is not a formal letter) does not count as numbered.
    let mut unnumbered = wb_case("c-three");
    unnumbered.record_letter("precourt_claim", None, LetterVia::Copied, now());
    assert_eq!(unnumbered.letter_number("precourt_claim"), None);
}
