#![cfg(not(target_arch = "wasm32"))]
//! The in-memory case book: revision-checked changes, deletion with undo, merging, ids, backup reminder;
//! and the case model's status moves and validation.

use chrono::{DateTime, Duration, TimeZone, Utc};
use claimdesk::domain::{
    limits, new_case_id, sample_cases, Case, CaseBook, CaseStatus, Channel, EventKind, LetterVia, ProblemKind, Record,
    Stage, StageStep, Stale, TimelineEvent, Tombstone, UnknownEvent,
};

fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn one_case() -> Case {
    let mut case = sample_cases(1, 42).remove(0);
    case.created_at = t(-60 * 24 * 40);
    case
}

#[test]
fn upsert_takes_newer_copies_and_refuses_stale_ones() {
    let mut book = CaseBook::new();
    let case = one_case();
    assert_eq!(book.upsert(case.clone()), Ok(true));
    assert_eq!(book.upsert(case.clone()), Ok(false), "the same copy again is no change");

    let mut newer = case.clone();
    assert!(newer.add_note("called support", t(1)));
    assert_eq!(book.upsert(newer.clone()), Ok(true));
    assert_eq!(book.upsert(case.clone()), Err(Stale), "an older copy never replaces a newer one");
    assert_eq!(book.get(&case.id), Some(&newer));
}

#[test]
fn remove_leaves_a_tombstone_and_restore_brings_the_case_back_above_it() {
    let mut book = CaseBook::new();
    let case = one_case();
    book.upsert(case.clone()).expect("new");
    let removed = book.remove(&case.id, t(5)).expect("was there");
    assert_eq!(removed, case);
    assert!(book.get(&case.id).is_none());
    assert_eq!(
        book.tombstone(&case.id),
        Some(&Tombstone { id: case.id.clone(), revision: case.revision + 1, deleted_at: t(5) })
    );
    assert_eq!(book.upsert(case.clone()), Err(Stale), "an old copy cannot bring a deleted case back");

    let restored = book.restore(removed, t(6)).clone();
    assert_eq!(restored.revision, case.revision + 2);
    assert_eq!(restored.timeline.last().map(|e| &e.kind), Some(&EventKind::Restored));
    assert!(book.tombstone(&case.id).is_none());
    assert_eq!(book.len(), 1);
}

#[test]
fn merge_keeps_the_newer_record_and_accept_takes_any() {
    let case = one_case();
    let mut edited = case.clone();
    edited.add_note("later edit", t(3));
    let mut book = CaseBook::from_records([Record::Live(edited.clone()), Record::Live(case.clone())]);
    assert_eq!(book.get(&case.id), Some(&edited), "newest wins whatever the order");

    assert!(!book.merge(Record::Live(case.clone())));
    let deletion = Tombstone { id: case.id.clone(), revision: edited.revision + 1, deleted_at: t(4) };
    assert!(book.merge(Record::Deleted(deletion.clone())));
    assert!(book.get(&case.id).is_none());

    assert!(book.accept(Record::Live(case.clone())), "accept ignores versions");
    assert_eq!(book.get(&case.id), Some(&case));
    assert!(!book.accept(Record::Live(case.clone())));
}

#[test]
fn equal_revisions_merge_by_the_later_edit() {
    let case = one_case();
    let mut early = case.clone();
    early.add_note("early", t(1));
    let mut late = case;
    late.add_note("late", t(2));
    let mut book = CaseBook::from_records([Record::Live(early.clone())]);
    assert!(book.merge(Record::Live(late.clone())));
    assert!(!book.merge(Record::Live(early)));
    assert_eq!(book.get(&late.id), Some(&late));
}

#[test]
fn backup_reminder_after_thirty_days_with_open_cases() {
    let mut book = CaseBook::new();
    assert!(!book.backup_reminder_due(None, t(0)), "nothing to back up");
    let mut case = one_case();
    case.status = CaseStatus::Open;
    book.upsert(case.clone()).expect("new");
    assert!(book.backup_reminder_due(None, t(0)), "never exported, first case 40 days old");
    assert!(!book.backup_reminder_due(Some(t(-60 * 24 * 29)), t(0)));
    assert!(book.backup_reminder_due(Some(t(-60 * 24 * 31)), t(0)));

    let mut fresh = CaseBook::new();
    let mut young = case.clone();
    young.created_at = t(-60 * 24 * 2);
    fresh.upsert(young).expect("new");
    assert!(!fresh.backup_reminder_due(None, t(0)), "a new user is not nagged on day two");

    let mut finished = case;
    finished.status = CaseStatus::Closed;
    let closed_only = CaseBook::from_records([Record::Live(finished)]);
    assert!(!closed_only.backup_reminder_due(Some(t(-60 * 24 * 100)), t(0)), "no open cases");
}

