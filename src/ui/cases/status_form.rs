//! Moving a case to another status: only the statuses its current one allows are offered.

use leptos::prelude::*;

use crate::domain::{Case, CaseStatus};
use crate::i18n::{tr, Key};
use crate::ui::i18n::{t, use_lang};
use crate::ui::store::{use_store, Command, Outcome};

#[component]
pub fn StatusForm(id: String, case: Memo<Option<Case>>) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let new_status = RwSignal::new(String::new());
    let set_status = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(to) = CaseStatus::from_code(&new_status.get_untracked()) else { return };
        if store.run(Command::SetStatus { case: id.clone(), to }, &[]) == Ok(Outcome::Saved) {
            new_status.set(String::new());
        }
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
