//! Pages whose code is not in the first download: each is a wasm chunk of its own (or shares one with the pages
//! it shares code with), fetched the first time the page is opened. The build splits the wasm at the
//! `#[wasm_split]` functions below (tools/split/wasm-bindgen); the service worker precaches the chunks after the
//! first visit, so offline they come from its cache. A chunk that cannot be fetched (the connection cut before the
//! worker had it) leaves the app running: the page says so and offers to try again.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use super::i18n::{t, use_title_key};
use super::loading::LoadingPage;
use crate::i18n::Key;

/// Draws a page; its code lives in the chunk that returned it.
type DrawPage = fn() -> AnyView;
/// Fetches a page's chunk (once it is fetched, at once) and hands back the function that draws the page.
type LoadPage = fn() -> Pin<Box<dyn Future<Output = Result<DrawPage, SplitLoaderError>>>>;

#[derive(Clone, Copy)]
enum Chunk {
    Loading,
    Ready(DrawPage),
    Failed,
}

/// A page that is drawn once its chunk has arrived; meanwhile the route's loading page shows.
#[component]
fn LazyPage(load: LoadPage) -> impl IntoView {
    let chunk = RwSignal::new(Chunk::Loading);
    let fetch = move || {
        chunk.set(Chunk::Loading);
        spawn_local(async move {
            let loaded = match load().await {
                Ok(draw) => Chunk::Ready(draw),
                Err(error) => {
                    leptos::logging::warn!("Claimdesk: a page's code could not be fetched: {error}");
                    Chunk::Failed
                }
            };
            // The visitor may have left the page meanwhile: its signal is gone, and so is the need.
            let _ = chunk.try_set(loaded);
        });
    };
    fetch();
    move || match chunk.get() {
        Chunk::Loading => view! { <LoadingPage/> }.into_any(),
        Chunk::Ready(draw) => draw(),
        Chunk::Failed => view! { <ChunkFailed retry=fetch/> }.into_any(),
    }
}

/// What a page whose code could not be fetched shows instead: what happened, and a way to try again.
#[component]
fn ChunkFailed(retry: impl Fn() + 'static) -> impl IntoView {
    use_title_key(Key::PageChunkFailedTitle);
    view! {
        <section class="page narrow" id="chunk-failed">
            <h1>{t(Key::PageChunkFailedTitle)}</h1>
            <p role="alert">{t(Key::PageChunkFailedText)}</p>
            <p><button type="button" class="button primary" on:click=move |_| retry()>{t(Key::PageChunkRetry)}</button></p>
        </section>
    }
}

/// One lazily loaded page: `$chunk` names its wasm chunk, `$page` is the component the chunk draws, and the
/// generated component `$name` is what the route shows.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $name:ident, $chunk:ident, $page:path) => {
        $(#[$doc])*
        #[component]
        pub fn $name() -> impl IntoView {
            #[wasm_split($chunk, fallible)]
            fn draw_in_chunk() -> Result<DrawPage, SplitLoaderError> {
                Ok(|| view! { <$page/> }.into_any())
            }
            fn load() -> Pin<Box<dyn Future<Output = Result<DrawPage, SplitLoaderError>>>> {
                Box::pin(draw_in_chunk())
            }
            view! { <LazyPage load/> }
        }
    };
}

lazy_page!(
    /// The case list (`/cases`) with its filters.
    LazyCaseList, case_list, super::cases::CaseList
);
lazy_page!(
    /// One case (`/cases/:id`): its plan, losses, timeline and forms.
    LazyCaseDetail, case_detail, super::cases::CaseDetail
);
lazy_page!(
    /// A letter of a case (`/cases/:id/letter/:message`).
    LazyLetterPage, letter, super::letter::LetterPage
);
lazy_page!(
    /// The statistics (`/stats`).
    LazyStats, stats, super::cases::Stats
);
lazy_page!(
    /// The settings (`/settings`), with backups and the import flow.
    LazySettings, settings, super::settings::Settings
);
lazy_page!(
    /// The rules and their sources (`/rules`).
    LazyRules, rules, super::rules::Rules
);
lazy_page!(
    /// The reports page (`/reports`): what it reads runs in the files worker; the page itself is a chunk too.
    LazyReports, reports, super::reports::Reports
);
