use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;

use super::i18n::{t, use_title_key};
use crate::i18n::Key;

#[component]
pub fn NotFound() -> impl IntoView {
    use_title_key(Key::TitleNotFound);
    view! {
        <section class="page narrow">
            <h1>{t(Key::TitleNotFound)}</h1>
            <p>{t(Key::NotFoundText)}</p>
            <p><A href=href("/") attr:class="button primary">{t(Key::NotFoundHome)}</A></p>
        </section>
    }
}