#[test]
fn new_ids_are_valid_distinct_and_time_ordered() {
    let a = new_case_id(t(0), 1);
    let b = new_case_id(t(0), 2);
    let c = new_case_id(t(1), 1);
    assert_ne!(a, b);
    assert!(a < c && b < c, "{a} {b} {c}");
    for id in [&a, &b, &c] {
        assert!(claimdesk::domain::is_valid_id(id), "{id}");
    }
}

#[test]
fn status_changes_follow_the_rules_and_land_on_the_timeline() {
    let mut case = one_case();
    case.status = CaseStatus::Open;
    let revision = case.revision;
    assert!(!case.set_status(CaseStatus::Closed, t(1)), "resolved before closed");
    assert_eq!(case.revision, revision);
    for (minute, to) in [
        (1, CaseStatus::WaitingMarketplace),
        (2, CaseStatus::WaitingBuyer),
        (3, CaseStatus::ResolvedPartly),
        (4, CaseStatus::Closed),
    ] {
        let from = case.status;
        assert!(case.set_status(to, t(minute)), "{from:?} -> {to:?}");
        assert_eq!(
            case.timeline.last().map(|e| (&e.kind, e.at)),
            Some((&EventKind::StatusChanged { from, to }, t(minute)))
        );
    }
    assert_eq!(case.revision, revision + 4);
    assert_eq!(case.outcome(), Some(CaseStatus::ResolvedPartly), "a closed case keeps its result");
    assert_eq!(case.resolved_at(), Some(t(3)));
    assert!(case.set_status(CaseStatus::Open, t(5)), "reopen");
    assert_eq!(case.outcome(), None);
}

#[test]
fn validation_accepts_generated_cases_and_names_the_bad_field() {
    for case in sample_cases(500, 9) {
        case.validate().unwrap_or_else(|p| panic!("{}: {p}", case.id));
    }
    let good = one_case();
    let check = |change: &dyn Fn(&mut Case)| {
        let mut case = good.clone();
        change(&mut case);
        case.validate().map_err(|p| p.field)
    };
    assert_eq!(check(&|c| c.id = "a/b".into()), Err("id".into()));
    assert_eq!(check(&|c| c.id = "x".repeat(65)), Err("id".into()));
    assert_eq!(check(&|c| c.revision = 0), Err("revision".into()));
    assert_eq!(check(&|c| c.buyer = "Anna\u{202e}".into()), Err("buyer".into()));
    assert_eq!(check(&|c| c.order_number = "1\u{0}2".into()), Err("order_number".into()));
    assert_eq!(check(&|c| c.money.currency = "rub".into()), Err("money.currency".into()));
    assert_eq!(check(&|c| c.money.claimed = -1), Err("money.claimed".into()));
    assert_eq!(
        check(&|c| {
            c.add_note("ok\nmultiline\tnote", t(1));
        }),
        Ok(())
    );
    assert_eq!(
        check(&|c| {
            c.checklist.insert("bad id".into(), false);
        }),
        Err("checklist".into())
    );
}

#[test]
fn into_records_gives_back_every_case_and_deletion() {
    let mut book = CaseBook::from_records(sample_cases(20, 5).into_iter().map(Record::Live));
    let gone = book.iter().next().map(|c| c.id.clone()).expect("a case");
    book.remove(&gone, t(1));
    let records: Vec<Record> = book.clone().into_records().collect();
    assert_eq!(records.len(), 20);
    assert_eq!(records.iter().filter(|r| matches!(r, Record::Deleted(_))).count(), 1);
    assert_eq!(CaseBook::from_records(records), book);
}

