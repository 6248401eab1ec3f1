use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::controls::{input_id, ChoiceControl, Field, InputControl};
use super::Flow;
use crate::adapters::dom;
use crate::i18n::Key;
use crate::scenario::{AnswerError, Choice, FormValues, Position, Question, QuestionKind};
use crate::ui::i18n::{t, use_lang};

#[component]
pub fn QuestionForm(flow: Flow, question: &'static Question) -> impl IntoView {
    let lang = use_lang();
    let scenario = flow.scenario;
    let start = flow.draft.with_untracked(|d| {
        question.form_values(lang.get_untracked(), d.answers.get(&question.id), scenario.currency_for(&d.answers))
    });
    // The options the earlier answers allow; a stored choice they no longer allow starts unchecked.
    let offered: Vec<&'static Choice> = flow.draft.with_untracked(|d| scenario.offered_options(question, &d.answers));
    let start_choice = match question.kind {
        QuestionKind::Choice => start.choice.filter(|c| offered.iter().any(|o| &o.id == c)),
        _ => start.choice,
    };
    let choice = RwSignal::new(start_choice);
    let text = RwSignal::new(start.text);
    let currency = RwSignal::new(start.currency);
    let error = RwSignal::new(None::<AnswerError>);

    let heading = flow.step_heading();

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let values = FormValues {
            choice: choice.get_untracked(),
            text: text.get_untracked(),
            currency: currency.get_untracked(),
        };
        let result = question.parse_answer(lang.get_untracked(), &values);
        match result {
            Err(key) => {
                error.set(Some(key));
                dom::focus_by_id(&input_id(question));
            }
            Ok(answer) => {
                error.set(None);
                flow.draft.update(|d| match answer {
                    Some(a) => {
                        d.answers.insert(question.id.clone(), a);
                    }
                    None => {
                        d.answers.remove(&question.id);
                    }
                });
                let next = flow
                    .draft
                    .with_untracked(|d| scenario.next_question(&d.answers, &question.id).map(|q| q.id.clone()));
                flow.go(next.map(Position::Question).unwrap_or(Position::Summary));
            }
        }
    };
    let previous =
        move || flow.draft.with(|d| scenario.previous_question(&d.answers, &question.id).map(|q| q.id.clone()));
    let back = move |_| {
        if let Some(id) = previous() {
            flow.go(Position::Question(id));
        }
    };

    let field = Field { question, error, heading };
    let control = match question.kind {
        QuestionKind::Choice | QuestionKind::YesNo => view! { <ChoiceControl field choice offered/> }.into_any(),
        _ => view! { <InputControl field text currency/> }.into_any(),
    };

    view! {
        <form class="wizard-step" on:submit=submit novalidate>
            {control}
            <div class="actions">
                <button type="submit" class="button primary">{t(Key::WizardNext)}</button>
                <Show when=move || previous().is_some()>
                    <button type="button" class="button" on:click=back>{t(Key::WizardBack)}</button>
                </Show>
            </div>
        </form>
    }
}
