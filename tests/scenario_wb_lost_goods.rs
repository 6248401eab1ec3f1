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
        name: "warehouse stock, no claim yet, nothing offered",
        answers: &[
            ("where", "warehouse"),
            ("order_number", "SUP-771203"),
            ("amount", "48250.50"),
            ("claim_sent", "no"),
            ("offered", "no"),
        ],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "claim_sent", "offered"],
        plan: &[
            "check_warehouse",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "send_claim",
            "warn_report",
            "outcome_claim",
            "prevention",
        ],
        messages: &["to_support", "precourt_claim"],
        deadlines: &[],
    },
    Case {
        // 31 Jan 2027 + 30 calendar days crosses a 28-day February.
        name: "FBS task, claim sent at the end of January, compensation offered",
        answers: &[
            ("where", "fbs"),
            ("order_number", "TASK-5512"),
            ("amount", "9900"),
            ("claim_sent", "yes"),
            ("claim_date", "2027-01-31"),
            ("offered", "yes"),
        ],
        created: "2027-02-01",
        path: &["where", "order_number", "amount", "claim_sent", "claim_date", "offered"],
        plan: &[
            "check_fbs",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "claim_wait",
            "offer_check",
            "warn_report",
            "outcome_claim",
            "prevention",
        ],
        messages: &["to_support", "precourt_claim"],
        deadlines: &[("court_possible", "2027-03-02")],
    },
    Case {
        name: "lost in transit, claim sent mid-December: the 30 days cross the year end",
        answers: &[
            ("where", "transit"),
            ("order_number", "ORD-88001"),
            ("amount", "3150"),
            ("claim_sent", "yes"),
            ("claim_date", "2026-12-15"),
            ("offered", "no"),
        ],
        created: "2026-12-16",
        path: &["where", "order_number", "amount", "claim_sent", "claim_date", "offered"],
        plan: &[
            "check_transit",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "claim_wait",
            "warn_report",
            "outcome_claim",
            "prevention",
        ],
        messages: &["to_support", "precourt_claim"],
        deadlines: &[("court_possible", "2027-01-14")],
    },
    Case {
        name: "claim sent but its date not entered yet",
        answers: &[
            ("where", "warehouse"),
            ("order_number", "SUP-1"),
            ("amount", "1000"),
            ("claim_sent", "yes"),
            ("offered", "no"),
        ],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "claim_sent", "claim_date", "offered"],
        plan: &[
            "check_warehouse",
            "loss_table",
            "loss_docs",
            "support_ticket",
            "claim_wait",
            "warn_report",
            "outcome_claim",
            "prevention",
        ],
        messages: &["to_support", "precourt_claim"],
        deadlines: &[("court_possible", "waiting:WaitingFor(\"claim_date\")")],
    },
    Case {
        name: "swapped item: automatic compensation expected 30 days after detection",
        answers: &[
            ("where", "swapped"),
            ("order_number", "ORD-4410"),
            ("amount", "12500"),
            ("swap_date", "2026-11-14"),
        ],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "swap_date"],
        plan: &["swap_evidence", "swap_wait", "outcome_auto", "prevention"],
        messages: &["swap_ticket"],
        deadlines: &[("swap_compensation", "2026-12-14")],
    },
    Case {
        name: "swapped item: claim answers left over from another path are ignored",
        answers: &[
            ("where", "swapped"),
            ("order_number", "ORD-4410"),
            ("amount", "12500"),
            ("claim_sent", "yes"),
            ("claim_date", "2026-11-01"),
            ("offered", "yes"),
        ],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "swap_date"],
        plan: &["swap_evidence", "swap_wait", "outcome_auto", "prevention"],
        messages: &["swap_ticket"],
        deadlines: &[("swap_compensation", "waiting:WaitingFor(\"swap_date\")")],
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
    let en = fill_template(s, &ticket.body.en, &a, Lang::En, date("2026-11-23"));
    for expected in ["ORD-4410", "detected on Nov 14, 2026", "by Dec 14, 2026", "12,500.00"] {
        assert!(en.contains(expected), "{expected:?} missing in:\n{en}");
    }
    let ru = fill_template(s, &ticket.body.ru, &a, Lang::Ru, date("2026-11-23"));
    assert!(ru.contains("выявлена 14.11.2026") && ru.contains("до 14.12.2026"), "{ru}");

    let without_date = answers(s, &[("where", "swapped"), ("order_number", "ORD-4410")]);
    let pl = fill_template(s, &ticket.body.pl, &without_date, Lang::Pl, date("2026-11-23"));
    assert!(pl.contains("[data wykrycia podmiany]") && pl.contains("[kwota]"), "{pl}");
}
