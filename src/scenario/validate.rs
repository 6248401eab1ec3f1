//! Checks a scenario file beyond what parsing guarantees: references, reachability, dead ends,
//! placeholders, languages and rule sources. Returns every problem found, in words.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;

use super::answer::{Answer, Answers};
use super::{
    placeholders, Anchor, Condition, Country, DeadlineRule, Message, OffsetUnit, QuestionKind, Scenario, Text,
};
use crate::scenario::model::{Marketplace, PlanKind, STAGE_CODES};

const MAX_PATHS: usize = 200_000;

/// Every complete answer path through the scenario: choices branch, other answers are sample values.
pub fn all_paths(scenario: &Scenario) -> Vec<Answers> {
    let sample_date = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
    let mut done = Vec::new();
    let mut stack = vec![Answers::new()];
    while let Some(answers) = stack.pop() {
        if done.len() + stack.len() > MAX_PATHS {
            break;
        }
        let Some(q) = scenario.active_questions(&answers).into_iter().find(|q| !answers.contains_key(&q.id)) else {
            done.push(answers);
            continue;
        };
        let samples: Vec<Answer> = match q.kind {
            QuestionKind::Choice => {
                scenario.offered_options(q, &answers).into_iter().map(|o| Answer::Choice(o.id.clone())).collect()
            }
            QuestionKind::YesNo => q.values().into_iter().map(|v| Answer::Choice(v.to_string())).collect(),
            QuestionKind::Date => vec![Answer::Date(sample_date)],
            QuestionKind::Money => vec![Answer::Money { minor: 150_000, currency: scenario.currency.clone() }],
            QuestionKind::Text => vec![Answer::Text("X-1".into())],
        };
        for sample in samples {
            let mut next = answers.clone();
            next.insert(q.id.clone(), sample);
            stack.push(next);
        }
    }
    done
}

fn check_text(problems: &mut Vec<String>, what: &str, text: &Text) {
    for (lang, value) in text.all() {
        if value.trim().is_empty() {
            problems.push(format!("{what}: empty {} text", lang.code()));
        }
    }
}

