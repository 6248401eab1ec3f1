//! What a case's deadlines mean on a given day: the next last day that can still be met, the last days already
//! missed, and the "from" dates still ahead.
//!
//! A "from" date (a rule with `earliest`, e.g. WB's "court possible from") opens a door: it is never a deadline,
//! never missed and never the nearest deadline. A missed last day is listed once, as missed, and the next one
//! that can still be met is the case's nearest deadline. Of two last days for the same act whose sources
//! disagree (see [`DeadlineRule::same_term`]), the earlier one that can still be met is chosen and the later one
//! is named beside it.

use chrono::NaiveDate;

use super::{Case, CaseDeadline};
use crate::scenario::{DeadlineRule, Scenario};

/// The next last day that can still be met, with the later dates other sources give for the same act.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextDue<'a> {
    pub deadline: &'a CaseDeadline,
    /// Open last days for the same act that sources put later, soonest first.
    pub alternatives: Vec<&'a CaseDeadline>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda<'a> {
    pub next: Option<NextDue<'a>>,
    /// Last days not marked done that passed before `today`, oldest first.
    pub missed: Vec<&'a CaseDeadline>,
    /// "From" dates after `today`, soonest first.
    pub opening: Vec<&'a CaseDeadline>,
}

impl Agenda<'_> {
    /// The due date of the next last day that can still be met.
    pub fn next_due(&self) -> Option<NaiveDate> {
        self.next.as_ref().map(|n| n.deadline.due)
    }
}

impl Case {
    /// The case's deadlines as they stand on `today`, read with the rules of its scenario (a scenario this version
    /// does not ship counts every date as a last day).
    pub fn agenda(&self, today: NaiveDate) -> Agenda<'_> {
        agenda(self, crate::scenario::get(&self.scenario), today)
    }
}

/// What the case list needs of an agenda, without building it: the next last day that can still be met and
/// whether one was missed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DueSummary {
    pub next: Option<NaiveDate>,
    pub missed: bool,
}

impl Case {
    /// [`Case::agenda`]'s next due date and whether it has missed dates, in one pass without allocating: the list
    /// sorts and filters thousands of cases on every keystroke. A rule is looked up only when its kind could
    /// change the answer.
    pub fn due_summary(&self, today: NaiveDate) -> DueSummary {
        let scenario = crate::scenario::get(&self.scenario);
        let is_from = |d: &CaseDeadline| scenario.and_then(|s| s.deadline(&d.rule)).is_some_and(DeadlineRule::is_from);
        let mut out = DueSummary::default();
        for deadline in self.deadlines.iter().filter(|d| !d.done) {
            let matters =
                if deadline.due < today { !out.missed } else { out.next.is_none_or(|next| deadline.due < next) };
            if !matters || is_from(deadline) {
                continue;
            }
            if deadline.due < today {
                out.missed = true;
            } else {
                out.next = Some(deadline.due);
            }
        }
        out
    }
}

/// [`Case::agenda`] with the scenario given (tests pass scenarios of their own).
pub fn agenda<'a>(case: &'a Case, scenario: Option<&Scenario>, today: NaiveDate) -> Agenda<'a> {
    let rule = |deadline: &CaseDeadline| scenario.and_then(|s| s.deadline(&deadline.rule));
    let is_from = |deadline: &CaseDeadline| rule(deadline).is_some_and(DeadlineRule::is_from);
    let mut out = Agenda::default();
    let mut open: Vec<&CaseDeadline> = Vec::new();
    for deadline in case.deadlines.iter().filter(|d| !d.done) {
        match (is_from(deadline), deadline.due < today) {
            (true, false) if deadline.due > today => out.opening.push(deadline),
            (true, _) => {}
            (false, true) => out.missed.push(deadline),
            (false, false) => open.push(deadline),
        }
    }
    let by_date = |a: &&CaseDeadline, b: &&CaseDeadline| a.due.cmp(&b.due).then_with(|| a.rule.cmp(&b.rule));
    out.missed.sort_by(by_date);
    out.opening.sort_by(by_date);
    open.sort_by(by_date);
    out.next = open.first().map(|&first| {
        let same_term = |other: &CaseDeadline| match (rule(first), rule(other)) {
            (Some(a), Some(b)) => a.same_term(b),
            _ => false,
        };
        NextDue { deadline: first, alternatives: open[1..].iter().copied().filter(|d| same_term(d)).collect() }
    });
    out
}
