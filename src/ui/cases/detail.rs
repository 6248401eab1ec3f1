use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::case_name;
use super::money::{money_text, MoneyEditor};
use crate::adapters::{clock, dom, files};
use crate::codec::{backup, ics};
use crate::domain::{limits, CaseStatus, EventKind, TimelineEvent};
use crate::i18n::{fill, format_date, tr, Key, Lang};
use crate::scenario::{self, Scenario};
use crate::time_text::format_timestamp;
use crate::ui::actions::{self, failure_text, Action, Outcome, SaveError};
use crate::ui::announcer::announce;
use crate::ui::confirm::ConfirmDialog;
use crate::ui::exports::calendar_text;
use crate::ui::i18n::{t, use_lang, use_title};
use crate::ui::not_found::NotFound;
use crate::ui::plan::due_view;
use crate::ui::plan::{PlanView, Ticks};
use crate::ui::state::use_cases;

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

fn event_text(lang: Lang, scenario: &Scenario, event: &TimelineEvent) -> String {
    match &event.kind {
        EventKind::Created => tr(lang, Key::EventCreated).to_string(),
        EventKind::StatusChanged { from, to } => {
            fill(tr(lang, Key::EventStatus), &[("from", tr(lang, from.key())), ("to", tr(lang, to.key()))])
        }
        EventKind::Note { text } => text.clone(),
        EventKind::ChecklistTicked { item, done } => {
            let label = scenario
                .plan
                .iter()
                .flat_map(|p| p.checklist.iter())
                .find(|c| &c.id == item)
                .map(|c| c.label.get(lang).to_string())
                .unwrap_or_else(|| item.clone());
            fill(tr(lang, if *done { Key::EventTicked } else { Key::EventUnticked }), &[("item", &label)])
        }
        EventKind::MoneyChanged => tr(lang, Key::EventMoney).to_string(),
        EventKind::AnswersEdited => tr(lang, Key::EventAnswers).to_string(),
        EventKind::Restored => tr(lang, Key::EventRestored).to_string(),
    }
}

