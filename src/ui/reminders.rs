//! Reminders without a server: the app's icon shows how many cases need the seller today, and where the browser
//! allows it (an installed Chromium app) the service worker shows a daily notification from a plan the page
//! leaves for it. The settings say what this browser can do and turn notifications on from a button.

use leptos::prelude::*;

use super::announcer::announce;
use super::base::base_path;
use super::cases::case_name;
use super::i18n::{t, use_lang};
use super::store::use_cases;
use crate::adapters::reminders::{self, TurnOnError};
use crate::adapters::{clock, dom};
use crate::domain::reminders::{badge_count, reminder_plan};
use crate::domain::CaseBook;
use crate::i18n::{tr, Key, Lang};

/// Keeps the badge and the service worker's plan in step with the cases and the language.
pub fn provide_reminders() {
    let cases = use_cases();
    let lang = use_lang();
    Effect::new(move |_| {
        let lang = lang.get();
        cases.book.with(|book| sync(book, lang));
    });
}

/// The badge for today and, once notifications are allowed, the plan of the coming days in `lang`.
fn sync(book: &CaseBook, lang: Lang) {
    let today = clock::today();
    reminders::set_badge(badge_count(book.iter(), today));
    if !reminders::notifications_granted() {
        return;
    }
    let cases: Vec<_> = book.iter().collect();
    let plan = reminder_plan(cases.iter().copied(), today, lang, |c| case_name(c, lang));
    if let Ok(json) = serde_json::to_string(&plan) {
        let base = base_path();
        // public/sw.js reads the same cache and key: `claimdesk-reminders <scope>`, `<scope>reminders.json`.
        reminders::store_plan(
            &format!("claimdesk-reminders {base}"),
            &format!("{}{base}reminders.json", dom::origin()),
            &json,
        );
    }
}

#[component]
pub fn RemindersSection() -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let reach = reminders::support().reach();
    let on = RwSignal::new(reach.can_notify() && reminders::notifications_granted());
    let problem = RwSignal::new(None::<Key>);
    let turn_on = move |_| {
        problem.set(None);
        leptos::task::spawn_local(async move {
            match reminders::turn_on().await {
                Ok(()) => {
                    on.set(true);
                    cases.book.with_untracked(|book| sync(book, lang.get_untracked()));
                    announce(tr(lang.get_untracked(), Key::RemindersOn));
                }
                Err(TurnOnError::Denied) => problem.set(Some(Key::RemindersDenied)),
                Err(TurnOnError::Refused) => problem.set(Some(Key::RemindersFailed)),
            }
        });
    };
    view! {
        <section aria-labelledby="reminders-title" id="reminders">
            <h2 id="reminders-title">{t(Key::RemindersTitle)}</h2>
            <p>{t(Key::RemindersIntro)}</p>
            <ul class="engine-list">
                <li>{t(Key::RemindersChromium)}</li>
                <li>{t(Key::RemindersFirefox)}</li>
                <li>{t(Key::RemindersSafari)}</li>
            </ul>
            <p class="reminders-here"><strong>{t(reach.key())}</strong></p>
            {reach.can_notify().then(|| view! {
                <Show when=move || on.get() fallback=move || view! {
                    <button type="button" class="button" on:click=turn_on>{t(Key::RemindersTurnOn)}</button>
                }>
                    <p class="reminders-on">{t(Key::RemindersOn)}</p>
                </Show>
            })}
            {move || problem.get().map(|key| view! { <p class="field-error" role="alert">{tr(lang.get(), key)}</p> })}
        </section>
    }
}
