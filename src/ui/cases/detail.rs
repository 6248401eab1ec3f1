use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::case_header::CaseHeader;
use super::case_name;
use super::evidence::{proof_items, Evidence};
use super::losses::LossTableEditor;
use super::money::MoneyEditor;
use super::section::CaseSection;
use super::stage_form::StageForm;
use super::status_form::StatusForm;
use super::timeline::{NoteForm, Timeline};
use crate::adapters::{clock, dom, files};
use crate::codec::{backup, ics};
use crate::i18n::{tr, Key};
use crate::scenario::{self, Scenario};
use crate::ui::announcer::announce;
use crate::ui::confirm::ConfirmDialog;
use crate::ui::date_warnings::DateWarnings;
use crate::ui::exports::calendar_text;
use crate::ui::i18n::{t, use_lang, use_title};
use crate::ui::message::{CaseLetters, CaseProfilePicker};
use crate::ui::not_found::NotFound;
use crate::ui::plan::{PlanView, Ticks};
use crate::ui::store::{use_cases, use_store, Command, Outcome};

#[component]
pub fn CaseDetail() -> impl IntoView {
    let params = use_params_map();
    let cases = use_cases();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let exists = Memo::new(move |_| cases.book.with(|b| b.get(&id.get()).is_some()));
    move || {
        let id = id.get();
        let scenario = cases.book.with_untracked(|b| b.get(&id).and_then(|c| scenario::get(&c.scenario)));
        match (exists.get(), scenario) {
            (true, Some(scenario)) => view! { <CaseView id scenario/> }.into_any(),
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn CaseView(id: String, scenario: &'static Scenario) -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let navigate = use_navigate();
    let today = clock::today();
    let case = {
        let id = id.clone();
        Memo::new(move |_| cases.book.with(|b| b.get(&id).cloned()))
    };
    use_title(move |lang| case.with_untracked(|c| c.as_ref().map(|c| case_name(c, lang)).unwrap_or_default()));
    let store = use_store();
    // A failure left over from another page is not this case's.
    store.failure.set(None);

    let answers = Signal::derive(move || case.with(|c| c.as_ref().map(|c| c.answers.clone()).unwrap_or_default()));
    let ticks_state =
        Signal::derive(move || case.with(|c| c.as_ref().map(|c| c.checklist.clone()).unwrap_or_default()));
    let tick = {
        let id = id.clone();
        Callback::new(move |(item, done): (String, bool)| {
            let _ = store.run(Command::Tick { case: id.clone(), item, done }, &[]);
        })
    };
    let letters = CaseLetters { id: StoredValue::new(id.clone()), case };
    let created = case.with_untracked(|c| c.as_ref().map(|c| c.created_at.date_naive())).unwrap_or(today);

    let save_money = {
        let id = id.clone();
        Callback::new(move |money| {
            let _ = store.run(Command::SaveMoney { case: id.clone(), money }, &[]);
        })
    };

    let export_ics = move |_| {
        let lang = lang.get_untracked();
        let Some(c) = case.get_untracked() else { return };
        let text = calendar_text([&c], lang, clock::now());
        let ok = files::download(&ics::file_name(today, Some(&c.id)), "text/calendar;charset=utf-8", &text);
        announce(tr(lang, if ok { Key::ExportDone } else { Key::ExportFailed }));
    };
    let share = move |_| {
        let lang = lang.get_untracked();
        let Some(c) = case.get_untracked() else { return };
        let now = clock::now();
        let name = backup::file_name(backup::FileKind::Case, now, Some(&c.id));
        let ok = backup::export_case(&c, now).is_ok_and(|text| files::download(&name, "application/json", &text));
        announce(tr(lang, if ok { Key::ExportDone } else { Key::ExportFailed }));
    };
    // The printed case file has every section, whatever is folded on screen.
    let print = move |_| {
        dom::unfold_all("details.case-section");
        dom::print();
    };
    // On a phone the page opens with the sections folded: the banner and the claim's next step come first.
    let wide = !dom::is_narrow_screen();

    // Delete asks first; afterwards the list offers "Undo".
    let confirming = RwSignal::new(false);
    let delete_button: NodeRef<html::Button> = NodeRef::new();
    let delete = {
        let id = id.clone();
        let navigate = navigate.clone();
        Callback::new(move |()| {
            // Only a deletion that was saved leaves the page; otherwise the case and the reason stay in view.
            if store.run(Command::DeleteCase { case: id.clone() }, &[]) == Ok(Outcome::Saved) {
                navigate("/cases", Default::default());
            }
        })
    };

    // Re-rendered when the amounts change (a loss table moves the claimed amount), not on every case change.
    let money = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.money.clone())));
    let money_editor = move || money.get().map(|m| view! { <MoneyEditor money=m on_save=save_money/> });

    // Each folding section's content is built once, with its own copy of the id.
    let (status_id, losses_id, note_id) = (id.clone(), id.clone(), id.clone());
    view! {
        <article class="page case-page">
            <CaseHeader case scenario today/>
            <DateWarnings scenario answers today/>
            {move || store.failure.get().map(|(not_saved, e)| view! {
                <p class="notice error" role="alert">{move || crate::ui::store::failure_text(lang.get(), not_saved, &e)}</p>
            })}
            <div class="actions no-print">
                <A href=href(&format!("/wizard/{}?case={}", scenario.id, id)) attr:class="button">{t(Key::CaseContinueWizard)}</A>
                <button type="button" class="button" on:click=print>{t(Key::CasePrint)}</button>
                <button type="button" class="button" on:click=export_ics>{t(Key::ExportIcsCase)}</button>
                <button type="button" class="button" on:click=share>{t(Key::CaseShare)}</button>
                <button type="button" class="button danger" node_ref=delete_button on:click=move |_| confirming.set(true)>{t(Key::CaseDelete)}</button>
            </div>
            <ConfirmDialog
                open=confirming
                opener=delete_button
                id="confirm-delete-text"
                question=Key::CaseDeleteConfirm
                yes=Key::CaseDeleteYes
                on_yes=delete
            />

            <StageForm id=id.clone() case/>

            <CaseSection id="case-status" title=Key::CaseChangeStatus open=wide class="no-print">
                <StatusForm id=status_id case/>
            </CaseSection>

            <CaseSection id="case-plan" title=Key::CasePlan open=wide>
                <CaseProfilePicker letters/>
                <PlanView scenario answers created ticks=Ticks { state: ticks_state, set: tick, proof: proof_items(case) } case=letters/>
            </CaseSection>

            <Evidence id=id.clone() case scenario/>

            <CaseSection id="losses" title=Key::CaseLosses open=wide>
                <LossTableEditor id=losses_id case/>
            </CaseSection>

            <CaseSection id="case-money" title=Key::CaseMoney open=wide class="no-print">
                {money_editor}
            </CaseSection>

            <CaseSection id="case-timeline" title=Key::CaseTimeline open=wide>
                <NoteForm id=note_id/>
                <Timeline case scenario/>
            </CaseSection>
        </article>
    }
}
