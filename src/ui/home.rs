use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;

use super::cases::{DueSoon, StatsSummary};
use super::i18n::{t, use_lang, use_title_key};
use crate::i18n::{tr, Key};
use crate::scenario;

#[component]
pub fn Home() -> impl IntoView {
    use_title_key(Key::TitleHome);
    let lang = use_lang();
    view! {
        <section class="page">
            <h1>{t(Key::HomeWhatHappened)}</h1>
            <p class="lead">{t(Key::HomeIntro)}</p>
            <ul class="scenario-grid">
                {scenario::all()
                    .iter()
                    .map(|s| {
                        let link = format!("/wizard/{}", s.id);
                        view! {
                            <li>
                                <A href=href(&link) attr:class="scenario-card" attr:data-scenario=s.id.clone()>
                                    <span class="market-tag">{move || tr(lang.get(), s.marketplace.key())}</span>
                                    <span class="scenario-title">{move || s.title.get(lang.get()).to_string()}</span>
                                    <span class="scenario-summary">{move || s.summary.get(lang.get()).to_string()}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <DueSoon/>
            <StatsSummary/>
        </section>
    }
}
