//! Report files → sheets of text cells: CSV, TSV and semicolon-separated text in UTF-8, UTF-16 or
//! Windows-1251, and (natively, or on wasm with the `reports-xlsx` feature) XLSX workbooks and ZIP archives
//! holding such files. Every limit against hostile input ([`Limits`]) gives a typed [`ReportError`] naming the
//! file, and the row and column where they apply; nothing here panics on any input.
//!
//! Recognising which report a sheet is, and reading its cells as numbers and dates, is `domain::report`.

#[cfg(any(not(target_arch = "wasm32"), feature = "reports-xlsx"))]
mod archive;
pub mod delimited;
pub mod job;
pub mod outcome;
pub mod text;

use crate::domain::report::finding::fnv1a_hex;

pub use delimited::RowsRead;
pub use text::Encoding;

/// Bounds on what one import may cost. The defaults fit every real report seen (a year of a busy seller's WB
/// detail is about 300,000 rows) with room to spare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The file as dropped.
    pub max_file_bytes: usize,
    /// Everything unpacked from one archive or workbook, as declared and as actually read.
    pub max_unpacked_bytes: u64,
    /// Unpacked size per packed byte of one archive entry (above 1 MiB unpacked): a zip bomb packs far tighter.
    pub max_ratio: u64,
    /// Files in one archive.
    pub max_entries: usize,
    pub max_rows: usize,
    pub max_columns: usize,
    /// Characters in one cell (Excel's own limit is 32,767).
    pub max_cell_chars: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 100 * 1024 * 1024,
            max_unpacked_bytes: 150 * 1024 * 1024,
            max_ratio: 200,
            max_entries: 50,
            max_rows: 1_000_000,
            max_columns: 500,
            max_cell_chars: 32_767,
        }
    }
}

/// What went wrong reading a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportErrorKind {
    /// No bytes, or only blank text.
    Empty,
    /// Neither text nor a workbook nor an archive (an image, a PDF, an old binary `.xls`).
    UnknownFormat,
    /// The old binary Excel format: save it as XLSX or CSV.
    LegacyXls,
    /// XLSX or ZIP in a build without the `reports-xlsx` feature.
    ArchivesNotSupported,
    FileTooLarge,
    /// An archive or workbook unpacks to more than [`Limits::max_unpacked_bytes`].
    UnpackedTooLarge,
    /// An entry packs tighter than [`Limits::max_ratio`]: a zip bomb.
    SuspiciousCompression,
    TooManyEntries,
    /// An archive inside an archive.
    NestedArchive,
    /// An archive with no CSV, TSV, TXT or XLSX in it.
    NoReportInArchive,
    /// The archive is cut short or damaged.
    DamagedArchive,
    /// The workbook could not be read.
    DamagedWorkbook,
    TooManyRows,
    TooManyColumns,
    CellTooLong,
    UnterminatedQuote,
    /// The seller cancelled the import.
    Cancelled,
}

impl ReportErrorKind {
    /// A stable code for translation keys and logs.
    pub fn code(self) -> &'static str {
        match self {
            ReportErrorKind::Empty => "empty",
            ReportErrorKind::UnknownFormat => "unknown_format",
            ReportErrorKind::LegacyXls => "legacy_xls",
            ReportErrorKind::ArchivesNotSupported => "archives_not_supported",
            ReportErrorKind::FileTooLarge => "file_too_large",
            ReportErrorKind::UnpackedTooLarge => "unpacked_too_large",
            ReportErrorKind::SuspiciousCompression => "suspicious_compression",
            ReportErrorKind::TooManyEntries => "too_many_entries",
            ReportErrorKind::NestedArchive => "nested_archive",
            ReportErrorKind::NoReportInArchive => "no_report_in_archive",
            ReportErrorKind::DamagedArchive => "damaged_archive",
            ReportErrorKind::DamagedWorkbook => "damaged_workbook",
            ReportErrorKind::TooManyRows => "too_many_rows",
            ReportErrorKind::TooManyColumns => "too_many_columns",
            ReportErrorKind::CellTooLong => "cell_too_long",
            ReportErrorKind::UnterminatedQuote => "unterminated_quote",
            ReportErrorKind::Cancelled => "cancelled",
        }
    }
}