/// One event of each kind; the match has no wildcard, so a new kind fails to compile until it is listed here.
fn one_event_of_each_kind() -> Vec<EventKind> {
    let all = vec![
        EventKind::Created,
        EventKind::StatusChanged { from: CaseStatus::Open, to: CaseStatus::WaitingMarketplace },
        EventKind::Note {
            text: "Поддержка ответила: «ждите» — \"quoted\"\n2nd line".to_string()
        },
        EventKind::ChecklistTicked { item: "photos".to_string(), done: true },
        EventKind::ChecklistTicked { item: "photos".to_string(), done: false },
        EventKind::MoneyChanged,
        EventKind::AnswersEdited,
        EventKind::Restored,
        EventKind::LossesChanged,
        EventKind::LetterSent { message: "precourt_claim".to_string(), number: Some(12), how: LetterVia::Printed },
        EventKind::LetterSent { message: "to_buyer".to_string(), number: None, how: LetterVia::Copied },
        EventKind::StageChanged {
            step: StageStep {
                stage: Stage::ClaimFiled,
                on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("valid"),
                reference: "WB-77 «претензия»".to_string(),
                channel: Channel::Portal,
            },
        },
        EventKind::AttachmentAdded {
            attachment: "f1".to_string(),
            name: "Акт приёмки.pdf".to_string(),
            media_type: "application/pdf".to_string(),
            size: 184_320,
            sha256: "0123456789abcdef".repeat(4),
            thumbnail: Some("fedcba9876543210".repeat(4)),
        },
        EventKind::AttachmentCaptioned { attachment: "f1".to_string(), caption: "Акт № 12".to_string() },
        EventKind::AttachmentTied { attachment: "f1".to_string(), item: Some("act".to_string()) },
        EventKind::AttachmentTied { attachment: "f1".to_string(), item: None },
        EventKind::AttachmentRemoved { attachment: "f1".to_string() },
        EventKind::Unknown(newer_versions_event()),
    ];
    for kind in &all {
        match kind {
            EventKind::Created
            | EventKind::StatusChanged { .. }
            | EventKind::Note { .. }
            | EventKind::ChecklistTicked { .. }
            | EventKind::MoneyChanged
            | EventKind::AnswersEdited
            | EventKind::Restored
            | EventKind::LossesChanged
            | EventKind::LetterSent { .. }
            | EventKind::StageChanged { .. }
            | EventKind::AttachmentAdded { .. }
            | EventKind::AttachmentRemoved { .. }
            | EventKind::AttachmentCaptioned { .. }
            | EventKind::AttachmentTied { .. }
            | EventKind::Unknown(_) => {}
        }
    }
    all
}

#[test]
fn every_timeline_event_kind_round_trips_through_json() {
    let mut case = one_case();
    let kinds = one_event_of_each_kind();
    case.timeline = kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| claimdesk::domain::TimelineEvent { at: t(i as i64), kind: kind.clone() })
        .collect();
    let json = serde_json::to_string(&case).expect("serialises");
    let back: Case = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back.timeline, case.timeline);
    assert_eq!(back.timeline.iter().map(|e| &e.kind).collect::<Vec<_>>(), kinds.iter().collect::<Vec<_>>());
}

/// An event of a kind a newer version of the app added.
fn newer_versions_event() -> UnknownEvent {
    let fields = serde_json::json!({ "deadline": "claim_end", "done": true, "note": "подали вовремя" });
    UnknownEvent { kind: "deadline_done".to_string(), fields: fields.as_object().cloned().unwrap_or_default() }
}

#[test]
fn an_event_of_a_newer_version_is_kept_and_written_back_as_it_was() {
    let stored = r#"{"at":"2026-12-01T10:00:00Z","type":"deadline_done","deadline":"claim_end","done":true,"note":"подали вовремя"}"#;
    let event: TimelineEvent = serde_json::from_str(stored).unwrap();
    assert_eq!(event.kind, EventKind::Unknown(newer_versions_event()));
    assert_eq!(event.kind.wire_name(), "deadline_done");
    let written: serde_json::Value = serde_json::from_str(&serde_json::to_string(&event).unwrap()).unwrap();
    assert_eq!(written, serde_json::from_str::<serde_json::Value>(stored).unwrap());
    assert!(!EventKind::KNOWN.contains(&"deadline_done"));

    let mut case = one_case();
    case.timeline.push(event);
    assert_eq!(case.validate(), Ok(()));
}

#[test]
fn a_known_event_missing_a_field_is_refused_and_an_unknown_one_stays_within_bounds() {
    let missing = r#"{"at":"2026-12-01T10:00:00Z","type":"note"}"#;
    let error = serde_json::from_str::<TimelineEvent>(missing).unwrap_err().to_string();
    assert!(error.contains("missing field `text`"), "{error}");
    // A letter's number may be absent (copied messages have none).
    let no_number = r#"{"at":"2026-12-01T10:00:00Z","type":"letter_sent","message":"to_buyer","how":"copied"}"#;
    let event: TimelineEvent = serde_json::from_str(no_number).unwrap();
    assert_eq!(
        event.kind,
        EventKind::LetterSent { message: "to_buyer".to_string(), number: None, how: LetterVia::Copied }
    );

    let mut case = one_case();
    let mut huge = newer_versions_event();
    huge.fields.insert("blob".to_string(), serde_json::Value::String("x".repeat(limits::LONG_TEXT_CHARS)));
    case.timeline.push(TimelineEvent { at: case.created_at, kind: EventKind::Unknown(huge) });
    assert_eq!(case.validate().map_err(|p| p.problem), Err(ProblemKind::TooLong));

    let mut case = one_case();
    let mut odd_name = newer_versions_event();
    odd_name.kind = "<script>".to_string();
    case.timeline.push(TimelineEvent { at: case.created_at, kind: EventKind::Unknown(odd_name) });
    assert_eq!(case.validate().map_err(|p| p.problem), Err(ProblemKind::NotAnId));
}
