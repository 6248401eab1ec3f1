#![cfg(not(target_arch = "wasm32"))]
//! Paths through `wb-buyer-refusal`: answers → questions asked, plan items, messages and deadline dates.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

#[macro_use]
mod common;
use common::{answers, date, scenario, PathCase as Case};

const ID: &str = "wb-buyer-refusal";

const SHORT_PATH: &[&str] = &["model", "refusal", "order_number", "amount", "returned_state", "reason"];
const FULL_PATH: &[&str] = &["model", "refusal", "order_number", "amount", "request", "returned_state", "reason"];

const CASES: &[Case] = &[
    Case {
        name: "FBO, refused at the pickup point, unit went back to WB stock, wrong size",
        answers: &[
            ("model", "fbo"),
            ("refusal", "at_pickup"),
            ("order_number", "WB-301122"),
            ("amount", "2490"),
            ("returned_state", "restocked"),
            ("reason", "size"),
        ],
        created: "2026-12-02",
        path: SHORT_PATH,
        plan: &["check_order", "fbo_flow", "return_costs", "outcome_wb_stock", "insight_log", "insight_size"],
        messages: &[],
        deadlines: &[],
    },
    Case {
        name: "FBS, never collected, return waiting at the pickup point since Friday: free storage and the last day to collect",
        answers: &[
            ("model", "fbs"),
            ("refusal", "not_collected"),
            ("order_number", "WB-301123"),
            ("amount", "5600"),
            ("returned_state", "not_back"),
            ("at_point", "yes"),
            ("ready_date", "2026-11-27"),
            ("reason", "slow"),
        ],
        created: "2026-11-23",
        path: &["model", "refusal", "order_number", "amount", "returned_state", "at_point", "ready_date", "reason"],
        plan: &[
            "check_order",
            "fbs_flow",
            "return_costs",
            "track_return",
            "collect_return",
            "inspect_return",
            "outcome_pending",
            "insight_log",
            "insight_delivery",
        ],
        messages: &["return_where"],
        // Ready Fri 27 Nov: storage is free through Mon 30 Nov and the return waits until Fri 4 Dec (a WB service
        // term: no roll).
        deadlines: &[("return_free_storage", "2026-11-30"), ("return_pickup_last", "2026-12-04")],
    },
    Case {
        name: "FBO, returned after receipt, request waiting for my decision, WB sent the defective unit to me",
        answers: &[
            ("model", "fbo"),
            ("refusal", "after_receipt"),
            ("order_number", "WB-301124"),
            ("amount", "7300"),
            ("request", "pending"),
            ("returned_state", "damaged"),
            ("received_date", "2026-11-10"),
            ("reason", "defect"),
        ],
        created: "2026-12-05",
        path: &["model", "refusal", "order_number", "amount", "request", "returned_state", "received_date", "reason"],
        plan: &[
            "check_order",
            "fbo_flow",
            "request_answer",
            "return_decisions",
            "warn_request",
            "return_costs",
            "limitation_bound",
            "inspect_return",
            "return_claim",
            "warn_keep",
            "outcome_claim",
            "insight_log",
            "insight_quality",
        ],
        messages: &["return_ticket"],
        // 3 years from Tue 10 Nov 2026 end Sat 10 Nov 2029: ГК РФ art. 193 moves the end to Mon 12 Nov.
        deadlines: &[("limitation_return", "2029-11-12")],
    },
    Case {
        name: "FBS, returned after receipt, request rejected and disputed, a different item came back",
        answers: &[
            ("model", "fbs"),
            ("refusal", "after_receipt"),
            ("order_number", "WB-301125"),
            ("amount", "15990"),
            ("request", "disputed"),
            ("returned_state", "swapped"),
            ("received_date", "2027-01-10"),
            ("reason", "looks"),
        ],
        created: "2027-01-10",
        path: &["model", "refusal", "order_number", "amount", "request", "returned_state", "received_date", "reason"],
        plan: &[
            "check_order",
            "fbs_flow",
            "request_disputed",
            "return_costs",
            "limitation_bound",
            "inspect_return",
            "return_claim",
            "warn_keep",
            "outcome_claim",
            "insight_log",
            "insight_looks",
        ],
        messages: &["return_ticket"],
        deadlines: &[("limitation_return", "2030-01-10")],
    },
    Case {
        name: "FBS, returned after receipt, request approved, came back intact, reason unknown",
        answers: &[
            ("model", "fbs"),
            ("refusal", "after_receipt"),
            ("order_number", "WB-301126"),
            ("amount", "990"),
            ("request", "approved"),
            ("returned_state", "intact"),
            ("reason", "unknown"),
        ],
        created: "2027-12-02",
        path: FULL_PATH,
        plan: &["check_order", "fbs_flow", "return_costs", "inspect_return", "outcome_restock", "insight_log"],
        messages: &[],
        deadlines: &[],
    },
    Case {
        name: "FBS, refused at pickup: request answer left over from another path is ignored",
        answers: &[
            ("model", "fbs"),
            ("refusal", "at_pickup"),
            ("order_number", "WB-301128"),
            ("amount", "3100"),
            ("request", "pending"),
            ("returned_state", "swapped"),
            ("reason", "defect"),
        ],
        created: "2026-11-23",
        path: &["model", "refusal", "order_number", "amount", "returned_state", "received_date", "reason"],
        plan: &[
            "check_order",
            "fbs_flow",
            "return_costs",
            "limitation_bound",
            "inspect_return",
            "return_claim",
            "warn_keep",
            "outcome_claim",
            "insight_log",
            "insight_quality",
        ],
        messages: &["return_ticket"],
        deadlines: &[("limitation_return", "waiting:WaitingFor(\"received_date\")")],
    },
    Case {
        name: "FBO defective unit on its way to me, not at the pickup point yet: no storage dates",
        answers: &[
            ("model", "fbo"),
            ("refusal", "not_collected"),
            ("order_number", "WB-301129"),
            ("amount", "1200"),
            ("returned_state", "not_back"),
            ("at_point", "no"),
            ("ready_date", "2026-11-27"),
            ("reason", "unknown"),
        ],
        created: "2026-11-30",
        path: &["model", "refusal", "order_number", "amount", "returned_state", "at_point", "reason"],
        plan: &[
            "check_order",
            "fbo_flow",
            "return_costs",
            "track_return",
            "inspect_return",
            "outcome_pending",
            "insight_log",
        ],
        messages: &["return_where"],
        deadlines: &[],
    },
];

