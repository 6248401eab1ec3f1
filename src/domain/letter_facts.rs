//! The facts of a case a letter names (`scenario::FACTS`), in the letter's language: the support request and
//! the claim recorded as stage steps, the marketplace's answer, and the loss table's total and size.

use std::collections::BTreeMap;

use super::stage::{Stage, StageStep};
use super::Case;
use crate::i18n::{fill, format_date, format_money, tr, tr_plural, Key, Lang};

/// "№ 4471 от 02.12.2026", or "от 02.12.2026" when the step has no number.
fn numbered(lang: Lang, step: &StageStep) -> String {
    let date = format_date(lang, step.on);
    if step.reference.is_empty() {
        fill(tr(lang, Key::LetterFactDated), &[("date", &date)])
    } else {
        fill(tr(lang, Key::LetterFactNumbered), &[("number", &step.reference), ("date", &date)])
    }
}

/// What the marketplace answered, as the step after the support request records it.
fn answer(lang: Lang, step: &StageStep) -> Option<String> {
    let key = match step.stage {
        Stage::Refused => Key::LetterAnswerRefused,
        Stage::PartlyPaid => Key::LetterAnswerPartlyPaid,
        Stage::Paid => Key::LetterAnswerPaid,
        Stage::InReview => Key::LetterAnswerInReview,
        _ => return None,
    };
    Some(fill(tr(lang, key), &[("date", &format_date(lang, step.on))]))
}

/// Every fact the case knows, by name; a fact it does not know is absent.
pub fn letter_facts(case: &Case, lang: Lang) -> BTreeMap<String, String> {
    let mut facts = BTreeMap::new();
    let steps: Vec<&StageStep> = case.stage_steps().collect();
    let ticket = steps.iter().rposition(|s| s.stage == Stage::ReportedToSupport);
    if let Some(at) = ticket {
        facts.insert("ticket".to_string(), numbered(lang, steps[at]));
        // The answer to the request: the first answer-like step after it, before any claim.
        let after = steps[at + 1..].iter().take_while(|s| s.stage != Stage::ClaimFiled);
        if let Some(text) = after.filter_map(|s| answer(lang, s)).next() {
            facts.insert("answer".to_string(), text);
        }
    }
    if let Some(claim) = steps.iter().rev().find(|s| s.stage == Stage::ClaimFiled) {
        facts.insert("claim".to_string(), numbered(lang, claim));
    }
    if let Some(total) = case.losses_total() {
        facts.insert("losses_total".to_string(), format_money(lang, total, &case.money.currency));
        let rows = case.losses.rows.len() as u64;
        facts.insert("losses_rows".to_string(), tr_plural(lang, Key::LetterRows, rows));
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample_cases;
    use crate::domain::stage::Channel;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn step(stage: Stage, day: u32, reference: &str) -> StageStep {
        let on = NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        StageStep { stage, on, reference: reference.to_string(), channel: Channel::Portal }
    }

    fn case_with(steps: &[StageStep]) -> Case {
        let mut case = sample_cases(1, 3).remove(0);
        case.timeline.retain(|e| !matches!(e.kind, crate::domain::EventKind::StageChanged { .. }));
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        for s in steps {
            case.timeline.push(crate::domain::TimelineEvent {
                at,
                kind: crate::domain::EventKind::StageChanged { step: s.clone() },
            });
        }
        case.losses = Default::default();
        case
    }

    #[test]
    fn the_ticket_its_answer_and_the_claim_in_each_language() {
        let case = case_with(&[
            step(Stage::ReportedToSupport, 1, "4471"),
            step(Stage::Refused, 3, ""),
            step(Stage::Appealed, 4, ""),
        ]);
        let ru = letter_facts(&case, Lang::Ru);
        assert_eq!(ru.get("ticket").map(String::as_str), Some("№ 4471 от 01.12.2026"));
        assert_eq!(ru.get("answer").map(String::as_str), Some("отказ от 03.12.2026"));
        assert_eq!(ru.get("claim"), None);
        let pl = letter_facts(&case, Lang::Pl);
        assert_eq!(pl.get("ticket").map(String::as_str), Some("nr 4471 z 01.12.2026"));
        assert_eq!(pl.get("answer").map(String::as_str), Some("odmowa z 03.12.2026"));
    }

    #[test]
    fn a_claim_without_a_number_is_dated_and_no_ticket_means_no_ticket_fact() {
        let case = case_with(&[step(Stage::ClaimFiled, 5, "")]);
        let ru = letter_facts(&case, Lang::Ru);
        assert_eq!(ru.get("claim").map(String::as_str), Some("от 05.12.2026"));
        assert_eq!(ru.get("ticket"), None);
        assert_eq!(ru.get("answer"), None);
        assert_eq!(ru.get("losses_total"), None);
    }
}
