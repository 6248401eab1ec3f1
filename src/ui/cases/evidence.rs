//! The case page's Evidence section: files picked, photographed, dropped or pasted are attached to the case;
//! each shows its thumbnail (or its format), date, size and SHA-256, a caption and the checklist item it
//! proves, and opens or downloads. The printed case file keeps the list with dates and hashes. A file whose
//! bytes the browser lost says so instead of showing a broken image.
//!
//! Thumbnails and files are read from the browser's file storage when a row appears and shown through object
//! URLs that are revoked when the row goes, so a case with 50 files stays light.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::adapters::blobs::{self, ObjectUrl};
use crate::domain::evidence::{case_file_entries, Attachment};
use crate::domain::limits::CAPTION_CHARS;
use crate::domain::Case;
use crate::i18n::{fill, format_date, tr, Key, Lang};
use crate::scenario::Scenario;
use crate::ui::i18n::{t, use_lang};
use crate::ui::store::evidence::{attach_files, clean_orphans};
use crate::ui::store::{use_store, Command, Outcome};

/// What the file picker offers: photos, videos, PDFs, spreadsheets, documents and text.
const ACCEPTED: &str = "image/*,video/*,application/pdf,.pdf,.xlsx,.xls,.csv,.ods,.doc,.docx,.odt,.txt";

/// The checklist items a file of the case proves (the plan shows a paperclip at them).
pub fn proof_items(case: Memo<Option<Case>>) -> Signal<BTreeSet<String>> {
    Signal::derive(move || case.with(|c| c.as_ref().map(Case::items_with_proof).unwrap_or_default()))
}

/// `(id, text)` of the checklist items the case has, in the plan's order.
fn checklist_items(lang: Lang, scenario: &Scenario, case: &Case) -> Vec<(String, String)> {
    let mut seen = BTreeSet::new();
    scenario
        .plan
        .iter()
        .flat_map(|p| p.checklist.iter())
        .filter(|c| case.checklist.contains_key(&c.id) && seen.insert(c.id.clone()))
        .map(|c| (c.id.clone(), c.label.get(lang).to_string()))
        .collect()
}

