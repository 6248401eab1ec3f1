#![cfg(not(target_arch = "wasm32"))]
//! Paths through `ym-not-delivered`: answers → questions asked, plan items, messages and deadline dates,
//! including the chained automatic-compensation timeline in business days.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

#[macro_use]
mod common;
use common::{answers, date, scenario, PathCase as Case};

const ID: &str = "ym-not-delivered";

const AUTO_PATH: &[&str] = &["model", "order_number", "amount", "scheduled_on", "status", "exception", "cancelled_on"];
const EXCEPTION_PATH: &[&str] = &["model", "order_number", "amount", "scheduled_on", "status", "exception"];
const STATUS_PATH: &[&str] = &["model", "order_number", "amount", "scheduled_on", "status"];
const ALL_MESSAGES: &[&str] = &["to_support", "to_buyer", "claim_outline"];

const CASES: &[Case] = &[
    Case {
        // Cancelled Thu 1 Oct + 40 days = Tue 10 Nov; + 7 business days = Thu 19 Nov (over one weekend);
        // + 7 business days = Mon 30 Nov (over the next).
        name: "FBY, cancelled, private buyer: automatic compensation timeline",
        answers: &[
            ("model", "fby"),
            ("order_number", "81234567"),
            ("amount", "4590"),
            ("scheduled_on", "2026-09-20"),
            ("status", "cancelled"),
            ("exception", "none"),
            ("cancelled_on", "2026-10-01"),
        ],
        created: "2026-10-02",
        path: AUTO_PATH,
        plan: &[
            "check_status",
            "inform_buyer",
            "auto_wait",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_auto",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[
            ("claim_window", "2026-12-20"),
            ("auto_review_from", "2026-11-10"),
            ("auto_review_done", "2026-11-19"),
            ("auto_paid", "2026-11-30"),
        ],
    },
    Case {
        // Cancelled Tue 20 Oct + 40 days = Sun 29 Nov; the business days start on Monday:
        // + 7 = Tue 8 Dec, + 7 = Thu 17 Dec.
        name: "FBS, cancelled, private buyer: check starts on a Sunday",
        answers: &[
            ("model", "fbs"),
            ("order_number", "81234568"),
            ("amount", "1200"),
            ("scheduled_on", "2026-10-15"),
            ("status", "cancelled"),
            ("exception", "none"),
            ("cancelled_on", "2026-10-20"),
        ],
        created: "2026-10-21",
        path: AUTO_PATH,
        plan: &[
            "check_status",
            "inform_buyer",
            "auto_wait",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_auto",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[
            ("claim_window", "2027-01-15"),
            ("auto_review_from", "2026-11-29"),
            ("auto_review_done", "2026-12-08"),
            ("auto_paid", "2026-12-17"),
        ],
    },
    Case {
        // Same timeline, but scheduled on 10 Sep: the claim window (10 Dec) closes a week before the payment is due.
        name: "FBS, cancelled late: automatic payment after the last day to claim warns",
        answers: &[
            ("model", "fbs"),
            ("order_number", "81234578"),
            ("amount", "1200"),
            ("scheduled_on", "2026-09-10"),
            ("status", "cancelled"),
            ("exception", "none"),
            ("cancelled_on", "2026-10-20"),
        ],
        created: "2026-10-21",
        path: AUTO_PATH,
        plan: &[
            "check_status",
            "inform_buyer",
            "auto_wait",
            "warn_auto_late",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_auto",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[
            ("claim_window", "2026-12-10"),
            ("auto_review_from", "2026-11-29"),
            ("auto_review_done", "2026-12-08"),
            ("auto_paid", "2026-12-17"),
        ],
    },
    Case {
        name: "cancelled, private buyer, cancellation date not entered: the chain waits link by link",
        answers: &[
            ("model", "fby"),
            ("order_number", "81234569"),
            ("amount", "700"),
            ("scheduled_on", "2026-11-02"),
            ("status", "cancelled"),
            ("exception", "none"),
        ],
        created: "2026-11-23",
        path: AUTO_PATH,
        plan: &[
            "check_status",
            "inform_buyer",
            "auto_wait",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_auto",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[
            ("claim_window", "2027-02-02"),
            ("auto_review_from", "waiting:WaitingFor(\"cancelled_on\")"),
            ("auto_review_done", "waiting:WaitingFor(\"auto_review_from\")"),
            ("auto_paid", "waiting:WaitingFor(\"auto_review_done\")"),
        ],
    },
    Case {
        // 3 months from 30 Nov clamps to 28 Feb.
        name: "FBS, stuck in delivery",
        answers: &[
            ("model", "fbs"),
            ("order_number", "81234570"),
            ("amount", "2300"),
            ("scheduled_on", "2026-11-30"),
            ("status", "in_delivery"),
        ],
        created: "2026-12-03",
        path: STATUS_PATH,
        plan: &[
            "check_status",
            "inform_buyer",
            "locate_parcel",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_in_delivery",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[("claim_window", "2027-02-28")],
    },
    Case {
        // 3 months from 31 Jan clamps to 30 Apr.
        name: "FBY, lost while ready to be issued",
        answers: &[
            ("model", "fby"),
            ("order_number", "81234571"),
            ("amount", "8800"),
            ("scheduled_on", "2027-01-31"),
            ("status", "ready"),
        ],
        created: "2027-02-10",
        path: STATUS_PATH,
        plan: &[
            "check_status",
            "inform_buyer",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_ready",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[("claim_window", "2027-04-30")],
    },
    Case {
        // The claim recorded on the case page on 15 Feb: Market's 30 days end Wed 17 Mar, court from Thu 18 Mar.
        name: "FBY, lost while ready, claim filed on the case page: Market's 30 days and the court date",
        answers: &[
            ("model", "fby"),
            ("order_number", "81234571"),
            ("amount", "8800"),
            ("scheduled_on", "2027-01-31"),
            ("status", "ready"),
            ("stage-claim_filed", "2027-02-15"),
        ],
        created: "2027-02-10",
        path: STATUS_PATH,
        plan: &[
            "check_status",
            "inform_buyer",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_ready",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[
            ("claim_window", "2027-04-30"),
            ("claim_answer_term", "2027-03-17"),
            ("court_possible", "2027-03-18"),
        ],
    },
    Case {
        name: "FBS, cancelled, company buyer: claim only",
        answers: &[
            ("model", "fbs"),
            ("order_number", "81234572"),
            ("amount", "3400"),
            ("scheduled_on", "2026-11-02"),
            ("status", "cancelled"),
            ("exception", "company"),
        ],
        created: "2026-11-23",
        path: EXCEPTION_PATH,
        plan: &[
            "check_status",
            "inform_buyer",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_exception",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[("claim_window", "2027-02-02")],
    },
    Case {
        // 3 months from 31 Aug ends on 30 Nov.
        name: "FBY, cancelled, company buyer; a cancellation date left over is ignored",
        answers: &[
            ("model", "fby"),
            ("order_number", "81234573"),
            ("amount", "56000"),
            ("scheduled_on", "2026-08-31"),
            ("status", "cancelled"),
            ("exception", "company"),
            ("cancelled_on", "2026-09-05"),
        ],
        created: "2026-09-10",
        path: EXCEPTION_PATH,
        plan: &[
            "check_status",
            "inform_buyer",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_exception",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[("claim_window", "2026-11-30")],
    },
    Case {
        name: "Express: always a claim; a status answer left over is ignored",
        answers: &[
            ("model", "express"),
            ("order_number", "81234574"),
            ("amount", "1990"),
            ("scheduled_on", "2026-12-01"),
            ("status", "cancelled"),
        ],
        created: "2026-12-02",
        path: &["model", "order_number", "amount", "scheduled_on"],
        plan: &[
            "check_status",
            "inform_buyer",
            "claim_evidence",
            "claim_file",
            "warn_window",
            "outcome_express",
            "prevention",
        ],
        messages: ALL_MESSAGES,
        deadlines: &[("claim_window", "2027-03-01")],
    },
    Case {
        name: "DBS: the seller's own delivery, no Market deadlines",
        answers: &[("model", "dbs"), ("order_number", "81234575"), ("amount", "650"), ("scheduled_on", "2026-11-20")],
        created: "2026-11-23",
        path: &["model", "order_number", "amount"],
        plan: &["check_status", "inform_buyer", "own_delivery", "outcome_own", "prevention"],
        messages: &["to_buyer"],
        deadlines: &[],
    },
];

path_table_tests!(ID, CASES);

#[test]
fn automatic_timeline_is_written_out_in_the_plan() {
    let s = scenario(ID);
    let wait = s.plan.iter().find(|i| i.id == "auto_wait").and_then(|i| i.body.as_ref()).expect("auto_wait has a body");
    let a = answers(s, CASES[0].answers);
    let en = fill_template(s, wait.get(Lang::En), &a, Lang::En, date(CASES[0].created));
    for expected in ["(Nov 10, 2026)", "(Nov 19, 2026)", "(Nov 30, 2026)"] {
        assert!(en.contains(expected), "{expected:?} missing in:\n{en}");
    }
    let pl = fill_template(s, wait.get(Lang::Pl), &a, Lang::Pl, date(CASES[0].created));
    assert!(pl.contains("(10.11.2026)") && pl.contains("(30.11.2026)"), "{pl}");
}

#[test]
fn claim_outline_names_order_date_and_amount() {
    let s = scenario(ID);
    let claim = s.messages.iter().find(|m| m.id == "claim_outline").expect("claim_outline exists");
    let a = answers(
        s,
        &[("model", "express"), ("order_number", "81234574"), ("amount", "1990"), ("scheduled_on", "2026-12-01")],
    );
    let ru = fill_template(s, claim.body.get(Lang::Ru), &a, Lang::Ru, date("2026-12-02"));
    for expected in ["Заказ 81234574", "доставки — 01.12.2026", "продан за 1\u{a0}990,00\u{a0}₽", "Дата: 02.12.2026"]
    {
        assert!(ru.contains(expected), "{expected:?} missing in:\n{ru}");
    }
}

#[test]
fn claim_rules_name_their_global_source_and_the_seller_cabinet() {
    let s = scenario(ID);
    let rule = s.deadlines.iter().find(|d| d.id == "claim_window").expect("claim_window exists");
    assert!(rule.uncertain);
    assert!(
        rule.rule.get(Lang::En).contains("Global")
            && rule.rule.get(Lang::Ru).contains("Global")
            && rule.rule.get(Lang::Pl).contains("Global")
    );
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/scenarios/ym-not-delivered.toml"))
        .expect("scenario file readable");
    assert!(
        !text.contains("кабинет партнёра") && !text.contains("кабинета партнёра") && !text.contains("panelu partnera")
    );
}

#[test]
fn texts_avoid_false_friends_and_the_refund_mistranslation() {
    common::assert_no_text_contains(scenario(ID), Lang::Pl, &["artykuł", "kierownika firmy", "klient prywatn"]);
    common::assert_no_text_contains(scenario(ID), Lang::Ru, &["уже вернули деньги", "службу доставки его найти"]);
    assert!(scenario(ID).question("exception").is_some_and(|q| !q.values().contains(&"refunded")));
}
