//! Deadlines as an iCalendar file (RFC 5545) for any calendar app.
//!
//! API for the UI: [`deadline_events`]`(cases, today, describe, case_url)` builds one all-day event per deadline
//! still ahead (or today), with the texts the UI writes in the user's language and the deep link to the case;
//! [`calendar`]`(&events, &CalendarTexts, alarm_days, now)` makes the file; [`file_name`] names it. For "all
//! open cases" pass the active cases.
//!
//! The output: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values
//! escaped, a stable UID per case and deadline with the case's revision as SEQUENCE (importing again updates
//! the same events), all-day events as `VALUE=DATE`, and display alarms at 09:00 the given numbers of days
//! before. A "from" date (something becomes possible) is worded as such, never as a date that expires; a term
//! of a year or more (the 3-year limitation) also warns [`LONG_TERM_NOTICE_DAYS`] days ahead.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};

use crate::domain::{Case, CaseDeadline};
use crate::i18n::{fill, format_date, Lang};
use crate::scenario::{DeadlineRule, OffsetUnit};

pub const PRODID: &str = "-//Claimdesk//Claim deadlines//EN";

/// Days of notice a term of a year or more gets on top of the alarms asked for.
pub const LONG_TERM_NOTICE_DAYS: u32 = 30;

/// What a date means, for the wording of its reminders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// The last day to act.
    LastDay,
    /// The first day something becomes possible: it never expires.
    From,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    pub uid: String,
    /// Grows with every change of the case, so a calendar importing the file again takes the newer event.
    pub sequence: u64,
    pub modified: DateTime<Utc>,
    pub date: NaiveDate,
    pub kind: DateKind,
    /// Counted in a year or more: warned of earlier than the alarms asked for.
    pub long_term: bool,
    pub summary: String,
    pub description: String,
    /// A link back to the case in the app.
    pub url: Option<String>,
}

pub struct CalendarTexts<'a> {
    pub lang: Lang,
    /// The calendar's name as calendar apps show it.
    pub name: &'a str,
    /// The reminder of a last day, with `{what}` (the event's summary) and `{date}`.
    pub alarm_last_day: &'a str,
    /// The reminder of a "from" date, with `{what}` and `{date}`.
    pub alarm_from: &'a str,
}

fn kind_of(rule: Option<&DeadlineRule>) -> DateKind {
    if rule.is_some_and(DeadlineRule::is_from) {
        DateKind::From
    } else {
        DateKind::LastDay
    }
}

fn is_long_term(rule: Option<&DeadlineRule>) -> bool {
    rule.is_some_and(|r| match r.offset.unit {
        OffsetUnit::Months => r.offset.amount >= 12,
        OffsetUnit::CalendarDays | OffsetUnit::BusinessDays => r.offset.amount >= 365,
        OffsetUnit::Hours => false,
    })
}

/// One event per deadline not marked done that falls on `today` or later (a past date has nothing left to
/// remind of), soonest first; `describe` returns (summary, description) for a date of that kind, `case_url` the
/// link to the case.
pub fn deadline_events<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    describe: impl Fn(&Case, &CaseDeadline, DateKind) -> (String, String),
    case_url: impl Fn(&Case) -> String,
) -> Vec<CalendarEvent> {
    let mut events = Vec::new();
    for case in cases {
        let scenario = crate::scenario::get(&case.scenario);
        let url = case_url(case);
        for deadline in case.deadlines.iter().filter(|d| !d.done && d.due >= today) {
            let rule = scenario.and_then(|s| s.deadline(&deadline.rule));
            let kind = kind_of(rule);
            let (summary, description) = describe(case, deadline, kind);
            events.push(CalendarEvent {
                uid: format!("{}-{}@claimdesk", case.id, deadline.rule),
                sequence: case.revision,
                modified: case.updated_at,
                date: deadline.due,
                kind,
                long_term: is_long_term(rule),
                summary,
                description,
                url: Some(url.clone()),
            });
        }
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.uid.cmp(&b.uid)));
    events
}

