//! The case model: what a tracked incident is, how its status moves, and its money.

mod case;
mod status;

pub use case::{Case, CaseDeadline, EventKind, Money, TimelineEvent};
pub use status::CaseStatus;