pub fn validate(scenario: &Scenario) -> Vec<String> {
    let mut problems = Vec::new();
    let p = &mut problems;
    let sid = &scenario.id;

    check_text(p, &format!("{sid} title"), &scenario.title);
    check_text(p, &format!("{sid} summary"), &scenario.summary);
    check_currency(p, sid, &scenario.currency);

    // Unique ids per kind.
    let mut seen = HashSet::new();
    for id in scenario.questions.iter().map(|q| &q.id) {
        if !seen.insert(("question", id)) {
            p.push(format!("{sid}: duplicate question id `{id}`"));
        }
    }
    for id in
        scenario.plan.iter().map(|i| &i.id).chain(scenario.plan.iter().flat_map(|i| i.checklist.iter().map(|c| &c.id)))
    {
        if !seen.insert(("plan", id)) {
            p.push(format!("{sid}: duplicate plan or checklist id `{id}`"));
        }
    }
    for id in scenario.messages.iter().map(|m| &m.id) {
        if !seen.insert(("message", id)) {
            p.push(format!("{sid}: duplicate message id `{id}`"));
        }
    }

    // Questions: texts, options, conditions only on earlier branching questions, roles unique.
    let mut roles = HashSet::new();
    for (index, q) in scenario.questions.iter().enumerate() {
        let what = format!("{sid} question `{}`", q.id);
        check_text(p, &what, &q.label);
        check_text(p, &what, &q.short);
        if let Some(help) = &q.help {
            check_text(p, &what, help);
        }
        match q.kind {
            QuestionKind::Choice if q.options.len() < 2 => {
                p.push(format!("{what}: a choice needs at least two options"))
            }
            QuestionKind::Choice => {
                for o in &q.options {
                    let option = format!("{what} option `{}`", o.id);
                    check_text(p, &option, &o.label);
                    if let Some(currency) = &o.currency {
                        check_currency(p, &option, currency);
                    }
                    check_conditions(p, scenario, &option, &o.when, Some(index));
                }
                if q.options.iter().filter(|o| o.when.is_empty()).count() < 2 {
                    p.push(format!("{what}: fewer than two options without conditions, so a path may offer no choice"));
                }
            }
            _ if !q.options.is_empty() => p.push(format!("{what}: only choice questions have options")),
            _ => {}
        }
        if let Some(role) = q.role {
            if !roles.insert(format!("{role:?}")) {
                p.push(format!("{what}: role {role:?} used twice"));
            }
        }
        check_conditions(p, scenario, &what, &q.when, Some(index));
    }

    for item in &scenario.plan {
        let what = format!("{sid} plan `{}`", item.id);
        check_text(p, &what, &item.title);
        if let Some(body) = &item.body {
            check_text(p, &what, body);
            check_placeholders(p, scenario, &what, body);
        }
        for c in &item.checklist {
            check_text(p, &format!("{what} checklist `{}`", c.id), &c.label);
        }
        check_conditions(p, scenario, &what, &item.when, None);
        for order in &item.when_dates {
            for id in [&order.later, &order.earlier] {
                if scenario.deadline(id).is_none() {
                    p.push(format!("{what}: date condition refers to unknown deadline `{id}`"));
                }
            }
        }
    }
    for m in &scenario.messages {
        let what = format!("{sid} message `{}`", m.id);
        check_text(p, &what, &m.title);
        check_text(p, &what, &m.recipient);
        check_text(p, &what, &m.body);
        check_placeholders(p, scenario, &what, &m.body);
        check_buyer_texts(p, scenario, &what, m);
        check_conditions(p, scenario, &what, &m.when, None);
    }

    // Deadlines: sources, anchors to date questions or earlier rules.
    for (index, rule) in scenario.deadlines.iter().enumerate() {
        let what = format!("{sid} deadline `{}`", rule.id);
        check_text(p, &what, &rule.label);
        check_text(p, &what, &rule.rule);
        if !rule.source.starts_with("https://") {
            p.push(format!("{what}: source must be an https URL"));
        }
        match rule.verified.date() {
            Some(day) if day < NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default() => {
                p.push(format!("{what}: implausible verified date {day}"));
            }
            // Only a rule a seller cannot bet on may rest on a source without a date.
            None if !rule.uncertain => p.push(format!("{what}: an undated source makes a rule uncertain")),
            _ => {}
        }
        check_counting(p, &what, scenario.marketplace, rule);
        match &rule.anchor {
            Anchor::CaseCreated => {}
            Anchor::Answer(q) => {
                if scenario.question(q).map(|q| q.kind) != Some(QuestionKind::Date) {
                    p.push(format!("{what}: anchor `{q}` is not a date question"));
                }
            }
            Anchor::Deadline(d) => {
                if !scenario.deadlines[..index].iter().any(|r| &r.id == d) {
                    p.push(format!("{what}: anchor deadline `{d}` must be defined before it"));
                }
            }
            Anchor::Stage(code) => {
                if !STAGE_CODES.contains(&code.as_str()) {
                    p.push(format!("{what}: anchor stage `{code}` is not a stage of a claim"));
                }
            }
        }
        check_conditions(p, scenario, &what, &rule.when, None);
    }

    check_paths(p, scenario);
    problems
}

