//! Deadline math: calendar days, business days (with a country's public holidays), hours and months, moves of an
//! end on a day off to the next working day, chained rules.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::answer::Answer;
use super::calendar::{calendar, Calendar, Country};
use super::condition::conditions_hold;
use super::{stage_answer_key, Anchor, DeadlineRule, Offset, OffsetUnit, Scenario};

/// A rule applied to one case: either a due date, or what is still missing to compute it.
#[derive(Clone, Debug)]
pub struct ComputedDeadline<'a> {
    pub rule: &'a DeadlineRule,
    pub status: DeadlineStatus,
    /// The day the term ended before the law moved it to the next working day.
    pub rolled_from: Option<NaiveDate>,
    /// A year the count went through whose holidays the app does not know: the date may move.
    pub uncovered_year: Option<i32>,
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

/// How a rule counts besides its offset: whose holidays, whether the law moves an end on a day off, and whether
/// the date is the first day something becomes possible (a "from" date) rather than a last day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counting {
    pub country: Option<Country>,
    pub roll_to_workday: bool,
    pub earliest: bool,
}

/// The result of a count: the date, and what the user must be told about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    pub date: NaiveDate,
    pub rolled_from: Option<NaiveDate>,
    pub uncovered_year: Option<i32>,
}

/// Working days of one country (or Monday–Friday without one), remembering the first year it did not cover.
struct Workdays {
    calendar: Option<&'static Calendar>,
    uncovered_year: Option<i32>,
}

impl Workdays {
    fn is_working(&mut self, date: NaiveDate) -> bool {
        match self.calendar {
            Some(calendar) => {
                if !calendar.covers(date.year()) {
                    self.uncovered_year.get_or_insert(date.year());
                }
                calendar.is_working_day(date)
            }
            None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }
}

/// `start` moved by `offset`, counted as `how` says.
/// - Business days skip Saturdays, Sundays and, with a country, its public holidays and moved days off.
/// - Hours: answers are dates, so the moment of the anchor within its day is unknown. A last day is taken
///   conservatively (the count started at the very beginning of the anchor day: 48 h from 25 Nov end with 26 Nov);
///   a "from" date never earlier than the truth (the count started at its end: 48 h from 25 Nov → 27 Nov).
/// - Months keep the day of month, clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
/// - With `roll_to_workday`, an end on a day off moves to the next working day of the country.
pub fn count(start: NaiveDate, offset: Offset, how: Counting) -> Option<Counted> {
    let mut days = Workdays { calendar: how.country.map(calendar), uncovered_year: None };
    let n = offset.amount;
    let mut date = match offset.unit {
        OffsetUnit::CalendarDays => start.checked_add_days(Days::new(n.into()))?,
        OffsetUnit::Hours if how.earliest => start.checked_add_days(Days::new(u64::from(n).div_ceil(24)))?,
        OffsetUnit::Hours => start.checked_add_days(Days::new(u64::from(n / 24).saturating_sub(1)))?,
        OffsetUnit::Months => start.checked_add_months(Months::new(n))?,
        OffsetUnit::BusinessDays => {
            let mut date = start;
            let mut left = n;
            while left > 0 {
                date = date.succ_opt()?;
                if days.is_working(date) {
                    left -= 1;
                }
            }
            date
        }
    };
    let mut rolled_from = None;
    if how.roll_to_workday && how.country.is_some() {
        let end = date;
        while !days.is_working(date) {
            date = date.succ_opt()?;
        }
        rolled_from = (date != end).then_some(end);
    }
    Some(Counted { date, rolled_from, uncovered_year: days.uncovered_year })
}

pub(crate) fn compute_deadlines<'a>(
    scenario: &'a Scenario,
    effective: &BTreeMap<&str, &Answer>,
    case_created: NaiveDate,
) -> Vec<ComputedDeadline<'a>> {
    // Each known date with the first year its count (or the chain before it) went through without a calendar.
    let mut known: BTreeMap<&str, (NaiveDate, Option<i32>)> = BTreeMap::new();
    let mut out = Vec::new();
    // A rule counting from a stage the claim has not reached is left out, with the rules chained to it: it is the
    // step on the case page that brings it, not an answer the seller could add.
    let mut not_reached: Vec<&str> = Vec::new();
    // Rules may only chain to rules listed before them (the validator checks), so one pass suffices.
    for rule in scenario.deadlines.iter().filter(|r| conditions_hold(&r.when, effective)) {
        let stage_ahead = match &rule.anchor {
            Anchor::Stage(code) => !effective.contains_key(stage_answer_key(code).as_str()),
            Anchor::Deadline(d) => not_reached.contains(&d.as_str()),
            _ => false,
        };
        if stage_ahead {
            not_reached.push(rule.id.as_str());
            continue;
        }
        let start = match &rule.anchor {
            Anchor::CaseCreated => Ok((case_created, None)),
            Anchor::Answer(q) => {
                effective.get(q.as_str()).and_then(|a| a.as_date()).map(|d| (d, None)).ok_or_else(|| q.clone())
            }
            Anchor::Deadline(d) => known.get(d.as_str()).copied().ok_or_else(|| d.clone()),
            Anchor::Stage(code) => effective
                .get(stage_answer_key(code).as_str())
                .and_then(|a| a.as_date())
                .map(|d| (d, None))
                .ok_or_else(|| format!("stage:{code}")),
        };
        let counted = start.map(|(s, inherited)| (count(s, rule.offset, rule.counting()), inherited));
        let computed = match counted {
            Ok((Some(counted), inherited)) => {
                // A date chained to an uncertain one is just as uncertain.
                let uncovered_year = inherited.or(counted.uncovered_year);
                known.insert(rule.id.as_str(), (counted.date, uncovered_year));
                ComputedDeadline {
                    rule,
                    status: DeadlineStatus::Due(counted.date),
                    rolled_from: counted.rolled_from,
                    uncovered_year,
                }
            }
            Ok((None, _)) => waiting(rule, rule.id.clone()),
            Err(missing) => waiting(rule, missing),
        };
        out.push(computed);
    }
    out
}

