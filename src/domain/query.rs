//! The case list: filters, free-text search, sort and the counts shown next to each filter.
//!
//! API for the UI: build a [`CaseQuery`] from the filter controls and call [`run`]`(&book, &query, today)`.
//! The result holds the matching ids in display order (slice it for paging) and [`Counts`]: for each filter
//! value, how many cases it would show given the other filters (the usual faceted counts).
//!
//! Speed: one pass over the cases; the search text of each case is folded once, on first use (see
//! `CaseBook::prepare_search`), so a keystroke costs a substring scan over prepared strings (well under a
//! millisecond per thousand cases natively). Nothing per case is copied until the final list of ids.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

pub use super::fold::fold_for_search;
use super::{Case, CaseBook, CaseStatus};
use crate::scenario::Marketplace;

/// Days ahead that count as "due soon".
pub const DUE_SOON_DAYS: i64 = 7;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    Any,
    /// Open or waiting.
    Active,
    /// Resolved (any result) or closed.
    Finished,
    Is(CaseStatus),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DueFilter {
    #[default]
    Any,
    /// An active case with a last day that passed without being marked done.
    Overdue,
    /// An active case with a last day that can still be met today or within [`DUE_SOON_DAYS`] days (an older
    /// missed one does not hide it).
    DueSoon,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Active cases by their next deadline that can still be met, then active ones whose deadlines were all
    /// missed, then active ones without a deadline, then the finished ones, most recently changed first.
    #[default]
    NextDeadline,
    NewestFirst,
    OldestFirst,
    RecentlyUpdated,
    /// Largest amount at stake first (amounts in different currencies are compared as numbers).
    AmountAtStake,
}

impl StatusFilter {
    /// Every filter in the order the status select offers them.
    pub fn all() -> impl Iterator<Item = StatusFilter> {
        [StatusFilter::Any, StatusFilter::Active, StatusFilter::Finished]
            .into_iter()
            .chain(CaseStatus::ALL.into_iter().map(StatusFilter::Is))
    }

    /// The filter as written in the list's URL and in the select's values: a status filters by its own code.
    pub fn code(self) -> &'static str {
        match self {
            StatusFilter::Any => "any",
            StatusFilter::Active => "active",
            StatusFilter::Finished => "finished",
            StatusFilter::Is(status) => status.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<StatusFilter> {
        StatusFilter::all().find(|f| f.code() == code)
    }
}

impl DueFilter {
    pub const ALL: [DueFilter; 3] = [DueFilter::Any, DueFilter::Overdue, DueFilter::DueSoon];

    pub fn code(self) -> &'static str {
        match self {
            DueFilter::Any => "any",
            DueFilter::Overdue => "overdue",
            DueFilter::DueSoon => "soon",
        }
    }

    pub fn from_code(code: &str) -> Option<DueFilter> {
        DueFilter::ALL.into_iter().find(|f| f.code() == code)
    }
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::NextDeadline,
        SortKey::NewestFirst,
        SortKey::OldestFirst,
        SortKey::RecentlyUpdated,
        SortKey::AmountAtStake,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortKey::NextDeadline => "deadline",
            SortKey::NewestFirst => "newest",
            SortKey::OldestFirst => "oldest",
            SortKey::RecentlyUpdated => "updated",
            SortKey::AmountAtStake => "amount",
        }
    }

    pub fn from_code(code: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseQuery {
    pub marketplace: Option<Marketplace>,
    pub scenario: Option<String>,
    pub status: StatusFilter,
    pub due: DueFilter,
    /// Words to find in the order number, buyer and notes (all words must occur; case and accents ignored).
    pub text: String,
    pub sort: SortKey,
}

/// How many cases each filter value would show, the other filters staying as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub marketplace: BTreeMap<Marketplace, usize>,
    pub scenario: BTreeMap<String, usize>,
    pub status: BTreeMap<CaseStatus, usize>,
    pub active: usize,
    pub finished: usize,
    pub overdue: usize,
    pub due_soon: usize,
    /// Cases matching every filter but the due filter (the "any time" count).
    pub any_due: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryResult {
    /// Matching case ids in display order.
    pub ids: Vec<String>,
    /// Cases in the book, whatever the filters.
    pub total: usize,
    pub counts: Counts,
}

/// Where an active case stands against its deadlines on the query's day (finished cases have none that count).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Due {
    /// The next last day that can still be met.
    next: Option<NaiveDate>,
    /// A last day passed without being marked done.
    missed: bool,
}

