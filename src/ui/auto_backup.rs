//! The automatic backup file: chosen once in Settings, written a moment after each change, paused after a
//! reload until the user allows writing again. Feedback is what happened: the time of the last write that
//! succeeded, or the failure and its reason.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::announcer::announce;
use super::i18n::{t, use_lang};
use super::store::{use_cases, use_profiles, use_store, Cases, PrefSignal, Profiles};
use crate::adapters::backup_file::{self, ChooseError};
use crate::adapters::clock;
use crate::codec::backup;
use crate::domain::durability::{resumed_auto_backup, AutoBackup, WriteFailure, AUTO_BACKUP_DELAY_MS};
use crate::i18n::{fill, format_date, tr, Key, Lang};

const SUGGESTED_NAME: &str = "claimdesk-auto-backup.json";

#[derive(Clone, Copy)]
pub struct AutoBackupState {
    pub status: RwSignal<AutoBackup>,
    pub last_written: PrefSignal<Option<DateTime<Utc>>>,
    pub failure: RwSignal<Option<(DateTime<Utc>, WriteFailure)>>,
    /// Raised by every change; a scheduled write runs only if no later change came.
    generation: StoredValue<u64>,
    cases: Cases,
    profiles: Profiles,
}

pub fn use_auto_backup() -> AutoBackupState {
    expect_context::<AutoBackupState>()
}

/// Sets up the automatic backup for the page: finds a file chosen before and writes after each change.
pub fn provide_auto_backup() {
    let cases = use_cases();
    let profiles = use_profiles();
    let supported = backup_file::is_supported();
    let state = AutoBackupState {
        status: RwSignal::new(if supported { AutoBackup::Off } else { AutoBackup::Unsupported }),
        last_written: use_store().prefs.auto_backup_last_written,
        failure: RwSignal::new(None),
        generation: StoredValue::new(0),
        cases,
        profiles,
    };
    provide_context(state);
    if !supported {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Some((file, granted, file_cases)) = backup_file::restore().await {
            let has_records = cases.book.with_untracked(|b| !b.is_empty() || b.tombstones().next().is_some());
            state.status.set(resumed_auto_backup(file, granted, has_records, file_cases));
        }
    });
    // Every change of the book or of the business profiles (here or in another tab) schedules one write.
    Effect::watch(
        move || {
            cases.book.track();
            profiles.0.track();
        },
        move |_, _, _| state.schedule(),
        false,
    );
}

impl AutoBackupState {
    fn schedule(self) {
        let Some(generation) = self.generation.try_update_value(|g| {
            *g += 1;
            *g
        }) else {
            return;
        };
        set_timeout(
            move || {
                if self.generation.try_get_value() == Some(generation) {
                    leptos::task::spawn_local(self.write_now());
                }
            },
            std::time::Duration::from_millis(AUTO_BACKUP_DELAY_MS),
        );
    }

    /// Writes the whole book to the file now, if automatic backup is on; records the outcome.
    async fn write_now(self) {
        if !matches!(self.status.get_untracked(), AutoBackup::On { .. }) {
            return;
        }
        let now = clock::now();
        let written = self.cases.book.try_with_untracked(|b| {
            self.profiles.0.with_untracked(|p| (backup::export_json(b, p, now), b.len() as u32))
        });
        let Some((Ok(text), count)) = written else {
            self.failure.set(Some((now, WriteFailure::Other)));
            return;
        };
        match backup_file::write(&text, count).await {
            Ok(()) => {
                // The time shows in Settings after a reload too; if it cannot be stored, it shows until then.
                self.last_written.remember(Some(now));
                self.failure.set(None);
            }
            Err(failure) => {
                self.failure.set(Some((now, failure)));
                if failure == WriteFailure::NotAllowed {
                    if let Some(file) = self.status.get_untracked().file().map(str::to_string) {
                        self.status.set(AutoBackup::Paused { file });
                    }
                }
            }
        }
    }

    /// Lets the user pick the file, then writes the first backup to it at once.
    pub fn choose(self, lang: Lang) {
        leptos::task::spawn_local(async move {
            match backup_file::choose(SUGGESTED_NAME, tr(lang, Key::AutoBackupFileType)).await {
                Ok(file) => {
                    self.status.set(AutoBackup::On { file });
                    self.write_now().await;
                }
                Err(ChooseError::Cancelled) => {}
                Err(ChooseError::Failed) => announce(tr(lang, Key::AutoBackupPickFailed)),
            }
        });
    }

