//! Every deadline rule the app ships, as the rules page lists them: one entry per distinct rule (the same rule,
//! source and count in several scenarios is one entry), the scenarios that use it, and whether its last
//! verification is old enough to need a fresh look at the source.

use std::sync::OnceLock;

use chrono::{Months, NaiveDate};

use super::{DeadlineRule, Marketplace, Scenario};

/// A rule last verified longer ago than this may have changed at the marketplace.
pub const STALE_AFTER_MONTHS: u32 = 6;

#[derive(Debug)]
pub struct RuleEntry {
    pub marketplace: Marketplace,
    /// The first scenario's copy of the rule (every copy has the same text, source and count).
    pub rule: &'static DeadlineRule,
    /// Where the rule is used, in the order the app lists scenarios.
    pub uses: Vec<RuleUse>,
    /// The element id on the rules page: `rule-<first scenario>-<rule id>`.
    pub anchor: String,
}

/// One scenario's deadline that follows a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleUse {
    pub scenario: &'static str,
    pub deadline: &'static str,
}

impl RuleEntry {
    /// The ids of the scenarios that use the rule, each once.
    pub fn scenarios(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self.uses.iter().map(|u| u.scenario).collect();
        ids.dedup();
        ids
    }

    pub fn is_stale(&self, today: NaiveDate) -> bool {
        // A source without a date may be out of date any day.
        self.rule.verified.date().is_none_or(|day| is_stale(day, today))
    }
}

/// Whether a rule verified on `verified` is, on `today`, past [`STALE_AFTER_MONTHS`].
pub fn is_stale(verified: NaiveDate, today: NaiveDate) -> bool {
    verified.checked_add_months(Months::new(STALE_AFTER_MONTHS)).is_none_or(|limit| today > limit)
}

fn same_rule(a: &DeadlineRule, b: &DeadlineRule) -> bool {
    a.source == b.source && a.rule == b.rule && a.offset == b.offset && a.label == b.label
}

/// The rules of `scenarios`, grouped by marketplace in [`Marketplace::ALL`] order, each marketplace's rules in
/// scenario and file order.
pub fn rulebook(scenarios: &'static [Scenario]) -> Vec<RuleEntry> {
    let mut entries: Vec<RuleEntry> = Vec::new();
    for market in Marketplace::ALL {
        for scenario in scenarios.iter().filter(|s| s.marketplace == market) {
            for rule in &scenario.deadlines {
                let used = RuleUse { scenario: &scenario.id, deadline: &rule.id };
                match entries.iter_mut().find(|e| e.marketplace == market && same_rule(e.rule, rule)) {
                    Some(entry) => entry.uses.push(used),
                    None => entries.push(RuleEntry {
                        marketplace: market,
                        rule,
                        uses: vec![used],
                        anchor: format!("rule-{}-{}", scenario.id, rule.id),
                    }),
                }
            }
        }
    }
    entries
}

/// The rulebook of the shipped scenarios, built once.
pub fn shipped_rules() -> &'static [RuleEntry] {
    static BOOK: OnceLock<Vec<RuleEntry>> = OnceLock::new();
    BOOK.get_or_init(|| rulebook(super::all()))
}

/// The rules-page anchor of rule `rule_id` of scenario `scenario_id` in `book`.
pub fn anchor_of<'a>(book: &'a [RuleEntry], scenario_id: &str, rule_id: &str) -> Option<&'a str> {
    book.iter()
        .find(|e| e.uses.iter().any(|u| u.scenario == scenario_id && u.deadline == rule_id))
        .map(|e| e.anchor.as_str())
}
