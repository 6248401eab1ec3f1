#![cfg(not(target_arch = "wasm32"))]
//! What the case forms save: the wizard's case (new, or the edited one with a higher revision, its id and
//! history kept) and the four money fields.

use chrono::{Duration, TimeZone, Utc};
use claimdesk::domain::{Case, EventKind, Money};
use claimdesk::i18n::Lang;
use claimdesk::scenario::{get, Answer, Answers};

#[test]
fn creates_a_new_case_or_edits_the_one_being_edited() {
    let s = get("amazon-not-received").expect("shipped scenario");
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).single().expect("valid");
    let mut answers = Answers::new();
    answers.insert("order_number".into(), Answer::Text("112-1".into()));

    let created = Case::saved_from_wizard(None, s, answers.clone(), now, || "new-id".into());
    assert_eq!(created.id, "new-id");
    assert_eq!(created.order_number, "112-1");

    answers.insert("order_number".into(), Answer::Text("112-2".into()));
    let later = now + Duration::hours(1);
    let edited = Case::saved_from_wizard(Some(created.clone()), s, answers, later, || panic!("an edit keeps its id"));
    assert_eq!(edited.id, "new-id");
    assert_eq!(edited.order_number, "112-2");
    assert!(edited.revision > created.revision, "a higher revision, so the book accepts it");
    assert_eq!(edited.created_at, created.created_at);
    assert!(matches!(edited.timeline.last().map(|e| &e.kind), Some(EventKind::AnswersEdited)));
}

#[test]
fn money_fields_read_in_the_languages_style_and_name_the_bad_one() {
    let money = Money::from_fields("PLN", Lang::Pl, ["1 234,50", "", " 10 ", "0,5"]).expect("valid amounts");
    assert_eq!(money.amounts(), [123_450, 0, 1_000, 50]);
    assert_eq!(money.currency, "PLN");
    assert_eq!(Money::from_fields("USD", Lang::En, ["1", "2", "abc", "x"]), Err(2), "the first bad field");
    assert_eq!(Money::from_fields("USD", Lang::En, ["-1", "", "", ""]), Err(0));
    for lang in Lang::ALL {
        let texts = money.amounts().map(|m| claimdesk::i18n::format_amount_field(lang, m));
        let read = Money::from_fields("PLN", lang, texts.each_ref().map(String::as_str));
        assert_eq!(read, Ok(money.clone()), "{lang:?}: fields written back read the same");
    }
}
