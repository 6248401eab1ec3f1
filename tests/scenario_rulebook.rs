#![cfg(not(target_arch = "wasm32"))]
//! The rules page's data: one entry per distinct rule with every scenario that uses it, an anchor for every
//! shipped deadline, and the six-month staleness boundary.

use std::collections::BTreeSet;

use claimdesk::scenario::{all, anchor_of, is_stale, rulebook, shipped_rules, Marketplace, RuleUse, Scenario};

mod common;
use common::date;

fn text(s: &str) -> serde_json::Value {
    serde_json::json!({ "en": s, "ru": format!("ru {s}"), "pl": format!("pl {s}") })
}

fn rule(id: &str, words: &str) -> serde_json::Value {
    serde_json::json!({ "id": id, "label": text("Last day"), "anchor": "case_created",
        "offset": { "amount": 30, "unit": "calendar_days" }, "rule": text(words),
        "source": "https://example.org/rule", "verified": "2026-11-23" })
}

fn scenario(id: &str, market: &str, deadlines: Vec<serde_json::Value>) -> Scenario {
    let json = serde_json::json!({ "id": id, "marketplace": market, "currency": "EUR", "title": text(id),
        "summary": text(id), "questions": [], "deadlines": deadlines });
    serde_json::from_value(json).expect("inline scenario parses")
}

/// Two Amazon scenarios share one rule under different deadline ids; a Wildberries scenario listed first has
/// its own rule.
fn sample() -> &'static [Scenario] {
    Box::leak(Box::new([
        scenario("amazon-a", "amazon", vec![rule("claim", "Thirty days."), rule("other", "Another rule.")]),
        scenario("wb", "wildberries", vec![rule("claim", "Thirty days.")]),
        scenario("amazon-b", "amazon", vec![rule("window", "Thirty days.")]),
    ]))
}

#[test]
fn the_same_rule_in_two_scenarios_is_one_entry_listing_both() {
    let book = rulebook(sample());
    let listed: Vec<(Marketplace, &str)> = book.iter().map(|e| (e.marketplace, e.anchor.as_str())).collect();
    assert_eq!(
        listed,
        [
            (Marketplace::Wildberries, "rule-wb-claim"),
            (Marketplace::Amazon, "rule-amazon-a-claim"),
            (Marketplace::Amazon, "rule-amazon-a-other"),
        ],
        "grouped by marketplace in the app's order; a rule of another marketplace is never merged"
    );
    assert_eq!(
        book[1].uses,
        [RuleUse { scenario: "amazon-a", deadline: "claim" }, RuleUse { scenario: "amazon-b", deadline: "window" }]
    );
    assert_eq!(book[1].scenarios(), ["amazon-a", "amazon-b"]);
    assert_eq!(anchor_of(&book, "amazon-b", "window"), Some("rule-amazon-a-claim"), "the shared entry's anchor");
    assert_eq!(anchor_of(&book, "amazon-b", "claim"), None, "amazon-b has no deadline named claim");
}

#[test]
fn every_shipped_deadline_links_to_one_entry_and_anchors_are_unique() {
    let book = shipped_rules();
    for s in all() {
        for d in &s.deadlines {
            let anchor =
                anchor_of(book, &s.id, &d.id).unwrap_or_else(|| panic!("{}:{} is not on the rules page", s.id, d.id));
            let entry = book.iter().find(|e| e.anchor == anchor).expect("the anchor names an entry");
            assert_eq!(entry.rule.source, d.source, "{}:{}", s.id, d.id);
            assert_eq!(entry.marketplace, s.marketplace);
        }
    }
    let anchors: BTreeSet<&str> = book.iter().map(|e| e.anchor.as_str()).collect();
    assert_eq!(anchors.len(), book.len(), "two entries share an anchor");
    let uses: usize = book.iter().map(|e| e.uses.len()).sum();
    assert_eq!(uses, all().iter().map(|s| s.deadlines.len()).sum::<usize>(), "every deadline is used exactly once");
}

#[test]
fn shipped_rules_that_repeat_across_scenarios_are_listed_once() {
    // ym-not-delivered and ym-return-problem both compute the claim window from the same help page and words.
    let book = shipped_rules();
    let window: Vec<_> = book.iter().filter(|e| e.uses.iter().any(|u| u.deadline == "claim_window")).collect();
    assert_eq!(window.len(), 1, "{window:#?}");
    assert_eq!(window[0].scenarios(), ["ym-not-delivered", "ym-return-problem"]);
}

#[test]
fn a_rule_goes_stale_the_day_after_six_months() {
    assert!(!is_stale(date("2026-06-07"), date("2026-12-07")), "exactly six months: still fresh");
    assert!(is_stale(date("2026-06-07"), date("2026-12-08")));
    // From the last day of a month, six months end on the last day of the shorter month.
    assert!(!is_stale(date("2026-08-31"), date("2027-02-28")));
    assert!(is_stale(date("2026-08-31"), date("2027-03-01")));
    assert!(!is_stale(date("2026-12-02"), date("2026-12-02")));
}
