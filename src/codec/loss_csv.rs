//! A case's loss table as CSV, with the same safety rules as the case list ([`super::csv`]): byte order mark,
//! RFC 4180 quoting with CRLF, a leading apostrophe on text cells a spreadsheet would run as a formula, and `;`
//! with a decimal comma for Russian and Polish ([`CsvStyle::for_lang`]).
//!
//! API for the UI: [`loss_table_csv`]`(table, basis, &LossCsvTexts { headers, total }, CsvStyle::for_lang(lang))`
//! → file text; [`loss_file_name`]. For a marketplace that limits rows per claim, export each
//! [`ClaimPart`](crate::domain::ClaimPart) as `table.part(&part)` with its part number in the file name.

use chrono::NaiveDate;

use super::csv::{amount, date, neutralise, push_line, CsvStyle, BOM};
use crate::domain::{Basis, Commission, LossTable};

/// The columns, in file order (the UI passes a translated title for each). `commission_per_unit` is the
/// commission of one unit in money (a percentage rounded as the total uses it) and stays empty when the
/// marketplace's basis ignores the commission; `per_unit` is what one unit is worth under the basis.
pub const LOSS_COLUMNS: [&str; 10] = [
    "marketplace_sku",
    "seller_article",
    "size",
    "barcode",
    "quantity",
    "unit_price",
    "commission",
    "commission_per_unit",
    "per_unit",
    "line_total",
];

pub struct LossCsvTexts<'a> {
    /// Column titles in the order of [`LOSS_COLUMNS`].
    pub headers: [&'a str; LOSS_COLUMNS.len()],
    /// The first cell of the totals row ("Total", «Итого», "Razem").
    pub total: &'a str,
}

/// A percentage in basis points as a spreadsheet reads it: `15%`, `12,5%` / `12.5%`, `12,75%`.
fn percent(bp: u32, style: CsvStyle) -> String {
    let point = if style.decimal_comma { ',' } else { '.' };
    let (whole, frac) = (bp / 100, bp % 100);
    match frac {
        0 => format!("{whole}%"),
        f if f % 10 == 0 => format!("{whole}{point}{}%", f / 10),
        f => format!("{whole}{point}{f:02}%"),
    }
}

/// The CSV file for this table: a header, one record per row, then the totals row (label, total quantity,
/// total amount).
pub fn loss_table_csv(table: &LossTable, basis: Basis, texts: &LossCsvTexts, style: CsvStyle) -> String {
    let mut out = String::new();
    out.push(BOM);
    let headers: Vec<String> = texts.headers.iter().map(|h| neutralise(h)).collect();
    push_line(&mut out, &headers, style);
    for row in &table.rows {
        let formula = row.formula(basis);
        let commission = match row.commission {
            Commission::PerUnit(minor) => amount(minor, style),
            Commission::Percent(bp) => percent(bp, style),
        };
        let cells = vec![
            neutralise(&row.marketplace_sku),
            neutralise(&row.seller_article),
            neutralise(&row.size),
            neutralise(&row.barcode),
            row.quantity.to_string(),
            amount(row.unit_price, style),
            commission,
            formula.commission.map(|c| amount(c.per_unit, style)).unwrap_or_default(),
            amount(formula.per_unit, style),
            amount(formula.line_total, style),
        ];
        push_line(&mut out, &cells, style);
    }
    let mut totals = vec![String::new(); LOSS_COLUMNS.len()];
    totals[0] = neutralise(texts.total);
    totals[4] = table.quantity().to_string();
    totals[9] = amount(table.total(basis), style);
    push_line(&mut out, &totals, style);
    out
}

/// `claimdesk-loss-<case id>-2026-12-07.csv`, or `…-2026-12-07-part-2-of-3.csv` for one claim of a split
/// table (`part` = (number from 1, count)). Characters other than letters, digits, `-` and `_` in the id are
/// dropped.
pub fn loss_file_name(case_id: &str, today: NaiveDate, part: Option<(usize, usize)>) -> String {
    let id: String = case_id.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).take(64).collect();
    let id = if id.is_empty() { "case".to_string() } else { id };
    match part {
        Some((number, count)) => format!("claimdesk-loss-{id}-{}-part-{number}-of-{count}.csv", date(today)),
        None => format!("claimdesk-loss-{id}-{}.csv", date(today)),
    }
}
