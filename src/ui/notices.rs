//! Banners above every page about the data itself: storage missing, data from a newer version, values set
//! aside as unreadable, changes held only in memory, a backup that is overdue.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;

use super::announcer::announce;
use super::auto_backup::use_auto_backup;
use super::exports::export_backup;
use super::i18n::{t, use_lang};
use super::risk::RiskNotice;
use super::store::{self, Notice};
use super::store::{save_error_key, use_cases, use_store, Command, StorageNotices};
use crate::adapters::{clock, files};
use crate::domain::durability::AutoBackup;
use crate::i18n::{fill, tr, Key};

#[component]
pub fn StorageBanners() -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let StorageNotices(notices) = use_store().notices;

    let notice_views = move || {
        let lang = lang.get();
        notices
            .get()
            .into_iter()
            .map(|notice| match notice {
                Notice::Unavailable => view! {
                    <div class="notice warning" role="alert"><p>{tr(lang, Key::ErrorStorageUnavailable)}</p></div>
                }
                .into_any(),
                Notice::NewerVersion { schema } => {
                    let download = move |_| {
                        let ok = store::raw_dump().is_some_and(|raw| files::download("claimdesk-newer-data.json", "application/json", &raw));
                        announce(tr(lang, if ok { Key::ExportDone } else { Key::ExportFailed }));
                    };
                    view! {
                        <div class="notice error" role="alert">
                            <p>{fill(tr(lang, Key::NoticeNewerVersion), &[("schema", &schema.to_string())])}</p>
                            <button type="button" class="button" on:click=download>{tr(lang, Key::NoticeDownloadData)}</button>
                        </div>
                    }
                    .into_any()
                }
                Notice::Quarantined { key, .. } => view! {
                    <div class="notice error" role="alert">
                        <p>{fill(tr(lang, Key::NoticeQuarantined), &[("key", &key)])}</p>
                        <A href=href("/settings#quarantine") attr:class="button">{tr(lang, Key::NoticeSeeQuarantine)}</A>
                    </div>
                }
                .into_any(),
            })
            .collect_view()
    };

    let store = use_store();
    let export_backup = move |_| export_backup(store, lang.get_untracked());
    let retry = move |_| {
        let key = match cases.retry_unsaved() {
            Ok(()) => Key::CaseSaved,
            Err(e) => save_error_key(&e),
        };
        announce(tr(lang.get_untracked(), key));
    };
    let unsaved = move || {
        cases.unsaved.get().map(|e| {
            view! {
                <div class="notice error" role="alert">
                    <p>{move || tr(lang.get(), save_error_key(&e))}</p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=export_backup>{t(Key::SettingsExportBackup)}</button>
                        <button type="button" class="button" on:click=retry>{t(Key::NoticeRetrySave)}</button>
                    </div>
                </div>
            }
        })
    };
    let reminder_dismissed = RwSignal::new(false);
    let reminder = move || {
        let due = !reminder_dismissed.get()
            && cases.book.with(|b| b.backup_reminder_due(store.prefs.last_export.get(), clock::now()));
        due.then(|| {
            view! {
                <div class="notice warning" role="region" aria-label=t(Key::NoticeBackupReminder)>
                    <p>{t(Key::NoticeBackupReminder)}</p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=move |ev| {
                            export_backup(ev);
                            reminder_dismissed.set(true);
                        }>{t(Key::SettingsExportBackup)}</button>
                        <button type="button" class="button" on:click=move |_| reminder_dismissed.set(true)>{t(Key::NoticeLater)}</button>
                    </div>
                </div>
            }
        })
    };
    let undo = move || {
        cases.deleted.get().map(|case| {
            let name = super::cases::case_name(&case, lang.get());
            view! {
                <div class="notice" role="region" aria-label=t(Key::CaseDeleted)>
                    <p>{move || fill(tr(lang.get(), Key::CaseDeleted), &[("name", &name)])}</p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=move |_| {
                            let _ = store.run(Command::UndoDelete, &[]);
                        }>{t(Key::Undo)}</button>
                        <button type="button" class="button" on:click=move |_| cases.deleted.set(None)>{t(Key::Dismiss)}</button>
                    </div>
                </div>
            }
        })
    };
    // After a reload the browser forgets the permission to write the automatic backup: one click gives it back.
    let auto_backup = use_auto_backup();
    let paused = move || {
        let (file, text, button, id) = auto_backup.status.with(|s| match s {
            AutoBackup::Paused { file } => {
                Some((file.clone(), Key::AutoBackupPaused, Key::AutoBackupAllow, "auto-backup-paused"))
            }
            AutoBackup::Held { file } => {
                Some((file.clone(), Key::AutoBackupHeld, Key::AutoBackupResume, "auto-backup-held"))
            }
            _ => None,
        })?;
        let lang = lang.get();
        Some(view! {
            <div class="notice warning" role="region" aria-label=tr(lang, Key::AutoBackupTitle) id=id>
                <p>{fill(tr(lang, text), &[("file", &file)])}</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| auto_backup.allow()>{fill(tr(lang, button), &[("file", &file)])}</button>
                </div>
            </div>
        })
    };
    view! { <div class="notices">{notice_views} {unsaved} {undo} {reminder} {paused} <RiskNotice/></div> }
}
