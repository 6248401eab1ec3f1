//! The mapping step's pure side: which row of an unrecognised sheet is its header, the mapping built from the
//! seller's picks (checked against that header before it is kept), and the mappings remembered per report kind.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::kind::{Field, ReportKind};
use super::recognize::{ColumnMapping, MappingError};

/// The row of `rows` (the first rows of a sheet) most likely to be its header: the first of those with the most
/// filled cells (a title above a table fills one or two). `None` when every row is empty.
pub fn likely_header(rows: &[Vec<String>]) -> Option<usize> {
    let filled = |row: &Vec<String>| row.iter().filter(|c| !c.trim().is_empty()).count();
    let most = rows.iter().map(filled).max().filter(|n| *n > 0)?;
    rows.iter().position(|row| filled(row) == most)
}

/// The seller's picks for `kind` (field → column of `header`) as a mapping kept by caption, checked against
/// `header` (every required field mapped, no column twice).
pub fn mapping_from_picks(
    kind: ReportKind,
    header: &[String],
    picks: &BTreeMap<Field, usize>,
) -> Result<ColumnMapping, MappingError> {
    let captions =
        picks.iter().filter_map(|(field, at)| header.get(*at).map(|caption| (*field, caption.clone()))).collect();
    let mapping = ColumnMapping { kind: Some(kind), captions };
    mapping.apply(header)?;
    Ok(mapping)
}

/// The seller's mappings, one per report kind: the newest for a kind replaces the one before.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingMemory {
    #[serde(default)]
    pub mappings: Vec<ColumnMapping>,
}

impl MappingMemory {
    /// This memory with `mapping` as its kind's mapping.
    pub fn with(&self, mapping: ColumnMapping) -> MappingMemory {
        let mut mappings: Vec<ColumnMapping> =
            self.mappings.iter().filter(|m| m.kind != mapping.kind).cloned().collect();
        mappings.push(mapping);
        MappingMemory { mappings }
    }

    pub fn for_kind(&self, kind: ReportKind) -> Option<&ColumnMapping> {
        self.mappings.iter().find(|m| m.kind == Some(kind))
    }
}
