#![cfg(not(target_arch = "wasm32"))]
//! Path tests for `mall-incomplete-order`: answers → questions asked, plan, messages and deadlines with exact dates.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

#[macro_use]
mod common;
use common::{answers, date, scenario, PathCase as Case};

const ID: &str = "mall-incomplete-order";

const AFTER_DELIVERY_PATH: &[&str] = &[
    "found",
    "order_number",
    "buyer_name",
    "shortage_confirmed",
    "missing_value",
    "purchase_price",
    "customer_choice",
];

const DISPUTE_PATH: &[&str] = &[
    "found",
    "order_number",
    "buyer_name",
    "shortage_confirmed",
    "missing_value",
    "purchase_price",
    "reported_on",
    "customer_photos",
];

const CASES: &[Case] = &[
    Case {
        name: "short before dispatch, part available: Operations splits the order",
        created: "2026-11-23",
        answers: &[("found", "before_dispatch"), ("order_number", "1234567890"), ("any_available", "yes")],
        path: &["found", "order_number", "buyer_name", "any_available"],
        plan: &["cancel_warning", "ops_split", "outcome_split", "stock_insight"],
        messages: &["to_operations"],
        deadlines: &[],
    },
    Case {
        name: "short before dispatch, nothing available: the seller cancels",
        created: "2026-11-23",
        answers: &[
            ("found", "before_dispatch"),
            ("order_number", "1234567891"),
            ("buyer_name", "Jan Kowalski"),
            ("any_available", "no"),
        ],
        path: &["found", "order_number", "buyer_name", "any_available"],
        plan: &["cancel_warning", "cancel_all", "outcome_cancelled", "stock_insight"],
        messages: &[],
        deadlines: &[],
    },
    Case {
        name: "missing after delivery, customer wants it sent (price in EUR, Mimovrste)",
        created: "2026-11-23",
        answers: &[
            ("found", "after_delivery"),
            ("order_number", "1234567892"),
            ("buyer_name", "Petr Novák"),
            ("shortage_confirmed", "yes"),
            ("missing_value", "24.90 EUR"),
            ("purchase_price", "17.10 EUR"),
            ("customer_choice", "reship"),
        ],
        path: AFTER_DELIVERY_PATH,
        plan: &["delivered_warning", "packing_evidence", "reship_step", "outcome_reship", "packing_insight"],
        messages: &["to_customer"],
        deadlines: &[],
    },
    Case {
        name: "customer keeps the rest; delivered 20 Feb 2027, 14 days run past the end of February",
        created: "2027-02-26",
        answers: &[
            ("found", "after_delivery"),
            ("order_number", "1234567893"),
            ("buyer_name", "Anna Nowak"),
            ("shortage_confirmed", "yes"),
            ("missing_value", "129.99"),
            ("purchase_price", "89.50"),
            ("customer_choice", "keep"),
            ("delivered_on", "2027-02-20"),
            ("mall_request", "2027-02-26"),
        ],
        path: &[
            "found",
            "order_number",
            "buyer_name",
            "shortage_confirmed",
            "missing_value",
            "purchase_price",
            "customer_choice",
            "delivered_on",
            "mall_request",
        ],
        plan: &["delivered_warning", "packing_evidence", "credit_note", "outcome_difference", "packing_insight"],
        messages: &["to_mall"],
        deadlines: &[("withdrawal_end", "2027-03-06"), ("credit_note_due", "2027-03-12")],
    },
    Case {
        name: "customer keeps the rest in a leap year; MALL has not asked for the credit note yet",
        created: "2028-02-22",
        answers: &[
            ("found", "after_delivery"),
            ("order_number", "1234567894"),
            ("shortage_confirmed", "yes"),
            ("missing_value", "45.00 EUR"),
            ("purchase_price", "31.00 EUR"),
            ("customer_choice", "keep"),
            ("delivered_on", "2028-02-20"),
        ],
        path: &[
            "found",
            "order_number",
            "buyer_name",
            "shortage_confirmed",
            "missing_value",
            "purchase_price",
            "customer_choice",
            "delivered_on",
            "mall_request",
        ],
        plan: &["delivered_warning", "packing_evidence", "credit_note", "outcome_difference", "packing_insight"],
        messages: &["to_mall"],
        deadlines: &[("withdrawal_end", "2028-03-05"), ("credit_note_due", "waiting:WaitingFor(\"mall_request\")")],
    },
    Case {
        name: "customer withdraws: withdrawal window, refund and credit note, the last one across the new year",
        created: "2026-12-18",
        answers: &[
            ("found", "after_delivery"),
            ("order_number", "1234567895"),
            ("buyer_name", "Maja Zielińska"),
            ("shortage_confirmed", "yes"),
            ("missing_value", "310.00"),
            ("purchase_price", "214.00"),
            ("customer_choice", "withdraw"),
            ("delivered_on", "2026-11-30"),
            ("withdrawal_date", "2026-12-10"),
            ("mall_request", "2026-12-18"),
        ],
        path: &[
            "found",
            "order_number",
            "buyer_name",
            "shortage_confirmed",
            "missing_value",
            "purchase_price",
            "customer_choice",
            "delivered_on",
            "withdrawal_date",
            "mall_request",
        ],
        plan: &[
            "delivered_warning",
            "packing_evidence",
            "withdraw_step",
            "credit_note",
            "outcome_withdrawal",
            "packing_insight",
        ],
        messages: &["to_mall"],
        deadlines: &[("withdrawal_end", "2026-12-14"), ("refund_due", "2026-12-24"), ("credit_note_due", "2027-01-01")],
    },
    Case {
        name: "customer reports an item missing, seller packed it complete: dispute, evidence due 14 days after the report",
        created: "2026-12-22",
        answers: &[
            ("found", "after_delivery"),
            ("order_number", "1234567896"),
            ("buyer_name", "Luka Horvat"),
            ("shortage_confirmed", "no"),
            ("missing_value", "59.90 EUR"),
            ("purchase_price", "41.20 EUR"),
            ("reported_on", "2026-12-22"),
            ("customer_photos", "yes"),
        ],
        path: DISPUTE_PATH,
        plan: &[
            "delivered_warning",
            "packing_insight",
            "dispute_warning",
            "dispute_evidence",
            "dispute_step",
            "outcome_dispute",
        ],
        messages: &["to_mall_dispute"],
        deadlines: &[("dispute_answer", "2027-01-05")],
    },
    Case {
        name: "dispute without the customer's photos: ask MALL for them; 14 days run past the end of February",
        created: "2027-02-20",
        answers: &[
            ("found", "after_delivery"),
            ("order_number", "1234567897"),
            ("shortage_confirmed", "no"),
            ("missing_value", "19.99"),
            ("purchase_price", "13.40"),
            ("reported_on", "2027-02-20"),
            ("customer_photos", "no"),
        ],
        path: DISPUTE_PATH,
        plan: &[
            "delivered_warning",
            "packing_insight",
            "dispute_warning",
            "dispute_evidence",
            "dispute_step",
            "customer_photos_step",
            "outcome_dispute",
        ],
        messages: &["to_mall_dispute"],
        deadlines: &[("dispute_answer", "2027-03-06")],
    },
];