fn waiting(rule: &DeadlineRule, what: String) -> ComputedDeadline<'_> {
    ComputedDeadline { rule, status: DeadlineStatus::WaitingFor(what), rolled_from: None, uncovered_year: None }
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

    const PLAIN: Counting = Counting { country: None, roll_to_workday: false, earliest: false };
    const RU: Counting = Counting { country: Some(Country::Ru), roll_to_workday: false, earliest: false };
    const PL: Counting = Counting { country: Some(Country::Pl), roll_to_workday: false, earliest: false };

    fn date_of(start: NaiveDate, offset: Offset, how: Counting) -> Option<NaiveDate> {
        count(start, offset, how).map(|c| c.date)
    }

    #[test]
    fn calendar_days_cross_month_and_year() {
        assert_eq!(date_of(d(2026, 12, 20), off(30, OffsetUnit::CalendarDays), PLAIN), Some(d(2027, 1, 19)));
        assert_eq!(date_of(d(2028, 2, 28), off(1, OffsetUnit::CalendarDays), PLAIN), Some(d(2028, 2, 29)));
    }

    #[test]
    fn business_days_skip_weekends() {
        // Friday 27 Nov 2026 + 1 business day = Monday 30 Nov.
        assert_eq!(date_of(d(2026, 11, 27), off(1, OffsetUnit::BusinessDays), PLAIN), Some(d(2026, 11, 30)));
        // Saturday + 1 business day = Monday.
        assert_eq!(date_of(d(2026, 11, 28), off(1, OffsetUnit::BusinessDays), PLAIN), Some(d(2026, 11, 30)));
        // Wednesday + 7 business days = Friday of the following week.
        assert_eq!(date_of(d(2026, 11, 25), off(7, OffsetUnit::BusinessDays), PLAIN), Some(d(2026, 12, 4)));
        assert_eq!(date_of(d(2026, 11, 25), off(0, OffsetUnit::BusinessDays), PLAIN), Some(d(2026, 11, 25)));
    }

    #[test]
    fn business_days_skip_the_countrys_holidays() {
        // Tue 30 Dec 2025 + 1: 31 Dec 2025 and 1–11 Jan 2026 are days off in Russia → Mon 12 Jan.
        assert_eq!(date_of(d(2025, 12, 30), off(1, OffsetUnit::BusinessDays), RU), Some(d(2026, 1, 12)));
        assert_eq!(date_of(d(2025, 12, 30), off(1, OffsetUnit::BusinessDays), PLAIN), Some(d(2025, 12, 31)));
        // Thu 7 May 2026 + 2: Fri 8 May, then Sat 9 – Mon 11 May off → Tue 12 May.
        assert_eq!(date_of(d(2026, 5, 7), off(2, OffsetUnit::BusinessDays), RU), Some(d(2026, 5, 12)));
        // Russia's working Saturday 1 Nov 2025 counts: Fri 31 Oct + 1 = Sat 1 Nov; + 2 skips Mon 3 and Tue 4 Nov.
        assert_eq!(date_of(d(2025, 10, 31), off(1, OffsetUnit::BusinessDays), RU), Some(d(2025, 11, 1)));
        assert_eq!(date_of(d(2025, 10, 31), off(2, OffsetUnit::BusinessDays), RU), Some(d(2025, 11, 5)));
        // Poland: Tue 23 Dec 2025 + 1: Wigilia, both Christmas days and the weekend are off → Mon 29 Dec.
        assert_eq!(date_of(d(2025, 12, 23), off(1, OffsetUnit::BusinessDays), PL), Some(d(2025, 12, 29)));
        // Friday before Easter 2026 + 1: Easter Monday 6 Apr is off → Tue 7 Apr.
        assert_eq!(date_of(d(2026, 4, 3), off(1, OffsetUnit::BusinessDays), PL), Some(d(2026, 4, 7)));
    }

    #[test]
    fn an_end_on_a_day_off_rolls_to_the_next_working_day() {
        let ru = Counting { roll_to_workday: true, ..RU };
        let pl = Counting { roll_to_workday: true, ..PL };
        // Ends on Sat 7 Nov 2026 → Mon 9 Nov.
        let counted = count(d(2026, 10, 8), off(30, OffsetUnit::CalendarDays), ru);
        assert_eq!(
            counted,
            Some(Counted { date: d(2026, 11, 9), rolled_from: Some(d(2026, 11, 7)), uncovered_year: None })
        );
        // Ends on Fri 12 Jun 2026 (Russia Day) → Mon 15 Jun.
        assert_eq!(date_of(d(2026, 5, 13), off(30, OffsetUnit::CalendarDays), ru), Some(d(2026, 6, 15)));
        // Ends on Easter Monday 6 Apr 2026 in Poland → Tue 7 Apr; the same end without a roll stays.
        assert_eq!(date_of(d(2026, 3, 7), off(30, OffsetUnit::CalendarDays), pl), Some(d(2026, 4, 7)));
        assert_eq!(date_of(d(2026, 3, 7), off(30, OffsetUnit::CalendarDays), PL), Some(d(2026, 4, 6)));
        // Russia's working Saturday 1 Nov 2025 does not roll.
        let counted = count(d(2025, 10, 2), off(30, OffsetUnit::CalendarDays), ru);
        assert_eq!(counted, Some(Counted { date: d(2025, 11, 1), rolled_from: None, uncovered_year: None }));
        // An end on a working day stays.
        let counted = count(d(2026, 10, 10), off(30, OffsetUnit::CalendarDays), ru);
        assert_eq!(counted, Some(Counted { date: d(2026, 11, 9), rolled_from: None, uncovered_year: None }));
    }

    #[test]
    fn a_count_into_a_year_the_calendar_does_not_cover_is_flagged() {
        // Wed 30 Dec 2026 + 2: 31 Dec is off; 2027 has no decree yet, its fixed holidays 1–8 Jan still count.
        let counted = count(d(2026, 12, 30), off(2, OffsetUnit::BusinessDays), RU);
        assert_eq!(counted, Some(Counted { date: d(2027, 1, 12), rolled_from: None, uncovered_year: Some(2027) }));
        // A roll that looks at a 2027 day is flagged too; a count inside 2026 is not.
        let ru = Counting { roll_to_workday: true, ..RU };
        assert_eq!(
            count(d(2026, 12, 1), off(35, OffsetUnit::CalendarDays), ru).and_then(|c| c.uncovered_year),
            Some(2027)
        );
        assert_eq!(count(d(2026, 11, 2), off(5, OffsetUnit::BusinessDays), RU).and_then(|c| c.uncovered_year), None);
        // Poland's statute covers every year from 2025; counting without a country never flags.
        assert_eq!(count(d(2026, 12, 30), off(2, OffsetUnit::BusinessDays), PL).and_then(|c| c.uncovered_year), None);
        assert_eq!(count(d(2040, 1, 1), off(2, OffsetUnit::BusinessDays), PLAIN).and_then(|c| c.uncovered_year), None);
    }

    #[test]
    fn hours_give_a_conservative_last_day() {
        // The count may have started at 00:00 of the anchor day: 48 h from 25 Nov end with 26 Nov at the latest.
        assert_eq!(date_of(d(2026, 11, 25), off(24, OffsetUnit::Hours), PLAIN), Some(d(2026, 11, 25)));
        assert_eq!(date_of(d(2026, 11, 25), off(48, OffsetUnit::Hours), PLAIN), Some(d(2026, 11, 26)));
        assert_eq!(date_of(d(2026, 11, 25), off(72, OffsetUnit::Hours), PLAIN), Some(d(2026, 11, 27)));
        assert_eq!(date_of(d(2026, 11, 25), off(30, OffsetUnit::Hours), PLAIN), Some(d(2026, 11, 25)));
        assert_eq!(date_of(d(2026, 11, 25), off(12, OffsetUnit::Hours), PLAIN), Some(d(2026, 11, 25)));
    }

    #[test]
    fn hours_never_give_a_from_date_earlier_than_the_truth() {
        let from = Counting { earliest: true, ..PLAIN };
        assert_eq!(date_of(d(2026, 11, 25), off(48, OffsetUnit::Hours), from), Some(d(2026, 11, 27)));
        assert_eq!(date_of(d(2026, 11, 25), off(72, OffsetUnit::Hours), from), Some(d(2026, 11, 28)));
        assert_eq!(date_of(d(2026, 11, 25), off(30, OffsetUnit::Hours), from), Some(d(2026, 11, 27)));
    }

    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(date_of(d(2026, 1, 31), off(1, OffsetUnit::Months), PLAIN), Some(d(2026, 2, 28)));
        assert_eq!(date_of(d(2028, 1, 31), off(1, OffsetUnit::Months), PLAIN), Some(d(2028, 2, 29)));
        assert_eq!(date_of(d(2026, 11, 30), off(3, OffsetUnit::Months), PLAIN), Some(d(2027, 2, 28)));
        assert_eq!(date_of(d(2026, 8, 31), off(3, OffsetUnit::Months), PLAIN), Some(d(2026, 11, 30)));
    }
}
