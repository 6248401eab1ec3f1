//! XLSX workbooks (through `calamine`) and ZIP archives of reports (through `zip`), with the unpacked size and
//! the compression ratio checked before anything is unpacked, and the bytes actually unpacked counted too (a
//! ZIP's declared sizes can lie).
//!
//! A workbook is handed to `calamine` whole after its declared sizes pass: `calamine` unpacks its parts itself,
//! so a workbook whose parts lie about their size is only bounded by `calamine`'s own reading.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use zip::ZipArchive;

use super::{read_any, Limits, ReportError, ReportErrorKind, RowsRead, Sheet};

/// Entries at or below this unpacked size are never suspicious, whatever their ratio (a small, repetitive
/// CSV packs tightly).
const RATIO_FLOOR: u64 = 1024 * 1024;

/// What an archive entry must be called to be read (a ZIP is read only to refuse it as nested).
const REPORT_EXTENSIONS: &[&str] = &["csv", "tsv", "txt", "xlsx", "zip"];

/// Entries of an archive or parts of a workbook (a workbook has a dozen parts plus one per sheet); the reports
/// inside an archive are limited by [`Limits::max_entries`].
const MAX_PARTS: usize = 1_000;

fn damaged(_: impl std::fmt::Debug) -> ReportError {
    ReportError::whole(ReportErrorKind::DamagedArchive)
}

pub(super) fn read(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    depth: u8,
    watch: &mut dyn FnMut(RowsRead) -> bool,
) -> Result<Vec<Sheet>, ReportError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if zip.len() > MAX_PARTS {
        return Err(ReportError::whole(ReportErrorKind::TooManyEntries));
    }
    check_declared(&mut zip, limits)?;
    if zip.index_for_name("xl/workbook.xml").is_some() {
        return read_workbook(name, bytes, limits);
    }
    if depth > 0 {
        return Err(ReportError::whole(ReportErrorKind::NestedArchive));
    }
    let mut sheets = Vec::new();
    let mut unpacked = 0u64;
    let mut files = 0usize;
    let mut skipped = 0usize;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(damaged)?;
        let inner = entry.name().to_string();
        if entry.is_dir()
            || inner.starts_with("__MACOSX/")
            || inner.rsplit('/').next().is_some_and(|f| f.starts_with('.'))
        {
            continue;
        }
        let extension = inner.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        if !REPORT_EXTENSIONS.contains(&extension.as_str()) {
            skipped += 1; // a PDF act or an image next to the reports
            continue;
        }
        files += 1;
        if files > limits.max_entries {
            return Err(ReportError::whole(ReportErrorKind::TooManyEntries));
        }
        let left = limits.max_unpacked_bytes.saturating_sub(unpacked);
        let mut data = Vec::new();
        (&mut entry).take(left + 1).read_to_end(&mut data).map_err(damaged)?;
        let read = data.len() as u64;
        unpacked += read;
        if read > left {
            return Err(ReportError::whole(ReportErrorKind::UnpackedTooLarge));
        }
        if read > RATIO_FLOOR && read / entry.compressed_size().max(1) > limits.max_ratio {
            return Err(ReportError::whole(ReportErrorKind::SuspiciousCompression));
        }
        let path = format!("{name}/{inner}");
        sheets.extend(read_any(&path, &data, limits, depth + 1, &mut *watch).map_err(|e| e.in_file(&path))?);
    }
    if sheets.is_empty() {
        return Err(ReportError::whole(if files + skipped == 0 {
            ReportErrorKind::Empty
        } else {
            ReportErrorKind::NoReportInArchive
        }));
    }
    Ok(sheets)
}

/// The sizes the archive declares: their sum within [`Limits::max_unpacked_bytes`], each entry's ratio within
/// [`Limits::max_ratio`].
fn check_declared(zip: &mut ZipArchive<Cursor<&[u8]>>, limits: &Limits) -> Result<(), ReportError> {
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(damaged)?;
        total = total.saturating_add(entry.size());
        if total > limits.max_unpacked_bytes {
            return Err(ReportError::whole(ReportErrorKind::UnpackedTooLarge));
        }
        if entry.size() > RATIO_FLOOR && entry.size() / entry.compressed_size().max(1) > limits.max_ratio {
            return Err(ReportError::whole(ReportErrorKind::SuspiciousCompression));
        }
    }
    Ok(())
}

fn read_workbook(name: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, ReportError> {
    let broken = |_| ReportError::whole(ReportErrorKind::DamagedWorkbook);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(broken)?;
    let mut sheets = Vec::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).map_err(broken)?;
        let (height, width) = range.get_size();
        let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
        if top + height > limits.max_rows {
            return Err(ReportError::at(ReportErrorKind::TooManyRows, Some(limits.max_rows + 1), None));
        }
        if left + width > limits.max_columns {
            return Err(ReportError::at(ReportErrorKind::TooManyColumns, Some(top + 1), Some(limits.max_columns + 1)));
        }
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); top];
        for (r, cells) in range.rows().enumerate() {
            let mut row = vec![String::new(); left];
            for (c, cell) in cells.iter().enumerate() {
                let text = cell_text(cell);
                if text.chars().count() > limits.max_cell_chars {
                    return Err(ReportError::at(ReportErrorKind::CellTooLong, Some(top + r + 1), Some(left + c + 1)));
                }
                row.push(text);
            }
            rows.push(row);
        }
        sheets.push(Sheet { source: format!("{name}#{sheet}"), rows, encoding: None, separator: None });
    }
    Ok(sheets)
}

/// A cell as text: numbers without a trailing `.0`, dates as their Excel serial number (which
/// `domain::report::value::date` reads), formulas as their cached value (never evaluated), errors as "".
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}
