//! Whether a plan step's window has passed, and what is still open then.
//!
//! A step's window is the last day its text names (`{deadline.acceptance_objection}` in WB's "object within 7
//! days"). Once every last day a step names has passed, the step says so and points at the case's next date that
//! can still be met, or at a "from" date still ahead (the court), so the seller reads what is left instead of a
//! promise that no longer holds.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::scenario::{placeholders, DeadlineRule, Plan, PlanItem, PlanKind};

/// A step whose window closed, with what the case still offers.
#[derive(Clone, Debug)]
pub struct ClosedWindow<'a> {
    /// The latest last day the step names; it passed before today.
    pub closed_on: NaiveDate,
    pub still_open: Option<StillOpen<'a>>,
}

/// A date of the case that is not past: a last day that can still be met, or a "from" date ahead.
#[derive(Clone, Debug)]
pub struct StillOpen<'a> {
    pub rule: &'a DeadlineRule,
    pub due: NaiveDate,
}

/// The window of `item` on `today` if it has closed: `None` while any last day the step names is today or later,
/// for a step that names none, and for outcomes and insights (they describe, they are not acts with a window).
/// `lang` is the language whose texts are at hand (the placeholders are the same in every language).
pub fn closed_window<'a>(item: &PlanItem, plan: &Plan<'a>, today: NaiveDate, lang: Lang) -> Option<ClosedWindow<'a>> {
    if matches!(item.kind, PlanKind::Outcome | PlanKind::Insight) {
        return None;
    }
    let texts = std::iter::once(item.title.get(lang)).chain(item.body.as_ref().map(|b| b.get(lang)));
    let named: Vec<&str> =
        texts.flat_map(|text| placeholders(text)).filter_map(|name| name.strip_prefix("deadline.")).collect();
    let windows: Vec<NaiveDate> = plan
        .deadlines
        .iter()
        .filter(|d| named.contains(&d.rule.id.as_str()) && !d.rule.is_from())
        .filter_map(|d| d.due())
        .collect();
    let closed_on = windows.iter().max().copied().filter(|last| *last < today)?;
    let ahead = |from: bool| {
        plan.deadlines
            .iter()
            .filter(|d| d.rule.is_from() == from && !named.contains(&d.rule.id.as_str()))
            .filter_map(|d| d.due().filter(|due| *due >= today).map(|due| StillOpen { rule: d.rule, due }))
            .min_by_key(|open| open.due)
    };
    Some(ClosedWindow { closed_on, still_open: ahead(false).or_else(|| ahead(true)) })
}
