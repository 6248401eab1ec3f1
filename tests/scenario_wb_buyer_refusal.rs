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
        name: "FBS, never collected, return still on its way, slow delivery",
        answers: &[
            ("model", "fbs"),
            ("refusal", "not_collected"),
            ("order_number", "WB-301123"),
            ("amount", "5600"),
            ("returned_state", "not_back"),
            ("reason", "slow"),
        ],
        created: "2026-11-23",
        path: SHORT_PATH,
        plan: &[
            "check_order",
            "fbs_flow",
            "return_costs",
            "track_return",
            "inspect_return",
            "outcome_pending",
            "insight_log",
            "insight_delivery",
        ],
        messages: &["return_where"],
        deadlines: &[],
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
            ("reason", "defect"),
        ],
        created: "2026-12-05",
        path: FULL_PATH,
        plan: &[
            "check_order",
            "fbo_flow",
            "request_answer",
            "warn_request",
            "return_costs",
            "inspect_return",
            "return_claim",
            "warn_keep",
            "outcome_claim",
            "insight_log",
            "insight_quality",
        ],
        messages: &["return_ticket"],
        deadlines: &[],
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
            ("reason", "looks"),
        ],
        created: "2027-01-10",
        path: FULL_PATH,
        plan: &[
            "check_order",
            "fbs_flow",
            "request_disputed",
            "return_costs",
            "inspect_return",
            "return_claim",
            "warn_keep",
            "outcome_claim",
            "insight_log",
            "insight_looks",
        ],
        messages: &["return_ticket"],
        deadlines: &[],
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
        path: SHORT_PATH,
        plan: &[
            "check_order",
            "fbs_flow",
            "return_costs",
            "inspect_return",
            "return_claim",
            "warn_keep",
            "outcome_claim",
            "insight_log",
            "insight_quality",
        ],
        messages: &["return_ticket"],
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
fn no_statutory_window_is_computed_for_the_seller() {
    let s = scenario(ID);
    assert!(s.deadlines.is_empty(), "the buyer's return goes through WB's flow, not a window the seller checks");
    assert!(s.question("delivered_on").is_none() && s.question("terms_given").is_none());
}
