#![cfg(not(target_arch = "wasm32"))]
//! Paths through `wb-lost-goods`: answers → questions asked, plan items, messages and deadline dates.

use std::collections::BTreeSet;

use claimdesk::i18n::Lang;
use claimdesk::scenario::{fill_template, validate};

mod common;
use common::{answers, date, deadlines, message_ids, path, plan_ids, scenario};

const ID: &str = "wb-lost-goods";

struct Case {
    name: &'static str,
    answers: &'static [(&'static str, &'static str)],
    created: &'static str,
    path: &'static [&'static str],
    plan: &'static [&'static str],
    messages: &'static [&'static str],
    deadlines: &'static [(&'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        name: "warehouse stock, no claim yet, nothing offered",
        answers: &[("where", "warehouse"), ("order_number", "SUP-771203"), ("amount", "48250.50"), ("claim_sent", "no"), ("offered", "no")],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "claim_sent", "offered"],
        plan: &["check_warehouse", "loss_table", "loss_docs", "support_ticket", "send_claim", "warn_report", "outcome_claim", "prevention"],
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
        plan: &["check_fbs", "loss_table", "loss_docs", "support_ticket", "claim_wait", "offer_check", "warn_report", "outcome_claim", "prevention"],
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
        plan: &["check_transit", "loss_table", "loss_docs", "support_ticket", "claim_wait", "warn_report", "outcome_claim", "prevention"],
        messages: &["to_support", "precourt_claim"],
        deadlines: &[("court_possible", "2027-01-14")],
    },
    Case {
        name: "claim sent but its date not entered yet",
        answers: &[("where", "warehouse"), ("order_number", "SUP-1"), ("amount", "1000"), ("claim_sent", "yes"), ("offered", "no")],
        created: "2026-11-23",
        path: &["where", "order_number", "amount", "claim_sent", "claim_date", "offered"],
        plan: &["check_warehouse", "loss_table", "loss_docs", "support_ticket", "claim_wait", "warn_report", "outcome_claim", "prevention"],
        messages: &["to_support", "precourt_claim"],
        deadlines: &[("court_possible", "waiting:WaitingFor(\"claim_date\")")],
    },
    Case {
        name: "swapped item: automatic compensation expected 30 days after detection",
        answers: &[("where", "swapped"), ("order_number", "ORD-4410"), ("amount", "12500"), ("swap_date", "2026-11-14")],
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

#[test]
fn scenario_is_valid() {
    assert_eq!(validate(scenario(ID)), Vec::<String>::new());
}

#[test]
fn each_case_gives_its_exact_path_plan_messages_and_deadlines() {
    let s = scenario(ID);
    for c in CASES {
        let a = answers(s, c.answers);
        assert_eq!(path(s, &a), c.path, "{}: questions asked", c.name);
        assert_eq!(s.first_unanswered(&a).map(|q| q.id.as_str()), c.path.iter().copied().find(|q| !a.contains_key(*q)), "{}: next question", c.name);
        assert_eq!(plan_ids(s, &a, c.created), c.plan, "{}: plan items", c.name);
        assert_eq!(message_ids(s, &a, c.created), c.messages, "{}: messages", c.name);
        let got = deadlines(s, &a, c.created);
        let got: Vec<(&str, &str)> = got.iter().map(|(id, due)| (id.as_str(), due.as_str())).collect();
        assert_eq!(got, c.deadlines, "{}: deadlines", c.name);
    }
}

#[test]
fn table_covers_every_value_of_every_branching_question() {
    let s = scenario(ID);
    let mut used = BTreeSet::new();
    for c in CASES {
        let a = answers(s, c.answers);
        for (id, answer) in s.effective_answers(&a) {
            if let Some(value) = answer.as_choice() {
                used.insert((id.to_string(), value.to_string()));
            }
        }
    }
    let all: BTreeSet<(String, String)> =
        s.questions.iter().flat_map(|q| q.values().into_iter().map(|v| (q.id.clone(), v.to_string()))).collect();
    assert_eq!(used, all, "branch values not exercised on a path: {:?}", all.difference(&used).collect::<Vec<_>>());
}

#[test]
fn table_reaches_every_plan_item_message_and_deadline() {
    let s = scenario(ID);
    let mut reached = BTreeSet::new();
    for c in CASES {
        reached.extend(c.plan.iter().chain(c.messages).chain(c.deadlines.iter().map(|(id, _)| id)).copied());
    }
    let declared: BTreeSet<&str> = s
        .plan
        .iter()
        .map(|i| i.id.as_str())
        .chain(s.messages.iter().map(|m| m.id.as_str()))
        .chain(s.deadlines.iter().map(|d| d.id.as_str()))
        .collect();
    assert_eq!(reached, declared);
}

#[test]
fn texts_on_each_path_fill_every_answered_placeholder_in_every_language() {
    let s = scenario(ID);
    for c in CASES {
        let a = answers(s, c.answers);
        let created = date(c.created);
        let plan = s.plan(&a, created);
        let effective = s.effective_answers(&a);
        let bodies = plan.messages.iter().map(|m| &m.body).chain(plan.items.iter().filter_map(|i| i.body.as_ref()));
        for body in bodies {
            for (lang, template) in body.all() {
                let filled = fill_template(s, template, &a, lang, created);
                assert!(!filled.contains('{'), "{}: unfilled placeholder in {filled}", c.name);
                for q in s.questions.iter().filter(|q| effective.contains_key(q.id.as_str())) {
                    assert!(!filled.contains(&format!("[{}]", q.short.get(lang))), "{}: {} shown as missing in {filled}", c.name, q.id);
                }
                for d in plan.deadlines.iter().filter(|d| d.due().is_some()) {
                    assert!(!filled.contains(&format!("[{}]", d.rule.label.get(lang))), "{}: {} shown as missing", c.name, d.rule.id);
                }
            }
        }
    }
}

#[test]
fn swap_ticket_carries_the_order_and_the_dates() {
    let s = scenario(ID);
    let ticket = s.messages.iter().find(|m| m.id == "swap_ticket").expect("swap_ticket exists");
    let a = answers(s, &[("where", "swapped"), ("order_number", "ORD-4410"), ("amount", "12500"), ("swap_date", "2026-11-14")]);
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
