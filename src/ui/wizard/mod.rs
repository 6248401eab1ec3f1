//! The guided interview: one question at a time, progress saved on every answer, then a summary with the plan.

mod controls;
mod question;
mod summary;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::date_warnings::DateWarnings;
use super::i18n::{use_lang, use_title};
use super::not_found::NotFound;
use super::store::{draft_key, read_draft, use_cases, write_draft};
use crate::adapters::{clock, dom};
use crate::i18n::{fill, tr, Key};
use crate::scenario::{self, Draft, Position, Progress, Scenario};
use question::QuestionForm;
use summary::Summary;

#[component]
pub fn Wizard() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    move || {
        let id = params.with(|p| p.get("scenario").unwrap_or_default());
        let case_id = query.with(|q| q.get("case"));
        match scenario::get(&id) {
            Some(s) => view! { <WizardFor scenario=s case_id/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

/// Shared by the question form and the summary: the draft and how to move through it.
#[derive(Clone, Copy)]
pub(super) struct Flow {
    pub scenario: &'static Scenario,
    pub draft: RwSignal<Draft>,
    /// True once the seller moved within the wizard: focus then follows the new question.
    pub stepped: RwSignal<bool>,
}

impl Flow {
    /// The heading of the step on screen; it takes the focus when the seller moved here within the wizard,
    /// so a screen reader or keyboard user continues at the new question.
    pub fn step_heading(self) -> NodeRef<leptos::html::H2> {
        let heading: NodeRef<leptos::html::H2> = NodeRef::new();
        Effect::new(move |_| {
            if let Some(h) = heading.get() {
                if self.stepped.get_untracked() {
                    dom::focus(&h);
                }
            }
        });
        heading
    }

    pub fn go(self, position: Position) {
        self.stepped.set(true);
        self.draft.update(|d| d.position = position);
        dom::scroll_to_top();
    }
}

#[component]
fn WizardFor(scenario: &'static Scenario, case_id: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    use_title(move |lang| scenario.title.get(lang).to_string());
    let key = draft_key(&scenario.id, case_id.as_deref());

    // Editing a case starts from its answers unless a newer draft of that edit exists.
    let saved = read_draft(&key);
    let editing = case_id.as_deref().and_then(|id| cases.get(id));
    let draft = RwSignal::new(Draft::open(scenario, saved, editing.as_ref().map(|c| (c.id.as_str(), &c.answers))));
    let flow = Flow { scenario, draft, stepped: RwSignal::new(false) };

    let save_error = RwSignal::new(false);
    Effect::new(move |_| {
        save_error.set(draft.with(|d| write_draft(&key, d)).is_err());
    });

    // Only a change of position re-renders the step; answers typed meanwhile stay in the form.
    let position = Memo::new(move |_| draft.with(|d| d.position.clone()));
    let progress = move || {
        let lang = lang.get();
        match draft.with(|d| d.progress(scenario)) {
            Progress::Question { n, total } => {
                fill(tr(lang, Key::WizardProgress), &[("n", &n.to_string()), ("total", &total.to_string())])
            }
            Progress::Summary => tr(lang, Key::WizardSummaryProgress).to_string(),
        }
    };

    view! {
        <section class="page wizard">
            <p class="eyebrow">
                <span class="market-tag">{move || tr(lang.get(), scenario.marketplace.key())}</span>
                " "
                <span class="progress">{progress}</span>
            </p>
            <h1>{move || scenario.title.get(lang.get()).to_string()}</h1>
            <DateWarnings scenario answers=Signal::derive(move || draft.with(|d| d.answers.clone())) today=clock::today()/>
            <Show when=move || save_error.get()>
                <p class="notice warning" role="alert">{move || tr(lang.get(), Key::WizardNotSaved)}</p>
            </Show>
            {move || match position.get() {
                Position::Question(id) => match scenario.question(&id) {
                    Some(q) => view! { <QuestionForm flow question=q/> }.into_any(),
                    None => view! { <Summary flow/> }.into_any(),
                },
                Position::Summary => view! { <Summary flow/> }.into_any(),
            }}
        </section>
    }
}
