//! The one notice about losing data, shown right after the first case is saved: which advice depends on the
//! browser ([`risk_advice`]), it never blocks anything, and once dismissed it stays away.

use leptos::prelude::*;
use leptos_router::components::A;

use super::announcer::announce;
use super::auto_backup::use_auto_backup;
use super::base::{base_path, href};
use super::exports::export_backup;
use super::i18n::{t, use_lang};
use super::store::use_cases;
use crate::adapters::durability::{self, InstallOutcome};
use crate::domain::durability::{risk_advice, AutoBackup, Facts, RiskAdvice};
use crate::i18n::{tr, Key};

#[component]
pub fn RiskNotice() -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let store = super::store::use_store();
    let auto_backup = use_auto_backup();
    let dismissed = store.prefs.risk_notice_dismissed;
    let dismiss = move || {
        // Remembered when storage allows; hidden for this page either way.
        dismissed.remember(true);
    };
    let advice = Memo::new(move |_| {
        if !cases.first_saved.get() || dismissed.get() {
            return None;
        }
        let facts = Facts {
            engine: durability::engine(),
            standalone: durability::is_standalone(),
            install_prompt: cases.install_prompt.get(),
        };
        risk_advice(facts)
    });
    let install = move |_| {
        leptos::task::spawn_local(async move {
            match durability::prompt_install().await {
                InstallOutcome::Accepted => dismiss(),
                InstallOutcome::Dismissed => {}
                InstallOutcome::Unavailable => announce(tr(lang.get_untracked(), Key::RiskInstallUnavailable)),
            }
            // A prompt can be used once; the browser may offer a new one later.
            cases.install_prompt.set(false);
        });
    };
    let export = move |_| export_backup(store, lang.get_untracked());
    let body = move || {
        advice.get().map(|advice| {
            let (code, content) = match advice {
                RiskAdvice::AddToHomeScreen => (
                    "add-to-home-screen",
                    view! {
                        <p>{t(Key::RiskSafari)}</p>
                        <img class="risk-steps" src=format!("{}add-to-home-screen.svg", base_path()) width="480" height="160" alt=t(Key::RiskSafariImageAlt)/>
                    }
                    .into_any(),
                ),
                RiskAdvice::Install => (
                    "install",
                    view! {
                        <p>{t(Key::RiskInstall)}</p>
                        <div class="actions">
                            <button type="button" class="button primary" on:click=install>{t(Key::RiskInstallButton)}</button>
                        </div>
                    }
                    .into_any(),
                ),
                RiskAdvice::KeepBackups => (
                    "keep-backups",
                    view! {
                        <p>{t(Key::RiskBackups)}</p>
                        <div class="actions">
                            <button type="button" class="button primary" on:click=export>{t(Key::SettingsExportBackup)}</button>
                            // Where the browser can keep a backup file up to date, that is the better offer.
                            {if auto_backup.status.with_untracked(|s| *s == AutoBackup::Unsupported) {
                                view! { <A href=href("/settings") attr:class="button">{t(Key::RiskBackupSettings)}</A> }.into_any()
                            } else {
                                view! { <A href=href("/settings#auto-backup-title") attr:class="button">{t(Key::RiskSetUpAutoBackup)}</A> }.into_any()
                            }}
                        </div>
                    }
                    .into_any(),
                ),
            };
            view! {
                <div class="notice risk-notice" role="region" aria-label=t(Key::RiskTitle) data-advice=code>
                    <div>{content}</div>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| dismiss()>{t(Key::Dismiss)}</button>
                    </div>
                </div>
            }
        })
    };
    view! { {body} }
}
