//! The case list's search and filters: each control reads the list's state and writes a new one into the URL.

use leptos::prelude::*;

use crate::domain::list_url::ListState;
use crate::domain::query::{CaseQuery, DueFilter, QueryResult, SortKey, StatusFilter};
use crate::domain::CaseStatus;
use crate::i18n::{tr, Key};
use crate::scenario::{self, Marketplace};
use crate::ui::i18n::{t, use_lang};

const SORTS: [(SortKey, Key); 5] = [
    (SortKey::NextDeadline, Key::SortDeadline),
    (SortKey::NewestFirst, Key::SortNewest),
    (SortKey::OldestFirst, Key::SortOldest),
    (SortKey::RecentlyUpdated, Key::SortUpdated),
    (SortKey::AmountAtStake, Key::SortAmount),
];

#[component]
pub fn CaseFilters(
    state: Memo<ListState>,
    result: Memo<QueryResult>,
    /// Shows another list state: `true` replaces the history entry (typing), `false` adds one.
    go: Callback<(ListState, bool)>,
    /// The search text as typed: the list follows it at once, the URL after a pause.
    type_search: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let query = Memo::new(move |_| state.with(|s| s.query.clone()));
    let change =
        move |edit: Box<dyn FnOnce(&mut CaseQuery)>| go.run((state.with_untracked(|s| s.with_query(edit)), false));
    let count_label = |text: String, n: usize| format!("{text} ({n})");
    let market_options = move || {
        let lang = lang.get();
        let counts = result.with(|r| r.counts.marketplace.clone());
        Marketplace::ALL
            .into_iter()
            .map(|m| {
                let n = counts.get(&m).copied().unwrap_or(0);
                view! { <option value=m.code() selected=move || query.with(|q| q.marketplace == Some(m))>{count_label(tr(lang, m.key()).to_string(), n)}</option> }
            })
            .collect_view()
    };
    let scenario_options = move || {
        let lang = lang.get();
        let counts = result.with(|r| r.counts.scenario.clone());
        scenario::all()
            .iter()
            .map(|s| {
                let n = counts.get(&s.id).copied().unwrap_or(0);
                let id = s.id.clone();
                let selected = move || query.with(|q| q.scenario.as_deref() == Some(id.as_str()));
                view! { <option value=s.id.clone() selected=selected>{count_label(s.title.get(lang).to_string(), n)}</option> }
            })
            .collect_view()
    };
    let status_options = move || {
        let lang = lang.get();
        let c = result.with(|r| r.counts.clone());
        let mut options = vec![
            (StatusFilter::Active, count_label(tr(lang, Key::FilterActive).into(), c.active)),
            (StatusFilter::Finished, count_label(tr(lang, Key::FilterFinished).into(), c.finished)),
        ];
        options.extend(CaseStatus::ALL.into_iter().map(|s| {
            (StatusFilter::Is(s), count_label(tr(lang, s.key()).into(), c.status.get(&s).copied().unwrap_or(0)))
        }));
        options
            .into_iter()
            .map(|(f, label)| view! { <option value=f.code() selected=move || query.with(|q| q.status == f)>{label}</option> })
            .collect_view()
    };
    let due_options = move || {
        let lang = lang.get();
        let c = result.with(|r| r.counts.clone());
        [
            (DueFilter::Any, count_label(tr(lang, Key::FilterDueAny).into(), c.any_due)),
            (DueFilter::Overdue, count_label(tr(lang, Key::FilterOverdue).into(), c.overdue)),
            (DueFilter::DueSoon, count_label(tr(lang, Key::FilterDueSoon).into(), c.due_soon)),
        ]
        .into_iter()
        .map(|(f, label)| view! { <option value=f.code() selected=move || query.with(|q| q.due == f)>{label}</option> })
        .collect_view()
    };

    view! {
    <div class="toolbar" role="search">
        <div class="field">
            <label for="case-search">{t(Key::CasesSearch)}</label>
            <input
                type="search"
                id="case-search"
                prop:value=move || query.with(|q| q.text.clone())
                on:input=move |ev| type_search.run(event_target_value(&ev))
            />
        </div>
        <div class="field">
            <label for="filter-market">{t(Key::FilterMarketplace)}</label>
            <select id="filter-market" on:change=move |ev| {
                let v = event_target_value(&ev);
                change(Box::new(move |q| q.marketplace = Marketplace::from_code(&v)));
            }>
                <option value="" selected=move || query.with(|q| q.marketplace.is_none())>{t(Key::FilterAll)}</option>
                {market_options}
            </select>
        </div>
        <div class="field">
            <label for="filter-scenario">{t(Key::FilterScenario)}</label>
            <select id="filter-scenario" on:change=move |ev| {
                let v = event_target_value(&ev);
                change(Box::new(move |q| q.scenario = (!v.is_empty()).then_some(v)));
            }>
                <option value="" selected=move || query.with(|q| q.scenario.is_none())>{t(Key::FilterAll)}</option>
                {scenario_options}
            </select>
        </div>
        <div class="field">
            <label for="filter-status">{t(Key::FilterStatus)}</label>
            <select id="filter-status" on:change=move |ev| {
                let v = event_target_value(&ev);
                change(Box::new(move |q| q.status = StatusFilter::from_code(&v).unwrap_or_default()));
            }>
                <option value="any" selected=move || query.with(|q| q.status == StatusFilter::Any)>{t(Key::FilterAll)}</option>
                {status_options}
            </select>
        </div>
        <div class="field">
            <label for="filter-due">{t(Key::FilterDue)}</label>
            <select id="filter-due" on:change=move |ev| {
                let v = event_target_value(&ev);
                change(Box::new(move |q| q.due = DueFilter::from_code(&v).unwrap_or_default()));
            }>
                {due_options}
            </select>
        </div>
        <div class="field">
            <label for="sort">{t(Key::SortLabel)}</label>
            <select id="sort" on:change=move |ev| {
                let v = event_target_value(&ev);
                change(Box::new(move |q| q.sort = SortKey::from_code(&v).unwrap_or_default()));
            }>
                {SORTS.iter().map(|(s, key)| {
                    let s = *s;
                    view! { <option value=s.code() selected=move || query.with(|q| q.sort == s)>{t(*key)}</option> }
                }).collect_view()}
            </select>
        </div>
    </div>
    }
}
