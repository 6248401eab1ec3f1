//! Marketplace reports as data: which report a header row is ([`kind`], [`recognize`]), its rows by field
//! ([`table`]), numbers and dates in its cells ([`value`]), and what the detectors find in it ([`finding`],
//! one `detect_*` module per marketplace). Bytes → rows is `codec::report`.

pub mod analyse;
pub mod detect_amazon;
pub mod detect_wb;
pub mod detect_ym;
pub mod finding;
pub mod kind;
pub mod mapping;
pub mod memory;
pub mod recognize;
pub mod table;
pub mod value;

pub use analyse::{analyse, Analysis};
pub use finding::{Amount, CellProblem, ClaimWindow, Detection, Finding, FindingKind, WindowUnknown};
pub use kind::{ColumnSpec, Field, ReportKind};
pub use mapping::MappingMemory;
pub use memory::FindingMemory;
pub use recognize::{candidates, find_header, recognise, ColumnMapping, MappingError, Recognition};
pub use table::{Line, ReadError, ReadReport};
