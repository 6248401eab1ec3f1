//! The case model: what a tracked incident is, how its status moves, and its money; the in-memory collection,
//! the case list query and the statistics built on it.

pub mod book;
mod case;
pub mod durability;
mod fold;
pub mod list_url;
pub mod loss;
pub mod loss_paste;
pub mod profile;
pub mod query;
pub mod report;
pub mod sample;
pub mod stats;
mod status;

pub use book::{new_case_id, CaseBook, Record, Stale, Tombstone, Version};
pub use case::{
    is_valid_id, limits, Case, CaseDeadline, CaseProblem, EventKind, LetterVia, Money, ProblemKind, TimelineEvent,
};
pub use loss::{
    claim_row_limit, loss_limits, Basis, ClaimPart, Commission, CommissionPart, LossColumn, LossError, LossErrorKind,
    LossRow, LossTable, RowFormula,
};
pub use loss_paste::{parse_pasted, PastePreview, PastedRow};
pub use profile::{BusinessProfile, FieldGroup, Jurisdiction, ProfileBook, ProfileError, ProfileField};
pub use query::{CaseQuery, QueryResult};
pub use sample::sample_cases;
pub use status::CaseStatus;
