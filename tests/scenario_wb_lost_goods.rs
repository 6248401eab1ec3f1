#![cfg(not(target_arch = "wasm32"))]
//! Paths through `wb-lost-goods`: answers → questions asked, plan items, messages and deadline dates.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

#[macro_use]
mod common;
use common::{answers, date, scenario, PathCase as Case};

const ID: &str = "wb-lost-goods";

const CASES: &[Case] = &[
    Case {
        name: "warehouse stock, not the Shushary fire, no claim yet: no report question, no fire warning",
        answers: &[
            ("where", "warehouse"),
            ("order_number", "SUP-771203"),
            ("amount", "48250.50"),
            ("fire", "no"),
            ("found_date", "2026-11-16"),
            ("claim_sent", "no"),
            ("offered", "yes"),
        ],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "fire", "found_date", "claim_sent"],
        plan: &[
            "check_warehouse",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "send_claim",
            "offer_check",
            "limitation_bound",
            "outcome_claim",
            "prevention",
        ],
        messages: &["to_support", "precourt_claim"],
        deadlines: &[("limitation", "2029-11-16")],
    },
    Case {
        // 31 Jan 2027 + 30 calendar days crosses a 28-day February.
        name: "FBS task, claim submitted in the portal at the end of January: general report check, no fire warning",
        answers: &[
            ("where", "fbs"),
            ("order_number", "TASK-5512"),
            ("amount", "9900"),
            ("found_date", "2027-01-10"),
            ("claim_sent", "yes"),
            ("claim_date", "2027-01-31"),
            ("offered", "yes"),
        ],
        created: "2027-02-01",
        path: &["where", "order_number", "amount", "found_date", "claim_sent", "claim_date"],
        plan: &[
            "check_fbs",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "claim_wait",
            "offer_check",
            "limitation_bound",
            "outcome_claim",
            "prevention",
        ],
        messages: &["to_support_order", "precourt_claim"],
        deadlines: &[
            ("claim_answer_term", "2027-03-02"),
            ("court_possible", "2027-03-03"),
            ("limitation", "2030-01-10"),
        ],
    },
    Case {
        name: "lost in transit, claim sent mid-December: the 30 days cross the year end",
        answers: &[
            ("where", "transit"),
            ("order_number", "ORD-88001"),
            ("amount", "3150"),
            ("found_date", "2026-12-01"),
            ("claim_sent", "yes"),
            ("claim_date", "2026-12-15"),
        ],
        created: "2026-12-16",
        path: &["where", "order_number", "amount", "found_date", "claim_sent", "claim_date"],
        plan: &[
            "check_transit",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "claim_wait",
            "offer_check",
            "limitation_bound",
            "transit_one_year",
            "outcome_claim",
            "prevention",
        ],
        messages: &["to_support_order", "precourt_claim"],
        // The 30 days end Thu 14 Jan 2027, so court from Fri 15 Jan; the 3 years end Sat 1 Dec 2029 → Mon 3 Dec.
        deadlines: &[
            ("claim_answer_term", "2027-01-14"),
            ("court_possible", "2027-01-15"),
            ("limitation", "2029-12-03"),
        ],
    },
    Case {
        name: "claim sent but neither its date nor the date the loss was found entered yet",
        answers: &[
            ("where", "warehouse"),
            ("order_number", "SUP-1"),
            ("amount", "1000"),
            ("fire", "yes"),
            ("claim_sent", "yes"),
            ("offered", "no"),
        ],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "fire", "found_date", "claim_sent", "claim_date", "offered"],
        plan: &[
            "check_warehouse",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "claim_wait",
            "offer_check",
            "limitation_bound",
            "outcome_claim",
            "prevention",
        ],
        messages: &["to_support", "precourt_claim"],
        deadlines: &[
            ("claim_answer_term", "waiting:WaitingFor(\"claim_date\")"),
            ("court_possible", "waiting:WaitingFor(\"claim_answer_term\")"),
            ("limitation", "waiting:WaitingFor(\"found_date\")"),
        ],
    },
    Case {
        // 29 Feb 2028 + 3 years: 2031 has no 29 February, so the period ends on the last day of that month.
        name: "Shushary fire, report waiting for agreement, loss found and claim submitted on 29 February",
        answers: &[
            ("where", "warehouse"),
            ("order_number", "SUP-2024-01"),
            ("amount", "250000"),
            ("fire", "yes"),
            ("found_date", "2028-02-29"),
            ("claim_sent", "yes"),
            ("claim_date", "2028-02-29"),
            ("offered", "yes"),
        ],
        created: "2028-03-01",
        path: &["where", "order_number", "amount", "fire", "found_date", "claim_sent", "claim_date", "offered"],
        plan: &[
            "check_warehouse",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "claim_wait",
            "offer_check",
            "warn_report",
            "limitation_bound",
            "outcome_claim",
            "prevention",
        ],
        messages: &["to_support", "precourt_claim"],
        deadlines: &[
            ("claim_answer_term", "2028-03-30"),
            ("court_possible", "2028-03-31"),
            ("limitation", "2031-02-28"),
        ],
    },
    Case {
        // Friday 27 Nov + 7 calendar days = Friday 4 Dec.
        name: "shortfall at acceptance, act published on a Friday, no claim yet: 7 days to object, 3 years outer bound",
        answers: &[
            ("where", "acceptance"),
            ("order_number", "SUP-905511"),
            ("amount", "17400"),
            ("found_date", "2026-11-27"),
            ("claim_sent", "no"),
        ],
        created: "2026-11-27",
        path: &["where", "order_number", "amount", "found_date", "claim_sent"],
        plan: &[
            "check_acceptance",
            "acceptance_evidence",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "send_claim",
            "offer_check",
            "limitation_bound",
            "outcome_claim",
            "prevention",
        ],
        messages: &["precourt_claim", "acceptance_dispute"],
        deadlines: &[("acceptance_objection", "2026-12-04"), ("limitation", "2029-11-27")],
    },
    Case {
        name: "shortfall at acceptance at the year end, claim submitted in January",
        answers: &[
            ("where", "acceptance"),
            ("order_number", "SUP-905600"),
            ("amount", "6200"),
            ("found_date", "2026-12-28"),
            ("claim_sent", "yes"),
            ("claim_date", "2027-01-05"),
        ],
        created: "2027-01-05",
        path: &["where", "order_number", "amount", "found_date", "claim_sent", "claim_date"],
        plan: &[
            "check_acceptance",
            "acceptance_evidence",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "claim_wait",
            "offer_check",
            "limitation_bound",
            "outcome_claim",
            "prevention",
        ],
        messages: &["precourt_claim", "acceptance_dispute"],
        deadlines: &[
            ("claim_answer_term", "2027-02-04"),
            ("court_possible", "2027-02-05"),
            ("acceptance_objection", "2027-01-04"),
            ("limitation", "2029-12-28"),
        ],
    },
    Case {
        name: "damaged in storage, came back broken, no claim yet",
        answers: &[
            ("where", "damaged"),
            ("order_number", "SUP-660120"),
            ("amount", "8800"),
            ("found_date", "2026-11-10"),
            ("claim_sent", "no"),
        ],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "found_date", "claim_sent"],
        plan: &[
            "check_damaged",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "send_claim",
            "offer_check",
            "limitation_bound",
            "outcome_claim",
            "prevention",
        ],
        messages: &["precourt_claim", "damage_ticket"],
        // 3 years end Sat 10 Nov 2029: ГК РФ art. 193 moves the end to Mon 12 Nov.
        deadlines: &[("limitation", "2029-11-12")],
    },
    Case {
        name: "swapped item, no claim yet: the claim path opens, 3 years outer bound",
        answers: &[
            ("where", "swapped"),
            ("order_number", "ORD-4410"),
            ("amount", "12500"),
            ("swap_date", "2026-11-14"),
            ("claim_sent", "no"),
        ],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "swap_date", "claim_sent"],
        plan: &["swap_evidence", "swap_wait", "send_claim", "limitation_bound_swap", "outcome_auto", "prevention"],
        messages: &["precourt_claim", "swap_ticket"],
        deadlines: &[("swap_compensation", "2026-12-14"), ("limitation_swap", "2029-11-14")],
    },
    Case {
        name: "swapped item, claim sent on Sun 1 Nov: 30 days end Tue 1 Dec, court from Wed 2 Dec; fire and loss-date answers ignored",
        answers: &[
            ("where", "swapped"),
            ("order_number", "ORD-4410"),
            ("amount", "12500"),
            ("found_date", "2026-10-01"),
            ("claim_sent", "yes"),
            ("claim_date", "2026-11-01"),
            ("fire", "yes"),
            ("offered", "yes"),
        ],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "swap_date", "claim_sent", "claim_date"],
        plan: &["swap_evidence", "swap_wait", "claim_wait", "limitation_bound_swap", "outcome_auto", "prevention"],
        messages: &["precourt_claim", "swap_ticket"],
        deadlines: &[
            ("swap_compensation", "waiting:WaitingFor(\"swap_date\")"),
            ("claim_answer_term", "2026-12-01"),
            ("court_possible", "2026-12-02"),
            ("limitation_swap", "waiting:WaitingFor(\"swap_date\")"),
        ],
    },
];

