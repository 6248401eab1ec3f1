use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::announcer::LiveRegion;
use super::auto_backup::provide_auto_backup;
use super::base::{base_path, router_base};
use super::header::Header;
use super::home::Home;
use super::i18n::{provide_i18n, t};
use super::lazy::{LazyCaseDetail, LazyCaseList, LazyLetterPage, LazyReports, LazyRules, LazySettings, LazyStats};
use super::loading::LoadingPage;
use super::not_found::NotFound;
use super::notices::StorageBanners;
use super::reminders::provide_reminders;
use super::store::provide_store;
use super::store::Loaded;
use super::wizard::Wizard;
use crate::adapters::service_worker;
use crate::i18n::{Key, Lang};

/// The app. With `loading_shell` (only when `tools/prerender.mjs` renders pages at build time) every route shows
/// its loading page (`i18n::loading`) instead of its content, which lives in the visitor's storage and cannot be rendered ahead.
#[component]
pub fn App(
    /// The language the app opens in; its pack is installed.
    lang: Lang,
    /// The cases and notices read from storage as the app started.
    stored: Loaded,
    #[prop(optional)] loading_shell: bool,
) -> impl IntoView {
    let i18n = provide_i18n(lang);
    let store = provide_store(i18n.lang, move |lang| i18n.switch_to(lang, false), stored);
    super::store::evidence::keep_files_tidy(store);
    provide_auto_backup();
    if !loading_shell {
        provide_reminders();
    }

    let update_waiting = RwSignal::new(false);
    service_worker::register(&base_path(), move || update_waiting.set(true));

    view! {
        <Router base=router_base()>
            <a class="skip-link" href="#main" on:click=skip_to_main>{t(Key::SkipToContent)}</a>
            <Header/>
            <Show when=move || update_waiting.get()>
                <div id="update-banner" class="banner" role="region" aria-label=t(Key::UpdateAvailable)>
                    <p>{t(Key::UpdateAvailable)}</p>
                    <button type="button" class="button primary" on:click=move |_| service_worker::activate_update(&base_path())>
                        {t(Key::UpdateReload)}
                    </button>
                </div>
            </Show>
            <StorageBanners/>
            <main id="main" tabindex="-1">
                {if loading_shell { view! { <LoadingPage/> }.into_any() } else { view! { <Pages/> }.into_any() }}
            </main>
            <LiveRegion/>
        </Router>
    }
}

/// Every route of the app and its page. Home and the wizards are the first download; the other pages' code
/// arrives when they are first opened (`lazy`).
#[component]
fn Pages() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=path!("/") view=Home/>
            <Route path=path!("/wizard/:scenario") view=Wizard/>
            <Route path=path!("/cases") view=LazyCaseList/>
            <Route path=path!("/cases/:id") view=LazyCaseDetail/>
            <Route path=path!("/cases/:id/letter/:message") view=LazyLetterPage/>
            <Route path=path!("/stats") view=LazyStats/>
            <Route path=path!("/settings") view=LazySettings/>
            <Route path=path!("/rules") view=LazyRules/>
            <Route path=path!("/reports") view=LazyReports/>
        </Routes>
    }
}

/// The router would take "#main" for a navigation and leave the focus where it was: move it into the main area.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    if crate::adapters::dom::focus_by_id("main") {
        ev.prevent_default();
    }
}
