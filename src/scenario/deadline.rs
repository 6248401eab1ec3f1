//! Deadline math: calendar days, business days (Monday–Friday), hours and months, chained rules.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::engine::{conditions_hold, Answer};
use super::{Anchor, DeadlineRule, Offset, OffsetUnit, Scenario};

/// A rule applied to one case: either a due date, or what is still missing to compute it.
#[derive(Clone, Debug)]
pub struct ComputedDeadline<'a> {
    pub rule: &'a DeadlineRule,
    pub status: DeadlineStatus,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeadlineStatus {
    Due(NaiveDate),
    /// The anchor date (a question id, or another deadline's id) is not known yet.
    WaitingFor(String),
}

impl ComputedDeadline<'_> {
    pub fn due(&self) -> Option<NaiveDate> {
        match self.status {
            DeadlineStatus::Due(d) => Some(d),
            DeadlineStatus::WaitingFor(_) => None,
        }
    }
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// `start` moved by `offset`. Business days skip Saturdays and Sundays (public holidays are not modelled).
/// Hours count from the start of the anchor day and round up to whole days, since answers are dates.
/// Months keep the day of month, clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
pub fn add_offset(start: NaiveDate, offset: Offset) -> Option<NaiveDate> {
    let n = offset.amount;
    match offset.unit {
        OffsetUnit::CalendarDays => start.checked_add_days(Days::new(n.into())),
        OffsetUnit::Hours => start.checked_add_days(Days::new(u64::from(n).div_ceil(24))),
        OffsetUnit::Months => start.checked_add_months(Months::new(n)),
        OffsetUnit::BusinessDays => {
            let mut date = start;
            let mut left = n;
            while left > 0 {
                date = date.succ_opt()?;
                if !is_weekend(date) {
                    left -= 1;
                }
            }
            Some(date)
        }
    }
}

pub(crate) fn compute_deadlines<'a>(
    scenario: &'a Scenario,
    effective: &BTreeMap<&str, &Answer>,
    case_created: NaiveDate,
) -> Vec<ComputedDeadline<'a>> {
    let mut known: BTreeMap<&str, NaiveDate> = BTreeMap::new();
    let mut out = Vec::new();
    // Rules may only chain to rules listed before them (the validator checks), so one pass suffices.
    for rule in scenario.deadlines.iter().filter(|r| conditions_hold(&r.when, effective)) {
        let start = match &rule.anchor {
            Anchor::CaseCreated => Ok(case_created),
            Anchor::Answer(q) => effective.get(q.as_str()).and_then(|a| a.as_date()).ok_or_else(|| q.clone()),
            Anchor::Deadline(d) => known.get(d.as_str()).copied().ok_or_else(|| d.clone()),
        };
        let status = match start.map(|s| add_offset(s, rule.offset)) {
            Ok(Some(due)) => {
                known.insert(rule.id.as_str(), due);
                DeadlineStatus::Due(due)
            }
            Ok(None) => DeadlineStatus::WaitingFor(rule.id.clone()),
            Err(missing) => DeadlineStatus::WaitingFor(missing),
        };
        out.push(ComputedDeadline { rule, status });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn off(amount: u32, unit: OffsetUnit) -> Offset {
        Offset { amount, unit }
    }

    #[test]
    fn calendar_days_cross_month_and_year() {
        assert_eq!(add_offset(d(2026, 12, 20), off(30, OffsetUnit::CalendarDays)), Some(d(2027, 1, 19)));
        assert_eq!(add_offset(d(2028, 2, 28), off(1, OffsetUnit::CalendarDays)), Some(d(2028, 2, 29)));
    }

    #[test]
    fn business_days_skip_weekends() {
        // Friday 27 Nov 2026 + 1 business day = Monday 30 Nov.
        assert_eq!(add_offset(d(2026, 11, 27), off(1, OffsetUnit::BusinessDays)), Some(d(2026, 11, 30)));
        // Saturday + 1 business day = Monday.
        assert_eq!(add_offset(d(2026, 11, 28), off(1, OffsetUnit::BusinessDays)), Some(d(2026, 11, 30)));
        // Wednesday + 7 business days = Friday of the following week.
        assert_eq!(add_offset(d(2026, 11, 25), off(7, OffsetUnit::BusinessDays)), Some(d(2026, 12, 4)));
        assert_eq!(add_offset(d(2026, 11, 25), off(0, OffsetUnit::BusinessDays)), Some(d(2026, 11, 25)));
    }

    #[test]
    fn hours_round_up_to_days() {
        assert_eq!(add_offset(d(2026, 11, 25), off(48, OffsetUnit::Hours)), Some(d(2026, 11, 27)));
        assert_eq!(add_offset(d(2026, 11, 25), off(72, OffsetUnit::Hours)), Some(d(2026, 11, 28)));
        assert_eq!(add_offset(d(2026, 11, 25), off(30, OffsetUnit::Hours)), Some(d(2026, 11, 27)));
    }

    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(add_offset(d(2026, 1, 31), off(1, OffsetUnit::Months)), Some(d(2026, 2, 28)));
        assert_eq!(add_offset(d(2028, 1, 31), off(1, OffsetUnit::Months)), Some(d(2028, 2, 29)));
        assert_eq!(add_offset(d(2026, 11, 30), off(3, OffsetUnit::Months)), Some(d(2027, 2, 28)));
        assert_eq!(add_offset(d(2026, 8, 31), off(3, OffsetUnit::Months)), Some(d(2026, 11, 30)));
    }
}
