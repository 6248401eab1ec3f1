#![cfg(not(target_arch = "wasm32"))]
//! Paths through `wb-buyer-refusal`: answers → questions asked, plan items, messages and deadline dates.

use std::collections::BTreeSet;

use claimdesk::i18n::Lang;
use claimdesk::scenario::{fill_template, validate};

mod common;
use common::{answers, date, deadlines, message_ids, path, plan_ids, scenario};

const ID: &str = "wb-buyer-refusal";

struct Case {
    name: &'static str,
    answers: &'static [(&'static str, &'static str)],
    created: &'static str,
    path: &'static [&'static str],
    plan: &'static [&'static str],
    messages: &'static [&'static str],
    deadlines: &'static [(&'static str, &'static str)],
}

const SHORT_PATH: &[&str] = &["refusal", "order_number", "amount", "returned_state", "reason"];
const FULL_PATH: &[&str] = &["refusal", "order_number", "amount", "delivered_on", "terms_given", "returned_state", "reason"];

const CASES: &[Case] = &[
    Case {
        name: "refused at the pickup point, came back intact, wrong size",
        answers: &[("refusal", "at_pickup"), ("order_number", "WB-301122"), ("amount", "2490"), ("returned_state", "intact"), ("reason", "size")],
        created: "2026-11-23",
        path: SHORT_PATH,
        plan: &["check_order", "return_costs", "inspect_return", "outcome_restock", "insight_log", "insight_size"],
        messages: &[],
        deadlines: &[],
    },
    Case {
        name: "never collected, return still on its way, slow delivery",
        answers: &[("refusal", "not_collected"), ("order_number", "WB-301123"), ("amount", "5600"), ("returned_state", "not_back"), ("reason", "slow")],
        created: "2026-11-23",
        path: SHORT_PATH,
        plan: &["check_order", "return_costs", "track_return", "inspect_return", "outcome_pending", "insight_log", "insight_delivery"],
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
        plan: &["check_order", "refusal_window", "return_costs", "inspect_return", "return_claim", "warn_keep", "outcome_claim", "insight_log", "insight_quality"],
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
        plan: &["check_order", "refusal_window", "return_costs", "inspect_return", "return_claim", "warn_keep", "outcome_claim", "insight_log", "insight_looks"],
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
        answers: &[("refusal", "after_receipt"), ("order_number", "WB-301127"), ("amount", "500"), ("terms_given", "yes"), ("returned_state", "not_back"), ("reason", "size")],
        created: "2026-11-23",
        path: FULL_PATH,
        plan: &["check_order", "refusal_window", "return_costs", "track_return", "inspect_return", "outcome_pending", "insight_log", "insight_size"],
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
        plan: &["check_order", "return_costs", "inspect_return", "return_claim", "warn_keep", "outcome_claim", "insight_log", "insight_quality"],
        messages: &["return_ticket"],
        deadlines: &[],
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
fn return_ticket_names_the_order_and_the_amount() {
    let s = scenario(ID);
    let ticket = s.messages.iter().find(|m| m.id == "return_ticket").expect("return_ticket exists");
    let a = answers(s, &[("refusal", "at_pickup"), ("order_number", "WB-301128"), ("amount", "3100"), ("returned_state", "swapped")]);
    let ru = fill_template(s, &ticket.body.ru, &a, Lang::Ru, date("2026-11-23"));
    for expected in ["по заказу WB-301128", "3\u{a0}100,00\u{a0}₽", "23.11.2026"] {
        assert!(ru.contains(expected), "{expected:?} missing in:\n{ru}");
    }
    let unanswered = answers(s, &[("refusal", "at_pickup"), ("returned_state", "damaged")]);
    let en = fill_template(s, &ticket.body.en, &unanswered, Lang::En, date("2026-11-23"));
    assert!(en.contains("order [order number]") && en.contains("loss: [amount]"), "{en}");
}
