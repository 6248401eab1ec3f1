use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::ui::base::href;

use super::case_name;
use super::list_filters::CaseFilters;
use super::money::money_text;
use crate::adapters::{clock, files};
use crate::codec::{csv, ics};
use crate::domain::list_url::ListState;
use crate::domain::query::run;
use crate::i18n::{fill, tr, Key};
use crate::scenario;
use crate::ui::announcer::announce;
use crate::ui::exports::{calendar_text, csv_text};
use crate::ui::i18n::{t, use_lang, use_title_key};
use crate::ui::pager::Pager;
use crate::ui::plan::due_view;
use crate::ui::store::use_cases;

const PAGE_SIZE: usize = 50;
/// How long typing must pause before the search text is written into the URL.
const SEARCH_URL_DELAY_MS: u64 = 300;

#[component]
pub fn CaseList() -> impl IntoView {
    use_title_key(Key::TitleCases);
    let lang = use_lang();
    let cases = use_cases();
    let today = clock::today();
    // The list's state lives in the URL (see `domain::list_url`): Back, reload and bookmarks return to it.
    let location = use_location();
    let in_url = Memo::new(move |_| ListState::from_search(&location.search.get()));
    // Search text the URL does not hold yet: the list follows every keystroke at once, the URL after a pause in
    // typing (a router navigation per keystroke costs more than the search itself at 10,000 cases).
    let typed = RwSignal::new(None::<String>);
    let state = Memo::new(move |_| {
        let url = in_url.get();
        match typed.get() {
            Some(text) if text != url.query.text => url.with_query(|q| q.text = text),
            _ => url,
        }
    });
    // Any new URL (ours, or Back and Forward) holds the whole state from now on.
    Effect::watch(move || in_url.track(), move |_, _, _| typed.set(None), false);
    let query = Memo::new(move |_| state.with(|s| s.query.clone()));
    let navigate = use_navigate();
    // Bumped by every navigation: a pending URL write for typed text runs only if nothing came after it.
    let writes = StoredValue::new(0u64);
    // Typing replaces the history entry (Back skips the keystrokes); a filter or page change adds one.
    let go = Callback::new(move |(next, replace): (ListState, bool)| {
        writes.update_value(|w| *w += 1);
        let to = |s: &ListState, replace: bool| {
            navigate(
                &format!("/cases{}", s.to_search()),
                NavigateOptions { replace, scroll: false, ..Default::default() },
            )
        };
        // A new history entry comes after the search typed so far, as if its URL had been written already:
        // Back then returns to the search, not to the list before it.
        if !replace && typed.get_untracked().is_some() {
            to(&state.get_untracked(), true);
        }
        to(&next, replace);
    });
    let type_search = Callback::new(move |text: String| {
        typed.set(Some(text));
        let Some(write) = writes.try_update_value(|w| {
            *w += 1;
            *w
        }) else {
            return;
        };
        set_timeout(
            move || {
                if writes.try_get_value() == Some(write) && typed.try_get_untracked().flatten().is_some() {
                    go.run((state.get_untracked(), true));
                }
            },
            std::time::Duration::from_millis(SEARCH_URL_DELAY_MS),
        );
    });
    let turn = Callback::new(move |to: usize| go.run((state.with_untracked(|s| s.with_page(to)), false)));
    let result = Memo::new(move |_| query.with(|q| cases.book.with(|b| run(b, q, today))));
    let pages = move || result.with(|r| r.ids.len().div_ceil(PAGE_SIZE)).max(1);
    // A bookmarked page past the end (cases deleted since) shows the last one.
    let page = Memo::new(move |_| state.with(|s| s.page).min(pages() - 1));

    let rows = move || {
        let lang = lang.get();
        let ids =
            result.with(|r| r.ids.iter().skip(page.get() * PAGE_SIZE).take(PAGE_SIZE).cloned().collect::<Vec<_>>());
        let page_cases: Vec<_> = cases.book.with(|book| ids.iter().filter_map(|id| book.get(id).cloned()).collect());
        page_cases
            .into_iter()
            .map(|case| {
                let title = scenario::title_of(&case.scenario, lang);
                let next = case
                    .status
                    .is_active()
                    .then(|| case.agenda(today).next_due())
                    .flatten()
                    .map(|due| due_view(lang, today, due));
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
        let text = cases.book.with_untracked(|b| csv_text(b.iter(), lang, today));
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
            <CaseFilters state result go type_search/>
            <p class="results-summary" role="status" aria-live="polite" id="cases-summary">{summary}</p>
            <Show when=move || result.with(|r| r.total == 0)>
                <p>{t(Key::CasesEmpty)} " " <A href=href("/")>{t(Key::CasesStartWizard)}</A></p>
            </Show>
            <ul class="case-list" aria-describedby="cases-summary">{rows}</ul>
            <Pager page pages=Signal::derive(pages) turn/>
            <div class="actions">
                <button type="button" class="button" on:click=export_csv>{t(Key::ExportCsv)}</button>
                <button type="button" class="button" on:click=export_ics>{t(Key::ExportIcsAll)}</button>
                <A href=href("/stats") attr:class="button">{t(Key::TitleStats)}</A>
            </div>
        </section>
    }
}