#[component]
pub fn Evidence(id: String, case: Memo<Option<Case>>, scenario: &'static Scenario) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let id = StoredValue::new(id);
    let problems = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(0usize);
    let dragging = RwSignal::new(false);

    let attach = move |files: Vec<blobs::IncomingFile>| {
        if files.is_empty() {
            return;
        }
        problems.set(Vec::new());
        busy.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let found = attach_files(store, id.get_value(), files, lang.get_untracked()).await;
            problems.update(|p| p.extend(found));
            busy.update(|n| *n = n.saturating_sub(1));
        });
    };
    // A screenshot pasted anywhere on the case page (text pasted into a field carries no file and is left alone).
    let paste = window_event_listener(leptos::ev::paste, move |ev| {
        let files = blobs::carried(&ev);
        if !files.is_empty() {
            ev.prevent_default();
            attach(files);
        }
    });
    on_cleanup(move || paste.remove());

    // The rows are keyed by attachment: a caption or a tick elsewhere re-renders no row and reloads no file.
    let ids = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref().map(|c| c.attachments().into_iter().map(|a| a.id).collect::<Vec<_>>()).unwrap_or_default()
        })
    });
    let empty = Memo::new(move |_| ids.with(Vec::is_empty));
    let rows = move || {
        if empty.get() {
            return view! { <p class="muted">{t(Key::EvidenceEmpty)}</p> }.into_any();
        }
        view! {
            <ol class="attachments">
                <For each=move || ids.get() key=|id| id.clone() let:attachment>
                    <AttachmentRow case_id=id case attachment scenario/>
                </For>
            </ol>
        }
        .into_any()
    };
    // The printed case file: every file with its date and hash (the rows above carry the controls).
    let case_file = move || {
        let lang = lang.get();
        let entries = case.with(|c| c.as_ref().map(|c| case_file_entries(lang, &c.attachments())))?;
        (!entries.is_empty()).then(|| {
            view! {
                <div class="print-only case-file-files">
                    <h3>{tr(lang, Key::EvidenceCaseFile)}</h3>
                    <ol>
                        {entries
                            .into_iter()
                            .map(|e| view! {
                                <li>
                                    {format!("{} ({}), {}", e.title, e.details, fill(tr(lang, Key::EvidenceAddedOn), &[("date", &e.added)]))}
                                    <br/>
                                    <code>{fill(tr(lang, Key::EvidenceHash), &[("hash", &e.sha256)])}</code>
                                </li>
                            })
                            .collect_view()}
                    </ol>
                </div>
            }
        })
    };

    view! {
        <section
            class="evidence"
            class:dragging=move || dragging.get()
            aria-busy=move || (busy.get() > 0).to_string()
            on:dragover=move |ev| {
                if blobs::carries_files(&ev) {
                    ev.prevent_default();
                    dragging.set(true);
                }
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| {
                dragging.set(false);
                if blobs::carries_files(&ev) {
                    ev.prevent_default();
                    attach(blobs::carried(&ev));
                }
            }
        >
            <h2>{t(Key::EvidenceTitle)}</h2>
            <p class="muted no-print">{t(Key::EvidenceHelp)}</p>
            <div class="actions no-print evidence-pick">
                <label class="button primary" for="evidence-files">{t(Key::EvidencePick)}</label>
                <input
                    id="evidence-files"
                    class="visually-hidden"
                    type="file"
                    multiple
                    accept=ACCEPTED
                    on:change=move |ev| attach(blobs::picked(&ev))
                />
                <label class="button" for="evidence-camera">{t(Key::EvidenceTakePhoto)}</label>
                <input
                    id="evidence-camera"
                    class="visually-hidden"
                    type="file"
                    accept="image/*"
                    capture="environment"
                    on:change=move |ev| attach(blobs::picked(&ev))
                />
            </div>
            <p class="muted no-print">{move || tr(lang.get(), if dragging.get() { Key::EvidenceDropHere } else { Key::EvidenceDrop })}</p>
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| view! {
                    <div class="notice error no-print" role="alert" id="evidence-problems">
                        {list.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                    </div>
                })
            }}
            <div class="no-print">{rows}</div>
            {case_file}
        </section>
    }
}

/// What the browser's file storage holds for a row.
enum Stored {
    Loading,
    Present { file: ObjectUrl, thumbnail: Option<ObjectUrl> },
    Missing,
}