/// A TEXT value with `\`, `;`, `,` and line breaks escaped and other control characters dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded to at most 75 octets per physical line, with its CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

// Written by hand rather than with chrono's `format`: its format-string machinery costs wasm size.
fn ics_date(day: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

fn ics_timestamp(at: DateTime<Utc>) -> String {
    format!("{}T{:02}{:02}{:02}Z", ics_date(at.date_naive()), at.hour(), at.minute(), at.second())
}

/// The trigger of an alarm at 09:00, `days_before` days before an all-day event (which starts at midnight).
fn trigger(days_before: u32) -> String {
    match days_before {
        0 => "PT9H".to_string(),
        1 => "-PT15H".to_string(),
        n => format!("-P{}DT15H", n - 1),
    }
}

/// The alarm days of one event: those asked for, plus the long-term notice, each once, earliest first.
fn alarm_days_of(event: &CalendarEvent, asked: &[u32]) -> Vec<u32> {
    let mut days = asked.to_vec();
    if event.long_term {
        days.push(LONG_TERM_NOTICE_DAYS);
    }
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    days
}

/// The file. `alarm_days`: reminders at 09:00 that many days before each date, `0` the morning of the day
/// itself (e.g. `[7, 1, 0]`); empty for none (a long-term date still gets its early notice).
pub fn calendar(events: &[CalendarEvent], texts: &CalendarTexts, alarm_days: &[u32], now: DateTime<Utc>) -> String {
    let stamp = ics_timestamp(now);
    let lang = texts.lang.code();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape_text(texts.name)),
    ];
    for event in events {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", escape_text(&event.uid)),
            format!("SEQUENCE:{}", event.sequence),
            format!("DTSTAMP:{stamp}"),
            format!("LAST-MODIFIED:{}", ics_timestamp(event.modified)),
            format!("DTSTART;VALUE=DATE:{}", ics_date(event.date)),
            format!("DTEND;VALUE=DATE:{}", ics_date(event.date + Duration::days(1))),
            format!("SUMMARY;LANGUAGE={lang}:{}", escape_text(&event.summary)),
        ]);
        let url = event
            .url
            .as_ref()
            .map(|u| u.chars().filter(|c| !c.is_control()).collect::<String>())
            .filter(|u| !u.is_empty());
        // Many calendar apps show the description but not URL: the link goes in both.
        let description: Vec<&str> = [Some(event.description.as_str()), url.as_deref()]
            .into_iter()
            .flatten()
            .filter(|t| !t.is_empty())
            .collect();
        if !description.is_empty() {
            lines.push(format!("DESCRIPTION;LANGUAGE={lang}:{}", escape_text(&description.join("\n"))));
        }
        if let Some(url) = &url {
            lines.push(format!("URL:{url}"));
        }
        lines.push("TRANSP:TRANSPARENT".to_string());
        let template = match event.kind {
            DateKind::LastDay => texts.alarm_last_day,
            DateKind::From => texts.alarm_from,
        };
        let reminder = fill(template, &[("what", &event.summary), ("date", &format_date(texts.lang, event.date))]);
        for days in alarm_days_of(event, alarm_days) {
            lines.extend([
                "BEGIN:VALARM".to_string(),
                "ACTION:DISPLAY".to_string(),
                format!("DESCRIPTION:{}", escape_text(&reminder)),
                format!("TRIGGER:{}", trigger(days)),
                "END:VALARM".to_string(),
            ]);
        }
        lines.push("END:VEVENT".to_string());
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold_line(l)).collect()
}

/// `claimdesk-deadlines-2026-11-25.ics`, or `claimdesk-<case id>.ics` for one case.
pub fn file_name(today: NaiveDate, case_id: Option<&str>) -> String {
    match case_id {
        Some(id) => format!("claimdesk-{id}.ics"),
        None => format!("claimdesk-deadlines-{}.ics", ics_date(today)),
    }
}
