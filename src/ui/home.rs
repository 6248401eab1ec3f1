use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;

use super::cases::{DueSoon, StatsSummary};
use super::i18n::{t, use_lang, use_title_key};
use super::import::ImportBackup;
use super::store::{draft_key, read_draft, use_cases};
use crate::i18n::{tr, Key};
use crate::scenario;

#[component]
pub fn Home() -> impl IntoView {
    use_title_key(Key::TitleHome);
    let lang = use_lang();
    let cases = use_cases();
    view! {
        <section class="page">
            <h1>{t(Key::HomeWhatHappened)}</h1>
            <p class="lead">{t(Key::HomeIntro)}</p>
            <ul class="scenario-grid">
                {scenario::all()
                    .iter()
                    .map(|s| {
                        let link = format!("/wizard/{}", s.id);
                        // A wizard left half-way is offered as such: the card resumes it.
                        let answered = read_draft(&draft_key(&s.id, None)).map_or(0, |d| d.answers.len());
                        let resume = (answered > 0).then(|| {
                            view! {
                                <span class="badge resume">
                                    {move || crate::i18n::tr_plural(lang.get(), Key::HomeResume, answered as u64)}
                                </span>
                            }
                        });
                        view! {
                            <li>
                                <A href=href(&link) attr:class="scenario-card" attr:data-scenario=s.id.clone()>
                                    <span class="market-tag">{move || tr(lang.get(), s.marketplace.key())}</span>
                                    <span class="scenario-title">{move || s.title.get(lang.get()).to_string()}</span>
                                    <span class="scenario-summary">{move || s.summary.get(lang.get()).to_string()}</span>
                                    {resume}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            // A browser that lost its data shows an empty book: restoring is one file away.
            <Show when=move || cases.book.with(|b| b.is_empty())>
                <section class="restore" aria-labelledby="restore-title">
                    <h2 id="restore-title">{t(Key::HomeRestoreTitle)}</h2>
                    <p>{t(Key::HomeRestoreText)}</p>
                    <ImportBackup input_id="restore-file" label=Key::HomeRestoreLabel/>
                </section>
            </Show>
            <DueSoon/>
            <StatsSummary/>
        </section>
    }
}