/// A country only matters where the count looks at working days; a roll needs to know whose days; a Russian
/// marketplace's business days are Russian working days (holidays and the government's moved days off).
fn check_counting(p: &mut Vec<String>, what: &str, marketplace: Marketplace, rule: &DeadlineRule) {
    let russian = matches!(marketplace, Marketplace::Wildberries | Marketplace::YandexMarket);
    if russian && rule.offset.unit == OffsetUnit::BusinessDays && rule.country != Some(Country::Ru) {
        p.push(format!(
            "{what}: business days of a Russian marketplace must count Russian working days (country = \"ru\")"
        ));
    }
    if rule.roll_to_workday && rule.country.is_none() {
        p.push(format!("{what}: roll_to_workday needs a country (whose working days?)"));
    }
    if rule.country.is_some() && !rule.roll_to_workday && rule.offset.unit != OffsetUnit::BusinessDays {
        p.push(format!("{what}: country has no effect on a {:?} count without roll_to_workday", rule.offset.unit));
    }
}

fn check_conditions(
    p: &mut Vec<String>,
    scenario: &Scenario,
    what: &str,
    conditions: &[Condition],
    before: Option<usize>,
) {
    for c in conditions {
        let Some(pos) = scenario.questions.iter().position(|q| q.id == c.question) else {
            p.push(format!("{what}: condition refers to unknown question `{}`", c.question));
            continue;
        };
        if before.is_some_and(|b| pos >= b) {
            p.push(format!("{what}: condition refers to `{}`, which is not an earlier question", c.question));
        }
        let values = scenario.questions[pos].values();
        if values.is_empty() {
            p.push(format!("{what}: condition on `{}`, which is not a choice or yes/no question", c.question));
        }
        for v in &c.values {
            if !values.contains(&v.as_str()) {
                p.push(format!("{what}: `{}` has no value `{v}`", c.question));
            }
        }
    }
}

fn check_currency(p: &mut Vec<String>, what: &str, code: &str) {
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        p.push(format!("{what}: currency `{code}` is not an ISO 4217 code"));
    }
}

/// A buyer message's texts in buyer languages: only for buyer messages, never empty, with exactly the English
/// body's placeholders, and only placeholders whose value reads the same in every language (typed text, the
/// seller's details): a date, an amount or an option label would come out in the interface language. No optional
/// answer either: left empty, it would print its `[short name]` in the seller's language inside the buyer's text.
fn check_buyer_texts(p: &mut Vec<String>, scenario: &Scenario, what: &str, message: &Message) {
    if message.buyer_texts.is_empty() {
        return;
    }
    if message.language.is_some() {
        p.push(format!("{what}: buyer texts on a message to someone other than a buyer"));
    }
    let english: BTreeSet<&str> = placeholders(message.body.get(crate::i18n::Lang::En)).into_iter().collect();
    for name in &english {
        let neutral =
            super::is_letter_placeholder(name) || scenario.question(name).is_some_and(|q| q.kind == QuestionKind::Text);
        if !neutral {
            p.push(format!(
                "{what}: placeholder `{{{name}}}` would be written in the interface language in a buyer text"
            ));
        }
        if scenario.question(name).is_some_and(|q| !q.required) {
            p.push(format!(
                "{what}: optional answer `{{{name}}}` would print a bracket in a buyer text when left empty"
            ));
        }
    }
    for (language, text) in &message.buyer_texts {
        let code = language.code();
        if language.interface().is_some() {
            p.push(format!("{what}: buyer text in `{code}`, an interface language: write it in the body"));
        }
        if text.trim().is_empty() {
            p.push(format!("{what}: empty buyer text in `{code}`"));
        }
        let names: BTreeSet<&str> = placeholders(text).into_iter().collect();
        if names != english {
            p.push(format!("{what}: buyer text in `{code}` uses placeholders {names:?}, English uses {english:?}"));
        }
    }
}

fn check_placeholders(p: &mut Vec<String>, scenario: &Scenario, what: &str, text: &Text) {
    let names_en: BTreeSet<&str> = placeholders(text.get(crate::i18n::Lang::En)).into_iter().collect();
    for (lang, value) in text.all() {
        let names: BTreeSet<&str> = placeholders(value).into_iter().collect();
        if names != names_en {
            p.push(format!("{what}: {} text uses placeholders {names:?}, English uses {names_en:?}", lang.code()));
        }
        for name in names {
            let known = name == "marketplace"
                || name == "today"
                || super::is_letter_placeholder(name)
                || scenario.question(name).is_some()
                || name.strip_prefix("deadline.").is_some_and(|r| scenario.deadline(r).is_some());
            if !known {
                p.push(format!("{what}: unknown placeholder `{{{name}}}` in {}", lang.code()));
            }
        }
    }
}

