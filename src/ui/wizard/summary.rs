use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::Flow;
use crate::adapters::clock;
use crate::domain::{new_case_id, Case};
use crate::i18n::{tr, Key};
use crate::scenario::{answer_text, Draft, Position};
use crate::ui::i18n::{t, use_lang};
use crate::ui::plan::PlanView;
use crate::ui::store::{draft_key, failure_text, use_cases, use_store, Command, Outcome};

#[component]
pub fn Summary(flow: Flow) -> impl IntoView {
    let lang = use_lang();
    let scenario = flow.scenario;
    let cases = use_cases();
    let store = use_store();
    let navigate = use_navigate();
    let answers = Signal::derive(move || flow.draft.with(|d| d.answers.clone()));
    let editing = flow.draft.with_untracked(|d| d.case_id.clone());
    let created =
        editing.as_deref().and_then(|id| cases.get(id)).map(|c| c.created_at.date_naive()).unwrap_or_else(clock::today);

    let heading = flow.step_heading();

    let missing = move || flow.draft.with(|d| scenario.first_unanswered(&d.answers).map(|q| q.id.clone()));

    let rows = move || {
        let lang = lang.get();
        flow.draft.with(|d| {
            let eval = scenario.evaluate(&d.answers, clock::today());
            eval.path
                .iter()
                .map(|q| {
                    let value = eval
                        .answers
                        .get(q.id.as_str())
                        .map(|a| answer_text(scenario, &q.id, a, lang))
                        .unwrap_or_else(|| tr(lang, Key::WizardNotAnswered).to_string());
                    let id = q.id.clone();
                    let change_label = format!("{} — {}", tr(lang, Key::WizardChange), q.label.get(lang));
                    view! {
                        <div class="answer-row">
                            <dt>{q.label.get(lang).to_string()}</dt>
                            <dd>
                                <span class="answer-value">{value}</span>
                                <button type="button" class="button link" aria-label=change_label on:click=move |_| flow.go(Position::Question(id.clone()))>
                                    {tr(lang, Key::WizardChange)}
                                </button>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };

    let editing_for_save = editing.clone();
    let save = move |_| {
        if let Some(id) = missing() {
            flow.go(Position::Question(id));
            return;
        }
        let now = clock::now();
        let answers = flow.draft.with_untracked(|d| d.answers.clone());
        let editing = editing_for_save.as_deref().and_then(|id| cases.get(id));
        let case = Case::saved_from_wizard(editing, scenario, answers, now, || new_case_id(now, clock::entropy()));
        let id = case.id.clone();
        let command = Command::SaveCase {
            case: Box::new(case),
            editing: editing_for_save.is_some(),
            draft: draft_key(&scenario.id, editing_for_save.as_deref()),
        };
        if store.run(command, &[]) == Ok(Outcome::Saved) {
            navigate(&format!("/cases/{id}"), Default::default());
        }
    };
    let restart = move |_| {
        let mut fresh = Draft::start(scenario);
        fresh.case_id = flow.draft.with_untracked(|d| d.case_id.clone());
        flow.draft.set(fresh);
        flow.go(Draft::start(scenario).position);
    };

    let save_label = if editing.is_some() { Key::WizardSaveChanges } else { Key::WizardCreateCase };
    view! {
        <div class="summary">
            <h2 node_ref=heading tabindex="-1">{t(Key::WizardYourAnswers)}</h2>
            <dl class="answers">{rows}</dl>
            <h2>{t(Key::WizardYourPlan)}</h2>
            <PlanView scenario answers created/>
            {move || store.failure.get().map(|(not_saved, e)| view! { <p class="notice error" role="alert">{move || failure_text(lang.get(), not_saved, &e)}</p> })}
            <div class="actions sticky-actions">
                <button type="button" class="button primary" on:click=save>{t(save_label)}</button>
                <button type="button" class="button" on:click=restart>{t(Key::WizardRestart)}</button>
            </div>
        </div>
    }
}