    /// Asks for permission to write to the file chosen before (after a reload, or to go on after a hold),
    /// then writes.
    pub fn allow(self) {
        leptos::task::spawn_local(async move {
            let Some(file) = self.status.get_untracked().file().map(str::to_string) else { return };
            if backup_file::allow().await {
                self.status.set(AutoBackup::On { file });
                self.write_now().await;
            }
        });
    }

    pub fn stop(self) {
        leptos::task::spawn_local(async move {
            backup_file::forget().await;
            self.status.set(AutoBackup::Off);
            self.failure.set(None);
        });
    }
}

fn date_time(lang: Lang, at: DateTime<Utc>) -> [(&'static str, String); 2] {
    let (date, hour, minute) = clock::local(at);
    [("date", format_date(lang, date)), ("time", format!("{hour:02}:{minute:02}"))]
}

/// Settings → Automatic backup (only where the browser supports it).
#[component]
pub fn AutoBackupSection() -> impl IntoView {
    let lang = use_lang();
    let state = use_auto_backup();
    let status_view = move || {
        let lang = lang.get();
        match state.status.get() {
            AutoBackup::Unsupported => ().into_any(),
            AutoBackup::Off => view! {
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| state.choose(lang)>{tr(lang, Key::AutoBackupChoose)}</button>
                </div>
            }
            .into_any(),
            AutoBackup::Paused { file } => view! {
                <p id="auto-backup-state" data-state="paused">{fill(tr(lang, Key::AutoBackupPaused), &[("file", &file)])}</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| state.allow()>{fill(tr(lang, Key::AutoBackupAllow), &[("file", &file)])}</button>
                    <button type="button" class="button" on:click=move |_| state.stop()>{tr(lang, Key::AutoBackupStop)}</button>
                </div>
            }
            .into_any(),
            AutoBackup::Held { file } => view! {
                <p id="auto-backup-state" data-state="held">{fill(tr(lang, Key::AutoBackupHeld), &[("file", &file)])}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| state.allow()>{fill(tr(lang, Key::AutoBackupResume), &[("file", &file)])}</button>
                    <button type="button" class="button" on:click=move |_| state.stop()>{tr(lang, Key::AutoBackupStop)}</button>
                </div>
            }
            .into_any(),
            AutoBackup::On { file } => view! {
                <p id="auto-backup-state" data-state="on">{fill(tr(lang, Key::AutoBackupOn), &[("file", &file)])}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| state.stop()>{tr(lang, Key::AutoBackupStop)}</button>
                </div>
            }
            .into_any(),
        }
    };
    let written_view = move || {
        let lang = lang.get();
        if state.status.with(|s| matches!(s, AutoBackup::Off | AutoBackup::Unsupported)) {
            return None;
        }
        let [date, time] = match state.failure.get() {
            Some((at, failure)) => {
                let [date, time] = date_time(lang, at);
                let text = fill(
                    tr(lang, Key::AutoBackupFailed),
                    &[("date", &date.1), ("time", &time.1), ("reason", tr(lang, failure.key()))],
                );
                return Some(
                    view! { <p class="notice error" id="auto-backup-last" role="alert">{text}</p> }.into_any(),
                );
            }
            None => match state.last_written.get() {
                Some(at) => date_time(lang, at),
                None => {
                    return Some(
                        view! { <p class="muted" id="auto-backup-last">{tr(lang, Key::AutoBackupNever)}</p> }
                            .into_any(),
                    )
                }
            },
        };
        let text = fill(tr(lang, Key::AutoBackupLast), &[("date", &date.1), ("time", &time.1)]);
        Some(view! { <p class="muted" id="auto-backup-last">{text}</p> }.into_any())
    };
    view! {
        <Show when=move || state.status.with(|s| *s != AutoBackup::Unsupported)>
            <section aria-labelledby="auto-backup-title">
                <h2 id="auto-backup-title">{t(Key::AutoBackupTitle)}</h2>
                <p>{t(Key::AutoBackupText)}</p>
                {status_view}
                {written_view}
            </section>
        </Show>
    }
}