/// A problem with a file: which file (an archive's entry as `archive.zip/inner.csv`), what, and the 1-based row
/// and column where it applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportError {
    pub file: String,
    pub kind: ReportErrorKind,
    pub row: Option<usize>,
    pub column: Option<usize>,
}

impl ReportError {
    pub(crate) fn at(kind: ReportErrorKind, row: Option<usize>, column: Option<usize>) -> ReportError {
        ReportError { file: String::new(), kind, row, column }
    }

    pub(crate) fn whole(kind: ReportErrorKind) -> ReportError {
        ReportError::at(kind, None, None)
    }

    fn in_file(mut self, file: &str) -> ReportError {
        if self.file.is_empty() {
            self.file = file.to_string();
        }
        self
    }
}

/// One table read from a file: a text file, a workbook's sheet, or a file inside an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// `report.csv`, `book.xlsx#Sheet1`, `reports.zip/detail.csv`.
    pub source: String,
    /// Rows as in the file (row 1 first), cells as text.
    pub rows: Vec<Vec<String>>,
    /// For text files: the encoding and separator detected.
    pub encoding: Option<Encoding>,
    pub separator: Option<char>,
}

/// The fingerprint of a file's bytes (to tell the seller a file was imported before).
pub fn file_fingerprint(bytes: &[u8]) -> String {
    fnv1a_hex(&[bytes])
}

/// Every sheet of the file `name`.
pub fn read_file(name: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, ReportError> {
    read_file_watched(name, bytes, limits, &mut |_| true)
}

/// [`read_file`], with `watch` told how a long text file is going (see [`delimited::parse_watched`]) and able to
/// cancel it.
pub fn read_file_watched(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    watch: &mut dyn FnMut(RowsRead) -> bool,
) -> Result<Vec<Sheet>, ReportError> {
    read_any(name, bytes, limits, 0, watch).map_err(|e| e.in_file(name))
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
const OLE_MAGIC: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0];

pub(crate) fn read_any(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    depth: u8,
    watch: &mut dyn FnMut(RowsRead) -> bool,
) -> Result<Vec<Sheet>, ReportError> {
    if bytes.len() > limits.max_file_bytes {
        return Err(ReportError::whole(ReportErrorKind::FileTooLarge));
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC) {
        return read_archive(name, bytes, limits, depth, watch);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ReportError::whole(ReportErrorKind::LegacyXls));
    }
    read_text(name, bytes, limits, watch).map(|sheet| vec![sheet])
}

#[cfg(any(not(target_arch = "wasm32"), feature = "reports-xlsx"))]
fn read_archive(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    depth: u8,
    watch: &mut dyn FnMut(RowsRead) -> bool,
) -> Result<Vec<Sheet>, ReportError> {
    archive::read(name, bytes, limits, depth, watch)
}

#[cfg(not(any(not(target_arch = "wasm32"), feature = "reports-xlsx")))]
fn read_archive(
    _: &str,
    _: &[u8],
    _: &Limits,
    _: u8,
    _: &mut dyn FnMut(RowsRead) -> bool,
) -> Result<Vec<Sheet>, ReportError> {
    Err(ReportError::whole(ReportErrorKind::ArchivesNotSupported))
}

/// A text file: binary content (NUL bytes outside UTF-16) is refused as an unknown format.
pub fn read_text(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    watch: &mut dyn FnMut(RowsRead) -> bool,
) -> Result<Sheet, ReportError> {
    let (text, encoding) = text::decode(bytes);
    let utf16 = matches!(encoding, Encoding::Utf16Le | Encoding::Utf16Be);
    if !utf16 && bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(ReportError::whole(ReportErrorKind::UnknownFormat));
    }
    if text.trim().is_empty() {
        return Err(ReportError::whole(ReportErrorKind::Empty));
    }
    let separator = delimited::detect_separator(&text);
    let rows = delimited::parse_watched(&text, separator, limits, watch)?;
    Ok(Sheet { source: name.to_string(), rows, encoding: Some(encoding), separator: Some(separator) })
}
