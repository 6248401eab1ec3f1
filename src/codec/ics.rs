//! Deadlines as an iCalendar file (RFC 5545) for any calendar app.
//!
//! API for the UI: [`deadline_events`]`(cases, |case, deadline| (summary, description))` builds one all-day
//! event per open deadline, with the texts the UI writes in the user's language; [`calendar`]`(&events,
//! &CalendarTexts, now)` makes the file; [`file_name`] names it. For "all open cases" pass the active cases.
//!
//! The output: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values
//! escaped, a stable UID per case and deadline (importing again updates the same events), DTSTAMP, all-day
//! events as `VALUE=DATE`, and an optional display alarm the day before at 09:00.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};

use crate::domain::{Case, CaseDeadline};
use crate::i18n::Lang;

pub const PRODID: &str = "-//Claimdesk//Claim deadlines//EN";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    /// A link back to the case in the app.
    pub url: Option<String>,
}

pub struct CalendarTexts<'a> {
    pub lang: Lang,
    /// The calendar's name as calendar apps show it.
    pub name: &'a str,
    /// The alarm's text; `None` for no alarm.
    pub reminder: Option<&'a str>,
}

/// One event per deadline not yet done, for the given cases; `describe` returns (summary, description).
pub fn deadline_events<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    describe: impl Fn(&Case, &CaseDeadline) -> (String, String),
) -> Vec<CalendarEvent> {
    let mut events: Vec<CalendarEvent> = cases
        .into_iter()
        .flat_map(|case| {
            let describe = &describe;
            case.deadlines.iter().filter(|d| !d.done).map(move |d| {
                let (summary, description) = describe(case, d);
                CalendarEvent {
                    uid: format!("{}-{}@claimdesk", case.id, d.rule),
                    date: d.due,
                    summary,
                    description,
                    url: None,
                }
            })
        })
        .collect();
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

pub fn calendar(events: &[CalendarEvent], texts: &CalendarTexts, now: DateTime<Utc>) -> String {
    let stamp = format!("{}T{:02}{:02}{:02}Z", ics_date(now.date_naive()), now.hour(), now.minute(), now.second());
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
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", ics_date(event.date)),
            format!("DTEND;VALUE=DATE:{}", ics_date(event.date + Duration::days(1))),
            format!("SUMMARY;LANGUAGE={lang}:{}", escape_text(&event.summary)),
        ]);
        if !event.description.is_empty() {
            lines.push(format!("DESCRIPTION;LANGUAGE={lang}:{}", escape_text(&event.description)));
        }
        if let Some(url) = &event.url {
            lines.push(format!("URL:{}", url.chars().filter(|c| !c.is_control()).collect::<String>()));
        }
        lines.push("TRANSP:TRANSPARENT".to_string());
        if let Some(reminder) = texts.reminder {
            lines.extend([
                "BEGIN:VALARM".to_string(),
                "ACTION:DISPLAY".to_string(),
                format!("DESCRIPTION:{}", escape_text(reminder)),
                // Relative to the all-day start (midnight): 09:00 on the day before.
                "TRIGGER:-PT15H".to_string(),
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
