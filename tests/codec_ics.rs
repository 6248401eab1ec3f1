#![cfg(not(target_arch = "wasm32"))]
//! Deadlines as iCalendar: checked against the RFC 5545 rules a calendar app relies on.

use chrono::{NaiveDate, TimeZone, Utc};
use claimdesk::codec::ics::{
    calendar, deadline_events, escape_text, file_name, fold_line, CalendarEvent, CalendarTexts, PRODID,
};
use claimdesk::domain::sample_cases;
use claimdesk::i18n::Lang;

fn texts() -> CalendarTexts<'static> {
    CalendarTexts {
        lang: Lang::Ru, name: "Claimdesk: сроки", reminder: Some("Завтра срок по претензии")
    }
}

/// Undoes line folding (RFC 5545 3.1): CRLF followed by one space or tab is removed.
fn unfold(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .replace("\r\n\t", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn event(summary: &str, description: &str) -> CalendarEvent {
    CalendarEvent {
        uid: "c1-court@claimdesk".into(),
        date: NaiveDate::from_ymd_opt(2026, 12, 31).expect("valid"),
        summary: summary.into(),
        description: description.into(),
        url: Some("https://example.org/claimdesk/cases/c1".into()),
    }
}

#[test]
fn the_file_is_valid_rfc_5545() {
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 8, 30, 0).single().expect("valid");
    let long = "Подать претензию в Wildberries по заказу 123456789 с фото упаковки, видео распаковки и актом приёмки";
    let text = calendar(&[event(long, "Line one\nLine two; with, commas \\ and a backslash")], &texts(), now);

    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "every line ends with CRLF");
    for physical in text.split("\r\n") {
        assert!(physical.len() <= 75, "line over 75 octets: {physical:?} ({})", physical.len());
    }
    let lines = unfold(&text);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    for required in [
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "BEGIN:VEVENT",
        "END:VEVENT",
        "UID:c1-court@claimdesk",
        "DTSTAMP:20261125T083000Z",
        "DTSTART;VALUE=DATE:20261231",
        "DTEND;VALUE=DATE:20270101",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-PT15H",
        "END:VALARM",
        "X-WR-CALNAME:Claimdesk: сроки",
    ] {
        assert!(lines.iter().any(|l| l == required), "missing {required}");
    }
    assert!(lines.contains(&format!("SUMMARY;LANGUAGE=ru:{}", long.replace(',', "\\,"))), "folding loses nothing");
    assert!(lines
        .contains(&"DESCRIPTION;LANGUAGE=ru:Line one\\nLine two\\; with\\, commas \\\\ and a backslash".to_string()));
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("BEGIN:")).count(),
        lines.iter().filter(|l| l.starts_with("END:")).count()
    );
}

#[test]
fn folding_never_splits_a_character() {
    for text in ["ё".repeat(200), "ż".repeat(77), "a€".repeat(60), "x".repeat(75), "x".repeat(76)] {
        let folded = fold_line(&format!("SUMMARY:{text}"));
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75);
        }
        assert_eq!(unfold(&folded), vec![format!("SUMMARY:{text}")]);
    }
    assert_eq!(fold_line("SHORT:1"), "SHORT:1\r\n");
}

#[test]
fn text_escaping() {
    assert_eq!(escape_text("a;b,c\\d\ne\r\nf"), "a\\;b\\,c\\\\d\\ne\\nf");
    assert_eq!(escape_text("bell\u{7}gone\ttab kept"), "bellgone\ttab kept");
}

#[test]
fn one_event_per_open_deadline_with_stable_uids() {
    let mut cases = sample_cases(30, 4);
    cases.retain(|c| c.status.is_active());
    let open: usize = cases.iter().map(|c| c.deadlines.iter().filter(|d| !d.done).count()).sum();
    let events =
        deadline_events(&cases, |case, deadline| (format!("{} {}", case.order_number, deadline.rule), String::new()));
    assert_eq!(events.len(), open);
    assert!(events.windows(2).all(|w| w[0].date <= w[1].date), "soonest first");
    let mut uids: Vec<&str> = events.iter().map(|e| e.uid.as_str()).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "unique UIDs");
    let again = deadline_events(&cases, |_, _| (String::new(), String::new()));
    assert_eq!(events.iter().map(|e| &e.uid).collect::<Vec<_>>(), again.iter().map(|e| &e.uid).collect::<Vec<_>>());

    let now = Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).single().expect("valid");
    let text = calendar(&events, &CalendarTexts { lang: Lang::En, name: "Deadlines", reminder: None }, now);
    assert_eq!(unfold(&text).iter().filter(|l| *l == "BEGIN:VEVENT").count(), open);
    assert!(!text.contains("VALARM"));
}

#[test]
fn file_names() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid");
    assert_eq!(file_name(day, None), "claimdesk-deadlines-20261125.ics");
    assert_eq!(file_name(day, Some("c1")), "claimdesk-c1.ics");
}
