//! The case model: what a tracked incident is, how its status moves, and its money; the in-memory collection,
//! the case list query and the statistics built on it.

pub mod agenda;
pub mod authority;
pub mod book;
pub mod business_name;
mod case;
pub mod date_checks;
pub mod durability;
mod events;
pub mod evidence;
mod fold;
mod jurisdiction;
pub mod letter_draft;
mod letter_facts;
mod letter_number;
pub mod list_url;
pub mod loss;
pub mod loss_paste;
pub mod profile;
pub mod query;
pub mod registry_ids;
pub mod reminders;
pub mod report;
pub mod sample;
pub mod stage;
pub mod stats;
mod status;
pub mod step_window;

pub use agenda::{Agenda, DueSummary, NextDue};
pub use authority::{AuthorityBasis, Signatory};
pub use book::{new_case_id, CaseBook, Record, Stale, Tombstone, Version};
pub use case::{is_sha256, is_valid_id, limits, Case, CaseDeadline, CaseProblem, Money, ProblemKind};
pub use events::{EventKind, LetterVia, TimelineEvent, UnknownEvent};
pub use evidence::{Attachment, NewAttachment};
pub use letter_draft::{DraftError, LetterDraft};
pub use letter_facts::letter_facts;
pub use loss::{
    claim_row_limit, item_number_key, loss_limits, Basis, ClaimPart, Commission, CommissionPart, LossColumn, LossError,
    LossErrorKind, LossRow, LossTable, RowFormula,
};
pub use loss_paste::{parse_pasted, PastePreview, PastedRow};
pub use profile::{BusinessProfile, FieldGroup, Jurisdiction, ProfileBook, ProfileError, ProfileField};
pub use query::{CaseQuery, QueryResult};
pub use registry_ids::IdError;
pub use sample::sample_cases;
pub use stage::{Channel, Stage, StageError, StageStep};
pub use status::CaseStatus;
