#![cfg(not(target_arch = "wasm32"))]
//! Paths through `ym-return-problem`: answers → questions asked, plan items, messages and deadline dates,
//! including the warning that fires only when Market's automatic payment would come after the last day to claim.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

#[macro_use]
mod common;
use common::{answers, date, plan_ids, scenario, PathCase as Case};

const ID: &str = "ym-return-problem";

const CONDITION: &[&str] = &["check_on_receipt", "claim_condition", "warn_48h"];

const CASES: &[Case] = &[
    Case {
        // Friday + 48 hours = Sunday: the window does not skip the weekend.
        name: "non-purchase came back damaged, certificate on a Friday",
        answers: &[
            ("return_kind", "refusal"),
            ("problem", "damaged"),
            ("order_number", "YM-70001"),
            ("amount", "5400"),
            ("act_date", "2026-11-20"),
        ],
        created: "2026-11-20",
        path: &["return_kind", "problem", "order_number", "amount", "act_date"],
        plan: &["check_on_receipt", "evidence_damaged", "claim_condition", "warn_48h", "outcome_claim", "prevention"],
        messages: &["claim_return"],
        deadlines: &[("claim_48h", "2026-11-21")],
    },
    Case {
        // Arrived Tue 29 Dec: the 30 days to dispute Market's decision are shown even though the seller accepts it.
        name: "buyer's return came back short, decision accepted: 48 hours cross the year end, the dispute date still shown",
        answers: &[
            ("return_kind", "return"),
            ("problem", "short"),
            ("order_number", "YM-70002"),
            ("amount", "1290"),
            ("act_date", "2026-12-31"),
            ("disagree", "no"),
            ("back_at_point", "2026-12-29"),
        ],
        created: "2026-12-31",
        path: &["return_kind", "problem", "order_number", "amount", "act_date", "disagree", "back_at_point"],
        plan: &[
            "check_on_receipt",
            "evidence_short",
            "claim_condition",
            "warn_48h",
            "dispute_window",
            "outcome_claim",
            "prevention",
        ],
        messages: &["claim_return"],
        deadlines: &[("claim_48h", "2027-01-01"), ("refund_dispute", "2027-01-28")],
    },
    Case {
        name: "buyer's return swapped, seller disputes Market's decision: 48-hour claim and 30 days from arrival",
        answers: &[
            ("return_kind", "return"),
            ("problem", "swapped"),
            ("order_number", "YM-70003"),
            ("amount", "18990"),
            ("act_date", "2027-02-27"),
            ("disagree", "yes"),
            ("back_at_point", "2027-02-25"),
        ],
        created: "2027-02-27",
        path: &["return_kind", "problem", "order_number", "amount", "act_date", "disagree", "back_at_point"],
        plan: &[
            "check_on_receipt",
            "evidence_swapped",
            "claim_condition",
            "warn_48h",
            "dispute_refund",
            "dispute_window",
            "outcome_claim",
            "prevention",
        ],
        messages: &["claim_return", "dispute_refund_text"],
        deadlines: &[("claim_48h", "2027-02-28"), ("refund_dispute", "2027-03-27")],
    },
    Case {
        // Cancelled late: 20 Oct + 40 days = Sun 29 Nov; +7 business days = Tue 8 Dec; +7 = Thu 17 Dec,
        // a week after the claim window (10 Sep + 3 months = 10 Dec) closes.
        name: "FBS non-purchase lost on the way back, cancelled late: automatic payment after the claim window warns",
        answers: &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("order_number", "YM-70004"),
            ("amount", "7300"),
            ("model", "fbs"),
            ("scheduled_on", "2026-09-10"),
            ("exception", "none"),
            ("cancelled_on", "2026-10-20"),
        ],
        created: "2026-10-21",
        path: &["return_kind", "problem", "order_number", "amount", "model", "scheduled_on", "exception", "cancelled_on"],
        plan: &["lost_auto", "warn_auto_late", "lost_claim", "outcome_auto", "prevention"],
        messages: &["claim_lost_return"],
        deadlines: &[
            ("claim_window", "2026-12-10"),
            ("auto_review_from", "2026-11-29"),
            ("auto_review_done", "2026-12-08"),
            ("auto_paid", "2026-12-17"),
        ],
    },
    Case {
        name: "FBS non-purchase lost, automatic payment due on the very last day to claim: no warning",
        answers: &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("order_number", "YM-70005"),
            ("amount", "7300"),
            ("model", "fbs"),
            ("scheduled_on", "2026-09-17"),
            ("exception", "none"),
            ("cancelled_on", "2026-10-20"),
        ],
        created: "2026-10-21",
        path: &["return_kind", "problem", "order_number", "amount", "model", "scheduled_on", "exception", "cancelled_on"],
        plan: &["lost_auto", "lost_claim", "outcome_auto", "prevention"],
        messages: &["claim_lost_return"],
        deadlines: &[
            ("claim_window", "2026-12-17"),
            ("auto_review_from", "2026-11-29"),
            ("auto_review_done", "2026-12-08"),
            ("auto_paid", "2026-12-17"),
        ],
    },
    Case {
        // 1 Sep + 40 days = Sun 11 Oct; +7 business days = Tue 20 Oct; +7 = Thu 29 Oct, well before 25 Nov.
        name: "FBS non-purchase lost, cancelled early: automatic payment well before the claim window closes",
        answers: &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("order_number", "YM-70006"),
            ("amount", "2100"),
            ("model", "fbs"),
            ("scheduled_on", "2026-08-25"),
            ("exception", "none"),
            ("cancelled_on", "2026-09-01"),
        ],
        created: "2026-09-02",
        path: &["return_kind", "problem", "order_number", "amount", "model", "scheduled_on", "exception", "cancelled_on"],
        plan: &["lost_auto", "lost_claim", "outcome_auto", "prevention"],
        messages: &["claim_lost_return"],
        deadlines: &[
            ("claim_window", "2026-11-25"),
            ("auto_review_from", "2026-10-11"),
            ("auto_review_done", "2026-10-20"),
            ("auto_paid", "2026-10-29"),
        ],
    },
    Case {
        name: "FBS non-purchase lost, cancellation date not entered yet: no dates to compare, no warning",
        answers: &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("order_number", "YM-70007"),
            ("amount", "2100"),
            ("model", "fbs"),
            ("scheduled_on", "2026-08-25"),
            ("exception", "none"),
        ],
        created: "2026-09-02",
        path: &["return_kind", "problem", "order_number", "amount", "model", "scheduled_on", "exception", "cancelled_on"],
        plan: &["lost_auto", "lost_claim", "outcome_auto", "prevention"],
        messages: &["claim_lost_return"],
        deadlines: &[
            ("claim_window", "2026-11-25"),
            ("auto_review_from", "waiting:WaitingFor(\"cancelled_on\")"),
            ("auto_review_done", "waiting:WaitingFor(\"auto_review_from\")"),
            ("auto_paid", "waiting:WaitingFor(\"auto_review_done\")"),
        ],
    },
    Case {
        // 30 Nov + 3 months is clamped to the end of February.
        name: "Express non-purchase never came back: claim only",
        answers: &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("order_number", "YM-70008"),
            ("amount", "990"),
            ("model", "express"),
            ("scheduled_on", "2026-11-30"),
        ],
        created: "2026-12-01",
        path: &["return_kind", "problem", "order_number", "amount", "model", "scheduled_on"],
        plan: &["lost_claim", "outcome_express", "prevention"],
        messages: &["claim_lost_return"],
        deadlines: &[("claim_window", "2027-02-28")],
    },
    Case {
        name: "buyer's return lost on the way back: claim only, with the return letter (not the non-delivery one); condition answers from another path are ignored",
        answers: &[
            ("return_kind", "return"),
            ("problem", "not_arrived"),
            ("order_number", "YM-70009"),
            ("amount", "4500"),
            ("scheduled_on", "2026-10-31"),
            ("act_date", "2026-11-02"),
            ("disagree", "yes"),
            ("back_at_point", "2026-11-01"),
        ],
        created: "2026-11-03",
        path: &["return_kind", "problem", "order_number", "amount", "scheduled_on"],
        plan: &["lost_claim", "outcome_lost_claim", "prevention"],
        messages: &["claim_lost_buyer_return"],
        deadlines: &[("claim_window", "2027-01-31")],
    },
    Case {
        name: "FBS non-purchase lost while “Ready to be issued”: no automatic payment, claim with the window warning",
        answers: &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("order_number", "YM-70010"),
            ("amount", "6400"),
            ("model", "fbs"),
            ("scheduled_on", "2026-10-05"),
            ("exception", "ready"),
            ("cancelled_on", "2026-11-01"),
        ],
        created: "2026-11-20",
        path: &["return_kind", "problem", "order_number", "amount", "model", "scheduled_on", "exception"],
        plan: &["lost_claim", "outcome_exception", "warn_window", "prevention"],
        messages: &["claim_lost_return"],
        deadlines: &[("claim_window", "2027-01-05")],
    },
    Case {
        name: "FBS non-purchase of a company buyer lost on the way back: claim, no automatic dates",
        answers: &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("order_number", "YM-70011"),
            ("amount", "48000"),
            ("model", "fbs"),
            ("scheduled_on", "2026-11-16"),
            ("exception", "company"),
        ],
        created: "2026-12-07",
        path: &["return_kind", "problem", "order_number", "amount", "model", "scheduled_on", "exception"],
        plan: &["lost_claim", "outcome_exception", "warn_window", "prevention"],
        messages: &["claim_lost_return"],
        deadlines: &[("claim_window", "2027-02-16")],
    },
    Case {
        // Created Fri 4 Dec: 48 hours end on Sun 6 Dec at that hour, so Sat 5 Dec is the last full day; hours do
        // not roll off a weekend.
        name: "buyer's return request waiting for my decision: 48 hours from its creation",
        answers: &[
            ("return_kind", "request"),
            ("problem", "damaged"),
            ("order_number", "YM-70012"),
            ("amount", "3200"),
            ("request_created", "2026-12-04"),
        ],
        created: "2026-12-04",
        path: &["return_kind", "order_number", "amount", "request_created"],
        plan: &["request_decide", "outcome_request", "prevention"],
        messages: &[],
        deadlines: &[("return_decision", "2026-12-05")],
    },
    Case {
        // Arrived Fri 20 Nov: 30 calendar days end Sun 20 Dec; Market's cabinet counts the days, no roll.
        name: "buyer's return came back intact but refunded at my cost, seller disputes: 30 days from arrival",
        answers: &[
            ("return_kind", "return"),
            ("problem", "intact"),
            ("order_number", "YM-70013"),
            ("amount", "2700"),
            ("disagree", "yes"),
            ("back_at_point", "2026-11-20"),
        ],
        created: "2026-11-23",
        path: &["return_kind", "problem", "order_number", "amount", "disagree", "back_at_point"],
        plan: &["dispute_refund", "dispute_window", "outcome_decision", "prevention"],
        messages: &["dispute_refund_text"],
        deadlines: &[("refund_dispute", "2026-12-20")],
    },
    Case {
        name: "fast refund for a cheap defect, nothing comes back: 30 days counted from the refund",
        answers: &[
            ("return_kind", "return"),
            ("problem", "fast_refund"),
            ("order_number", "YM-70014"),
            ("amount", "590"),
            ("decision_date", "2026-12-01"),
            ("disagree", "no"),
        ],
        created: "2026-12-02",
        path: &["return_kind", "problem", "order_number", "amount", "disagree", "decision_date"],
        plan: &["dispute_window_fast", "outcome_decision", "prevention"],
        messages: &[],
        deadlines: &[("refund_dispute_fast", "2026-12-31")],
    },
    Case {
        name: "fast refund disputed: its own claim, dated by the refund, not the returned-item claim",
        answers: &[
            ("return_kind", "return"),
            ("problem", "fast_refund"),
            ("order_number", "YM-70015"),
            ("amount", "590"),
            ("decision_date", "2026-12-01"),
            ("disagree", "yes"),
        ],
        created: "2026-12-02",
        path: &["return_kind", "problem", "order_number", "amount", "disagree", "decision_date"],
        plan: &["dispute_refund", "dispute_window_fast", "outcome_decision", "prevention"],
        messages: &["dispute_fast_refund_text"],
        deadlines: &[("refund_dispute_fast", "2026-12-31")],
    },
    Case {
        // Sat 12 Dec is Market's own collect-by date: shown as it is, not moved to Monday.
        name: "non-purchase waiting at the drop-off point: collect by the date in the return card",
        answers: &[
            ("return_kind", "refusal"),
            ("problem", "waiting"),
            ("order_number", "YM-70015"),
            ("amount", "1500"),
            ("pickup_till", "2026-12-12"),
        ],
        created: "2026-12-07",
        path: &["return_kind", "problem", "order_number", "amount", "pickup_till"],
        plan: &["collect_return", "outcome_waiting", "prevention"],
        messages: &[],
        deadlines: &[("return_pickup_last", "2026-12-12")],
    },
];

path_table_tests!(ID, CASES);

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
    let eval = s.evaluate(&a, date("2026-11-23"));
    let inputs = [("decision_date".to_string(), "21.11.2026".to_string())].into_iter().collect();
    let letter = claimdesk::scenario::LetterContext { inputs: Some(&inputs), ..Default::default() };
    let ru = eval.fill_message(text, text.body.get(Lang::Ru), Lang::Ru, &letter);
    assert!(ru.contains("с решением Маркета от 21.11.2026 в карточке возврата"), "{ru}");
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
