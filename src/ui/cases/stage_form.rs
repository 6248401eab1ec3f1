//! The claim's stage and the seller's next step on the case page: what happened, when, under which number and
//! through which channel. The step's deadlines appear on the page as soon as it is saved.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::adapters::clock;
use crate::domain::{limits, Case, Channel, Stage, StageStep};
use crate::i18n::{fill, tr, Key};
use crate::time_text::{format_date, parse_date};
use crate::ui::i18n::{t, use_lang};
use crate::ui::store::{use_store, Command, Outcome};

#[component]
pub fn StageForm(id: String, case: Memo<Option<Case>>) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let id = StoredValue::new(id);
    let stage = Memo::new(move |_| case.with(|c| c.as_ref().map(Case::stage).unwrap_or(Stage::Found)));
    let next = RwSignal::new(String::new());
    let on = RwSignal::new(format_date(&clock::today()));
    let reference = RwSignal::new(String::new());
    let channel = RwSignal::new(Channel::Portal.code().to_string());
    // Why the last step was turned down, shown next to the form until the next try.
    let refused = RwSignal::new(None::<Key>);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(to) = Stage::from_code(&next.get_untracked()) else {
            refused.set(Some(Key::WizardChooseOne));
            return;
        };
        let Some(on) = parse_date(&on.get_untracked()) else {
            refused.set(Some(Key::WizardBadDate));
            return;
        };
        let channel = Channel::from_code(&channel.get_untracked()).unwrap_or(Channel::Other);
        let step = StageStep { stage: to, on, reference: reference.get_untracked(), channel };
        let command = Command::AdvanceStage { case: id.get_value(), step };
        match store.run(command, &[]) {
            Ok(Outcome::Saved) => {
                next.set(String::new());
                reference.set(String::new());
                refused.set(None);
            }
            Ok(Outcome::StepRefused(why)) => refused.set(Some(why.key())),
            // The case is gone (deleted in another tab) or its scenario unknown; a failure is shown by the page.
            Ok(_) | Err(_) => refused.set(None),
        }
    };

    let stage_options = move || {
        let lang = lang.get();
        stage.get().next().iter().map(|s| view! { <option value=s.code()>{tr(lang, s.key())}</option> }).collect_view()
    };
    let channel_options = move || {
        let lang = lang.get();
        Channel::ALL
            .into_iter()
            .map(|c| view! { <option value=c.code() selected=move || channel.get() == c.code()>{tr(lang, c.key())}</option> })
            .collect_view()
    };
    let now = move || fill(tr(lang.get(), Key::CaseStageNow), &[("stage", tr(lang.get(), stage.get().key()))]);

    view! {
        <section class="no-print stage">
            <h2>{t(Key::CaseStage)}</h2>
            <p class="stage-now">{now}</p>
            <Show
                when=move || !stage.get().next().is_empty()
                fallback=move || view! { <p>{move || tr(lang.get(), Key::CaseStageFinal)}</p> }
            >
                <form class="stage-form" on:submit=submit>
                    <div class="field">
                        <label for="stage-next">{t(Key::CaseStageNext)}</label>
                        <select id="stage-next" required on:change=move |ev| next.set(event_target_value(&ev)) prop:value=move || next.get()>
                            <option value="">"—"</option>
                            {stage_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="stage-date">{t(Key::CaseStageDate)}</label>
                        <input id="stage-date" type="date" required prop:value=move || on.get() on:input=move |ev| on.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="stage-reference">{t(Key::CaseStageReference)}</label>
                        <input id="stage-reference" type="text" autocomplete="off" maxlength=limits::SHORT_TEXT_CHARS
                            prop:value=move || reference.get() on:input=move |ev| reference.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="stage-channel">{t(Key::CaseStageChannel)}</label>
                        <select id="stage-channel" on:change=move |ev| channel.set(event_target_value(&ev))>{channel_options}</select>
                    </div>
                    <button type="submit" class="button">{t(Key::CaseStageSave)}</button>
                    {move || refused.get().map(|key| view! { <p class="field-error" role="alert">{tr(lang.get(), key)}</p> })}
                </form>
            </Show>
        </section>
    }
}
