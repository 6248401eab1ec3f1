use leptos::prelude::*;

use super::base::router_base;
use super::i18n::{t, use_title_key};
use crate::adapters::dom;
use crate::i18n::loading::loading_page;

/// The page a route shows in its pre-rendered shell, before the app has read this browser's storage.
#[component]
pub fn LoadingPage() -> impl IntoView {
    let path = dom::pathname();
    let page = loading_page(path.strip_prefix(&router_base()).unwrap_or(&path));
    use_title_key(page.title);
    view! {
        <section class="page narrow">
            <h1>{t(page.title)}</h1>
            <p class="loading" role="status">{t(page.text)}</p>
        </section>
    }
}
