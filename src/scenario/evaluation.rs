//! Everything a set of answers decides, computed once per change: the path through the questions, the answers
//! that count, and the plan with its deadlines. The plan view and the message templates read from one
//! [`Evaluation`] instead of each recomputing the plan.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::answer::{Answer, Answers};
use super::engine::{add_stage_dates, Plan};
use super::{Question, Scenario};

#[derive(Clone, Debug)]
pub struct Evaluation<'s> {
    pub scenario: &'s Scenario,
    /// The questions on the path, in order.
    pub path: Vec<&'s Question>,
    /// The answers that count (on the path and fitting their question), by question id.
    pub answers: BTreeMap<&'s str, Answer>,
    pub plan: Plan<'s>,
    /// The day the case was opened (today in the wizard): deadlines and `{today}` count from it.
    pub created: NaiveDate,
}

/// Two evaluations of the same scenario agree when the answers that count and the day agree: the path and the
/// plan follow from those (so a view recomputes only when something it shows can have changed).
impl PartialEq for Evaluation<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.scenario, other.scenario) && self.created == other.created && self.answers == other.answers
    }
}

impl Scenario {
    pub fn evaluate(&self, answers: &Answers, created: NaiveDate) -> Evaluation<'_> {
        let (path, effective) = self.walk(answers);
        // The plan also counts from the claim's stages recorded on the case page; they are not answers to show.
        let mut counted: BTreeMap<&str, &Answer> = effective.iter().map(|(id, a)| (*id, *a)).collect();
        add_stage_dates(&mut counted, answers);
        let plan = self.plan_for(&counted, created);
        let answers = effective.into_iter().map(|(id, a)| (id, a.clone())).collect();
        Evaluation { scenario: self, path, answers, plan, created }
    }
}
