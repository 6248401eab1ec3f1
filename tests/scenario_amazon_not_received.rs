#![cfg(not(target_arch = "wasm32"))]
//! Path tests for `amazon-not-received`: answers → questions asked, plan, messages and deadlines with exact dates.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

#[macro_use]
mod common;
use common::{answers, date, scenario, PathCase as Case};

const ID: &str = "amazon-not-received";

const CASES: &[Case] = &[
    Case {
        name: "FBA order: Amazon's job, nothing else is asked",
        created: "2026-11-23",
        answers: &[("fulfilment", "fba"), ("order_number", "114-0000001-0000001"), ("buyer_name", "Jane Doe")],
        path: &["fulfilment", "order_number", "buyer_name"],
        plan: &["outcome_amazon"],
        messages: &["fba_to_buyer"],
        deadlines: &[],
    },
    Case {
        name: "EU store, delivered, protected label; 2 business days from a Friday skip the weekend",
        created: "2026-11-27",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("order_number", "305-0000002-0000002"),
            ("buyer_name", "Max Muster"),
            ("order_value", "89.90 EUR"),
            ("tracking", "delivered"),
            ("multi_package", "no"),
            ("buy_shipping", "yes"),
            ("status", "none"),
            ("max_edd", "2026-11-25"),
        ],
        path: &[
            "fulfilment",
            "order_number",
            "buyer_name",
            "order_value",
            "tracking",
            "multi_package",
            "buy_shipping",
            "status",
            "max_edd",
        ],
        plan: &["evidence_pack", "delivered_checks", "refund_warning", "outcome_protected", "prevention"],
        messages: &["to_buyer", "to_carrier"],
        // Fri 27 Nov + 48 h = Sun 29 Nov; + 2 business days = Tue 1 Dec. Delivered: no "3 days after EDD" rule.
        deadlines: &[
            ("reply_buyer", "2026-11-29"),
            ("buyer_wait_eu", "2026-12-01"),
            ("claim_window_end", "2027-02-23"),
        ],
    },
    Case {
        name: "US store, in transit, several boxes, no protection; EDD on a month end",
        created: "2026-11-30",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000003-0000003"),
            ("order_value", "240.00"),
            ("tracking", "transit"),
            ("multi_package", "yes"),
            ("buy_shipping", "no"),
            ("status", "none"),
            ("max_edd", "2026-11-30"),
        ],
        path: &[
            "fulfilment",
            "order_number",
            "buyer_name",
            "order_value",
            "tracking",
            "multi_package",
            "buy_shipping",
            "status",
            "max_edd",
        ],
        plan: &["evidence_pack", "transit_step", "multi_package_step", "outcome_settle", "prevention"],
        messages: &["to_buyer", "to_carrier"],
        // 30 Nov + 90 days lands on the last day of February.
        deadlines: &[
            ("reply_buyer", "2026-12-02"),
            ("buyer_wait_us", "2026-12-02"),
            ("claim_eligible", "2026-12-03"),
            ("claim_window_end", "2027-02-28"),
        ],
    },
    Case {
        name: "US store, returning to sender, protected, open claim; 48 h answer crosses the new year",
        created: "2026-12-31",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000004-0000004"),
            ("order_value", "59.00"),
            ("tracking", "returning"),
            ("buy_shipping", "yes"),
            ("status", "claim_open"),
            ("claim_date", "2026-12-30"),
        ],
        path: &[
            "fulfilment",
            "order_number",
            "buyer_name",
            "order_value",
            "tracking",
            "buy_shipping",
            "status",
            "claim_date",
        ],
        plan: &["evidence_pack", "returning_step", "refund_warning", "claim_answer", "outcome_claim", "prevention"],
        messages: &["to_buyer", "to_carrier"],
        deadlines: &[("reply_buyer", "2027-01-02"), ("amazon_info", "2027-01-01")],
    },
    Case {
        name: "EU store, in transit, unprotected, open claim without a date yet",
        created: "2026-11-23",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("order_number", "028-0000005-0000005"),
            ("order_value", "35.00 GBP"),
            ("tracking", "transit"),
            ("multi_package", "no"),
            ("buy_shipping", "no"),
            ("status", "claim_open"),
        ],
        path: &[
            "fulfilment",
            "order_number",
            "buyer_name",
            "order_value",
            "tracking",
            "multi_package",
            "buy_shipping",
            "status",
            "claim_date",
        ],
        plan: &["evidence_pack", "transit_step", "claim_answer", "outcome_claim", "prevention"],
        messages: &["to_buyer", "to_carrier"],
        deadlines: &[("reply_buyer", "2026-11-25"), ("amazon_info", "waiting:WaitingFor(\"claim_date\")")],
    },
    Case {
        name: "EU store, held in customs, granted and debited on 31 January: appeal window ends 2 March",
        created: "2027-02-01",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("order_number", "171-0000006-0000006"),
            ("order_value", "420.00 EUR"),
            ("tracking", "customs"),
            ("buy_shipping", "no"),
            ("status", "claim_granted"),
            ("debit_date", "2027-01-31"),
        ],
        path: &[
            "fulfilment",
            "order_number",
            "buyer_name",
            "order_value",
            "tracking",
            "buy_shipping",
            "status",
            "debit_date",
        ],
        plan: &["evidence_pack", "customs_step", "appeal_step", "outcome_appeal", "prevention"],
        messages: &["to_carrier"],
        deadlines: &[("appeal_end", "2027-03-02")],
    },
    Case {
        name: "US store, delivered in several boxes, protected label but the seller already refunded",
        created: "2026-11-23",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000007-0000007"),
            ("order_value", "120.00"),
            ("tracking", "delivered"),
            ("multi_package", "yes"),
            ("buy_shipping", "yes"),
            ("status", "refunded"),
        ],
        path: &[
            "fulfilment",
            "order_number",
            "buyer_name",
            "order_value",
            "tracking",
            "multi_package",
            "buy_shipping",
            "status",
        ],
        plan: &["evidence_pack", "delivered_checks", "multi_package_step", "outcome_carrier", "prevention"],
        messages: &["to_carrier"],
        deadlines: &[],
    },
];

path_table_tests!(ID, CASES);

#[test]
fn conflicting_info_request_rule_is_marked_uncertain_and_explained() {
    let s = scenario(ID);
    let rule = s.deadlines.iter().find(|d| d.id == "amazon_info").expect("amazon_info rule");
    assert!(rule.uncertain);
    for (_, text) in rule.rule.all() {
        assert!(text.contains("48") && text.contains("72"), "the rule names both figures: {text}");
    }
    assert!(s.deadlines.iter().filter(|d| d.id != "amazon_info").all(|d| !d.uncertain));
}

#[test]
fn messages_fill_every_placeholder_in_every_language() {
    let s = scenario(ID);
    let case = &CASES[1];
    let a = answers(s, case.answers);
    let plan = s.plan(&a, date(case.created));
    for message in plan.messages {
        for (lang, body) in message.body.all() {
            let filled = fill_template(s, body, &a, lang, date(case.created));
            assert!(!filled.contains('{'), "{} {lang:?}: {filled}", message.id);
            assert!(filled.contains("305-0000002-0000002"), "{} {lang:?} names the order", message.id);
        }
    }
    let to_buyer = s.messages.iter().find(|m| m.id == "to_buyer").expect("to_buyer");
    let en = fill_template(s, to_buyer.body.get(Lang::En), &a, Lang::En, date(case.created));
    assert!(en.starts_with("Hello Max Muster,") && en.contains("shows: Delivered."), "{en}");
}