fn check_paths(p: &mut Vec<String>, scenario: &Scenario) {
    let sid = &scenario.id;
    let paths = all_paths(scenario);
    if paths.len() >= MAX_PATHS {
        p.push(format!("{sid}: more than {MAX_PATHS} answer paths; split the scenario"));
        return;
    }
    let created = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
    let mut reached: HashSet<String> = HashSet::new();
    for answers in paths.iter().map(|a| with_stage_dates(scenario, a, created)).flat_map(|a| date_variants(&a)) {
        let answers = &answers;
        for q in scenario.active_questions(answers) {
            reached.insert(format!("question `{}`", q.id));
        }
        let plan = scenario.plan(answers, created);
        if !plan.items.iter().any(|i| i.kind == PlanKind::Outcome) {
            p.push(format!("{sid}: dead end, no outcome for answers {:?}", summary(answers)));
        }
        reached.extend(plan.items.iter().map(|i| format!("plan `{}`", i.id)));
        reached.extend(plan.messages.iter().map(|m| format!("message `{}`", m.id)));
        reached.extend(plan.deadlines.iter().map(|d| format!("deadline `{}`", d.rule.id)));
    }
    let all = scenario
        .questions
        .iter()
        .map(|q| format!("question `{}`", q.id))
        .chain(scenario.plan.iter().map(|i| format!("plan `{}`", i.id)))
        .chain(scenario.messages.iter().map(|m| format!("message `{}`", m.id)))
        .chain(scenario.deadlines.iter().map(|d| format!("deadline `{}`", d.id)));
    for node in all {
        if !reached.contains(&node) {
            p.push(format!("{sid}: {node} is unreachable"));
        }
    }
}

/// The path's answers, then one copy per date answer with that date a year later: the sample paths give every
/// date question the same day, so a plan item that needs one deadline after another would never show otherwise.
fn date_variants(answers: &Answers) -> Vec<Answers> {
    let mut variants = vec![answers.clone()];
    for (id, answer) in answers {
        if let Some(later) = answer.as_date().and_then(|d| d.checked_add_days(chrono::Days::new(365))) {
            let mut variant = answers.clone();
            variant.insert(id.clone(), Answer::Date(later));
            variants.push(variant);
        }
    }
    variants
}

/// The path's answers with every stage a rule counts from recorded on `on`: such rules appear only once the seller
/// records the stage on the case page, which no wizard path does.
fn with_stage_dates(scenario: &Scenario, answers: &Answers, on: NaiveDate) -> Answers {
    let mut out = answers.clone();
    for code in STAGE_CODES.iter().filter(|code| scenario.counts_from_stage(code)) {
        out.insert(super::stage_answer_key(code), Answer::Date(on));
    }
    out
}

fn summary(answers: &Answers) -> Vec<String> {
    answers.iter().filter_map(|(k, v)| v.as_choice().map(|c| format!("{k}={c}"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{all, SOURCES};

    #[test]
    fn every_scenario_file_parses() {
        for (id, json) in SOURCES {
            let parsed: Result<Scenario, _> = serde_json::from_str(json);
            match parsed {
                Ok(s) => assert_eq!(&s.id, id, "file name and id differ"),
                Err(e) => panic!("{id}: {e}"),
            }
        }
        assert_eq!(all().len(), SOURCES.len());
    }

    #[test]
    fn every_scenario_is_valid() {
        let problems: Vec<String> = all().iter().flat_map(validate).collect();
        assert!(problems.is_empty(), "scenario problems:\n{}", problems.join("\n"));
    }
}
