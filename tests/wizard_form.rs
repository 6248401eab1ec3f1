#![cfg(not(target_arch = "wasm32"))]
//! Reading an answer from a question's form controls, and writing an answer back into them.

use chrono::NaiveDate;
use claimdesk::i18n::Lang;
use claimdesk::scenario::{self, Answer, AnswerError, FormValues, Question, QuestionKind};

/// The first shipped question of this kind (required or optional as asked).
fn question(kind: QuestionKind, required: bool) -> &'static Question {
    scenario::all()
        .iter()
        .flat_map(|s| s.questions.iter())
        .find(|q| q.kind == kind && q.required == required)
        .unwrap_or_else(|| panic!("no shipped {kind:?} question with required = {required}"))
}

fn text(t: &str) -> FormValues {
    FormValues { text: t.into(), currency: "PLN".into(), ..FormValues::default() }
}

#[test]
fn money_is_read_in_the_languages_style() {
    let q = scenario::all().iter().flat_map(|s| s.questions.iter()).find(|q| q.kind == QuestionKind::Money);
    let q = q.expect("a money question");
    let pln = |minor| Ok(Some(Answer::Money { minor, currency: "PLN".into() }));
    assert_eq!(q.parse_answer(Lang::Pl, &text("1 234,50")), pln(123_450));
    assert_eq!(q.parse_answer(Lang::En, &text("1,234.50")), pln(123_450));
    assert_eq!(q.parse_answer(Lang::Ru, &text(" 99 ")), pln(9_900));
    assert_eq!(q.parse_answer(Lang::En, &text("12.345")), Err(AnswerError::BadAmount));
    assert_eq!(q.parse_answer(Lang::En, &text("-5")), Err(AnswerError::BadAmount));
}

#[test]
fn dates_and_texts() {
    let date = question(QuestionKind::Date, false);
    let day = NaiveDate::from_ymd_opt(2026, 11, 20).expect("valid");
    assert_eq!(date.parse_answer(Lang::En, &text("2026-11-20")), Ok(Some(Answer::Date(day))));
    assert_eq!(date.parse_answer(Lang::En, &text("20.11.2026")), Err(AnswerError::BadDate));
    assert_eq!(date.parse_answer(Lang::En, &text("  ")), Ok(None), "an optional date may stay empty");
    let required = question(QuestionKind::Text, true);
    assert_eq!(required.parse_answer(Lang::En, &text("  WB-1 ")), Ok(Some(Answer::Text("WB-1".into()))));
    assert_eq!(required.parse_answer(Lang::En, &text("   ")), Err(AnswerError::Required));
}

#[test]
fn a_required_choice_needs_a_choice() {
    let q = question(QuestionKind::Choice, true);
    assert_eq!(q.parse_answer(Lang::Ru, &FormValues::default()), Err(AnswerError::ChooseOne));
    let first = q.options[0].id.clone();
    let values = FormValues { choice: Some(first.clone()), ..FormValues::default() };
    assert_eq!(q.parse_answer(Lang::Ru, &values), Ok(Some(Answer::Choice(first))));
}

#[test]
fn an_answer_written_back_reads_the_same() {
    let money = scenario::all().iter().flat_map(|s| s.questions.iter()).find(|q| q.kind == QuestionKind::Money);
    let money = money.expect("a money question");
    let answer = Answer::Money { minor: 12_345_678, currency: "EUR".into() };
    for lang in Lang::ALL {
        let values = money.form_values(lang, Some(&answer), "PLN");
        assert_eq!(values.currency, "EUR");
        assert_eq!(money.parse_answer(lang, &values), Ok(Some(answer.clone())), "{lang:?}: {}", values.text);
    }
    let fresh = money.form_values(Lang::En, None, "PLN");
    assert_eq!((fresh.text.as_str(), fresh.currency.as_str(), fresh.choice), ("", "PLN", None));
    let choice = question(QuestionKind::Choice, true);
    let picked = Answer::Choice(choice.options[0].id.clone());
    assert_eq!(
        choice.form_values(Lang::En, Some(&picked), "PLN").choice.as_deref(),
        Some(choice.options[0].id.as_str())
    );
    let unfit = Answer::Choice("not-an-option".into());
    assert_eq!(
        choice.form_values(Lang::En, Some(&unfit), "PLN").choice,
        None,
        "an answer that no longer fits is dropped"
    );
}
