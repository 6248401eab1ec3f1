//! The case list as CSV for spreadsheets.
//!
//! API for the UI: [`cases_csv`]`(cases, &CsvTexts { lang, headers }, CsvStyle::for_lang(lang))` → file text;
//! [`file_name`]. `headers` are the translated column titles in the order of [`COLUMNS`]; statuses,
//! marketplaces and scenario titles are translated here through the i18n table.
//!
//! - UTF-8 with a byte order mark, so Excel shows Cyrillic and Polish letters correctly.
//! - RFC 4180 quoting (a cell with the separator, a quote or a line break is quoted, quotes doubled), CRLF
//!   line ends.
//! - Cells from user input that start with `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width
//!   forms) get a leading apostrophe, so a spreadsheet shows them as text instead of running them as formulas.
//! - Excel in Russian and Polish expects `;` between cells and a decimal comma; [`CsvStyle::for_lang`] picks
//!   that for ru/pl and the comma + decimal point of RFC 4180 for English.

use chrono::NaiveDate;

use crate::domain::{Case, EventKind};
use crate::i18n::{format_plain_amount, tr, Lang};
use crate::time_text::format_date;

/// The columns, in file order (the UI passes a translated title for each).
pub const COLUMNS: [&str; 16] = [
    "id",
    "marketplace",
    "scenario",
    "status",
    "order_number",
    "buyer",
    "created",
    "updated",
    "next_deadline",
    "currency",
    "at_stake",
    "claimed",
    "received",
    "written_off",
    "notes",
    "last_note",
];

pub struct CsvTexts<'a> {
    pub lang: Lang,
    /// Column titles in the order of [`COLUMNS`].
    pub headers: [&'a str; COLUMNS.len()],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvStyle {
    pub separator: char,
    pub decimal_comma: bool,
}

impl CsvStyle {
    pub const RFC4180: CsvStyle = CsvStyle { separator: ',', decimal_comma: false };

    /// What a spreadsheet set to this language reads without an import dialog.
    pub fn for_lang(lang: Lang) -> CsvStyle {
        match lang {
            Lang::En => CsvStyle::RFC4180,
            Lang::Ru | Lang::Pl => CsvStyle { separator: ';', decimal_comma: true },
        }
    }
}

pub(crate) const BOM: char = '\u{feff}';

/// A user-typed value made harmless for a spreadsheet (see the module notes).
pub fn neutralise(text: &str) -> String {
    let dangerous = text.starts_with(['=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}']);
    if dangerous {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One cell, quoted when it has to be.
pub fn quote(cell: &str, separator: char) -> String {
    if cell.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

pub(crate) fn amount(minor: i64, style: CsvStyle) -> String {
    format_plain_amount(minor, if style.decimal_comma { ',' } else { '.' })
}

/// ISO 8601 (`2026-11-25`), which every spreadsheet reads as a date.
pub(crate) fn date(day: NaiveDate) -> String {
    format_date(&day)
}

/// One record: the cells quoted as needed, joined by the style's separator, ended with CRLF.
pub(crate) fn push_line(out: &mut String, cells: &[String], style: CsvStyle) {
    let quoted: Vec<String> = cells.iter().map(|c| quote(c, style.separator)).collect();
    out.push_str(&quoted.join(&style.separator.to_string()));
    out.push_str("\r\n");
}

/// The CSV file for these cases, in the given order. The next deadline is the one the list shows on `today`: the
/// next last day that can still be met (not a missed one, not a "from" date), none for a finished case.
pub fn cases_csv<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    texts: &CsvTexts,
    style: CsvStyle,
    today: NaiveDate,
) -> String {
    let mut out = String::new();
    out.push(BOM);
    let mut line = |cells: Vec<String>| push_line(&mut out, &cells, style);
    line(texts.headers.iter().map(|h| neutralise(h)).collect());
    for case in cases {
        let scenario_title = crate::scenario::title_of(&case.scenario, texts.lang);
        let notes: Vec<&str> = case
            .timeline
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Note { text } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let m = &case.money;
        line(vec![
            case.id.clone(),
            tr(texts.lang, case.marketplace.key()).to_string(),
            neutralise(&scenario_title),
            tr(texts.lang, case.status.key()).to_string(),
            neutralise(&case.order_number),
            neutralise(&case.buyer),
            date(case.created_at.date_naive()),
            date(case.updated_at.date_naive()),
            case.status.is_active().then(|| case.due_summary(today).next).flatten().map(date).unwrap_or_default(),
            neutralise(&m.currency),
            amount(m.at_stake, style),
            amount(m.claimed, style),
            amount(m.received, style),
            amount(m.written_off, style),
            notes.len().to_string(),
            neutralise(notes.last().copied().unwrap_or_default()),
        ]);
    }
    out
}

/// `claimdesk-cases-2026-11-25.csv`
pub fn file_name(today: NaiveDate) -> String {
    format!("claimdesk-cases-{}.csv", date(today))
}
