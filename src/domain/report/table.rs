//! A report's rows once its header is known: each data line with its row number in the file, and its cells by
//! field.

use super::kind::{Field, ReportKind};
use super::recognize::{find_header, ColumnMapping, MappingError, Recognition, HEADER_SEARCH_ROWS};

/// One data row: its 1-based row number in the file (or sheet) and its cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub cells: Vec<String>,
}

/// A report read with a known header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadReport {
    pub recognition: Recognition,
    /// The header's 1-based row number.
    pub header_row: usize,
    /// The non-empty rows below the header.
    pub lines: Vec<Line>,
}

/// Why rows could not be read as a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// No row among the first [`HEADER_SEARCH_ROWS`] is a known header: the seller may map the columns.
    NotRecognised,
    /// The seller's mapping does not fit any of those rows (the error for the first row).
    Mapping(MappingError),
}

impl ReadReport {
    /// Finds the header among the first rows and keeps the rows below it.
    pub fn recognise(rows: &[Vec<String>]) -> Result<ReadReport, ReadError> {
        let (at, recognition) = find_header(rows).ok_or(ReadError::NotRecognised)?;
        Ok(ReadReport::below(rows, at, recognition))
    }

    /// Reads the rows with the seller's mapping: the header is the first of the first rows it applies to.
    pub fn with_mapping(rows: &[Vec<String>], mapping: &ColumnMapping) -> Result<ReadReport, ReadError> {
        let mut first_error = None;
        for (at, row) in rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
            match mapping.apply(row) {
                Ok(recognition) => return Ok(ReadReport::below(rows, at, recognition)),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        Err(ReadError::Mapping(first_error.unwrap_or(MappingError::NoKind)))
    }

    fn below(rows: &[Vec<String>], at: usize, recognition: Recognition) -> ReadReport {
        let lines = rows
            .iter()
            .enumerate()
            .skip(at + 1)
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
            .map(|(i, cells)| Line { number: i + 1, cells: cells.clone() })
            .collect();
        ReadReport { recognition, header_row: at + 1, lines }
    }

    pub fn kind(&self) -> ReportKind {
        self.recognition.kind
    }

    /// The trimmed cell of `field` in `line` ("" when the column is absent or the row is short).
    pub fn cell<'a>(&self, line: &'a Line, field: Field) -> &'a str {
        self.recognition.column(field).and_then(|i| line.cells.get(i)).map_or("", |c| c.trim())
    }
}
