#![cfg(not(target_arch = "wasm32"))]
//! Plan items that depend on the order of two computed deadlines (`when_dates = ["late>early"]`): the engine
//! shows them only when both dates are known and the first is later; the validator checks the ids and finds
//! an item whose order can never hold.

use claimdesk::scenario::{validate, Scenario};

mod common;
use common::{answers, plan_ids};

fn t(s: &str) -> serde_json::Value {
    serde_json::json!({ "en": s, "ru": format!("ru {s}"), "pl": format!("pl {s}") })
}

/// `pay` counts 40 days from `cancelled`, `claim` 30 days from `scheduled`; `warn` needs pay after claim.
fn sample(when_dates: &[&str], claim_anchor: &str) -> Scenario {
    let rule = |id: &str, anchor: &str, days: u32| {
        serde_json::json!({ "id": id, "label": t(id), "anchor": anchor, "offset": { "amount": days, "unit": "calendar_days" },
            "rule": t(id), "source": "https://example.org/rule", "verified": "2026-12-02" })
    };
    let json = serde_json::json!({
        "id": "dates", "marketplace": "yandex-market", "currency": "RUB", "title": t("Dates"), "summary": t("Dates"),
        "questions": [
            { "id": "scheduled", "kind": "date", "label": t("Scheduled?"), "short": t("scheduled") },
            { "id": "cancelled", "kind": "date", "label": t("Cancelled?"), "short": t("cancelled") }
        ],
        "plan": [
            { "id": "done", "kind": "outcome", "title": t("Done") },
            { "id": "warn", "kind": "warning", "when_dates": when_dates, "title": t("Too late") }
        ],
        "deadlines": [ rule("pay", "cancelled", 40), rule("claim", claim_anchor, 30) ]
    });
    serde_json::from_value(json).expect("sample scenario parses")
}

#[test]
fn the_item_shows_only_when_the_first_date_is_strictly_later() {
    let s = sample(&["pay>claim"], "scheduled");
    assert_eq!(validate(&s), Vec::<String>::new());
    let at = |scheduled: &str, cancelled: &str| {
        plan_ids(&s, &answers(&s, &[("scheduled", scheduled), ("cancelled", cancelled)]), "2026-12-02")
    };
    // pay = cancelled + 40, claim = scheduled + 30.
    assert_eq!(at("2026-11-01", "2026-10-21"), ["done"], "pay 30 Nov, claim 1 Dec");
    assert_eq!(at("2026-11-01", "2026-10-22"), ["done"], "both on 1 Dec: the same day is not later");
    assert_eq!(at("2026-11-01", "2026-10-23"), ["done", "warn"], "pay 2 Dec, claim 1 Dec");
    assert_eq!(at("2026-11-01", "2027-01-01"), ["done", "warn"], "pay 10 Feb");
    let only_scheduled = answers(&s, &[("scheduled", "2026-11-01")]);
    assert_eq!(plan_ids(&s, &only_scheduled, "2026-12-02"), ["done"], "an unknown date never warns");
}

#[test]
fn the_validator_names_unknown_deadlines() {
    let problems = validate(&sample(&["pay>nothing"], "scheduled"));
    assert!(problems.iter().any(|p| p.contains("unknown deadline `nothing`")), "{problems:?}");
}

#[test]
fn the_validator_finds_an_order_that_can_never_hold() {
    // Both rules count from the same answer and pay is always 10 days earlier: the warning is dead content.
    let problems = validate(&sample(&["claim>pay"], "cancelled"));
    assert!(problems.iter().any(|p| p.contains("plan `warn` is unreachable")), "{problems:?}");
    assert_eq!(validate(&sample(&["pay>claim"], "cancelled")), Vec::<String>::new(), "the reverse order always holds");
}

#[test]
fn a_malformed_date_condition_does_not_parse() {
    let json = serde_json::json!({ "id": "w", "kind": "warning", "when_dates": ["pay"], "title": t("W") });
    assert!(serde_json::from_value::<claimdesk::scenario::PlanItem>(json).is_err());
}
