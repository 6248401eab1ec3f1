//! The case model: what a tracked incident is, how its status moves, and its money; the in-memory collection,
//! the case list query and the statistics built on it.

pub mod book;
mod case;
pub mod durability;
mod fold;
pub mod list_url;
pub mod query;
pub mod sample;
pub mod stats;
mod status;

pub use book::{new_case_id, CaseBook, Record, Stale, Tombstone, Version};
pub use case::{is_valid_id, limits, Case, CaseDeadline, CaseProblem, EventKind, Money, ProblemKind, TimelineEvent};
pub use query::{CaseQuery, QueryResult};
pub use sample::sample_cases;
pub use status::CaseStatus;
