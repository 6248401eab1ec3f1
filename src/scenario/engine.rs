//! Walks a scenario with a set of answers: which questions are on the path, and the resulting plan.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::deadline::{compute_deadlines, ComputedDeadline};
use super::{Condition, DeadlineRule, Message, PlanItem, Question, QuestionKind, Scenario};

/// One answer. Yes/no answers are `Choice("yes" | "no")`. Stored as `{"t": "date", "v": "2026-11-20"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Answer {
    Choice(String),
    Date(#[serde(with = "crate::time_text::date")] NaiveDate),
    Money { minor: i64, currency: String },
    Text(String),
}

/// Written by hand: serde's derive cannot read a `with` field of an adjacently tagged variant, and the
/// derived reader would buffer every value. Reads what `Serialize` writes, `t` before `v` or after it.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
        use serde_json::Value;

        #[derive(Deserialize)]
        enum Field {
            #[serde(rename = "t")]
            Tag,
            #[serde(rename = "v")]
            Value,
            #[serde(other)]
            Other,
        }

        #[derive(Clone, Copy, Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Tag {
            Choice,
            Date,
            Money,
            Text,
        }

        #[derive(Deserialize)]
        struct Date(#[serde(with = "crate::time_text::date")] NaiveDate);

        #[derive(Deserialize)]
        struct Money {
            minor: i64,
            currency: String,
        }

        fn read<'de, A: MapAccess<'de>>(tag: Tag, map: &mut A) -> Result<Answer, A::Error> {
            Ok(match tag {
                Tag::Choice => Answer::Choice(map.next_value()?),
                Tag::Date => Answer::Date(map.next_value::<Date>()?.0),
                Tag::Money => {
                    let Money { minor, currency } = map.next_value()?;
                    Answer::Money { minor, currency }
                }
                Tag::Text => Answer::Text(map.next_value()?),
            })
        }

        fn from_value<E: Error>(tag: Tag, value: Value) -> Result<Answer, E> {
            let answer = match tag {
                Tag::Choice => serde_json::from_value(value).map(Answer::Choice),
                Tag::Date => serde_json::from_value::<Date>(value).map(|d| Answer::Date(d.0)),
                Tag::Money => serde_json::from_value::<Money>(value)
                    .map(|Money { minor, currency }| Answer::Money { minor, currency }),
                Tag::Text => serde_json::from_value(value).map(Answer::Text),
            };
            answer.map_err(E::custom)
        }

        struct AnswerVisitor;

        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = Answer;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer {\"t\": kind, \"v\": value}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
                let (mut tag, mut answer, mut early_value) = (None, None, None);
                while let Some(field) = map.next_key::<Field>()? {
                    match (field, tag) {
                        (Field::Tag, _) => tag = Some(map.next_value::<Tag>()?),
                        (Field::Value, Some(known)) => answer = Some(read(known, &mut map)?),
                        // The value came first: keep it until the tag says what it is.
                        (Field::Value, None) => early_value = Some(map.next_value::<Value>()?),
                        (Field::Other, _) => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let tag = tag.ok_or_else(|| A::Error::missing_field("t"))?;
                match (answer, early_value) {
                    (Some(answer), _) => Ok(answer),
                    (None, Some(value)) => from_value(tag, value),
                    (None, None) => Err(A::Error::missing_field("v")),
                }
            }
        }

        deserializer.deserialize_map(AnswerVisitor)
    }
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

pub(crate) fn conditions_hold(conditions: &[Condition], effective: &BTreeMap<&str, &Answer>) -> bool {
    conditions.iter().all(|c| c.holds(effective.get(c.question.as_str()).and_then(|a| a.as_choice())))
}
