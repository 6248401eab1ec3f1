//! Figures for the home page and the stats view.
//!
//! API for the UI:
//! - [`money_by_month`]: one row per marketplace × month × currency with expected vs received;
//! - [`totals_by_currency`]: the same sums over everything, one row per currency;
//! - [`outcomes`]: won / partly / lost counts and the resolution rate;
//! - [`median_days_to_close`];
//! - [`due_soon`]: per active case, its next deadline that can still be met within a number of days and the
//!   ones it missed.
//!
//! Amounts are never added across currencies. "Expected" is the amount claimed, or the amount at stake for a
//! case where nothing has been claimed yet. A case counts in the month it was opened.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use super::{Case, CaseDeadline, CaseStatus};
use crate::scenario::Marketplace;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MoneyTotals {
    pub cases: usize,
    pub at_stake: i64,
    pub claimed: i64,
    pub expected: i64,
    pub received: i64,
    pub written_off: i64,
}

impl MoneyTotals {
    fn add(&mut self, case: &Case) {
        let m = &case.money;
        self.cases += 1;
        self.at_stake += m.at_stake;
        self.claimed += m.claimed;
        self.expected += if m.claimed > 0 { m.claimed } else { m.at_stake };
        self.received += m.received;
        self.written_off += m.written_off;
    }

    /// What is still expected and neither received nor written off (never below zero).
    pub fn outstanding(&self) -> i64 {
        (self.expected - self.received - self.written_off).max(0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthRow {
    pub marketplace: Marketplace,
    /// The first day of the month.
    pub month: NaiveDate,
    pub currency: String,
    pub totals: MoneyTotals,
}

fn month_of(case: &Case) -> NaiveDate {
    let day = case.created_at.date_naive();
    day.with_day(1).unwrap_or(day)
}

/// Rows ordered by month (newest first), then marketplace, then currency.
pub fn money_by_month<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Vec<MonthRow> {
    let mut rows: BTreeMap<(std::cmp::Reverse<NaiveDate>, Marketplace, String), MoneyTotals> = BTreeMap::new();
    for case in cases {
        let key = (std::cmp::Reverse(month_of(case)), case.marketplace, case.money.currency.clone());
        rows.entry(key).or_default().add(case);
    }
    rows.into_iter()
        .map(|((month, marketplace, currency), totals)| MonthRow { marketplace, month: month.0, currency, totals })
        .collect()
}

/// Totals per currency code, in code order.
pub fn totals_by_currency<'a>(cases: impl IntoIterator<Item = &'a Case>) -> BTreeMap<String, MoneyTotals> {
    let mut totals: BTreeMap<String, MoneyTotals> = BTreeMap::new();
    for case in cases {
        totals.entry(case.money.currency.clone()).or_default().add(case);
    }
    totals
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcomes {
    pub active: usize,
    pub won: usize,
    pub partly: usize,
    pub lost: usize,
    /// Closed without a recorded result.
    pub closed_without_result: usize,
}

impl Outcomes {
    pub fn decided(&self) -> usize {
        self.won + self.partly + self.lost
    }

    /// The share of decided cases that brought money back (fully or partly), 0.0–1.0; `None` before any.
    pub fn resolution_rate(&self) -> Option<f64> {
        let decided = self.decided();
        (decided > 0).then(|| (self.won + self.partly) as f64 / decided as f64)
    }
}

/// Closed cases count with the result they had before closing.
pub fn outcomes<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Outcomes {
    let mut out = Outcomes::default();
    for case in cases {
        match (case.status.is_active(), case.outcome()) {
            (true, _) => out.active += 1,
            (false, Some(CaseStatus::ResolvedWon)) => out.won += 1,
            (false, Some(CaseStatus::ResolvedPartly)) => out.partly += 1,
            (false, Some(_)) => out.lost += 1,
            (false, None) => out.closed_without_result += 1,
        }
    }
    out
}

/// The median number of days from opening a case to its result, over the cases that have one.
pub fn median_days_to_close<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Option<f64> {
    let mut days: Vec<i64> =
        cases.into_iter().filter_map(|c| c.resolved_at().map(|at| (at - c.created_at).num_days().max(0))).collect();
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let mid = days.len() / 2;
    Some(if days.len() % 2 == 1 { days[mid] as f64 } else { (days[mid - 1] + days[mid]) as f64 / 2.0 })
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub case_id: String,
    pub rule: String,
    pub due: NaiveDate,
    /// Negative when missed.
    pub days_left: i64,
    /// Rules that give the same act a later last day (the sources disagree), named beside this one.
    pub alternatives: Vec<String>,
}

impl DueItem {
    pub fn is_missed(&self) -> bool {
        self.days_left < 0
    }
}

/// For each active case: its next last day that can still be met when it falls by `today + within_days`, and
/// each last day it missed (listed once, as missed). "From" dates never expire and are not listed. Soonest
/// first.
pub fn due_soon<'a>(cases: impl IntoIterator<Item = &'a Case>, today: NaiveDate, within_days: i64) -> Vec<DueItem> {
    let until = today + Duration::days(within_days);
    let mut items: Vec<DueItem> = Vec::new();
    for case in cases.into_iter().filter(|c| c.status.is_active()) {
        let agenda = case.agenda(today);
        let item = |deadline: &CaseDeadline, alternatives: Vec<String>| DueItem {
            case_id: case.id.clone(),
            rule: deadline.rule.clone(),
            due: deadline.due,
            days_left: (deadline.due - today).num_days(),
            alternatives,
        };
        items.extend(agenda.missed.iter().map(|d| item(d, Vec::new())));
        if let Some(next) = agenda.next.filter(|n| n.deadline.due <= until) {
            items.push(item(next.deadline, next.alternatives.iter().map(|d| d.rule.clone()).collect()));
        }
    }
    items.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.case_id.cmp(&b.case_id)).then_with(|| a.rule.cmp(&b.rule)));
    items
}
