#![cfg(not(target_arch = "wasm32"))]
//! Checks of `ym-return-problem` beyond its path table (content/paths/ym-return-problem.json, run by tests/scenario_paths.rs): the
//! texts each branch gets, the rules' sources and wording.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

mod common;
use common::{answers, date, plan_ids, scenario};

const ID: &str = "ym-return-problem";

const CONDITION: &[&str] = &["check_on_receipt", "claim_condition", "warn_48h"];

#[test]
fn every_condition_problem_gets_the_48_hour_steps() {
    let s = scenario(ID);
    for problem in ["damaged", "short", "swapped"] {
        let a = answers(s, &[("return_kind", "refusal"), ("problem", problem), ("act_date", "2026-11-20")]);
        let plan = plan_ids(s, &a, "2026-11-20");
        for id in CONDITION {
            assert!(plan.iter().any(|p| p == id), "{problem}: {id} missing from {plan:?}");
        }
    }
}

#[test]
fn the_late_payment_warning_names_both_dates_in_every_language() {
    let s = scenario(ID);
    let warn = s.plan.iter().find(|p| p.id == "warn_auto_late").expect("warn_auto_late exists");
    let body = warn.body.as_ref().expect("the warning explains itself");
    let a = answers(
        s,
        &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("model", "fbs"),
            ("scheduled_on", "2026-09-10"),
            ("exception", "none"),
            ("cancelled_on", "2026-10-20"),
        ],
    );
    let created = date("2026-10-21");
    let en = fill_template(s, body.get(Lang::En), &a, Lang::En, created);
    assert!(en.contains("Dec 17, 2026") && en.contains("Dec 10, 2026"), "{en}");
    let ru = fill_template(s, body.get(Lang::Ru), &a, Lang::Ru, created);
    assert!(ru.contains("17.12.2026") && ru.contains("10.12.2026"), "{ru}");
    let pl = fill_template(s, body.get(Lang::Pl), &a, Lang::Pl, created);
    assert!(pl.contains("17.12.2026") && pl.contains("10.12.2026"), "{pl}");
}

#[test]
fn the_condition_claim_carries_the_order_and_the_certificate_date() {
    let s = scenario(ID);
    let claim = s.messages.iter().find(|m| m.id == "claim_return").expect("claim_return exists");
    let a = answers(
        s,
        &[
            ("return_kind", "refusal"),
            ("problem", "short"),
            ("order_number", "YM-70002"),
            ("amount", "1290"),
            ("act_date", "2026-12-30"),
        ],
    );
    let ru = fill_template(s, claim.body.get(Lang::Ru), &a, Lang::Ru, date("2026-12-30"));
    assert!(ru.contains("YM-70002") && ru.contains("от 30.12.2026"), "{ru}");
    let without_date = answers(s, &[("return_kind", "refusal"), ("problem", "short")]);
    let pl = fill_template(s, claim.body.get(Lang::Pl), &without_date, Lang::Pl, date("2026-12-30"));
    assert!(pl.contains("[data protokołu zdawczo-odbiorczego]") && pl.contains("[numer zamówienia]"), "{pl}");
}

