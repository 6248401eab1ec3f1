//! Delimited text (CSV, TSV, semicolon-separated) → rows of cells, with the separator detected, quoted fields
//! that hold separators, doubled quotes and line breaks, and the limits of [`super::Limits`] enforced while
//! reading, so a hostile file fails at its first offending row instead of filling memory.

use super::{Limits, ReportError, ReportErrorKind};

/// The separators tried, in the order preferred on a tie.
const SEPARATORS: [char; 3] = ['\t', ';', ','];

/// How much of the text the separator is guessed from.
const SNIFF_CHARS: usize = 64 * 1024;

/// The separator that splits the first rows most consistently into more than one column: for each candidate,
/// the most frequent column count and how many rows have it; most rows wins, then most columns.
pub fn detect_separator(text: &str) -> char {
    let sample: String = text.chars().take(SNIFF_CHARS).collect();
    // The sample is bounded already, so it is read without limits: a wide or long first row still votes.
    let loose =
        Limits { max_rows: usize::MAX, max_columns: usize::MAX, max_cell_chars: usize::MAX, ..Limits::default() };
    let mut best = (SEPARATORS[2], 0usize, 0usize);
    for sep in SEPARATORS {
        let rows = match parse_with(&sample, sep, &loose, true, &mut |_| true) {
            Ok(rows) => rows,
            Err(_) => continue,
        };
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for row in rows.iter().filter(|r| r.len() > 1) {
            match counts.iter_mut().find(|(n, _)| *n == row.len()) {
                Some((_, seen)) => *seen += 1,
                None => counts.push((row.len(), 1)),
            }
        }
        if let Some((columns, rows_with)) = counts.into_iter().max_by_key(|(n, seen)| (*seen, *n)) {
            if (rows_with, columns) > (best.1, best.2) {
                best = (sep, rows_with, columns);
            }
        }
    }
    best.0
}

/// Every row of `text` split on `sep`. Errors name the 1-based row (and column) where a limit was passed or
/// where an unterminated quote began.
pub fn parse(text: &str, sep: char, limits: &Limits) -> Result<Vec<Vec<String>>, ReportError> {
    parse_with(text, sep, limits, false, &mut |_| true)
}

/// How often a long parse reports: every this many rows.
pub const PROGRESS_ROWS: usize = 10_000;

/// [`parse`], calling `watch` every [`PROGRESS_ROWS`] rows with the rows read so far and how far into the text
/// it is (per mille); `watch` returning `false` stops it with [`ReportErrorKind::Cancelled`].
pub fn parse_watched(
    text: &str,
    sep: char,
    limits: &Limits,
    watch: &mut dyn FnMut(RowsRead) -> bool,
) -> Result<Vec<Vec<String>>, ReportError> {
    parse_with(text, sep, limits, false, watch)
}

/// Where a parse stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowsRead {
    pub rows: usize,
    /// Bytes of the text read, per mille.
    pub permille: u32,
}

/// `sample`: the text is a prefix, so a quote left open at its end is not an error and a row cut short is
/// dropped.
fn parse_with(
    text: &str,
    sep: char,
    limits: &Limits,
    sample: bool,
    watch: &mut dyn FnMut(RowsRead) -> bool,
) -> Result<Vec<Vec<String>>, ReportError> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut cell_chars = 0usize;
    let mut quoted = false;
    let mut at_cell_start = true;
    let mut quote_row = 0usize;
    let mut chars = text.char_indices().peekable();
    let total = text.len().max(1);
    let err = |kind, row: usize, column: Option<usize>| ReportError::at(kind, Some(row), column);
    while let Some((at, c)) = chars.next() {
        let row_no = rows.len() + 1;
        if quoted {
            if c == '"' {
                if chars.peek().map(|(_, next)| *next) == Some('"') {
                    chars.next();
                    cell.push('"');
                    cell_chars += 1;
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
                cell_chars += 1;
            }
        } else if c == '"' && at_cell_start {
            quoted = true;
            quote_row = row_no;
            at_cell_start = false;
            continue;
        } else if c == sep {
            row.push(finish_cell(std::mem::take(&mut cell)));
            cell_chars = 0;
            at_cell_start = true;
            if row.len() >= limits.max_columns {
                return Err(err(ReportErrorKind::TooManyColumns, row_no, Some(limits.max_columns + 1)));
            }
            continue;
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek().map(|(_, next)| *next) == Some('\n') {
                chars.next();
            }
            row.push(finish_cell(std::mem::take(&mut cell)));
            cell_chars = 0;
            at_cell_start = true;
            rows.push(std::mem::take(&mut row));
            if rows.len() > limits.max_rows {
                return Err(err(ReportErrorKind::TooManyRows, limits.max_rows + 1, None));
            }
            if rows.len() % PROGRESS_ROWS == 0 {
                let permille = u32::try_from(at.min(total) * 1000 / total).unwrap_or(1000);
                if !watch(RowsRead { rows: rows.len(), permille }) {
                    return Err(err(ReportErrorKind::Cancelled, rows.len(), None));
                }
            }
            continue;
        } else {
            cell.push(c);
            cell_chars += 1;
        }
        at_cell_start = false;
        if cell_chars > limits.max_cell_chars {
            return Err(err(ReportErrorKind::CellTooLong, row_no, Some(row.len() + 1)));
        }
    }
    if quoted && !sample {
        return Err(err(ReportErrorKind::UnterminatedQuote, quote_row, Some(row.len() + 1)));
    }
    if !quoted && (!at_cell_start || !row.is_empty()) {
        row.push(finish_cell(cell));
        rows.push(row);
        if rows.len() > limits.max_rows {
            return Err(err(ReportErrorKind::TooManyRows, limits.max_rows + 1, None));
        }
    }
    Ok(rows)
}

/// A cell as the reports mean it. Excel's `="0460…"` (a text literal written as a formula to keep leading zeros)
/// becomes its text; any other formula stays as written and is never evaluated.
fn finish_cell(cell: String) -> String {
    match cell.strip_prefix("=\"").and_then(|rest| rest.strip_suffix('"')) {
        Some(literal) if !literal.contains('"') => literal.to_string(),
        _ => cell,
    }
}
