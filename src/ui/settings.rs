use leptos::prelude::*;

use super::actions::{self, failure_text, Action};
use super::announcer::announce;
use super::exports::export_backup;
use super::i18n::{set_lang, t, use_lang, use_title_key};
use super::import_error::import_error_text;
use super::state::use_cases;
use crate::adapters::storage::{self, QuarantineEntry};
use crate::adapters::{clock, files};
use crate::codec::backup::{check_file_size, preview_import, ImportPreview, SkipReason, MAX_IMPORT_BYTES};
use crate::domain::durability::Engine;
use crate::i18n::{fill, format_date, format_decimal, tr, Key, Lang};

#[component]
pub fn Settings() -> impl IntoView {
    use_title_key(Key::TitleSettings);
    let lang = use_lang();
    view! {
        <section class="page narrow">
            <h1>{t(Key::TitleSettings)}</h1>
            <fieldset class="settings-group">
                <legend><h2>{t(Key::LanguageLabel)}</h2></legend>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let id = format!("lang-{}", l.code());
                        view! {
                            <div class="radio">
                                <input type="radio" name="settings-lang" id=id.clone() value=l.code() prop:checked=move || lang.get() == l on:change=move |_| set_lang(lang, l)/>
                                <label for=id lang=l.code()>{l.native_name()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <BackupSection/>
            <StorageSection/>
            <QuarantineSection/>
        </section>
    }
}

#[component]
fn BackupSection() -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let preview = RwSignal::new(None::<ImportPreview>);
    let error = RwSignal::new(None::<String>);
    let last_export = RwSignal::new(storage::last_export());

    let export = move |_| {
        if let Some(at) = cases.book.with_untracked(|b| export_backup(b, lang.get_untracked())) {
            last_export.set(Some(at));
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        error.set(None);
        preview.set(None);
        let Some(file) = files::PickedFile::take(&ev) else { return };
        let lang = lang.get_untracked();
        if let Err(e) = check_file_size(file.size()) {
            error.set(Some(import_error_text(lang, &e)));
            return;
        }
        leptos::task::spawn_local(async move {
            match file.read_text(MAX_IMPORT_BYTES as f64).await {
                Err(_) => error.set(Some(tr(lang, Key::ImportUnreadable).into())),
                Ok(text) => match cases.book.with_untracked(|b| preview_import(&text, b)) {
                    Ok(p) => preview.set(Some(p)),
                    Err(e) => {
                        let message = import_error_text(lang, &e);
                        announce(message.clone());
                        error.set(Some(message));
                    }
                },
            }
        });
    };
    let confirm = move |_| {
        // Taken, not cloned: a backup of 10,000 cases is some 15 MB of case data.
        let Some(p) = preview.try_update_untracked(Option::take).flatten() else { return };
        let result = actions::import(cases, p);
        preview.set(None);
        let lang = lang.get_untracked();
        match result {
            Ok(n) => announce(fill(tr(lang, Key::ImportDone), &[("n", &n.to_string())])),
            Err(e) => {
                let message = failure_text(lang, Action::Import, &e);
                announce(message.clone());
                error.set(Some(message));
            }
        }
    };
    let preview_view = move || {
        let lang = lang.get();
        // Only the counts are read: cloning the preview would copy every case of the file.
        let counts = preview.with(|p| {
            p.as_ref().map(|p| {
                let newer_here = p.skipped.iter().filter(|(_, r)| *r == SkipReason::NotNewer).count();
                (p.added.len(), p.updated.len(), newer_here, p.skipped.len() - newer_here)
            })
        });
        counts.map(|(added, updated, newer_here, deleted)| {
            view! {
                <div class="notice warning" role="region" aria-labelledby="import-preview-title">
                    <div>
                        <h3 id="import-preview-title">{tr(lang, Key::ImportPreviewTitle)}</h3>
                        <ul class="import-summary">
                            <li>{fill(tr(lang, Key::ImportAdded), &[("n", &added.to_string())])}</li>
                            <li>{fill(tr(lang, Key::ImportUpdated), &[("n", &updated.to_string())])}</li>
                            <li>{fill(tr(lang, Key::ImportSkipped), &[("n", &newer_here.to_string())])}</li>
                            <li>{fill(tr(lang, Key::ImportSkippedDeleted), &[("n", &deleted.to_string())])}</li>
                        </ul>
                    </div>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=confirm>{tr(lang, Key::ImportConfirm)}</button>
                        <button type="button" class="button" on:click=move |_| preview.set(None)>{tr(lang, Key::Cancel)}</button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <section aria-labelledby="backup-title">
            <h2 id="backup-title">{t(Key::SettingsBackup)}</h2>
            <p>{t(Key::SettingsBackupText)}</p>
            <p class="muted">
                {move || {
                    let lang = lang.get();
                    match last_export.get() {
                        Some(at) => fill(tr(lang, Key::SettingsLastExport), &[("date", &format_date(lang, clock::local(at).0))]),
                        None => tr(lang, Key::SettingsNeverExported).to_string(),
                    }
                }}
            </p>
            <div class="actions">
                <button type="button" class="button primary" on:click=export>{t(Key::SettingsExportBackup)}</button>
            </div>
            <div class="field import-field">
                <label for="import-file">{t(Key::SettingsImport)}</label>
                <input type="file" id="import-file" accept=".json,application/json" on:change=pick aria-describedby="import-help"/>
                <p class="help" id="import-help">{t(Key::SettingsImportHelp)}</p>
            </div>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            {preview_view}
        </section>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let usage = Memo::new(move |_| {
        cases.book.track();
        storage::usage()
    });
    let usage_text = move || {
        let lang = lang.get();
        match usage.get() {
            None => tr(lang, Key::ErrorStorageUnavailable).to_string(),
            Some(u) => fill(
                tr(lang, Key::SettingsUsage),
                &[
                    ("percent", &format_decimal(lang, u.fraction() * 100.0, 1)),
                    ("cases", &cases.book.with(|b| b.len()).to_string()),
                ],
            ),
        }
    };
    let persisted_text = move || tr(lang.get(), cases.persisted.get().key());
    view! {
        <section aria-labelledby="storage-title">
            <h2 id="storage-title">{t(Key::SettingsStorage)}</h2>
            <label for="usage-meter">{usage_text}</label>
            <meter id="usage-meter" class="meter" min="0" max="1" low="0.6" high="0.8" optimum="0" value=move || usage.get().map(|u| u.fraction()).unwrap_or(0.0)></meter>
            <Show when=move || usage.get().is_some_and(|u| u.warn())>
                <p class="notice warning" role="alert">{t(Key::SettingsUsageWarning)}</p>
            </Show>
            <p id="persistence-state" data-state=move || format!("{:?}", cases.persisted.get())>{persisted_text}</p>
            <Show when=move || !cases.persisted.get().is_granted()>
                <button type="button" class="button" on:click=move |_| cases.ask_persistence()>{t(Key::SettingsAskPersist)}</button>
            </Show>
            <h3 id="persistence-notes-title">{t(Key::PersistNotesTitle)}</h3>
            <ul class="persistence-notes" aria-labelledby="persistence-notes-title">
                {Engine::EXPLAINED.into_iter().map(|e| view! { <li>{t(e.persistence_note())}</li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn QuarantineSection() -> impl IntoView {
    let lang = use_lang();
    let entries = RwSignal::new(storage::quarantined());
    let rows = move || {
        let lang = lang.get();
        entries
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, entry): (usize, QuarantineEntry)| {
                let raw = entry.raw.clone();
                let download = move |_| {
                    let ok = files::download(&format!("claimdesk-unreadable-{i}.txt"), "text/plain", &raw);
                    announce(tr(lang, if ok { Key::ExportDone } else { Key::ExportFailed }));
                };
                let key = entry.key.clone();
                let discard = move |_| {
                    if let Some(k) = key.as_deref() {
                        if storage::discard_quarantined(k).is_ok() {
                            entries.set(storage::quarantined());
                        }
                    }
                };
                let when = entry.at.map(|at| format_date(lang, clock::local(at).0)).unwrap_or_default();
                view! {
                    <li>
                        <p>{fill(tr(lang, Key::QuarantineEntry), &[("key", &entry.original), ("date", &when), ("size", &entry.raw.len().to_string())])}</p>
                        <div class="actions">
                            <button type="button" class="button" on:click=download>{tr(lang, Key::QuarantineDownload)}</button>
                            {entry.key.is_some().then(|| view! { <button type="button" class="button danger" on:click=discard.clone()>{tr(lang, Key::QuarantineDiscard)}</button> })}
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !entries.with(Vec::is_empty)>
            <section id="quarantine" aria-labelledby="quarantine-title">
                <h2 id="quarantine-title">{t(Key::QuarantineTitle)}</h2>
                <p>{t(Key::QuarantineText)}</p>
                <ul class="plain-list">{rows}</ul>
            </section>
        </Show>
    }
}
