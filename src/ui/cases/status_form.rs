//! Moving a case to another status: only the statuses its current one allows are offered.

use leptos::prelude::*;

use super::detail::Report;
use crate::domain::{Case, CaseStatus};
use crate::i18n::{tr, Key};
use crate::ui::actions::{self, Action, Outcome};
use crate::ui::i18n::{t, use_lang};
use crate::ui::state::use_cases;

#[component]
pub fn StatusForm(id: String, case: Memo<Option<Case>>, report: Report) -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let new_status = RwSignal::new(String::new());
    let set_status = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(to) = CaseStatus::from_code(&new_status.get_untracked()) else { return };
        let result = actions::set_status(cases, &id, to);
        if result == Ok(Outcome::Saved) {
            new_status.set(String::new());
        }
        let message = |o| Some(if o == Outcome::Saved { Key::CaseSaved } else { Key::StatusRefused });
        report.run((Action::SetStatus, result.map(message)));
    };
    let status_options = move || {
        let lang = lang.get();
        case.with(|c| c.as_ref().map(|c| c.status.next()).unwrap_or_default())
            .into_iter()
            .map(|s| view! { <option value=s.code()>{tr(lang, s.key())}</option> })
            .collect_view()
    };
    view! {
        <form class="toolbar" on:submit=set_status>
            <div class="field">
                <label for="new-status">{t(Key::CaseNewStatus)}</label>
                <select id="new-status" on:change=move |ev| new_status.set(event_target_value(&ev)) prop:value=move || new_status.get()>
                    <option value="">"—"</option>
                    {status_options}
                </select>
            </div>
            <button type="submit" class="button">{t(Key::CaseApplyStatus)}</button>
        </form>
    }
}
