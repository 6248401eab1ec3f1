//! The questioned dates of a set of answers (`domain::date_checks`): shown in the wizard and on the case page.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::date_checks::date_problems;
use crate::scenario::{Answers, Scenario};
use crate::ui::i18n::use_lang;

#[component]
pub fn DateWarnings(
    scenario: &'static Scenario,
    #[prop(into)] answers: Signal<Answers>,
    today: NaiveDate,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let texts: Vec<String> =
            answers.with(|a| date_problems(scenario, a, today).iter().map(|p| p.text(scenario, lang)).collect());
        (!texts.is_empty()).then(|| {
            view! {
                <div class="notice warning date-warnings" role="status">
                    <ul>{texts.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
