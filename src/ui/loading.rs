use leptos::prelude::*;

use super::base::router_base;
use super::i18n::{t, use_lang, use_title_key};
use crate::adapters::dom;
use crate::i18n::loading::loading_page;
use crate::i18n::{tr, Key};

/// The page a route shows in its pre-rendered shell, before the app has read this browser's storage.
#[component]
pub fn LoadingPage() -> impl IntoView {
    let path = dom::pathname();
    let page = loading_page(path.strip_prefix(&router_base()).unwrap_or(&path));
    if page.title == Key::AppName {
        // The app's own name is the whole title, not "Claimdesk — Claimdesk".
        let lang = use_lang();
        Effect::new(move |_| dom::set_title(tr(lang.get(), Key::AppName)));
    } else {
        use_title_key(page.title);
    }
    view! {
        <section class="page narrow">
            <h1>{t(page.title)}</h1>
            <p class="loading" role="status">{t(page.text)}</p>
        </section>
    }
}
