#![cfg(not(target_arch = "wasm32"))]
//! Deadlines as iCalendar: checked against the RFC 5545 rules a calendar app relies on, and read back with an
//! independent parser (the `ical` crate): events, UIDs, alarms and their wording per kind of date.

use std::io::BufReader;

use chrono::{NaiveDate, TimeZone, Utc};
use claimdesk::codec::ics::{
    calendar, deadline_events, escape_text, file_name, fold_line, CalendarEvent, CalendarTexts, DateKind,
    LONG_TERM_NOTICE_DAYS, PRODID,
};
use claimdesk::domain::Case;
use claimdesk::i18n::Lang;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};

mod common;
use common::{answers, date, scenario};

const EN: CalendarTexts<'static> = CalendarTexts {
    lang: Lang::En,
    name: "Claimdesk deadlines",
    alarm_last_day: "Last day {date}: {what}",
    alarm_from: "Reminder: {what}",
};

/// Undoes line folding (RFC 5545 3.1): CRLF followed by one space or tab is removed.
fn unfold(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .replace("\r\n\t", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The one calendar in `text`, as the `ical` crate reads it.
fn parse(text: &str) -> IcalCalendar {
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars.next().expect("one calendar").expect("the calendar parses");
    assert!(calendars.next().is_none(), "only one calendar");
    calendar
}

fn value<'a>(properties: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    properties.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref())
}

fn event_value<'a>(event: &'a IcalEvent, name: &str) -> &'a str {
    value(&event.properties, name).unwrap_or_else(|| panic!("event without {name}"))
}

/// `(trigger, description)` of each alarm of `event`.
fn alarms(event: &IcalEvent) -> Vec<(String, String)> {
    event
        .alarms
        .iter()
        .map(|a| {
            assert_eq!(value(&a.properties, "ACTION"), Some("DISPLAY"));
            let get = |name| value(&a.properties, name).unwrap_or_default().to_string();
            (get("TRIGGER"), get("DESCRIPTION"))
        })
        .collect()
}

fn event(summary: &str, description: &str) -> CalendarEvent {
    CalendarEvent {
        uid: "c1-court@claimdesk".into(),
        sequence: 3,
        modified: Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).single().expect("valid"),
        date: NaiveDate::from_ymd_opt(2026, 12, 31).expect("valid"),
        kind: DateKind::LastDay,
        long_term: false,
        summary: summary.into(),
        description: description.into(),
        url: Some("https://example.org/claimdesk/cases/c1".into()),
    }
}

#[test]
fn the_file_is_valid_rfc_5545() {
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 8, 30, 0).single().expect("valid");
    let long = "Подать претензию в Wildberries по заказу 123456789 с фото упаковки, видео распаковки и актом приёмки";
    let texts = CalendarTexts { lang: Lang::Ru, name: "Claimdesk: сроки", ..EN };
    let text = calendar(&[event(long, "Line one\nLine two; with, commas \\ and a backslash")], &texts, &[1], now);

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
        "UID:c1-court@claimdesk",
        "SEQUENCE:3",
        "DTSTAMP:20261125T083000Z",
        "LAST-MODIFIED:20261120T100000Z",
        "DTSTART;VALUE=DATE:20261231",
        "DTEND;VALUE=DATE:20270101",
        "TRIGGER:-PT15H",
        "X-WR-CALNAME:Claimdesk: сроки",
        "URL:https://example.org/claimdesk/cases/c1",
    ] {
        assert!(lines.iter().any(|l| l == required), "missing {required}");
    }
    assert!(lines.contains(&format!("SUMMARY;LANGUAGE=ru:{}", long.replace(',', "\\,"))), "folding loses nothing");
    assert!(lines.contains(
        &"DESCRIPTION;LANGUAGE=ru:Line one\\nLine two\\; with\\, commas \\\\ and a backslash\\nhttps://example.org/claimdesk/cases/c1"
            .to_string()
    ));

    // An independent parser reads the same: one event, its alarm, the folded summary whole.
    let parsed = parse(&text);
    assert_eq!(value(&parsed.properties, "PRODID"), Some(PRODID));
    assert_eq!(parsed.events.len(), 1);
    let e = &parsed.events[0];
    assert_eq!(event_value(e, "UID"), "c1-court@claimdesk");
    assert_eq!(event_value(e, "SUMMARY"), long.replace(',', "\\,"));
    assert_eq!(event_value(e, "DTSTART"), "20261231");
    assert_eq!(alarms(e), [("-PT15H".to_string(), format!("Last day 31.12.2026: {}", long.replace(',', "\\,")))]);
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

/// WB, shortfall at acceptance found 10 Nov 2026, claim filed 20 Nov: objection by 17 Nov, WB's answer by Mon
/// 21 Dec, court possible from Tue 22 Dec, limitation until Mon 12 Nov 2029.
fn wb_case() -> Case {
    let s = scenario("wb-lost-goods");
    let pairs =
        [("where", "acceptance"), ("found_date", "2026-11-10"), ("claim_sent", "yes"), ("claim_date", "2026-11-20")];
    let created = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).single().expect("valid");
    Case::from_wizard("c1".into(), s, answers(s, &pairs), created)
}

