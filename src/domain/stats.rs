//! Figures for the home page and the stats view.
//!
//! API for the UI:
//! - [`money_by_month`]: one row per marketplace × month × currency with expected vs received;
//! - [`totals_by_currency`]: the same sums over everything, one row per currency;
//! - [`results_by_currency`]: the money of the finished cases, won / partly / written off / lost / awaited;
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

/// One part of a currency's results: the amount and the cases it comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub cases: usize,
    pub amount: i64,
}

impl Share {
    fn add(&mut self, amount: i64) {
        if amount > 0 {
            self.cases += 1;
            self.amount += amount;
        }
    }
}

/// The money of the cases with a result, in one currency, split so that the parts add up to what was at issue
/// (the amount claimed, or at stake when nothing was claimed; more when more was received or written off). A
/// case counts in every part it has money in: a case won in part is partly won and partly lost.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// Received on cases won in full.
    pub won: Share,
    /// Received on cases won in part, or on a case marked lost that still brought something back.
    pub partly: Share,
    /// Written off by the seller.
    pub written_off: Share,
    /// Neither received nor written off on cases won in part or lost.
    pub lost: Share,
    /// Not received yet on cases marked won: the marketplace still owes it.
    pub awaited: Share,
}

impl Results {
    /// What was at issue: the sum of the parts.
    pub fn total(&self) -> i64 {
        [self.won, self.partly, self.written_off, self.lost, self.awaited].iter().map(|s| s.amount).sum()
    }

    /// `part`'s share of the total, 0.0–1.0; `None` when nothing was at issue.
    pub fn share(&self, part: Share) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| part.amount as f64 / total as f64)
    }

    fn add(&mut self, case: &Case, outcome: CaseStatus) {
        let m = &case.money;
        let expected = if m.claimed > 0 { m.claimed } else { m.at_stake };
        let rest = (expected - m.received - m.written_off).max(0);
        self.written_off.add(m.written_off);
        match outcome {
            CaseStatus::ResolvedWon => {
                self.won.add(m.received);
                self.awaited.add(rest);
            }
            _ => {
                self.partly.add(m.received);
                self.lost.add(rest);
            }
        }
    }
}

/// The results of the cases that have one (closed ones with the result they had before closing), per currency
/// code in code order.
pub fn results_by_currency<'a>(cases: impl IntoIterator<Item = &'a Case>) -> BTreeMap<String, Results> {
    let mut out: BTreeMap<String, Results> = BTreeMap::new();
    for case in cases {
        if let Some(outcome) = case.outcome() {
            out.entry(case.money.currency.clone()).or_default().add(case, outcome);
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