fn format_time(lang: Lang, at: chrono::DateTime<chrono::Utc>) -> String {
    let (date, hour, minute) = clock::local(at);
    format!("{} {hour:02}:{minute:02}", format_date(lang, date))
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
    // What the last failed action was and why: shown until the next action succeeds.
    let error = RwSignal::new(None::<(Action, SaveError)>);
    // Announces the outcome of an action: `Ok` carries what to announce (success, or why the case turned the
    // change down); on `Err`, what was not saved.
    let report = move |action: Action, result: Result<Option<Key>, SaveError>| {
        let lang = lang.get_untracked();
        match result {
            Ok(message) => {
                error.set(None);
                if let Some(key) = message {
                    announce(tr(lang, key));
                }
            }
            Err(e) => {
                announce(failure_text(lang, action, &e));
                error.set(Some((action, e)));
            }
        }
    };

    let answers = Signal::derive(move || case.with(|c| c.as_ref().map(|c| c.answers.clone()).unwrap_or_default()));
    let ticks_state =
        Signal::derive(move || case.with(|c| c.as_ref().map(|c| c.checklist.clone()).unwrap_or_default()));
    let tick = {
        let id = id.clone();
        Callback::new(move |(item, done): (String, bool)| {
            report(Action::Tick, actions::tick(cases, &id, item, done).map(|()| None))
        })
    };
    let created = case.with_untracked(|c| c.as_ref().map(|c| c.created_at.date_naive())).unwrap_or(today);

    let new_status = RwSignal::new(String::new());
    let set_status = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let code = new_status.get_untracked();
            if let Some(to) = CaseStatus::from_code(&code) {
                let result = actions::set_status(cases, &id, to);
                if result == Ok(Outcome::Saved) {
                    new_status.set(String::new());
                }
                let message = |o| Some(if o == Outcome::Saved { Key::CaseSaved } else { Key::StatusRefused });
                report(Action::SetStatus, result.map(message));
            }
        }
    };
    let note = RwSignal::new(String::new());
    let add_note = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = actions::add_note(cases, &id, note.get_untracked());
            // A note that was not saved stays in the field, so it is not lost with the tab.
            if result == Ok(Outcome::Saved) {
                note.set(String::new());
            }
            let message = |o| Some(if o == Outcome::Saved { Key::NoteAdded } else { Key::NoteEmpty });
            report(Action::AddNote, result.map(message));
        }
    };
    let save_money = {
        let id = id.clone();
        Callback::new(move |m| {
            report(Action::SaveMoney, actions::save_money(cases, &id, m).map(|()| Some(Key::CaseSaved)))
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
    let print = move |_| dom::print();

    // Delete asks first; afterwards the list offers "Undo".
    let confirming = RwSignal::new(false);
    let delete_button: NodeRef<html::Button> = NodeRef::new();
    let delete = {
        let id = id.clone();
        let navigate = navigate.clone();
        Callback::new(move |()| {
            match actions::delete_case(cases, &id) {
                Ok(()) => announce(tr(lang.get_untracked(), Key::CaseDeletedShort)),
                Err(e) => announce(failure_text(lang.get_untracked(), Action::DeleteCase, &e)),
            }
            navigate("/cases", Default::default());
        })
    };

    let header = move || {
        let lang = lang.get();
        case.get().map(|c| {
            let next = c.next_deadline().filter(|_| c.status.is_active()).map(|d| {
                let label = scenario.deadlines.iter().find(|r| r.id == d.rule).map(|r| r.label.get(lang).to_string()).unwrap_or_default();
                view! {
                    <p class="next-deadline">
                        <strong>{tr(lang, Key::CaseNextDeadline)}</strong> " " {label} ": "
                        {due_view(lang, today, d.due)}
                    </p>
                }
            });
            view! {
                <p class="eyebrow"><span class="market-tag">{tr(lang, c.marketplace.key())}</span> " · " {scenario.title.get(lang).to_string()}</p>
                <h1>{case_name(&c, lang)}</h1>
                <dl class="case-facts">
                    <div><dt>{tr(lang, Key::CaseStatusLabel)}</dt><dd class="case-status">{tr(lang, c.status.key())}</dd></div>
                    {(!c.buyer.is_empty()).then(|| view! { <div><dt>{tr(lang, Key::CaseBuyer)}</dt><dd>{c.buyer.clone()}</dd></div> })}
                    <div><dt>{tr(lang, Key::MoneyAtStake)}</dt><dd>{money_text(lang, c.money.at_stake, &c.money.currency)}</dd></div>
                    <div><dt>{tr(lang, Key::MoneyClaimed)}</dt><dd>{money_text(lang, c.money.claimed, &c.money.currency)}</dd></div>
                    <div><dt>{tr(lang, Key::MoneyReceived)}</dt><dd>{money_text(lang, c.money.received, &c.money.currency)}</dd></div>
                    <div><dt>{tr(lang, Key::CaseOpened)}</dt><dd>{format_date(lang, c.created_at.date_naive())}</dd></div>
                </dl>
                {next}
            }
        })
    };
    let status_options = move || {
        let lang = lang.get();
        case.with(|c| c.as_ref().map(|c| c.status.next()).unwrap_or_default())
            .into_iter()
            .map(|s| view! { <option value=s.code()>{tr(lang, s.key())}</option> })
            .collect_view()
    };
    let timeline = move || {
        let lang = lang.get();
        case.with(|c| {
            c.as_ref().map(|c| {
                c.timeline
                    .iter()
                    .rev()
                    .map(|e| {
                        let is_note = matches!(e.kind, EventKind::Note { .. });
                        view! {
                            <li class=if is_note { "event note" } else { "event" }>
                                <time datetime=format_timestamp(&e.at)>{format_time(lang, e.at)}</time>
                                {event_text(lang, scenario, e)}
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let money_editor = move || {
        case.with_untracked(|c| c.as_ref().map(|c| c.money.clone()))
            .map(|m| view! { <MoneyEditor money=m on_save=save_money/> })
    };

    view! {
        <article class="page case-page">
            {header}
            {move || error.get().map(|(action, e)| view! { <p class="notice error" role="alert">{move || failure_text(lang.get(), action, &e)}</p> })}
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

            <section class="no-print">
                <h2>{t(Key::CaseChangeStatus)}</h2>
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
            </section>

            <section>
                <h2>{t(Key::CasePlan)}</h2>
                <PlanView scenario answers created ticks=Ticks { state: ticks_state, set: tick }/>
            </section>

            <section class="no-print">
                <h2>{t(Key::CaseMoney)}</h2>
                {money_editor}
            </section>

            <section>
                <h2>{t(Key::CaseTimeline)}</h2>
                <form class="note-form no-print" on:submit=add_note>
                    <div class="field">
                        <label for="note-text">{t(Key::CaseNoteLabel)}</label>
                        <textarea id="note-text" maxlength=limits::LONG_TEXT_CHARS prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="actions"><button type="submit" class="button">{t(Key::CaseAddNote)}</button></div>
                </form>
                <ol class="timeline">{timeline}</ol>
            </section>
        </article>
    }
}
