//! Which report a header row belongs to, and where each field is; or, when the captions are unknown, the
//! seller's own mapping of columns to fields (remembered per report kind, by caption).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::kind::{normalise_caption, Field, ReportKind};

/// How many rows from the top are searched for the header: reports put a title, a period or a seller's name
/// above it.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// A header row read as one report kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recognition {
    pub kind: ReportKind,
    /// Field → 0-based column index.
    pub columns: BTreeMap<Field, usize>,
    /// Required fields no column was found for (empty when the report can be read).
    pub missing: Vec<Field>,
    /// Per mille of the kind's columns found (required ones count twice): ranks the kinds.
    pub score: u32,
}

impl Recognition {
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }
}

/// `header` read as `kind`: each field takes the first column whose caption is one of its captions (a column
/// serves one field only).
pub fn read_header(kind: ReportKind, header: &[String]) -> Recognition {
    let captions: Vec<String> = header.iter().map(|c| normalise_caption(c)).collect();
    let mut taken = vec![false; captions.len()];
    let mut columns = BTreeMap::new();
    let (mut found, mut total) = (0u32, 0u32);
    let mut missing = Vec::new();
    for spec in kind.columns() {
        let weight = if spec.required { 2 } else { 1 };
        total += weight;
        let wanted: Vec<String> = spec.captions.iter().map(|c| normalise_caption(c)).collect();
        let at = captions.iter().enumerate().position(|(i, c)| !taken[i] && !c.is_empty() && wanted.contains(c));
        match at {
            Some(i) => {
                taken[i] = true;
                columns.insert(spec.field, i);
                found += weight;
            }
            None if spec.required => missing.push(spec.field),
            None => {}
        }
    }
    let score = (found * 1000).checked_div(total).unwrap_or(0);
    Recognition { kind, columns, missing, score }
}

/// Every kind `header` could be, best first (complete readings before incomplete ones, then by score).
/// Kinds with no column found are left out.
pub fn candidates(header: &[String]) -> Vec<Recognition> {
    let mut out: Vec<Recognition> =
        ReportKind::ALL.iter().map(|k| read_header(*k, header)).filter(|r| !r.columns.is_empty()).collect();
    out.sort_by(|a, b| b.is_complete().cmp(&a.is_complete()).then(b.score.cmp(&a.score)).then(a.kind.cmp(&b.kind)));
    out
}

/// The complete reading of `header` with the best score, if any.
pub fn recognise(header: &[String]) -> Option<Recognition> {
    candidates(header).into_iter().find(Recognition::is_complete)
}

/// The header among the first [`HEADER_SEARCH_ROWS`] rows: the first row with a complete reading (its index and
/// the reading).
pub fn find_header(rows: &[Vec<String>]) -> Option<(usize, Recognition)> {
    rows.iter().take(HEADER_SEARCH_ROWS).enumerate().find_map(|(i, row)| recognise(row).map(|r| (i, r)))
}

/// The seller's reading of a report the app did not recognise: which caption holds which field. Kept by
/// caption, not position, so it applies to the next file of the same kind even when columns move.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub kind: Option<ReportKind>,
    /// Field → the caption of its column, as the file wrote it.
    pub captions: BTreeMap<Field, String>,
}

/// Why a mapping cannot be applied to a header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingError {
    /// No report kind chosen.
    NoKind,
    /// A required field has no column.
    Unmapped(Field),
    /// The caption given for a field is not in this header.
    CaptionNotFound(Field),
    /// Two fields were given the same column.
    SameColumn(Field, Field),
}

impl ColumnMapping {
    /// The mapping applied to `header`: every required field of the kind must be mapped to a caption present in
    /// the header, and no two fields may share a column.
    pub fn apply(&self, header: &[String]) -> Result<Recognition, MappingError> {
        let kind = self.kind.ok_or(MappingError::NoKind)?;
        let captions: Vec<String> = header.iter().map(|c| normalise_caption(c)).collect();
        let mut columns = BTreeMap::new();
        let mut owner: BTreeMap<usize, Field> = BTreeMap::new();
        for spec in kind.columns() {
            let Some(caption) = self.captions.get(&spec.field) else {
                if spec.required {
                    return Err(MappingError::Unmapped(spec.field));
                }
                continue;
            };
            let wanted = normalise_caption(caption);
            let at = captions.iter().position(|c| *c == wanted).ok_or(MappingError::CaptionNotFound(spec.field))?;
            if let Some(other) = owner.insert(at, spec.field) {
                return Err(MappingError::SameColumn(other, spec.field));
            }
            columns.insert(spec.field, at);
        }
        Ok(Recognition { kind, columns, missing: Vec::new(), score: 1000 })
    }
}
