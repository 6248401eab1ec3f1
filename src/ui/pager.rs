//! Previous / next page buttons with "page n of m" between them.

use leptos::prelude::*;

use crate::i18n::{fill, tr, Key};
use crate::ui::i18n::{t, use_lang};

/// Shown only when there is more than one page; `turn` goes to a page (0-based).
#[component]
pub fn Pager(page: Memo<usize>, pages: Signal<usize>, turn: Callback<usize>) -> impl IntoView {
    let lang = use_lang();
    view! {
    <Show when=move || { pages.get() > 1 }>
        <nav class="pager" aria-label=t(Key::PagerLabel)>
            <button type="button" class="button" disabled=move || page.get() == 0 on:click=move |_| turn.run(page.get_untracked().saturating_sub(1))>
                {t(Key::PagerPrevious)}
            </button>
            <span>{move || fill(tr(lang.get(), Key::PagerPage), &[("n", &(page.get() + 1).to_string()), ("total", &pages.get().to_string())])}</span>
            <button type="button" class="button" disabled={move || page.get() + 1 >= pages.get()} on:click=move |_| turn.run(page.get_untracked() + 1)>
                {t(Key::PagerNext)}
            </button>
        </nav>
    </Show>
    }
}