path_table_tests!(ID, CASES);

#[test]
fn return_ticket_names_the_order_and_the_amount() {
    let s = scenario(ID);
    let ticket = s.messages.iter().find(|m| m.id == "return_ticket").expect("return_ticket exists");
    let a = answers(
        s,
        &[
            ("model", "fbs"),
            ("refusal", "at_pickup"),
            ("order_number", "WB-301128"),
            ("amount", "3100"),
            ("returned_state", "swapped"),
        ],
    );
    let ru = fill_template(s, ticket.body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-23"));
    for expected in ["по заказу WB-301128", "3\u{a0}100,00\u{a0}₽", "23.11.2026"] {
        assert!(ru.contains(expected), "{expected:?} missing in:\n{ru}");
    }
    let unanswered = answers(s, &[("model", "fbs"), ("refusal", "at_pickup"), ("returned_state", "damaged")]);
    let en = fill_template(s, ticket.body.get(Lang::En), &unanswered, Lang::En, date("2026-11-23"));
    assert!(en.contains("order [order number]") && en.contains("loss: [amount]"), "{en}");
}

#[test]
fn storage_rules_are_marked_as_resting_on_a_blog_and_the_limitation_rolls() {
    let s = scenario(ID);
    for id in ["return_free_storage", "return_pickup_last"] {
        let rule = s.deadline(id).unwrap_or_else(|| panic!("{id} exists"));
        assert!(rule.uncertain && !rule.roll_to_workday, "{id}: a WB service term from a blog: uncertain, no roll");
        assert!(rule.rule.get(Lang::En).contains("blog"), "{id} says its source is a blog");
    }
    let limitation = s.deadline("limitation_return").expect("limitation_return exists");
    assert!(!limitation.uncertain && limitation.roll_to_workday, "the Civil Code period rolls under art. 193");
    assert!(s.question("delivered_on").is_none() && s.question("terms_given").is_none());
}

#[test]
fn the_return_decisions_name_all_four_answers_in_every_language() {
    let s = scenario(ID);
    let item = s.plan.iter().find(|p| p.id == "return_decisions").expect("return_decisions exists");
    let body = item.body.as_ref().expect("the decisions are explained");
    for (lang, words) in [
        (Lang::En, ["item coming back", "defect check", "without a return", "Reject"]),
        (Lang::Ru, ["с возвратом товара", "проверкой брака", "без возврата товара", "Отклонить"]),
        (Lang::Pl, ["ze zwrotem towaru", "kontrolą wady", "bez zwrotu towaru", "Odrzucić"]),
    ] {
        for word in words {
            assert!(body.get(lang).contains(word), "{lang:?}: {word:?} missing");
        }
    }
}

#[test]
fn polish_texts_avoid_the_false_friends_of_issue_20() {
    common::assert_no_text_contains(scenario(ID), Lang::Pl, &["arbitrażow", "artykuł", "reklamac"]);
    common::assert_no_text_contains(scenario(ID), Lang::Ru, &["претензия обоснована"]);
}
