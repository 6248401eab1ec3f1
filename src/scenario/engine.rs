//! Walks a scenario with a set of answers: which questions are on the path, and the resulting plan.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::deadline::{compute_deadlines, ComputedDeadline};
use super::{Condition, Message, PlanItem, Question, QuestionKind, Scenario};

/// One answer. Yes/no answers are `Choice("yes" | "no")`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Answer {
    Choice(String),
    Date(NaiveDate),
    Money { minor: i64, currency: String },
    Text(String),
}

impl Answer {
    pub fn as_choice(&self) -> Option<&str> {
        match self {
            Answer::Choice(v) => Some(v),
            _ => None,
        }
    }

    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            Answer::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// Whether this answer has the shape the question expects (guards against stale or hostile stored data).
    pub fn fits(&self, question: &Question) -> bool {
        match (self, question.kind) {
            (Answer::Choice(v), QuestionKind::Choice | QuestionKind::YesNo) => question.values().contains(&v.as_str()),
            (Answer::Date(_), QuestionKind::Date) => true,
            (Answer::Money { minor, .. }, QuestionKind::Money) => *minor >= 0,
            (Answer::Text(t), QuestionKind::Text) => !t.trim().is_empty(),
            _ => false,
        }
    }
}

pub type Answers = BTreeMap<String, Answer>;

/// What applies to a case: the steps, evidence, warnings, outcomes, messages and deadlines on its path.
#[derive(Debug)]
pub struct Plan<'a> {
    pub items: Vec<&'a PlanItem>,
    pub messages: Vec<&'a Message>,
    pub deadlines: Vec<ComputedDeadline<'a>>,
}

impl Scenario {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The answers that count: those of questions on the current path that fit their question.
    /// Answers to questions that left the path stay stored (they come back if the path returns) but are ignored.
    pub fn effective_answers<'s>(&'s self, answers: &'s Answers) -> BTreeMap<&'s str, &'s Answer> {
        let mut effective = BTreeMap::new();
        for q in &self.questions {
            if conditions_hold(&q.when, &effective) {
                if let Some(a) = answers.get(&q.id).filter(|a| a.fits(q)) {
                    effective.insert(q.id.as_str(), a);
                }
            }
        }
        effective
    }

    /// The questions on the path for these answers, in order.
    pub fn active_questions(&self, answers: &Answers) -> Vec<&Question> {
        let mut effective = BTreeMap::new();
        let mut active = Vec::new();
        for q in &self.questions {
            if conditions_hold(&q.when, &effective) {
                active.push(q);
                if let Some(a) = answers.get(&q.id).filter(|a| a.fits(q)) {
                    effective.insert(q.id.as_str(), a);
                }
            }
        }
        active
    }

    /// The first question on the path that still needs an answer (a required one without a fitting answer).
    pub fn first_unanswered(&self, answers: &Answers) -> Option<&Question> {
        self.active_questions(answers)
            .into_iter()
            .find(|q| q.required && !answers.get(&q.id).is_some_and(|a| a.fits(q)))
    }

    /// The question after `current` on the path (the path is recomputed, so a changed answer changes what follows).
    pub fn next_question(&self, answers: &Answers, current: &str) -> Option<&Question> {
        let active = self.active_questions(answers);
        let pos = active.iter().position(|q| q.id == current)?;
        active.get(pos + 1).copied()
    }

    pub fn previous_question(&self, answers: &Answers, current: &str) -> Option<&Question> {
        let active = self.active_questions(answers);
        let pos = active.iter().position(|q| q.id == current)?;
        pos.checked_sub(1).and_then(|p| active.get(p).copied())
    }

    /// The plan for these answers; `case_created` anchors deadlines that count from the day the case is opened.
    pub fn plan(&self, answers: &Answers, case_created: NaiveDate) -> Plan<'_> {
        let effective = self.effective_answers(answers);
        Plan {
            items: self.plan.iter().filter(|i| conditions_hold(&i.when, &effective)).collect(),
            messages: self.messages.iter().filter(|m| conditions_hold(&m.when, &effective)).collect(),
            deadlines: compute_deadlines(self, &effective, case_created),
        }
    }
}

pub(crate) fn conditions_hold(conditions: &[Condition], effective: &BTreeMap<&str, &Answer>) -> bool {
    conditions.iter().all(|c| c.holds(effective.get(c.question.as_str()).and_then(|a| a.as_choice())))
}
