use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;

use super::case_name;
use crate::adapters::clock;
use crate::domain::query::DUE_SOON_DAYS;
use crate::domain::stats::due_soon;
use crate::i18n::{tr, Key};
use crate::scenario;
use crate::ui::i18n::{t, use_lang};
use crate::ui::plan::due_view;
use crate::ui::store::use_cases;

/// Per active case: its next deadline that can still be met within a week and the ones it missed, nearest first.
#[component]
pub fn DueSoon() -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let today = clock::today();
    let items = Memo::new(move |_| cases.book.with(|b| due_soon(b.iter(), today, DUE_SOON_DAYS)));
    let rows = move || {
        let lang = lang.get();
        let listed: Vec<_> = cases.book.with(|book| {
            items
                .get()
                .into_iter()
                .take(20)
                .filter_map(|item| book.get(&item.case_id).cloned().map(|c| (item, c)))
                .collect()
        });
        listed
            .into_iter()
            .map(|(item, case)| {
                let label = |rule: &str| {
                    scenario::get(&case.scenario)
                        .and_then(|s| s.deadline(rule))
                        .map_or_else(|| rule.to_string(), |d| d.label.get(lang).to_string())
                };
                let missed =
                    item.is_missed().then(|| view! { <strong class="missed">{tr(lang, Key::CaseMissed)}</strong> " " });
                let later: Vec<String> = item.alternatives.iter().map(|rule| label(rule)).collect();
                let later =
                    (!later.is_empty()).then(|| view! { <span class="muted">" (" {later.join("; ")} ")"</span> });
                let name = case_name(&case, lang);
                let link = format!("/cases/{}", case.id);
                view! {
                    <li>
                        <A href=href(&link)>{name}</A>
                        <span>{missed}{label(&item.rule)}{later}</span>
                        {due_view(lang, today, item.due)}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="due-soon" aria-labelledby="due-soon-title">
            <h2 id="due-soon-title">{t(Key::HomeDueSoon)}</h2>
            <Show when=move || !items.with(Vec::is_empty) fallback=move || view! { <p>{move || tr(lang.get(), Key::HomeNothingDue)}</p> }>
                <ul>{rows}</ul>
            </Show>
        </section>
    }
}
