//! Scenario content (one data file per scenario) and the engine that turns answers into a plan.

mod answer;
mod buyer;
mod calendar;
mod condition;
mod deadline;
mod draft;
mod engine;
mod evaluation;
mod form;
mod model;
mod registry;
mod rulebook;
mod seller;
mod template;
mod validate;

pub use answer::{Answer, Answers};
pub use buyer::{BuyerLanguage, BuyerText};
pub use calendar::{calendar, easter_sunday, Calendar, Country};
pub use condition::{Condition, DeadlineOrder};
pub use deadline::{count, ComputedDeadline, Counted, Counting, DeadlineStatus};
pub use draft::{Draft, Position, Progress};
pub use engine::Plan;
pub use evaluation::Evaluation;
pub use form::{AnswerError, FormValues};
pub use model::{
    stage_answer_key, Anchor, ChecklistItem, Choice, DeadlineRule, Marketplace, Message, Offset, OffsetUnit, PlanItem,
    PlanKind, Question, QuestionKind, Role, Scenario, Text, Verified, STAGE_CODES,
};
pub use registry::{all, get, title_of, SOURCES};
pub use rulebook::{anchor_of, is_stale, rulebook, shipped_rules, RuleEntry, RuleUse, STALE_AFTER_MONTHS};
pub use seller::{is_letter_placeholder, LetterContext, SellerDetails, SellerField, LETTER_NUMBER};
pub use template::{answer_text, fill_template, placeholders};
pub use validate::{all_paths, validate};