impl Due {
    fn of(case: &Case, today: NaiveDate) -> Due {
        if !case.status.is_active() {
            return Due::default();
        }
        let summary = case.due_summary(today);
        Due { next: summary.next, missed: summary.missed }
    }

    /// Due today or within [`DUE_SOON_DAYS`] days, whether or not an older last day was missed.
    fn soon(self, today: NaiveDate) -> bool {
        self.next.is_some_and(|due| due <= today + Duration::days(DUE_SOON_DAYS))
    }
}

fn status_matches(filter: StatusFilter, status: CaseStatus) -> bool {
    match filter {
        StatusFilter::Any => true,
        StatusFilter::Active => status.is_active(),
        StatusFilter::Finished => !status.is_active(),
        StatusFilter::Is(wanted) => status == wanted,
    }
}

fn due_matches(filter: DueFilter, due: Due, today: NaiveDate) -> bool {
    match filter {
        DueFilter::Any => true,
        DueFilter::Overdue => due.missed,
        DueFilter::DueSoon => due.soon(today),
    }
}

pub fn run(book: &CaseBook, query: &CaseQuery, today: NaiveDate) -> QueryResult {
    let folded = fold_for_search(&query.text);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let mut counts = Counts::default();
    // Counted by borrowed name, copied once per scenario at the end rather than once per case.
    let mut scenario_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut hits: Vec<OrderKey> = Vec::new();

    for entry in book.indexed() {
        let case = &entry.case;
        if !words.is_empty() && !words.iter().all(|w| entry.search_text().contains(w)) {
            continue;
        }
        let due = Due::of(case, today);
        let market_ok = query.marketplace.is_none_or(|m| m == case.marketplace);
        let scenario_ok = query.scenario.as_ref().is_none_or(|s| *s == case.scenario);
        let status_ok = status_matches(query.status, case.status);
        let due_ok = due_matches(query.due, due, today);

        if scenario_ok && status_ok && due_ok {
            *counts.marketplace.entry(case.marketplace).or_default() += 1;
        }
        if market_ok && status_ok && due_ok {
            *scenario_counts.entry(case.scenario.as_str()).or_default() += 1;
        }
        if market_ok && scenario_ok && due_ok {
            *counts.status.entry(case.status).or_default() += 1;
            if case.status.is_active() {
                counts.active += 1;
            } else {
                counts.finished += 1;
            }
        }
        if market_ok && scenario_ok && status_ok {
            counts.any_due += 1;
            counts.overdue += usize::from(due.missed);
            counts.due_soon += usize::from(due.soon(today));
        }
        if market_ok && scenario_ok && status_ok && due_ok {
            hits.push(order_key(case, due, query.sort));
        }
    }

    counts.scenario = scenario_counts.into_iter().map(|(name, n)| (name.to_string(), n)).collect();
    hits.sort_unstable();
    QueryResult { ids: hits.into_iter().map(|(.., id)| id.to_string()).collect(), total: book.len(), counts }
}

/// Every order as one key shape, `(group, primary, secondary, id)` ascending, so a single sort routine serves
/// them all (each differently typed sort is another copy of the sort code in the wasm). Times are in
/// microseconds: validated cases lie between 2000 and 2200, well inside an i64.
type OrderKey<'a> = (u8, i64, i64, &'a str);

fn order_key(case: &Case, due: Due, key: SortKey) -> OrderKey<'_> {
    let micros = |t: chrono::DateTime<chrono::Utc>| t.timestamp_micros();
    let (group, primary, secondary) = match key {
        // 0: active with a deadline that can still be met (soonest first), 1: active with only missed ones,
        // 2: active without any, 3: finished (newest change first).
        SortKey::NextDeadline => match (case.status.is_active(), due.next) {
            (true, Some(next)) => (0, i64::from(next.num_days_from_ce()), -micros(case.updated_at)),
            (true, None) if due.missed => (1, 0, -micros(case.updated_at)),
            (true, None) => (2, 0, -micros(case.updated_at)),
            (false, _) => (3, 0, -micros(case.updated_at)),
        },
        SortKey::NewestFirst => (0, -micros(case.created_at), 0),
        SortKey::OldestFirst => (0, micros(case.created_at), 0),
        SortKey::RecentlyUpdated => (0, -micros(case.updated_at), 0),
        SortKey::AmountAtStake => (0, -case.money.at_stake, 0),
    };
    (group, primary, secondary, case.id.as_str())
}