path_table_tests!(ID, CASES);

#[test]
fn swap_ticket_carries_the_order_and_the_dates() {
    let s = scenario(ID);
    let ticket = s.messages.iter().find(|m| m.id == "swap_ticket").expect("swap_ticket exists");
    let a = answers(
        s,
        &[("where", "swapped"), ("order_number", "ORD-4410"), ("amount", "12500"), ("swap_date", "2026-11-14")],
    );
    let en = fill_template(s, ticket.body.get(Lang::En), &a, Lang::En, date("2026-11-23"));
    for expected in ["ORD-4410", "detected on Nov 14, 2026", "12,500.00"] {
        assert!(en.contains(expected), "{expected:?} missing in:\n{en}");
    }
    let ru = fill_template(s, ticket.body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-23"));
    assert!(ru.contains("выявлена 14.11.2026") && ru.contains("Прошу зафиксировать подмену"), "{ru}");

    let without_date = answers(s, &[("where", "swapped"), ("order_number", "ORD-4410")]);
    let pl = fill_template(s, ticket.body.get(Lang::Pl), &without_date, Lang::Pl, date("2026-11-23"));
    assert!(pl.contains("[data wykrycia podmiany]") && pl.contains("[kwota]"), "{pl}");
}

#[test]
fn fire_warning_and_price_basis_are_spelled_out() {
    let s = scenario(ID);
    let warn = s.plan.iter().find(|p| p.id == "warn_report").expect("warn_report exists");
    let body = warn.body.as_ref().expect("warn_report has a body");
    assert!(
        body.get(Lang::En).contains("Shushary")
            && body.get(Lang::Ru).contains("Шушар")
            && body.get(Lang::Pl).contains("Szuszar")
    );
    let amount = s.question("amount").expect("amount question");
    let help = amount.help.as_ref().expect("amount help");
    assert!(
        help.get(Lang::En).contains("SPP") && help.get(Lang::Ru).contains("СПП") && help.get(Lang::Pl).contains("SPP")
    );
    let claim = s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim");
    assert!(claim.body.get(Lang::Ru).contains("через портал продавца"), "{}", claim.body.get(Lang::Ru));
}

#[test]
fn the_acceptance_objection_names_the_supply_and_the_act_date() {
    let s = scenario(ID);
    let objection = s.messages.iter().find(|m| m.id == "acceptance_dispute").expect("acceptance_dispute exists");
    let a = answers(
        s,
        &[("where", "acceptance"), ("order_number", "SUP-905511"), ("amount", "17400"), ("found_date", "2026-11-27")],
    );
    let ru = fill_template(s, objection.body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-27"));
    assert!(ru.contains("SUP-905511") && ru.contains("опубликованным 27.11.2026"), "{ru}");
    let limitation = s.deadline("limitation").expect("limitation rule");
    assert!(
        limitation.rule.get(Lang::Ru).contains("196") && limitation.rule.get(Lang::Ru).contains("200"),
        "{}",
        limitation.rule.get(Lang::Ru)
    );
    assert!(!limitation.uncertain, "the Civil Code rule is confirmed");
    assert!(s.deadline("acceptance_objection").is_some_and(|r| r.uncertain), "the 7 days come from trade news only");
}

#[test]
fn polish_texts_avoid_the_false_friends_of_issue_20() {
    let wrong =
        ["sąd arbitrażow", "sądu arbitrażow", "sądzie arbitrażow", "artykuł", "wezwanie (reklamac", "arbitrażowego"];
    common::assert_no_text_contains(scenario(ID), Lang::Pl, &wrong);
}

#[test]
fn the_fire_warning_shows_the_limitation_date_for_a_january_2024_loss() {
    let s = scenario(ID);
    let warn = s.plan.iter().find(|p| p.id == "warn_report").expect("warn_report exists");
    let body = warn.body.as_ref().expect("the warning explains itself");
    let a = answers(s, &[("where", "warehouse"), ("fire", "yes"), ("found_date", "2024-01-15"), ("offered", "yes")]);
    // Three years from Mon 15 Jan 2024 end Fri 15 Jan 2027: the suit date, weeks away on 7 Dec 2026.
    let ru = fill_template(s, body.get(Lang::Ru), &a, Lang::Ru, date("2026-12-07"));
    assert!(ru.contains("иск нужно подать до 15.01.2027"), "{ru}");
    let en = fill_template(s, body.get(Lang::En), &a, Lang::En, date("2026-12-07"));
    assert!(en.contains("a suit must be filed by Jan 15, 2027"), "{en}");
}

#[test]
fn a_swap_gets_the_claim_and_its_own_ticket() {
    let s = scenario(ID);
    let swap = answers(s, &[("where", "swapped"), ("claim_sent", "no")]);
    assert_eq!(
        common::message_ids(s, &swap, "2026-11-23"),
        vec!["precourt_claim".to_string(), "swap_ticket".to_string()]
    );
}

#[test]
fn the_support_ticket_names_a_supply_or_an_order_by_branch() {
    let s = scenario(ID);
    let body = |id: &str| s.messages.iter().find(|m| m.id == id).map(|m| m.body.get(Lang::Ru)).unwrap_or_default();
    assert!(body("to_support").contains("по поставке {order_number}") && !body("to_support").contains("заказу"));
    assert!(body("to_support_order").contains("по сборочному заданию / заказу {order_number}"));
    let fbs = answers(s, &[("where", "fbs"), ("claim_sent", "no")]);
    assert_eq!(
        common::message_ids(s, &fbs, "2026-11-23"),
        vec!["to_support_order".to_string(), "precourt_claim".to_string()]
    );
}

#[test]
fn the_claim_amount_step_and_the_swap_limitation_read_right() {
    let s = scenario(ID);
    let amount =
        s.plan.iter().flat_map(|p| p.checklist.iter()).find(|c| c.id == "clm_amount").expect("clm_amount exists");
    assert_eq!(
        amount.label.get(Lang::Ru),
        "Укажите сумму и порядок расчёта, приложите расчёт (при утрате — таблицу утраченных товаров)"
    );
    let swap_limit = s.deadline("limitation_swap").expect("limitation_swap exists").rule.get(Lang::Pl);
    assert!(swap_limit.contains("Czekanie na rekompensatę WB nie wstrzymuje") && !swap_limit.contains("automatyczn"));
}
