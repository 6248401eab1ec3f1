//! A case's history, newest first, and the form that adds a note to it.

use leptos::prelude::*;

use crate::adapters::clock;
use crate::domain::{limits, Case, EventKind, LetterVia, TimelineEvent};
use crate::i18n::{fill, format_date, tr, Key, Lang};
use crate::scenario::Scenario;
use crate::time_text::format_timestamp;
use crate::ui::i18n::{t, use_lang};
use crate::ui::store::{use_store, Command, Outcome};

/// A checklist item's text in `lang`, else its id (an item the scenario no longer has).
fn checklist_label(lang: Lang, scenario: &Scenario, item: &str) -> String {
    scenario
        .plan
        .iter()
        .flat_map(|p| p.checklist.iter())
        .find(|c| c.id == item)
        .map(|c| c.label.get(lang).to_string())
        .unwrap_or_else(|| item.to_string())
}

fn event_text(lang: Lang, scenario: &Scenario, case: &Case, event: &TimelineEvent) -> String {
    let file_name = |attachment: &str| case.attachment_name(attachment).unwrap_or(attachment).to_string();
    match &event.kind {
        EventKind::Created => tr(lang, Key::EventCreated).to_string(),
        EventKind::StatusChanged { from, to } => {
            fill(tr(lang, Key::EventStatus), &[("from", tr(lang, from.key())), ("to", tr(lang, to.key()))])
        }
        EventKind::Note { text } => text.clone(),
        EventKind::ChecklistTicked { item, done } => {
            let label = checklist_label(lang, scenario, item);
            fill(tr(lang, if *done { Key::EventTicked } else { Key::EventUnticked }), &[("item", &label)])
        }
        EventKind::MoneyChanged => tr(lang, Key::EventMoney).to_string(),
        EventKind::AnswersEdited => tr(lang, Key::EventAnswers).to_string(),
        EventKind::Restored => tr(lang, Key::EventRestored).to_string(),
        EventKind::LossesChanged => tr(lang, Key::EventLosses).to_string(),
        EventKind::Unknown(event) => fill(tr(lang, Key::EventUnknown), &[("kind", &event.kind)]),
        EventKind::StageChanged { step } => {
            let key = if step.reference.is_empty() { Key::EventStage } else { Key::EventStageReference };
            fill(
                tr(lang, key),
                &[
                    ("stage", tr(lang, step.stage.key())),
                    ("date", &format_date(lang, step.on)),
                    ("channel", tr(lang, step.channel.key())),
                    ("reference", &step.reference),
                ],
            )
        }
        EventKind::AttachmentAdded { name, .. } => fill(tr(lang, Key::EventAttachmentAdded), &[("name", name)]),
        EventKind::AttachmentRemoved { attachment } => {
            fill(tr(lang, Key::EventAttachmentRemoved), &[("name", &file_name(attachment))])
        }
        EventKind::AttachmentCaptioned { caption, .. } => {
            fill(tr(lang, Key::EventAttachmentCaptioned), &[("caption", caption)])
        }
        EventKind::AttachmentTied { attachment, item: Some(item) } => fill(
            tr(lang, Key::EventAttachmentTied),
            &[("name", &file_name(attachment)), ("item", &checklist_label(lang, scenario, item))],
        ),
        EventKind::AttachmentTied { attachment, item: None } => {
            fill(tr(lang, Key::EventAttachmentUntied), &[("name", &file_name(attachment))])
        }
        EventKind::LetterSent { message, number, how } => {
            let title = scenario
                .messages
                .iter()
                .find(|m| &m.id == message)
                .map(|m| m.title.get(lang).to_string())
                .unwrap_or_else(|| message.clone());
            let key = match (how, number) {
                (LetterVia::Copied, Some(_)) => Key::EventLetterCopiedNumbered,
                (LetterVia::Printed, Some(_)) => Key::EventLetterPrintedNumbered,
                (LetterVia::Copied, None) => Key::EventLetterCopied,
                (LetterVia::Printed, None) => Key::EventLetterPrinted,
                (LetterVia::Downloaded, Some(_)) => Key::EventLetterDownloadedNumbered,
                (LetterVia::Downloaded, None) => Key::EventLetterDownloaded,
            };
            let number = number.map(|n| n.to_string()).unwrap_or_default();
            fill(tr(lang, key), &[("title", &title), ("number", &number)])
        }
    }
}

fn format_time(lang: Lang, at: chrono::DateTime<chrono::Utc>) -> String {
    let (date, hour, minute) = clock::local(at);
    format!("{} {hour:02}:{minute:02}", format_date(lang, date))
}

#[component]
pub fn Timeline(case: Memo<Option<Case>>, scenario: &'static Scenario) -> impl IntoView {
    let lang = use_lang();
    let events = move || {
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
                                {event_text(lang, scenario, c, e)}
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! { <ol class="timeline">{events}</ol> }
}

#[component]
pub fn NoteForm(id: String) -> impl IntoView {
    let store = use_store();
    let note = RwSignal::new(String::new());
    let add_note = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = store.run(Command::AddNote { case: id.clone(), text: note.get_untracked() }, &[]);
        // A note that was not saved stays in the field, so it is not lost with the tab.
        if result == Ok(Outcome::Saved) {
            note.set(String::new());
        }
    };
    view! {
        <form class="note-form no-print" on:submit=add_note>
            <div class="field">
                <label for="note-text">{t(Key::CaseNoteLabel)}</label>
                <textarea id="note-text" maxlength=limits::LONG_TEXT_CHARS prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <div class="actions"><button type="submit" class="button">{t(Key::CaseAddNote)}</button></div>
        </form>
    }
}
