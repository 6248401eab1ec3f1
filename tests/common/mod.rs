//! Helpers for the native scenario path tests: build answers from short strings, read the resulting plan.
#![allow(dead_code)] // each test file uses a different subset

use chrono::NaiveDate;
use claimdesk::scenario::{get, Answer, Answers, QuestionKind, Scenario};

pub fn scenario(id: &str) -> &'static Scenario {
    get(id).unwrap_or_else(|| panic!("scenario {id} is not registered or does not parse"))
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("bad test date {s}: {e}"))
}

/// Answers from `(question id, value)` pairs; the value is read according to the question's kind:
/// choice / yes-no: the option id; date: `YYYY-MM-DD`; money: `"1500.00 RUB"`; text: as is.
pub fn answers(scenario: &Scenario, pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(id, value)| {
            let q = scenario.question(id).unwrap_or_else(|| panic!("{}: no question {id}", scenario.id));
            let answer = match q.kind {
                QuestionKind::Choice | QuestionKind::YesNo => Answer::Choice(value.to_string()),
                QuestionKind::Date => Answer::Date(date(value)),
                QuestionKind::Money => {
                    let (amount, currency) = value.split_once(' ').unwrap_or((value, scenario.currency.as_str()));
                    let minor = (amount.parse::<f64>().unwrap_or_else(|e| panic!("bad amount {amount}: {e}")) * 100.0).round() as i64;
                    Answer::Money { minor, currency: currency.to_string() }
                }
                QuestionKind::Text => Answer::Text(value.to_string()),
            };
            assert!(answer.fits(q), "{}: {value} does not fit question {id}", scenario.id);
            (id.to_string(), answer)
        })
        .collect()
}

/// Ids of the questions on the path, in order.
pub fn path(scenario: &Scenario, answers: &Answers) -> Vec<String> {
    scenario.active_questions(answers).iter().map(|q| q.id.clone()).collect()
}

/// Ids of the plan items (steps, evidence, warnings, outcomes, insights) that apply.
pub fn plan_ids(scenario: &Scenario, answers: &Answers, created: &str) -> Vec<String> {
    scenario.plan(answers, date(created)).items.iter().map(|i| i.id.clone()).collect()
}

pub fn message_ids(scenario: &Scenario, answers: &Answers, created: &str) -> Vec<String> {
    scenario.plan(answers, date(created)).messages.iter().map(|m| m.id.clone()).collect()
}

/// `(rule id, due date as YYYY-MM-DD or "waiting:<what>")` for every deadline that applies.
pub fn deadlines(scenario: &Scenario, answers: &Answers, created: &str) -> Vec<(String, String)> {
    scenario
        .plan(answers, date(created))
        .deadlines
        .iter()
        .map(|d| {
            let due = match d.due() {
                Some(due) => due.format("%Y-%m-%d").to_string(),
                None => format!("waiting:{:?}", d.status),
            };
            (d.rule.id.clone(), due)
        })
        .collect()
}