fn export(cases: &[Case], today: &str) -> String {
    let events = deadline_events(
        cases,
        date(today),
        |case, deadline, kind| {
            let summary = match kind {
                DateKind::From => format!("{} from {}", deadline.rule, deadline.due),
                DateKind::LastDay => format!("{} until {}", deadline.rule, deadline.due),
            };
            (summary, format!("case {}", case.id))
        },
        |case| format!("https://example.org/claimdesk/cases/{}", case.id),
    );
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).single().expect("valid");
    calendar(&events, &EN, &[7, 1, 0], now)
}

#[test]
fn past_dates_are_left_out_a_from_date_is_not_worded_as_expiring_and_the_limitation_gets_a_months_notice() {
    let parsed = parse(&export(&[wb_case()], "2026-11-25"));
    let uids: Vec<&str> = parsed.events.iter().map(|e| event_value(e, "UID")).collect();
    assert_eq!(
        uids,
        ["c1-claim_answer_term@claimdesk", "c1-court_possible@claimdesk", "c1-limitation@claimdesk"],
        "the objection of 17 Nov is past"
    );

    let court = &parsed.events[1];
    assert_eq!(event_value(court, "DTSTART"), "20261222");
    assert_eq!(event_value(court, "URL"), "https://example.org/claimdesk/cases/c1");
    assert_eq!(
        alarms(court),
        [
            ("-P6DT15H".to_string(), "Reminder: court_possible from 2026-12-22".to_string()),
            ("-PT15H".to_string(), "Reminder: court_possible from 2026-12-22".to_string()),
            ("PT9H".to_string(), "Reminder: court_possible from 2026-12-22".to_string()),
        ]
    );

    assert_eq!(alarms(&parsed.events[0])[0].1, "Last day Dec 21\\, 2026: claim_answer_term until 2026-12-21");
    let limitation = &parsed.events[2];
    assert_eq!(event_value(limitation, "DTSTART"), "20291112");
    let triggers: Vec<String> = alarms(limitation).into_iter().map(|(trigger, _)| trigger).collect();
    assert_eq!(LONG_TERM_NOTICE_DAYS, 30);
    assert_eq!(triggers, ["-P29DT15H", "-P6DT15H", "-PT15H", "PT9H"], "30 days, a week, a day, the morning");
    assert_eq!(alarms(limitation)[0].1, "Last day Nov 12\\, 2029: limitation until 2029-11-12");

    // On the objection's last day it is still in the file.
    let on_the_day = parse(&export(&[wb_case()], "2026-11-17"));
    assert_eq!(event_value(&on_the_day.events[0], "UID"), "c1-acceptance_objection@claimdesk");
    assert_eq!(alarms(&on_the_day.events[0]).len(), 3);
}

#[test]
fn uids_stay_the_same_across_exports_and_the_sequence_grows_with_the_case() {
    let mut case = wb_case();
    let first = parse(&export(std::slice::from_ref(&case), "2026-11-25"));
    assert!(case.add_note("Sent the act again", Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).single().expect("valid")));
    case.deadlines.iter_mut().filter(|d| d.rule == "limitation").for_each(|d| d.done = true);
    let second = parse(&export(std::slice::from_ref(&case), "2026-11-25"));

    let uid_and_sequence = |c: &IcalCalendar| -> Vec<(String, String)> {
        c.events.iter().map(|e| (event_value(e, "UID").to_string(), event_value(e, "SEQUENCE").to_string())).collect()
    };
    assert_eq!(
        uid_and_sequence(&first),
        [
            ("c1-claim_answer_term@claimdesk".to_string(), "1".to_string()),
            ("c1-court_possible@claimdesk".to_string(), "1".to_string()),
            ("c1-limitation@claimdesk".to_string(), "1".to_string())
        ]
    );
    assert_eq!(
        uid_and_sequence(&second),
        [
            ("c1-claim_answer_term@claimdesk".to_string(), "2".to_string()),
            ("c1-court_possible@claimdesk".to_string(), "2".to_string())
        ],
        "the same UID, a higher sequence; a deadline marked done is no longer exported"
    );

    let mut other = wb_case();
    other.id = "c2".into();
    let both = parse(&export(&[case, other], "2026-11-25"));
    let mut uids: Vec<&str> = both.events.iter().map(|e| event_value(e, "UID")).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), both.events.len(), "unique per case and deadline");
}

#[test]
fn no_alarms_asked_leaves_only_the_long_term_notice() {
    let events =
        deadline_events([&wb_case()], date("2026-11-25"), |_, _, _| ("x".into(), String::new()), |_| String::new());
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).single().expect("valid");
    let parsed = parse(&calendar(&events, &EN, &[], now));
    assert_eq!(parsed.events[0].alarms.len(), 0);
    assert_eq!(alarms(&parsed.events[2]).into_iter().map(|(t, _)| t).collect::<Vec<_>>(), ["-P29DT15H"]);
    assert_eq!(event_value(&parsed.events[2], "UID"), "c1-limitation@claimdesk");
    assert_eq!(value(&parsed.events[0].properties, "URL"), None, "an empty link is left out");
}

#[test]
fn file_names() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid");
    assert_eq!(file_name(day, None), "claimdesk-deadlines-20261125.ics");
    assert_eq!(file_name(day, Some("c1")), "claimdesk-c1.ics");
}