path_table_tests!(ID, CASES);

#[test]
fn the_dispute_path_never_presumes_the_sellers_fault() {
    let s = scenario(ID);
    let case = &CASES[6];
    let a = answers(s, case.answers);
    let plan = s.plan(&a, date(case.created));
    let ids: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
    for presumed in ["reship_step", "credit_note", "withdraw_step", "packing_evidence"] {
        assert!(!ids.contains(&presumed), "{presumed} is not part of a dispute: {ids:?}");
    }
    assert!(s.question("customer_choice").is_some_and(|q| !s.active_questions(&a).iter().any(|x| x.id == q.id)));
    let rule = s.deadline("dispute_answer").expect("dispute_answer");
    assert!(rule.uncertain, "MALL publishes no dispute term: the date is our inference and says so");
    let outcome = s.plan.iter().find(|i| i.id == "outcome_dispute").and_then(|i| i.body.as_ref()).expect("body");
    let en = fill_template(s, outcome.get(Lang::En), &a, Lang::En, date(case.created));
    assert!(en.contains("€41.20") && en.contains("€59.90"), "both prices, the credit note on MALL's: {en}");
}

#[test]
fn purchase_price_help_says_the_credit_note_uses_it() {
    let s = scenario(ID);
    let help = s.question("purchase_price").and_then(|q| q.help.as_ref()).expect("purchase_price help");
    assert!(help.get(Lang::En).contains("credit note") && help.get(Lang::En).contains("not for the customer price"));
    assert!(help.get(Lang::Pl).contains("Dobropis") && help.get(Lang::Ru).contains("dobropis"));
}

#[test]
fn the_credit_note_is_a_dobropis_in_euro_and_lists_what_mall_requires() {
    let s = scenario(ID);
    let item = s.plan.iter().find(|i| i.id == "credit_note").expect("credit_note step");
    let body = item.body.as_ref().expect("credit_note has a body");
    assert!(
        body.get(Lang::Pl).contains("dobropis")
            && body.get(Lang::En).contains("dobropis")
            && body.get(Lang::Ru).contains("dobropis")
    );
    assert!(body.get(Lang::En).contains("euro") && !body.get(Lang::Pl).contains("106j"));
    assert_eq!(s.currency, "EUR");
    let checklist: Vec<&str> = item.checklist.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(checklist, ["cn_order", "cn_return", "cn_items", "cn_shipping", "cn_price", "cn_separate", "cn_small"]);
}

#[test]
fn messages_fill_every_placeholder_in_every_language() {
    let s = scenario(ID);
    let case = &CASES[5];
    let a = answers(s, case.answers);
    let plan = s.plan(&a, date(case.created));
    for message in plan.messages {
        for (lang, body) in message.body.all() {
            let filled = fill_template(s, body, &a, lang, date(case.created));
            assert!(!filled.contains('{'), "{} {lang:?}: {filled}", message.id);
            assert!(
                filled.contains("1234567895") && filled.contains("Maja Zielińska"),
                "{} {lang:?}: {filled}",
                message.id
            );
        }
    }
    let to_mall = s.messages.iter().find(|m| m.id == "to_mall").expect("to_mall");
    let pl = fill_template(s, to_mall.body.get(Lang::Pl), &a, Lang::Pl, date(case.created));
    assert!(pl.contains("Wybór klienta: Odstąpienie od umowy (w MALL: zwrot OOKS)."), "{pl}");
    assert!(pl.contains("310,00\u{a0}€") && pl.contains("Dobropis"), "{pl}");
}

#[test]
fn withdrawal_uses_malls_ooks_term_and_no_polish_only_law() {
    let s = scenario(ID);
    let q = s.question("customer_choice").expect("customer_choice");
    let withdraw = q.options.iter().find(|o| o.id == "withdraw").expect("withdraw option");
    assert!(
        withdraw.label.get(Lang::En).contains("OOKS")
            && withdraw.label.get(Lang::Pl).contains("OOKS")
            && withdraw.label.get(Lang::Ru).contains("OOKS")
    );
    for rule in &s.deadlines {
        assert!(!rule.source.contains("isap.sejm.gov.pl"), "{} still cites Polish law", rule.id);
    }
}
