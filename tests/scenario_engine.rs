#![cfg(not(target_arch = "wasm32"))]
//! The engine and validator on a small inline scenario, independent of the shipped content.

use claimdesk::i18n::Lang;
use claimdesk::scenario::{fill_template, validate, Answer, Answers, Scenario, Text};

mod common;
use common::{answers, date, deadlines, path, plan_ids};

fn t(s: &str) -> serde_json::Value {
    serde_json::json!({ "en": s, "ru": format!("ru {s}"), "pl": format!("pl {s}") })
}

fn sample() -> Scenario {
    let json = serde_json::json!({
        "id": "sample", "marketplace": "amazon", "currency": "USD", "title": t("Sample"), "summary": t("Sample"),
        "questions": [
            { "id": "kind", "kind": "choice", "label": t("Kind?"), "short": t("kind"),
              "options": [ { "id": "a", "label": t("A") }, { "id": "b", "label": t("B") } ] },
            { "id": "order", "kind": "text", "role": "order_number", "label": t("Order?"), "short": t("order number") },
            { "id": "only_a", "kind": "yes_no", "when": ["kind=a"], "label": t("Only A?"), "short": t("only a") },
            { "id": "sent", "kind": "date", "label": t("Sent?"), "short": t("sent date") }
        ],
        "plan": [
            { "id": "out_a", "kind": "outcome", "when": ["kind=a"], "title": t("A") },
            { "id": "out_b", "kind": "outcome", "when": ["kind=b"], "title": t("B") },
            { "id": "warn_yes", "kind": "warning", "when": ["only_a=yes"], "title": t("Careful") }
        ],
        "messages": [ { "id": "m", "title": t("M"), "recipient": t("R"),
            "body": { "en": "Order {order}, sent {sent}, due {deadline.first}", "ru": "Заказ {order}, {sent}, {deadline.first}", "pl": "Zam. {order}, {sent}, {deadline.first}" } } ],
        "deadlines": [
            { "id": "first", "label": t("First"), "anchor": "sent", "offset": { "amount": 7, "unit": "business_days" },
              "rule": t("7 business days"), "source": "https://example.org/rule", "verified": "2026-11-23" },
            { "id": "second", "label": t("Second"), "anchor": "deadline:first", "offset": { "amount": 1, "unit": "months" },
              "rule": t("a month later"), "source": "https://example.org/rule", "verified": "2026-11-23", "uncertain": true }
        ]
    });
    serde_json::from_value(json).expect("sample scenario parses")
}

#[test]
fn sample_is_valid() {
    assert_eq!(validate(&sample()), Vec::<String>::new());
}

#[test]
fn branching_changes_the_path_and_keeps_answers_that_still_apply() {
    let s = sample();
    let mut a = answers(&s, &[("kind", "a"), ("order", "114-1"), ("only_a", "yes"), ("sent", "2026-11-25")]);
    assert_eq!(path(&s, &a), ["kind", "order", "only_a", "sent"]);
    assert_eq!(plan_ids(&s, &a, "2026-11-25"), ["out_a", "warn_yes"]);
    a.insert("kind".into(), Answer::Choice("b".into()));
    assert_eq!(path(&s, &a), ["kind", "order", "sent"]);
    assert_eq!(plan_ids(&s, &a, "2026-11-25"), ["out_b"], "the yes answer to a question off the path no longer counts");
    assert!(a.contains_key("only_a"), "the answer is kept in case the path comes back");
    a.insert("kind".into(), Answer::Choice("a".into()));
    assert_eq!(plan_ids(&s, &a, "2026-11-25"), ["out_a", "warn_yes"]);
}

#[test]
fn chained_deadlines_and_waiting_state() {
    let s = sample();
    let a = answers(&s, &[("kind", "b"), ("sent", "2026-11-25")]);
    // Wed 25 Nov + 7 business days = Fri 4 Dec; + 1 month = 4 Jan.
    assert_eq!(
        deadlines(&s, &a, "2026-11-25"),
        [("first".into(), "2026-12-04".into()), ("second".into(), "2027-01-04".into())]
    );
    let none = answers(&s, &[("kind", "b")]);
    let ds = deadlines(&s, &none, "2026-11-25");
    assert!(ds.iter().all(|(_, due)| due.starts_with("waiting")), "{ds:?}");
}

#[test]
fn templates_fill_answers_and_mark_missing_values() {
    let s = sample();
    let a = answers(&s, &[("kind", "a"), ("order", "114-1"), ("sent", "2026-11-25")]);
    let body = &s.messages[0].body;
    assert_eq!(
        fill_template(&s, body.get(Lang::En), &a, Lang::En, date("2026-11-25")),
        "Order 114-1, sent Nov 25, 2026, due Dec 4, 2026"
    );
    assert_eq!(
        fill_template(&s, body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-25")),
        "Заказ 114-1, 25.11.2026, 04.12.2026"
    );
    let empty = Answers::new();
    assert_eq!(
        fill_template(&s, body.get(Lang::En), &empty, Lang::En, date("2026-11-25")),
        "Order [order number], sent [sent date], due [First]"
    );
}

#[test]
fn validator_reports_broken_content() {
    let mut s = sample();
    s.questions[2].when = vec!["sent=yes".to_string().try_into().expect("parses")];
    s.messages[0].body = Text::inline(
        "Order {order}, sent {sent}, due {deadline.first}",
        "Заказ {order}, {sent}, {deadline.first}",
        "{nope}",
    );
    s.deadlines[0].source = "http://insecure".into();
    s.plan.retain(|i| i.id != "out_b");
    let problems = validate(&s).join("\n");
    for expected in ["not an earlier question", "unknown placeholder `{nope}`", "https", "dead end", "placeholders"] {
        assert!(problems.contains(expected), "expected a problem mentioning {expected:?} in:\n{problems}");
    }
}

#[test]
fn an_options_conditions_must_name_earlier_answers_and_leave_a_choice() {
    let mut s = sample();
    s.questions[0].options[0].when = vec!["order=x".to_string().try_into().expect("parses")];
    s.questions[0].options[1].when = vec!["kind=a".to_string().try_into().expect("parses")];
    let problems = validate(&s).join("\n");
    for expected in [
        "question `kind` option `a`: condition refers to `order`, which is not an earlier question",
        "question `kind` option `b`: condition refers to `kind`, which is not an earlier question",
        "question `kind`: fewer than two options without conditions",
    ] {
        assert!(problems.contains(expected), "expected {expected:?} in:\n{problems}");
    }
}

#[test]
fn russian_marketplace_business_days_need_the_russian_calendar() {
    use claimdesk::scenario::{Country, Marketplace};
    let mut s = sample();
    s.marketplace = Marketplace::YandexMarket;
    let problems = validate(&s).join("\n");
    assert!(problems.contains("`first`") && problems.contains("country = \"ru\""), "{problems}");
    s.deadlines[0].country = Some(Country::Ru);
    assert_eq!(validate(&s), Vec::<String>::new());
}

#[test]
fn plan_kind_codes_are_the_names_in_the_scenario_files() {
    use claimdesk::scenario::PlanKind;
    for kind in [PlanKind::Step, PlanKind::Evidence, PlanKind::Warning, PlanKind::Outcome, PlanKind::Insight] {
        let parsed: PlanKind = serde_json::from_value(serde_json::json!(kind.code())).expect("the code parses");
        assert_eq!(parsed, kind);
    }
}
