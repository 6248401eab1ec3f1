//! Our timestamp and date text against chrono's: stored data written with chrono's serde support before
//! `time_text` existed must read the same, and what we write must be what chrono wrote.

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, TimeZone, Utc};
use claimdesk::domain::{Case, Tombstone};
use claimdesk::scenario::Answer;
use claimdesk::time_text::{format_date, format_timestamp, parse_date, parse_timestamp};

/// Deterministic spread of instants from 1990 to 2100 with every kind of fraction (none, ms, µs, ns).
fn instants() -> impl Iterator<Item = DateTime<Utc>> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let base = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).single().expect("valid base");
    (0..20_000).map(move |i| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let seconds = (state % (110 * 366 * 86_400)) as i64;
        let nanos = match i % 4 {
            0 => 0,
            1 => (state >> 40) % 1000 * 1_000_000,
            2 => (state >> 30) % 1_000_000 * 1000,
            _ => (state >> 20) % 1_000_000_000,
        } as i64;
        base + Duration::seconds(seconds) + Duration::nanoseconds(nanos)
    })
}

#[test]
fn writes_exactly_what_chrono_writes() {
    for t in instants() {
        assert_eq!(format_timestamp(&t), t.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        assert_eq!(format_date(&t.date_naive()), t.date_naive().to_string());
    }
    let far = NaiveDate::from_ymd_opt(12_345, 1, 2).expect("valid");
    assert_eq!(format_date(&far), far.to_string());
}

#[test]
fn reads_back_what_it_and_chrono_write() {
    for t in instants() {
        for text in [format_timestamp(&t), t.to_rfc3339(), t.to_rfc3339_opts(SecondsFormat::Nanos, false)] {
            assert_eq!(parse_timestamp(&text), Some(t), "{text}");
        }
        let date = t.date_naive();
        assert_eq!(parse_date(&date.to_string()), Some(date));
    }
}

#[test]
fn reads_offsets_and_relaxed_forms_as_chrono_does() {
    for text in [
        "2026-11-20T12:00:00Z",
        "2026-11-20t12:00:00z",
        "2026-11-20 12:00:00Z",
        "2026-11-20T12:00:00+03:00",
        "2026-11-20T01:30:00-05:30",
        "2026-11-20T12:00:00.5Z",
        "2026-11-20T12:00:00.123456789123Z",
        "2026-12-31T23:59:59-14:00",
        "2016-12-31T23:59:60Z",
    ] {
        let ours = parse_timestamp(text);
        let chrono = DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc));
        assert!(ours.is_some(), "{text} should read");
        assert_eq!(ours, chrono, "{text}");
    }
}

#[test]
fn refuses_what_is_not_a_timestamp_or_date() {
    for text in [
        "",
        "2026-11-20",
        "2026-11-20T12:00:00",
        "2026-11-20T12:00Z",
        "2026-13-01T12:00:00Z",
        "2026-02-30T12:00:00Z",
        "2026-11-20T24:00:00Z",
        "2026-11-20T12:60:00Z",
        "2026-11-20T12:00:00.Z",
        "2026-11-20T12:00:00+3:00",
        "2026-11-20T12:00:00+24:00",
        "2026-11-20T12:00:00Z ",
        "2026-11-20X12:00:00Z",
        "２０２６-11-20T12:00:00Z",
        "+2026-11-20T12:00:00Z",
    ] {
        assert_eq!(parse_timestamp(text), None, "{text:?}");
    }
    for text in ["", "2026-11-2", "2026-11-200", "2026-02-29", "2026/11/20", "20261120", "2026-1-020", "-026-11-20"] {
        assert_eq!(parse_date(text), None, "{text:?}");
    }
    assert_eq!(parse_date("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
}

#[test]
fn stored_records_keep_their_text_form() {
    let tombstone = Tombstone {
        id: "c1".into(),
        revision: 3,
        deleted_at: Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).single().expect("valid") + Duration::milliseconds(250),
    };
    let json = serde_json::to_string(&tombstone).expect("serialises");
    assert_eq!(json, r#"{"id":"c1","revision":3,"deleted_at":"2026-11-20T12:00:00.250Z"}"#);
    assert_eq!(serde_json::from_str::<Tombstone>(&json).expect("reads"), tombstone);
    assert!(serde_json::from_str::<Tombstone>(r#"{"id":"c1","revision":3,"deleted_at":"yesterday"}"#).is_err());

    let date = Answer::Date(NaiveDate::from_ymd_opt(2026, 2, 28).expect("valid"));
    let json = serde_json::to_string(&date).expect("serialises");
    assert_eq!(json, r#"{"t":"date","v":"2026-02-28"}"#);
    assert_eq!(serde_json::from_str::<Answer>(&json).expect("reads"), date);
    // The value may come before the tag (hand-edited or re-serialised files).
    assert_eq!(serde_json::from_str::<Answer>(r#"{"v":"2026-02-28","t":"date"}"#).expect("reads"), date);
    let money = Answer::Money { minor: 150_000, currency: "RUB".into() };
    assert_eq!(
        serde_json::from_str::<Answer>(r#"{"v":{"minor":150000,"currency":"RUB"},"t":"money"}"#).ok(),
        Some(money)
    );
    for bad in [r#"{"t":"date","v":"28.02.2026"}"#, r#"{"t":"date"}"#, r#"{"v":"x"}"#, r#"{"t":"sound","v":"x"}"#] {
        assert!(serde_json::from_str::<Answer>(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_case_written_before_this_module_reads_unchanged() {
    // Text as chrono's serde support wrote it (from the schema v1 fixture's style).
    let stored = r#"{"id":"c-old","scenario":"wb-lost-goods","marketplace":"wildberries","revision":2,"status":"open",
        "created_at":"2026-11-02T09:15:30.123Z","updated_at":"2026-11-03T10:00:00Z",
        "order_number":"","buyer":"","answers":{"when":{"t":"date","v":"2026-10-30"}},
        "deadlines":[{"rule":"r1","due":"2026-12-01"}],
        "timeline":[{"at":"2026-11-02T09:15:30.123456Z","type":"created"}],
        "money":{"currency":"RUB","at_stake":0,"claimed":0,"received":0,"written_off":0}}"#;
    let case: Case = serde_json::from_str(stored).expect("reads");
    assert_eq!(case.created_at.to_rfc3339_opts(SecondsFormat::AutoSi, true), "2026-11-02T09:15:30.123Z");
    assert_eq!(case.timeline[0].at.to_rfc3339_opts(SecondsFormat::AutoSi, true), "2026-11-02T09:15:30.123456Z");
    assert_eq!(case.deadlines[0].due, NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid"));
    let again: Case = serde_json::from_str(&serde_json::to_string(&case).expect("writes")).expect("reads back");
    assert_eq!(again, case);
}