#[test]
fn the_lost_return_letter_matches_the_branch() {
    let s = scenario(ID);
    let refusal = s.messages.iter().find(|m| m.id == "claim_lost_return").expect("claim_lost_return exists");
    let ret = s.messages.iter().find(|m| m.id == "claim_lost_buyer_return").expect("claim_lost_buyer_return exists");
    let a = answers(
        s,
        &[
            ("return_kind", "return"),
            ("problem", "not_arrived"),
            ("order_number", "YM-5"),
            ("amount", "990"),
            ("scheduled_on", "2026-11-02"),
        ],
    );
    let ru = fill_template(s, ret.body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-30"));
    assert!(ru.contains("Покупатель получил заказ YM-5") && ru.contains("оформил возврат"), "{ru}");
    assert!(!ru.contains("не доставлен"), "a return the buyer received is never called undelivered:\n{ru}");
    let ru = fill_template(s, refusal.body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-30"));
    assert!(ru.contains("покупателю не доставлен и нам не возвращён"), "{ru}");
}

#[test]
fn polish_texts_avoid_false_friends() {
    let wrong = ["artykuł", "niewykup", "kierownika firmy", "klient prywatn", "oddał pieniądze", "złóż sprzeciw"];
    common::assert_no_text_contains(scenario(ID), Lang::Pl, &wrong);
}

#[test]
fn the_decision_dispute_names_the_decision_being_disputed() {
    let s = scenario(ID);
    let text = s.messages.iter().find(|m| m.id == "dispute_refund_text").expect("dispute_refund_text exists");
    let a = answers(
        s,
        &[
            ("return_kind", "return"),
            ("problem", "intact"),
            ("order_number", "YM-70013"),
            ("disagree", "yes"),
            ("back_at_point", "2026-11-20"),
        ],
    );
    let ru = fill_template(s, text.body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-23"));
    assert!(ru.contains("с решением Маркета от [дата] в карточке возврата"), "{ru}");
    assert!(ru.contains("YM-70013") && ru.contains("20.11.2026"), "{ru}");
}

#[test]
fn each_refund_dispute_claim_states_only_what_its_branch_has() {
    let s = scenario(ID);
    let text = |id: &str| s.messages.iter().find(|m| m.id == id).unwrap_or_else(|| panic!("{id} exists"));
    let intact = answers(
        s,
        &[("return_kind", "return"), ("problem", "intact"), ("order_number", "YM-70013"), ("disagree", "yes")],
    );
    let ru = fill_template(s, text("dispute_refund_text").body.get(Lang::Ru), &intact, Lang::Ru, date("2026-11-23"));
    assert!(!ru.contains("при возврате денег без товара") && !ru.contains("дата возврата денег без товара"), "{ru}");
    let fast = answers(
        s,
        &[
            ("return_kind", "return"),
            ("problem", "fast_refund"),
            ("order_number", "YM-70015"),
            ("decision_date", "2026-12-01"),
            ("disagree", "yes"),
        ],
    );
    let ru = fill_template(s, text("dispute_fast_refund_text").body.get(Lang::Ru), &fast, Lang::Ru, date("2026-12-02"));
    for expected in [
        "01.12.2026 Маркет вернул покупателю деньги без возврата товара (опция «Быстрый возврат денег за дешевый брак»)",
        "по заказу YM-70015",
        "4. Приложения: фото покупателя из карточки возврата, фото / видео упаковки, карточка товара и документы о качестве партии.",
    ] {
        assert!(ru.contains(expected), "{expected:?} missing in:\n{ru}");
    }
    for absent in ["сортировочный центр", "видео вскрытия", "акт приёма-передачи", "[дата поступления возврата]"]
    {
        assert!(!ru.contains(absent), "{absent:?} has no place in a fast-refund claim:\n{ru}");
    }
}

#[test]
fn the_day_market_starts_checking_is_never_the_sellers_deadline() {
    let rule = scenario(ID).deadline("auto_review_from").expect("auto_review_from exists");
    assert!(rule.earliest, "auto_review_from is the earliest day of Market's check, as in ym-not-delivered");
}

#[test]
fn a_non_purchase_is_never_offered_a_refund_at_the_sellers_cost() {
    let s = scenario(ID);
    let problem = s.question("problem").expect("problem exists");
    let offered = |pairs: &[(&str, &str)]| -> Vec<String> {
        s.offered_options(problem, &answers(s, pairs)).iter().map(|o| o.id.clone()).collect()
    };
    assert_eq!(offered(&[("return_kind", "refusal")]), ["damaged", "short", "swapped", "not_arrived", "waiting"]);
    assert_eq!(
        offered(&[("return_kind", "return")]),
        ["damaged", "short", "swapped", "not_arrived", "intact", "fast_refund", "waiting"]
    );
}

#[test]
fn a_choice_left_behind_by_a_changed_earlier_answer_stops_counting_and_is_asked_again() {
    let s = scenario(ID);
    let switched = answers(s, &[("return_kind", "refusal"), ("problem", "fast_refund"), ("order_number", "YM-70020")]);
    assert!(!s.effective_answers(&switched).contains_key("problem"));
    assert_eq!(s.first_unanswered(&switched).map(|q| q.id.as_str()), Some("problem"));
    assert!(s
        .evaluate(&switched, date("2026-12-07"))
        .plan
        .deadlines
        .iter()
        .all(|d| d.rule.id != "refund_dispute_fast"));
}
