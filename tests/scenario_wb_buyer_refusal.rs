#![cfg(not(target_arch = "wasm32"))]
//! Paths through `wb-buyer-refusal`: answers → questions asked, plan items, messages and deadline dates.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

#[macro_use]
mod common;
use common::{answers, date, scenario, PathCase as Case};

const ID: &str = "wb-buyer-refusal";

const SHORT_PATH: &[&str] = &["refusal", "order_number", "amount", "returned_state", "reason"];
const FULL_PATH: &[&str] =
    &["refusal", "order_number", "amount", "delivered_on", "terms_given", "returned_state", "reason"];

const CASES: &[Case] = &[
    Case {
        name: "refused at the pickup point, came back intact, wrong size",
        answers: &[
            ("refusal", "at_pickup"),
            ("order_number", "WB-301122"),
            ("amount", "2490"),
            ("returned_state", "intact"),
            ("reason", "size"),
        ],
        created: "2026-11-23",
        path: SHORT_PATH,
        plan: &["check_order", "return_costs", "inspect_return", "outcome_restock", "insight_log", "insight_size"],
        messages: &[],
        deadlines: &[],
    },
    Case {
        name: "never collected, return still on its way, slow delivery",
        answers: &[
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
        // No written return terms: 3 months from 30 Nov clamps to 28 Feb.
        name: "returned after receipt without written terms, damaged, defect",
        answers: &[
            ("refusal", "after_receipt"),
            ("order_number", "WB-301124"),
            ("amount", "7300"),
            ("delivered_on", "2026-11-30"),
            ("terms_given", "no"),
            ("returned_state", "damaged"),
            ("reason", "defect"),
        ],
        created: "2026-12-05",
        path: FULL_PATH,
        plan: &[
            "check_order",
            "refusal_window",
            "return_costs",
            "inspect_return",
            "return_claim",
            "warn_keep",
            "outcome_claim",
            "insight_log",
            "insight_quality",
        ],
        messages: &["return_ticket"],
        deadlines: &[("window_3m", "2027-02-28")],
    },
    Case {
        // Written terms given: 7 days from 28 Dec runs into the new year.
        name: "returned after receipt with written terms, swapped, looks different",
        answers: &[
            ("refusal", "after_receipt"),
            ("order_number", "WB-301125"),
            ("amount", "15990"),
            ("delivered_on", "2026-12-28"),
            ("terms_given", "yes"),
            ("returned_state", "swapped"),
            ("reason", "looks"),
        ],
        created: "2027-01-10",
        path: FULL_PATH,
        plan: &[
            "check_order",
            "refusal_window",
            "return_costs",
            "inspect_return",
            "return_claim",
            "warn_keep",
            "outcome_claim",
            "insight_log",
            "insight_looks",
        ],
        messages: &["return_ticket"],
        deadlines: &[("window_7d", "2027-01-04")],
    },
    Case {
        // 3 months from 30 Nov 2027 ends on 29 Feb of the leap year 2028.
        name: "returned after receipt without written terms, intact, reason unknown",
        answers: &[
            ("refusal", "after_receipt"),
            ("order_number", "WB-301126"),
            ("amount", "990"),
            ("delivered_on", "2027-11-30"),
            ("terms_given", "no"),
            ("returned_state", "intact"),
            ("reason", "unknown"),
        ],
        created: "2027-12-02",
        path: FULL_PATH,
        plan: &["check_order", "refusal_window", "return_costs", "inspect_return", "outcome_restock", "insight_log"],
        messages: &[],
        deadlines: &[("window_3m", "2028-02-29")],
    },
    Case {
        name: "returned after receipt, delivery date not entered yet",
        answers: &[
            ("refusal", "after_receipt"),
            ("order_number", "WB-301127"),
            ("amount", "500"),
            ("terms_given", "yes"),
            ("returned_state", "not_back"),
            ("reason", "size"),
        ],
        created: "2026-11-23",
        path: FULL_PATH,
        plan: &[
            "check_order",
            "refusal_window",
            "return_costs",
            "track_return",
            "inspect_return",
            "outcome_pending",
            "insight_log",
            "insight_size",
        ],
        messages: &["return_where"],
        deadlines: &[("window_7d", "waiting:WaitingFor(\"delivered_on\")")],
    },
    Case {
        name: "refused at pickup: delivery answers left over from another path are ignored",
        answers: &[
            ("refusal", "at_pickup"),
            ("order_number", "WB-301128"),
            ("amount", "3100"),
            ("delivered_on", "2026-11-01"),
            ("terms_given", "no"),
            ("returned_state", "swapped"),
            ("reason", "defect"),
        ],
        created: "2026-11-23",
        path: SHORT_PATH,
        plan: &[
            "check_order",
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
        &[("refusal", "at_pickup"), ("order_number", "WB-301128"), ("amount", "3100"), ("returned_state", "swapped")],
    );
    let ru = fill_template(s, &ticket.body.ru, &a, Lang::Ru, date("2026-11-23"));
    for expected in ["по заказу WB-301128", "3\u{a0}100,00\u{a0}₽", "23.11.2026"] {
        assert!(ru.contains(expected), "{expected:?} missing in:\n{ru}");
    }
    let unanswered = answers(s, &[("refusal", "at_pickup"), ("returned_state", "damaged")]);
    let en = fill_template(s, &ticket.body.en, &unanswered, Lang::En, date("2026-11-23"));
    assert!(en.contains("order [order number]") && en.contains("loss: [amount]"), "{en}");
}
