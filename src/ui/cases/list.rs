use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::ui::base::href;

use super::case_name;
use super::money::money_text;
use crate::adapters::{clock, files};
use crate::codec::{csv, ics};
use crate::domain::list_url::ListState;
use crate::domain::query::{run, CaseQuery, DueFilter, SortKey, StatusFilter};
use crate::domain::CaseStatus;
use crate::i18n::{fill, tr, Key};
use crate::scenario::{self, Marketplace};
use crate::ui::announcer::announce;
use crate::ui::exports::{calendar_text, csv_text};
use crate::ui::i18n::{t, use_lang, use_title_key};
use crate::ui::plan::due_view;
use crate::ui::state::use_cases;

const PAGE_SIZE: usize = 50;

const SORTS: [(SortKey, Key); 5] = [
    (SortKey::NextDeadline, Key::SortDeadline),
    (SortKey::NewestFirst, Key::SortNewest),
    (SortKey::OldestFirst, Key::SortOldest),
    (SortKey::RecentlyUpdated, Key::SortUpdated),
    (SortKey::AmountAtStake, Key::SortAmount),
];

#[component]
pub fn CaseList() -> impl IntoView {
    use_title_key(Key::TitleCases);
    let lang = use_lang();
    let cases = use_cases();
    let today = clock::today();
    // The list's state lives in the URL (see `domain::list_url`): Back, reload and bookmarks return to it.
    let location = use_location();
    let state = Memo::new(move |_| ListState::from_search(&location.search.get()));
    let query = Memo::new(move |_| state.with(|s| s.query.clone()));
    let navigate = use_navigate();
    // Typing replaces the history entry (Back skips the keystrokes); a filter or page change adds one.
    let go = move |next: ListState, replace: bool| {
        navigate(
            &format!("/cases{}", next.to_search()),
            NavigateOptions { replace, scroll: false, ..Default::default() },
        );
    };
    let change = {
        let go = go.clone();
        move |edit: Box<dyn FnOnce(&mut CaseQuery)>| go(state.with_untracked(|s| s.with_query(edit)), false)
    };
    let turn = {
        let go = go.clone();
        move |to: usize| go(state.with_untracked(|s| s.with_page(to)), false)
    };
    let result = Memo::new(move |_| query.with(|q| cases.book.with(|b| run(b, q, today))));
    let pages = move || result.with(|r| r.ids.len().div_ceil(PAGE_SIZE)).max(1);
    // A bookmarked page past the end (cases deleted since) shows the last one.
    let page = Memo::new(move |_| state.with(|s| s.page).min(pages() - 1));

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

    let rows = move || {
        let lang = lang.get();
        let ids =
            result.with(|r| r.ids.iter().skip(page.get() * PAGE_SIZE).take(PAGE_SIZE).cloned().collect::<Vec<_>>());
        let page_cases: Vec<_> = cases.book.with(|book| ids.iter().filter_map(|id| book.get(id).cloned()).collect());
        page_cases
            .into_iter()
            .map(|case| {
                let title = scenario::title_of(&case.scenario, lang);
                let next =
                    case.next_deadline().filter(|_| case.status.is_active()).map(|d| due_view(lang, today, d.due));
                let name = case_name(&case, lang);
                let link = format!("/cases/{}", case.id);
                let status = tr(lang, case.status.key());
                let amount = money_text(lang, case.money.at_stake, &case.money.currency);
                view! {
                    <li class="case-row">
                        <div>
                            <A href=href(&link)>{name}</A>
                            <div class="muted">{title}</div>
                        </div>
                        <div>{status}</div>
                        <div>{next}</div>
                        <div>{amount}</div>
                    </li>
                }
            })
            .collect_view()
    };
    let summary = move || {
        let lang = lang.get();
        result.with(|r| {
            fill(tr(lang, Key::CasesShown), &[("shown", &r.ids.len().to_string()), ("total", &r.total.to_string())])
        })
    };

    let export_csv = move |_| {
        let lang = lang.get_untracked();
        let text = cases.book.with_untracked(|b| csv_text(b.iter(), lang));
        let ok = files::download(&csv::file_name(today), "text/csv;charset=utf-8", &text);
        announce(tr(lang, if ok { Key::ExportDone } else { Key::ExportFailed }));
    };
    let export_ics = move |_| {
        let lang = lang.get_untracked();
        let text =
            cases.book.with_untracked(|b| calendar_text(b.iter().filter(|c| c.status.is_active()), lang, clock::now()));
        let ok = files::download(&ics::file_name(today, None), "text/calendar;charset=utf-8", &text);
        announce(tr(lang, if ok { Key::ExportDone } else { Key::ExportFailed }));
    };

    view! {
        <section class="page">
            <h1>{t(Key::TitleCases)}</h1>
            <div class="toolbar" role="search">
                <div class="field">
                    <label for="case-search">{t(Key::CasesSearch)}</label>
                    <input
                        type="search"
                        id="case-search"
                        prop:value=move || query.with(|q| q.text.clone())
                        on:input={
                            let go = go.clone();
                            move |ev| go(state.with_untracked(|s| s.with_query(|q| q.text = event_target_value(&ev))), true)
                        }
                    />
                </div>
                <div class="field">
                    <label for="filter-market">{t(Key::FilterMarketplace)}</label>
                    <select id="filter-market" on:change={
                        let change = change.clone();
                        move |ev| {
                        let v = event_target_value(&ev);
                        change(Box::new(move |q| q.marketplace = Marketplace::from_code(&v)));
                    }}>
                        <option value="" selected=move || query.with(|q| q.marketplace.is_none())>{t(Key::FilterAll)}</option>
                        {market_options}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-scenario">{t(Key::FilterScenario)}</label>
                    <select id="filter-scenario" on:change={
                        let change = change.clone();
                        move |ev| {
                        let v = event_target_value(&ev);
                        change(Box::new(move |q| q.scenario = (!v.is_empty()).then_some(v)));
                    }}>
                        <option value="" selected=move || query.with(|q| q.scenario.is_none())>{t(Key::FilterAll)}</option>
                        {scenario_options}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-status">{t(Key::FilterStatus)}</label>
                    <select id="filter-status" on:change={
                        let change = change.clone();
                        move |ev| {
                        let v = event_target_value(&ev);
                        change(Box::new(move |q| q.status = StatusFilter::from_code(&v).unwrap_or_default()));
                    }}>
                        <option value="any" selected=move || query.with(|q| q.status == StatusFilter::Any)>{t(Key::FilterAll)}</option>
                        {status_options}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-due">{t(Key::FilterDue)}</label>
                    <select id="filter-due" on:change={
                        let change = change.clone();
                        move |ev| {
                        let v = event_target_value(&ev);
                        change(Box::new(move |q| q.due = DueFilter::from_code(&v).unwrap_or_default()));
                    }}>
                        {due_options}
                    </select>
                </div>
                <div class="field">
                    <label for="sort">{t(Key::SortLabel)}</label>
                    <select id="sort" on:change={
                        let change = change.clone();
                        move |ev| {
                        let v = event_target_value(&ev);
                        change(Box::new(move |q| q.sort = SortKey::from_code(&v).unwrap_or_default()));
                    }}>
                        {SORTS.iter().map(|(s, key)| {
                            let s = *s;
                            view! { <option value=s.code() selected=move || query.with(|q| q.sort == s)>{t(*key)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <p class="results-summary" role="status" aria-live="polite" id="cases-summary">{summary}</p>
            <Show when=move || result.with(|r| r.total == 0)>
                <p>{t(Key::CasesEmpty)} " " <A href=href("/")>{t(Key::CasesStartWizard)}</A></p>
            </Show>
            <ul class="case-list" aria-describedby="cases-summary">{rows}</ul>
            <Show when=move || { pages() > 1 }>
                <nav class="pager" aria-label=t(Key::PagerLabel)>
                    <button type="button" class="button" disabled=move || page.get() == 0 on:click={
                        let turn = turn.clone();
                        move |_| turn(page.get_untracked().saturating_sub(1))
                    }>
                        {t(Key::PagerPrevious)}
                    </button>
                    <span>{move || fill(tr(lang.get(), Key::PagerPage), &[("n", &(page.get() + 1).to_string()), ("total", &pages().to_string())])}</span>
                    <button type="button" class="button" disabled={move || page.get() + 1 >= pages()} on:click={
                        let turn = turn.clone();
                        move |_| turn(page.get_untracked() + 1)
                    }>
                        {t(Key::PagerNext)}
                    </button>
                </nav>
            </Show>
            <div class="actions">
                <button type="button" class="button" on:click=export_csv>{t(Key::ExportCsv)}</button>
                <button type="button" class="button" on:click=export_ics>{t(Key::ExportIcsAll)}</button>
                <A href=href("/stats") attr:class="button">{t(Key::TitleStats)}</A>
            </div>
        </section>
    }
}
