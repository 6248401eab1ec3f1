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

/// Deadlines of open cases that are overdue or due within a week, nearest first.
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
                let rule = scenario::get(&case.scenario)
                    .and_then(|s| s.deadline(&item.rule))
                    .map(|d| d.label.get(lang).to_string())
                    .unwrap_or_else(|| item.rule.clone());
                let name = case_name(&case, lang);
                let link = format!("/cases/{}", case.id);
                view! {
                    <li>
                        <A href=href(&link)>{name}</A>
                        <span>{rule}</span>
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
