use leptos::prelude::*;

use super::announcer::announce;
use super::auto_backup::AutoBackupSection;
use super::exports::export_backup;
use super::i18n::{set_lang, t, use_i18n, use_lang, use_title_key};
use super::import::ImportBackup;
use super::store::{self, use_cases, use_store, Command, QuarantineEntry};
use crate::adapters::{clock, files};
use crate::domain::durability::Engine;
use crate::i18n::{fill, format_date, format_decimal, tr, Key, Lang};

#[component]
pub fn Settings() -> impl IntoView {
    use_title_key(Key::TitleSettings);
    super::hash::use_focus_on_fragment();
    let i18n = use_i18n();
    let lang = i18n.lang;
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
                                <input type="radio" name="settings-lang" id=id.clone() value=l.code() prop:checked=move || lang.get() == l on:change=move |_| set_lang(i18n, l)/>
                                <label for=id lang=l.code()>{l.native_name()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <super::business::BusinessSection/>
            <BackupSection/>
            <AutoBackupSection/>
            <super::reminders::RemindersSection/>
            <StorageSection/>
            <QuarantineSection/>
        </section>
    }
}

#[component]
fn BackupSection() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let last_export = store.prefs.last_export;
    let export = move |_| export_backup(store, lang.get_untracked());
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
            <ImportBackup input_id="import-file" label=Key::SettingsImport/>
        </section>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let usage = Memo::new(move |_| {
        cases.book.track();
        store::usage()
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
            // Nothing to ask where the browser has no Storage API, or once it said yes.
            <Show when=move || cases.persisted.get().can_ask()>
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
    let store = use_store();
    let entries = RwSignal::new(store::quarantined());
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
                    let Some(key) = key.clone() else { return };
                    // Removed from the list only once it is gone from storage; a failure says so.
                    if store.run(Command::DiscardQuarantined { key }, &[]).is_ok() {
                        entries.set(store::quarantined());
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
