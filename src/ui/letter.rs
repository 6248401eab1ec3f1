//! A case's formal letter laid out for A4 (`/cases/:id/letter/:message?lang=ru`): the filled text with the
//! sender, recipient, number, date and signature lines of its template, then the loss table as an attachment,
//! in the letter's language. "Print" gives a numbered letter its number, records it on the case, and opens
//! the browser's print dialog, which also saves a PDF.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::base::href;
use super::cases::loss_rows_for_letter;
use super::i18n::{t, use_i18n, use_title};
use super::message::{letter_text, next_number};
use super::not_found::NotFound;
use super::store::{use_cases, use_profiles, use_store, Command, Outcome};
use crate::adapters::dom;
use crate::domain::LetterVia;
use crate::i18n::{tr, Key, Lang};
use crate::scenario::{self, Message, Scenario};

#[component]
pub fn LetterPage() -> impl IntoView {
    let params = use_params_map();
    let cases = use_cases();
    move || {
        let (id, message_id) = params.with(|p| (p.get("id").unwrap_or_default(), p.get("message").unwrap_or_default()));
        let found = cases.book.with_untracked(|b| {
            let case = b.get(&id)?;
            let scenario = scenario::get(&case.scenario)?;
            let message = scenario.messages.iter().find(|m| m.id == message_id)?;
            Some((scenario, message))
        });
        match found {
            Some((scenario, message)) => view! { <Letter id scenario message/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn Letter(id: String, scenario: &'static Scenario, message: &'static Message) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let cases = use_cases();
    let profiles = use_profiles();
    let store = use_store();
    let query = use_query_map();
    let letter_lang = move || {
        query
            .with(|q| q.get("lang"))
            .and_then(|c| Lang::from_code(&c))
            .or(message.language)
            .unwrap_or_else(|| lang.get())
    };
    use_title(move |lang| message.title.get(lang).to_string());
    let id = StoredValue::new(id);
    let case = Memo::new(move |_| id.with_value(|id| cases.book.with(|b| b.get(id).cloned())));
    // The number this page printed the letter with (the template shows "[number given …]" until then).
    let number = RwSignal::new(None::<u32>);
    // The letter's language may not be the interface's: its texts are downloaded first.
    let waiting = move || i18n.waiting_text(letter_lang());
    let text = move || {
        if let Some(waiting) = waiting() {
            return Some(waiting);
        }
        let lang = letter_lang();
        case.with(|c| {
            let c = c.as_ref()?;
            let eval = scenario.evaluate(&c.answers, c.created_at.date_naive());
            Some(profiles.0.with(|book| letter_text(&eval, message, lang, book, Some(c), number.get())))
        })
    };
    let print = move |_| {
        if waiting().is_some() {
            return;
        }
        let Some(current) = case.get_untracked() else { return };
        let assigned = match number.get_untracked() {
            // Printed again from this page: the same letter, the same number, nothing new to record.
            Some(_) => None,
            None => profiles.0.with_untracked(|book| next_number(book, &current, message)),
        };
        if number.get_untracked().is_none() {
            let given = assigned.as_ref().map(|(_, n)| *n);
            let shown = given.map(|n| n.to_string()).unwrap_or_default();
            let command = Command::SendLetter {
                case: id.get_value(),
                message: message.id.clone(),
                number: assigned,
                via: LetterVia::Printed,
            };
            if store.run(command, &[("number", &shown)]) != Ok(Outcome::Saved) {
                return;
            }
            number.set(given);
        }
        // After the next frame, so the page shows the number before the print dialog takes its picture.
        request_animation_frame(dom::print);
    };
    let back = move || href(&format!("/cases/{}", id.get_value()));
    let attachment = move || {
        let lang = letter_lang();
        waiting().is_none().then_some(())?;
        case.with(|c| {
            let c = c.as_ref().filter(|c| !c.losses.is_empty())?;
            Some(view! {
                <section class="letter-attachment">
                    <h2>{tr(lang, Key::LetterAttachment)}</h2>
                    {loss_rows_for_letter(lang, c)}
                </section>
            })
        })
    };
    view! {
        <section class="page letter-page">
            <div class="no-print letter-tools">
                <h1>{move || message.title.get(lang.get()).to_string()}</h1>
                <p class="muted">{t(Key::LetterHelp)}</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=print>{t(Key::LetterPrint)}</button>
                    <A href=back attr:class="button">{t(Key::LetterBack)}</A>
                </div>
            </div>
            <article class="letter" lang=move || letter_lang().code()>
                <pre class="letter-body">{text}</pre>
                {attachment}
            </article>
        </section>
    }
}
