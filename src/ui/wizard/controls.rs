//! The two kinds of control a wizard question shows: radio buttons for a choice, a text field (with a currency
//! for amounts) for the rest. Both are labelled, described and marked invalid the same way ([`Field`]).

use leptos::html::H2;
use leptos::prelude::*;

use crate::domain::limits;
use crate::i18n::{tr, Key};
use crate::scenario::{AnswerError, Choice, Question, QuestionKind};
use crate::ui::i18n::{t, use_lang};

const CURRENCIES: [&str; 6] = ["RUB", "PLN", "EUR", "USD", "CZK", "GBP"];

/// What every control of a question shares: the question, its current error and the heading that takes the
/// focus after a step.
#[derive(Clone, Copy)]
pub struct Field {
    pub question: &'static Question,
    pub error: RwSignal<Option<AnswerError>>,
    pub heading: NodeRef<H2>,
}

impl Field {
    fn error_id(self) -> String {
        format!("{}-error", self.question.id)
    }

    fn help_id(self) -> String {
        format!("{}-help", self.question.id)
    }

    /// `aria-describedby`: the help text and, while there is one, the error.
    fn described_by(self) -> impl Fn() -> Option<String> + Send + Sync + Clone + 'static {
        move || {
            let mut ids = Vec::new();
            if self.question.help.is_some() {
                ids.push(self.help_id());
            }
            if self.error.get().is_some() {
                ids.push(self.error_id());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    fn invalid(self) -> impl Fn() -> Option<&'static str> + Send + Sync + Clone + 'static {
        move || self.error.get().is_some().then_some("true")
    }

    fn label(self) -> impl Fn() -> String + Send + Sync + Clone + 'static {
        let lang = use_lang();
        move || self.question.label.get(lang.get()).to_string()
    }

    fn help(self) -> impl IntoView {
        let lang = use_lang();
        self.question
            .help
            .as_ref()
            .map(|h| view! { <p class="help" id=self.help_id()>{move || h.get(lang.get()).to_string()}</p> })
    }

    fn error_view(self) -> impl IntoView {
        let lang = use_lang();
        move || {
            self.error
                .get()
                .map(|e| view! { <p class="field-error" id=self.error_id()>{move || tr(lang.get(), e.key())}</p> })
        }
    }
}

/// The id of a question's first control: its label points at it and an error focuses it.
pub fn input_id(q: &Question) -> String {
    format!("q-{}", q.id)
}

#[component]
pub fn ChoiceControl(
    field: Field,
    choice: RwSignal<Option<String>>,
    /// The choice's options on this path (ignored for yes/no).
    offered: Vec<&'static Choice>,
) -> impl IntoView {
    let lang = use_lang();
    let Field { question, error, heading } = field;
    let (described_by, invalid, label, help, error_view) =
        (field.described_by(), field.invalid(), field.label(), field.help(), field.error_view());
    let options: Vec<(String, Box<dyn Fn() -> String + Send + Sync>)> = match question.kind {
        QuestionKind::YesNo => vec![
            ("yes".to_string(), Box::new(move || tr(lang.get(), Key::Yes).to_string())),
            ("no".to_string(), Box::new(move || tr(lang.get(), Key::No).to_string())),
        ],
        _ => offered
            .into_iter()
            .map(|o| {
                (
                    o.id.clone(),
                    Box::new(move || o.label.get(lang.get()).to_string()) as Box<dyn Fn() -> String + Send + Sync>,
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
}

#[component]
pub fn InputControl(field: Field, text: RwSignal<String>, currency: RwSignal<String>) -> impl IntoView {
    let Field { question, error, heading } = field;
    let (described_by, invalid, label, help, error_view) =
        (field.described_by(), field.invalid(), field.label(), field.help(), field.error_view());
    let kind = question.kind;
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
}
