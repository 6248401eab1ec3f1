//! Walks a scenario with a set of answers: which questions are on the path, and the resulting plan.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::answer::{Answer, Answers};
use super::condition::conditions_hold;
use super::deadline::{compute_deadlines, ComputedDeadline};
use super::model::STAGE_ANSWER_PREFIX;
use super::{Anchor, Choice, DeadlineRule, Message, PlanItem, Question, QuestionKind, Scenario};

/// Adds the dates of the claim's stages recorded on the case page (`stage-<code>`): they count whatever the path.
pub(crate) fn add_stage_dates<'s>(effective: &mut BTreeMap<&'s str, &'s Answer>, answers: &'s Answers) {
    let stage_dates = answers.iter().filter(|(key, a)| key.starts_with(STAGE_ANSWER_PREFIX) && a.as_date().is_some());
    for (key, answer) in stage_dates {
        effective.insert(key.as_str(), answer);
    }
}

/// What applies to a case: the steps, evidence, warnings, outcomes, messages and deadlines on its path.
#[derive(Clone, Debug)]
pub struct Plan<'a> {
    pub items: Vec<&'a PlanItem>,
    pub messages: Vec<&'a Message>,
    pub deadlines: Vec<ComputedDeadline<'a>>,
}

impl Scenario {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn deadline(&self, id: &str) -> Option<&DeadlineRule> {
        self.deadlines.iter().find(|d| d.id == id)
    }

    /// Whether a deadline of this scenario counts from the day the claim reached stage `code`.
    pub fn counts_from_stage(&self, code: &str) -> bool {
        self.deadlines.iter().any(|d| matches!(&d.anchor, Anchor::Stage(c) if c == code))
    }

    /// The answers that count: those of questions on the current path that fit their question and, for a choice,
    /// name an option the earlier answers still offer, and the dates of the claim's stages recorded on the case
    /// page. Answers to questions that left the path stay stored (they come back if the path returns) but are
    /// ignored.
    pub fn effective_answers<'s>(&'s self, answers: &'s Answers) -> BTreeMap<&'s str, &'s Answer> {
        let mut effective = self.walk(answers).1;
        add_stage_dates(&mut effective, answers);
        effective
    }

    /// The questions on the path for these answers, in order.
    pub fn active_questions(&self, answers: &Answers) -> Vec<&Question> {
        self.walk(answers).0
    }

    /// The first question on the path that still needs an answer (a required one without an answer that counts).
    pub fn first_unanswered(&self, answers: &Answers) -> Option<&Question> {
        let (active, effective) = self.walk(answers);
        active.into_iter().find(move |q| q.required && !effective.contains_key(q.id.as_str()))
    }

    /// The options of a choice question that the answers before it allow, in the file's order.
    pub fn offered_options<'q>(&self, question: &'q Question, answers: &Answers) -> Vec<&'q Choice> {
        let (_, effective) = self.walk(answers);
        offered(question, &effective).collect()
    }

    /// One pass over the questions: those on the path, and the answers that count.
    pub(crate) fn walk<'s, 'a>(&'s self, answers: &'a Answers) -> (Vec<&'s Question>, BTreeMap<&'s str, &'a Answer>) {
        let mut effective = BTreeMap::new();
        let mut active = Vec::new();
        for q in &self.questions {
            if conditions_hold(&q.when, &effective) {
                active.push(q);
                if let Some(a) = answers.get(&q.id).filter(|a| counts(q, a, &effective)) {
                    effective.insert(q.id.as_str(), a);
                }
            }
        }
        (active, effective)
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
        self.plan_for(&self.effective_answers(answers), case_created)
    }

    /// The plan for answers already reduced to those that count (see [`Scenario::effective_answers`]).
    pub(crate) fn plan_for(&self, effective: &BTreeMap<&str, &Answer>, case_created: NaiveDate) -> Plan<'_> {
        let deadlines = compute_deadlines(self, effective, case_created);
        let due: BTreeMap<&str, NaiveDate> =
            deadlines.iter().filter_map(|d| d.due().map(|date| (d.rule.id.as_str(), date))).collect();
        Plan {
            items: self
                .plan
                .iter()
                .filter(|i| conditions_hold(&i.when, effective) && i.when_dates.iter().all(|o| o.holds(&due)))
                .collect(),
            messages: self.messages.iter().filter(|m| conditions_hold(&m.when, effective)).collect(),
            deadlines,
        }
    }
}

fn offered<'q, 'e>(
    question: &'q Question,
    effective: &'e BTreeMap<&str, &Answer>,
) -> impl Iterator<Item = &'q Choice> + use<'q, 'e> {
    question.options.iter().filter(|o| conditions_hold(&o.when, effective))
}

/// An answer counts when it fits its question and, for a choice, the option is offered on this path.
fn counts(question: &Question, answer: &Answer, effective: &BTreeMap<&str, &Answer>) -> bool {
    match (answer, question.kind) {
        (Answer::Choice(value), QuestionKind::Choice) => offered(question, effective).any(|o| &o.id == value),
        _ => answer.fits(question),
    }
}
