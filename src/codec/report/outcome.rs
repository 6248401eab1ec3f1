//! The page's reading of the messages an import sends back (`job`'s JSON): progress for the bar, then the
//! outcome to show — what each file was read as, each file's error, the findings. Pure, so what the page shows is
//! tested natively with the job's own output.

use serde::Deserialize;

use crate::domain::report::{Field, ReportKind};

/// One message from an import.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum JobMessage {
    Progress(ProgressView),
    Result(ImportOutcome),
    Cancelled,
    BadRequest,
    UnknownJob { job: String },
}

impl JobMessage {
    /// The message, or `None` when it is not one an import sends (a worker of another build).
    pub fn parse(json: &str) -> Option<JobMessage> {
        serde_json::from_str(json).ok()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ProgressView {
    pub done: usize,
    pub total: usize,
    pub file: String,
    pub rows: usize,
    pub permille: u32,
}

impl ProgressView {
    /// How far the whole import is, per mille: the files done, plus the part read of the file being read.
    pub fn overall_permille(&self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        let within = if self.permille >= 1000 { 0 } else { u64::from(self.permille) };
        let done = (self.done as u64 * 1000 + within) / self.total as u64;
        done.min(1000) as u32
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ImportOutcome {
    pub sheets: Vec<SheetView>,
    pub errors: Vec<FileErrorView>,
    pub findings: Vec<FindingView>,
    pub problems: Vec<ProblemView>,
    pub companions_wanted: Vec<ReportKind>,
}

/// A sheet of a file: recognised (its kind, header row, lines and columns read), or not (its first rows and the
/// kinds it came closest to, for the mapping step).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct SheetView {
    /// The file, an archive's entry as `archive.zip/inner.csv`, or a workbook's sheet.
    pub source: String,
    pub kind: Option<ReportKind>,
    #[serde(default)]
    pub header_row: Option<usize>,
    #[serde(default)]
    pub rows: Option<usize>,
    #[serde(default)]
    pub columns: Option<usize>,
    #[serde(default)]
    pub first_rows: Vec<Vec<String>>,
    #[serde(default)]
    pub candidates: Vec<CandidateView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CandidateView {
    pub kind: ReportKind,
    pub score: u32,
    pub missing: Vec<Field>,
}

/// A file that could not be read: the error's code (`ReportErrorKind::code`) and where, when it applies.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct FileErrorView {
    pub file: String,
    pub kind: String,
    pub row: Option<usize>,
    pub column: Option<usize>,
}

/// A cell a detector needed and could not read (its row is left out of the findings).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ProblemView {
    pub source: Option<String>,
    pub row: usize,
    pub field: Field,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct MoneyView {
    pub minor: i64,
    pub currency: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum WindowView {
    Known {
        opens: Option<String>,
        last_day: String,
        scenario: String,
        deadline: String,
        source: String,
        verified: String,
        uncertain: bool,
    },
    /// Why there is no last day (`WindowUnknown::code`).
    Unknown { unknown: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct FindingView {
    /// `FindingKind::code`.
    pub kind: String,
    /// The page the finding's rule comes from.
    pub source: String,
    pub report: ReportKind,
    pub item: String,
    pub reference: String,
    pub units: i64,
    pub amount: Option<MoneyView>,
    pub expected: Option<MoneyView>,
    pub paid: Option<MoneyView>,
    pub date: Option<String>,
    pub window: WindowView,
    pub lines: Vec<usize>,
    pub fingerprint: String,
}