#[component]
fn AttachmentRow(
    case_id: StoredValue<String>,
    case: Memo<Option<Case>>,
    attachment: String,
    scenario: &'static Scenario,
) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let attachment = StoredValue::new(attachment);
    let current = Memo::new(move |_| {
        attachment.with_value(|id| case.with(|c| c.as_ref()?.attachments().into_iter().find(|a| &a.id == id)))
    });
    let stored = RwSignal::new_local(Stored::Loading);
    if let Some(first) = current.get_untracked() {
        leptos::task::spawn_local(async move {
            let loaded = load(&first).await;
            // The row may have gone meanwhile: its object URLs are then dropped (revoked) right here.
            let _ = stored.try_set(loaded);
        });
    }
    // Revokes the row's object URLs when it goes.
    on_cleanup(move || {
        let _ = stored.try_set(Stored::Missing);
    });

    let run = move |command: Command| store.run(command, &[]);
    let field_id = move |what: &str| attachment.with_value(|id| format!("evidence-{what}-{id}"));
    let view_row = move |a: Attachment| {
        let lang = lang.get();
        let entry = case_file_entries(lang, std::slice::from_ref(&a)).remove(0);
        let items = case.with_untracked(|c| c.as_ref().map(|c| checklist_items(lang, scenario, c)).unwrap_or_default());
        let proves = a.proves.clone().unwrap_or_default();
        let name = a.name.clone();
        let format = a.format_label();
        let preview = move || {
            stored.with(|s| match s {
                Stored::Present { thumbnail: Some(thumb), .. } => {
                    view! { <img class="attachment-thumb" src=thumb.url().to_string() alt="" loading="lazy"/> }
                        .into_any()
                }
                _ => view! { <span class="attachment-format" aria-hidden="true">{format.clone()}</span> }.into_any(),
            })
        };
        let links = {
            let name = name.clone();
            move || {
                stored.with(|s| match s {
                    Stored::Present { file, .. } => {
                        let url = file.url().to_string();
                        Some(view! {
                            <a class="button" href=url.clone() target="_blank" rel="noopener">{tr(lang, Key::EvidenceOpen)}</a>
                            <a class="button" href=url download=name.clone()>{tr(lang, Key::EvidenceDownload)}</a>
                        })
                    }
                    _ => None,
                })
            }
        };
        let missing = move || {
            stored.with(|s| matches!(s, Stored::Missing)).then(|| {
                view! { <p class="attachment-missing" role="note">{tr(lang, Key::EvidenceMissing)}</p> }
            })
        };
        let caption_changed = move |ev| {
            let caption = event_target_value(&ev);
            let command =
                Command::CaptionAttachment { case: case_id.get_value(), attachment: attachment.get_value(), caption };
            let _ = run(command);
        };
        let tie_changed = move |ev| {
            let value = event_target_value(&ev);
            let item = (!value.is_empty()).then_some(value);
            let _ = run(Command::TieAttachment { case: case_id.get_value(), attachment: attachment.get_value(), item });
        };
        let remove = move |_| {
            let command = Command::Detach { case: case_id.get_value(), attachment: attachment.get_value() };
            if run(command) == Ok(Outcome::Saved) {
                clean_orphans(store);
            }
        };
        view! {
            <div class="attachment-preview">{preview}</div>
            <div class="attachment-body">
                <p class="attachment-title">{entry.title}</p>
                <p class="attachment-meta muted">
                    {format!("{} · {}", entry.details, fill(tr(lang, Key::EvidenceAddedOn), &[("date", &format_date(lang, a.added.date_naive()))]))}
                </p>
                <p class="attachment-hash"><code>{fill(tr(lang, Key::EvidenceHash), &[("hash", &entry.sha256)])}</code></p>
                {missing}
                <div class="attachment-fields">
                    <div class="field">
                        <label for=field_id("caption")>{tr(lang, Key::EvidenceCaption)}</label>
                        <input id=field_id("caption") type="text" maxlength=CAPTION_CHARS prop:value=a.caption.clone() on:change=caption_changed/>
                    </div>
                    <div class="field">
                        <label for=field_id("proves")>{tr(lang, Key::EvidenceProves)}</label>
                        <select id=field_id("proves") on:change=tie_changed>
                            <option value="" selected=proves.is_empty()>{tr(lang, Key::EvidenceProvesNothing)}</option>
                            {items
                                .into_iter()
                                .map(|(id, label)| {
                                    let selected = id == proves;
                                    view! { <option value=id selected=selected>{label}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                </div>
                <div class="actions">
                    {links}
                    <button type="button" class="button danger" on:click=remove>{tr(lang, Key::EvidenceRemove)}</button>
                </div>
            </div>
        }
    };
    move || current.get().map(|a| view! { <li class="attachment">{view_row(a)}</li> })
}

/// Reads a row's file and thumbnail from the browser's file storage.
async fn load(attachment: &Attachment) -> Stored {
    let Ok(Some(file)) = blobs::get_file(&attachment.sha256).await else { return Stored::Missing };
    let Some(file) = ObjectUrl::new(&file) else { return Stored::Missing };
    let thumbnail = match &attachment.thumbnail {
        Some(sha) => blobs::get_file(sha).await.ok().flatten().and_then(|t| ObjectUrl::new(&t)),
        None => None,
    };
    Stored::Present { file, thumbnail }
}
