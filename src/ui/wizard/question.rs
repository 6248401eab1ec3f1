use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::Flow;
use crate::adapters::dom;
use crate::domain::limits;
use crate::i18n::{tr, Key};
use crate::scenario::{AnswerError, FormValues, Position, Question, QuestionKind};
use crate::ui::i18n::{t, use_lang};

const CURRENCIES: [&str; 6] = ["RUB", "PLN", "EUR", "USD", "CZK", "GBP"];

#[component]
pub fn QuestionForm(flow: Flow, question: &'static Question) -> impl IntoView {
    let lang = use_lang();
    let scenario = flow.scenario;
    let start = flow.draft.with_untracked(|d| {
        question.form_values(lang.get_untracked(), d.answers.get(&question.id), &scenario.currency)
    });
    let choice = RwSignal::new(start.choice);
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

    let error_id = format!("{}-error", question.id);
    let help_id = format!("{}-help", question.id);
    let described_by = {
        let (error_id, help_id) = (error_id.clone(), help_id.clone());
        move || {
            let mut ids = Vec::new();
            if question.help.is_some() {
                ids.push(help_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let label = move || question.label.get(lang.get()).to_string();
    let help = question.help.as_ref().map(|h| {
        let help_id = help_id.clone();
        view! { <p class="help" id=help_id>{move || h.get(lang.get()).to_string()}</p> }
    });
    let error_view = move || {
        error
            .get()
            .map(|key| view! { <p class="field-error" id=error_id.clone()>{move || tr(lang.get(), key.key())}</p> })
    };
    let invalid = move || error.get().is_some().then_some("true");

    let control = match question.kind {
        QuestionKind::Choice | QuestionKind::YesNo => {
            let options: Vec<(String, Box<dyn Fn() -> String + Send + Sync>)> = match question.kind {
                QuestionKind::YesNo => vec![
                    ("yes".to_string(), Box::new(move || tr(lang.get(), Key::Yes).to_string())),
                    ("no".to_string(), Box::new(move || tr(lang.get(), Key::No).to_string())),
                ],
                _ => question
                    .options
                    .iter()
                    .map(|o| {
                        (
                            o.id.clone(),
                            Box::new(move || o.label.get(lang.get()).to_string())
                                as Box<dyn Fn() -> String + Send + Sync>,
                        )
                    })
                    .collect(),
            };
            let radios = options
                .into_iter()
                .enumerate()
                .map(|(index, (value, text_fn))| {
                    let id = if index == 0 { input_id(question) } else { format!("{}-{value}", question.id) };
                    let checked = {
                        let value = value.clone();
                        move || choice.get().as_deref() == Some(value.as_str())
                    };
                    view! {
                        <div class="radio">
                            <input
                                type="radio"
                                id=id.clone()
                                name=question.id.clone()
                                value=value.clone()
                                prop:checked=checked
                                on:change=move |_| {
                                    choice.set(Some(value.clone()));
                                    error.set(None);
                                }
                            />
                            <label for=id>{text_fn}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="question" aria-describedby=described_by aria-invalid=invalid>
                    <legend><h2 node_ref=heading tabindex="-1">{label}</h2></legend>
                    {help}
                    <div class="radio-group">{radios}</div>
                    {error_view}
                </fieldset>
            }
            .into_any()
        }
        kind => {
            let (input_type, input_mode, autocomplete) = match kind {
                QuestionKind::Date => ("date", None, "off"),
                QuestionKind::Money => ("text", Some("decimal"), "off"),
                _ => ("text", None, "off"),
            };
            let currency_select = (kind == QuestionKind::Money).then(|| {
                let select_id = format!("{}-currency", question.id);
                view! {
                    <div class="currency">
                        <label for=select_id.clone()>{t(Key::WizardCurrency)}</label>
                        <select id=select_id on:change=move |ev| currency.set(event_target_value(&ev))>
                            {CURRENCIES
                                .into_iter()
                                .map(|c| view! { <option value=c selected=move || currency.get() == c>{c}</option> })
                                .collect_view()}
                        </select>
                    </div>
                }
            });
            view! {
                <div class="question">
                    <h2 node_ref=heading tabindex="-1"><label for=input_id(question)>{label}</label></h2>
                    {help}
                    <div class="input-row">
                        <input
                            type=input_type
                            maxlength=limits::SHORT_TEXT_CHARS
                            id=input_id(question)
                            inputmode=input_mode
                            autocomplete=autocomplete
                            required=question.required
                            aria-describedby=described_by
                            aria-invalid=invalid
                            prop:value=move || text.get()
                            on:input=move |ev| {
                                text.set(event_target_value(&ev));
                                error.set(None);
                            }
                        />
                        {currency_select}
                    </div>
                    {error_view}
                </div>
            }
            .into_any()
        }
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

fn input_id(q: &Question) -> String {
    format!("q-{}", q.id)
}
