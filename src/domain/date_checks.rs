//! Dates in a case's answers that contradict each other or the calendar: a claim filed before the loss was found,
//! a loss found tomorrow. They are questioned (a warning in the wizard and on the case), never refused: the
//! seller may know better, and the answers are kept as typed.

use chrono::NaiveDate;

use crate::i18n::{fill, format_date, tr, Key, Lang};
use crate::scenario::{Answers, Scenario};

/// `(scenario, earlier, later)`: question `later` records something that cannot happen before `earlier` does.
const ORDER: &[(&str, &str, &str)] = &[
    // The claim is about a loss already found.
    ("wb-lost-goods", "found_date", "claim_date"),
    // Amazon opens an A-to-z claim on a buyer who wrote to the seller first.
    ("amazon-not-received", "first_message", "claim_date"),
    // A withdrawal or MALL's request for a credit note follows the delivery; the request follows the withdrawal.
    ("mall-incomplete-order", "delivered_on", "withdrawal_date"),
    ("mall-incomplete-order", "delivered_on", "mall_request"),
    ("mall-incomplete-order", "withdrawal_date", "mall_request"),
    // The seller signs the acceptance certificate when collecting a return that has reached the point.
    ("ym-return-problem", "back_at_point", "act_date"),
];

/// Date questions about something that has already happened, in any scenario; the others (a latest estimated
/// or scheduled delivery date) may lie ahead.
const PAST_EVENTS: &[&str] = &[
    "found_date",
    "swap_date",
    "claim_date",
    "first_message",
    "debit_date",
    "adjustment_date",
    "refund_date",
    "removal_created",
    "delivered_on",
    "withdrawal_date",
    "mall_request",
    "reported_on",
    "act_date",
    "back_at_point",
    "cancelled_on",
];

/// A contradiction between dates, named by the questions whose answers conflict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// `later` is dated before `earlier`, though it cannot have happened first.
    OutOfOrder { earlier: String, earlier_date: NaiveDate, later: String, later_date: NaiveDate },
    /// Something that has already happened is dated after `today`.
    InFuture { question: String, date: NaiveDate },
}

/// The pairs [`date_problems`] compares in `scenario` (tests check that each names two date questions).
pub fn ordered_pairs(scenario: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    ORDER.iter().filter(move |(s, ..)| *s == scenario).map(|&(_, earlier, later)| (earlier, later))
}

/// Whether question `id` records something that has already happened.
pub fn is_past_event(id: &str) -> bool {
    PAST_EVENTS.contains(&id)
}

/// The contradictions among the answers on the current path, in question order for the future dates and then
/// in the order of the pairs.
pub fn date_problems(scenario: &Scenario, answers: &Answers, today: NaiveDate) -> Vec<DateProblem> {
    let effective = scenario.effective_answers(answers);
    let date = |id: &str| effective.get(id).and_then(|a| a.as_date());
    let future = scenario.questions.iter().filter(|q| is_past_event(&q.id)).filter_map(|q| {
        date(&q.id).filter(|d| *d > today).map(|d| DateProblem::InFuture { question: q.id.clone(), date: d })
    });
    let out_of_order = ordered_pairs(&scenario.id).filter_map(|(earlier, later)| {
        let (earlier_date, later_date) = (date(earlier)?, date(later)?);
        (later_date < earlier_date).then(|| DateProblem::OutOfOrder {
            earlier: earlier.to_string(),
            earlier_date,
            later: later.to_string(),
            later_date,
        })
    });
    future.chain(out_of_order).collect()
}

impl DateProblem {
    /// The warning in `lang`, naming the questions by their short names.
    pub fn text(&self, scenario: &Scenario, lang: Lang) -> String {
        let name = |id: &str| scenario.question(id).map_or_else(|| id.to_string(), |q| q.short.get(lang).to_string());
        let text = match self {
            DateProblem::OutOfOrder { earlier, earlier_date, later, later_date } => fill(
                tr(lang, Key::DateOutOfOrder),
                &[
                    ("later", &name(later)),
                    ("later_date", &format_date(lang, *later_date)),
                    ("earlier", &name(earlier)),
                    ("earlier_date", &format_date(lang, *earlier_date)),
                ],
            ),
            DateProblem::InFuture { question, date } => {
                fill(tr(lang, Key::DateInFuture), &[("question", &name(question)), ("date", &format_date(lang, *date))])
            }
        };
        capitalise(&text)
    }
}

/// Short names are written to sit inside a sentence; a warning may start with one.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
