//! A case's formal letter laid out as a business letter for A4 (`/cases/:id/letter/:message?lang=ru`): the
//! addressee, sender, number and date blocks placed by the letter language's convention, the centred title, the
//! body, the loss table as an attachment. Next to it (never printed): the fields only the seller knows, a note
//! to check the addressee where its data may be out of date, and the text editor with "reset to the generated
//! text"; fields and edits are kept on the case. "Print" gives a numbered letter its number, records it on the
//! case, and opens the browser's print dialog, which also saves a PDF; "Download as DOCX" numbers it the same way
//! and has the files worker write the `.docx` (`codec::docx`), so the writer never weighs on the app's wasm.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::announcer::announce;
use super::base::href;
use super::cases::{loss_rows_for_letter, loss_table_for_docx};
use super::i18n::{t, use_i18n, use_title};
use super::message::{generated_text, letter_text, next_number};
use super::not_found::NotFound;
use super::store::{use_cases, use_profiles, use_store, Command, Outcome};
use crate::adapters::{dom, files, files_worker};
use crate::codec::letter_doc::{docx_from_answer, DocxLetter};
use crate::domain::{letter_facts, LetterVia};
use crate::i18n::{fill, format_date, tr, tr_plural, Key, Lang};
use crate::scenario::{self, Evaluation, LetterInput, LetterLayout, Message, Scenario};

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

/// The class of a head block by its place in the template (addressee, sender, number and date): the
/// stylesheet places each by the letter language's convention.
fn head_class(index: usize) -> &'static str {
    match index {
        0 => "letter-to",
        1 => "letter-from",
        2 => "letter-dated",
        _ => "letter-extra",
    }
}

/// The letter text laid out: head blocks, centred title, body paragraphs.
fn laid_out(text: &str) -> impl IntoView {
    let layout = LetterLayout::of(text);
    let head = layout
        .head
        .iter()
        .enumerate()
        .map(|(i, block)| view! { <p class=head_class(i)>{block.to_string()}</p> })
        .collect_view();
    let title = layout.title.map(|title| view! { <h2 class="letter-title">{title.to_string()}</h2> });
    let body = layout.body.iter().map(|p| view! { <p>{p.to_string()}</p> }).collect_view();
    view! {
        <div class="letter-head">{head}</div>
        {title}
        <div class="letter-text">{body}</div>
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
    let eval: Memo<Option<Evaluation<'static>>> =
        Memo::new(move |_| case.with(|c| c.as_ref().map(|c| scenario.evaluate(&c.answers, c.created_at.date_naive()))));
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
            eval.with(|e| {
                let e = e.as_ref()?;
                Some(profiles.0.with(|book| letter_text(e, message, lang, book, Some(c), number.get())))
            })
        })
    };
    let edited = move || {
        let lang = letter_lang();
        case.with(|c| {
            c.as_ref().and_then(|c| c.letter_draft(&message.id)).is_some_and(|d| d.edited_text(lang).is_some())
        })
    };
    // Gives the letter its number the first time it leaves this page (printed or downloaded) and records how;
    // `false` when the case could not record it (the store said why).
    let number_letter = move |via: LetterVia| -> bool {
        if number.get_untracked().is_some() {
            // Printed or downloaded again from this page: the same letter, the same number, nothing new to record.
            return true;
        }
        let Some(current) = case.get_untracked() else { return false };
        let assigned = profiles.0.with_untracked(|book| next_number(book, &current, message));
        let given = assigned.as_ref().map(|(_, n)| *n);
        let shown = given.map(|n| n.to_string()).unwrap_or_default();
        let command = Command::SendLetter { case: id.get_value(), message: message.id.clone(), number: assigned, via };
        if store.run(command, &[("number", &shown)]) != Ok(Outcome::Saved) {
            return false;
        }
        number.set(given);
        true
    };
    let print = move |_| {
        if waiting().is_some() || !number_letter(LetterVia::Printed) {
            return;
        }
        // After the next frame, so the page shows the number before the print dialog takes its picture.
        request_animation_frame(dom::print);
    };
    // The DOCX is made by the files worker (its own wasm, loaded only now); the job is kept until it answers.
    let docx_job = StoredValue::new_local(None::<files_worker::RunningJob>);
    let download_docx = move |_| {
        let ui = lang.get_untracked();
        if waiting().is_some() || !number_letter(LetterVia::Downloaded) {
            return;
        }
        let letter_lang = letter_lang();
        let Some(text) = text() else { return };
        let table = case.with_untracked(|c| c.as_ref().and_then(|c| loss_table_for_docx(letter_lang, c)));
        let request = DocxLetter::from_text(letter_lang.code(), &text, table).request_json();
        let name = format!("{}-{}.docx", id.get_value(), message.id);
        let done = move |answer: Result<String, files_worker::WorkerFailure>| {
            let bytes = answer.ok().and_then(|a| docx_from_answer(&a).ok());
            let saved = bytes.is_some_and(|b| files::download_bytes(&name, DOCX_MIME, &b));
            announce(tr(ui, if saved { Key::LetterDocxReady } else { Key::LetterDocxFailed }));
            docx_job.set_value(None);
        };
        match files_worker::start(&request, Vec::new(), |_| {}, done) {
            Ok(job) => docx_job.set_value(Some(job)),
            Err(_) => announce(tr(ui, Key::LetterDocxFailed)),
        }
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

    // The editor: the text as shown (the edit, else the generated text) until "Done" keeps it.
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let start_edit = move |_| {
        draft.set(text().unwrap_or_default());
        editing.set(true);
    };
    let finish_edit = move |_| {
        let lang = letter_lang();
        let typed = draft.get_untracked();
        let generated = case.with_untracked(|c| {
            eval.with_untracked(|e| {
                let (c, e) = (c.as_ref()?, e.as_ref()?);
                Some(profiles.0.with_untracked(|book| generated_text(e, message, lang, book, Some(c), None)))
            })
        });
        // Unchanged from what the app writes: nothing to keep, the letter keeps following the case.
        let text = (generated.as_deref() != Some(typed.as_str())).then_some(typed);
        if text.is_none() && !edited() {
            editing.set(false);
            return;
        }
        let command = Command::SetLetterText { case: id.get_value(), message: message.id.clone(), lang, text };
        if store.run(command, &[]) == Ok(Outcome::Saved) {
            editing.set(false);
        }
    };
    let reset = move |_| {
        let command = Command::SetLetterText {
            case: id.get_value(),
            message: message.id.clone(),
            lang: letter_lang(),
            text: None,
        };
        let _ = store.run(command, &[]);
        editing.set(false);
    };

    let fields = move || {
        let ui = lang.get();
        let inputs = eval.with(|e| e.as_ref().map(|e| message.inputs_for(e)).unwrap_or_default());
        (!inputs.is_empty()).then(|| {
            let left = move || {
                let letter_lang = letter_lang();
                let blank = case.with(|c| {
                    let Some(c) = c.as_ref() else { return 0 };
                    let facts = letter_facts(c, letter_lang);
                    let typed = c.letter_draft(&message.id).map(|d| &d.fields);
                    eval.with(|e| e.as_ref().map(|e| message.inputs_for(e)).unwrap_or_default())
                        .iter()
                        .filter(|i| {
                            let has_typed = typed.is_some_and(|t| t.contains_key(&i.id));
                            let has_fact = i.fact.as_ref().is_some_and(|f| facts.contains_key(f));
                            !has_typed && !has_fact
                        })
                        .count()
                });
                (blank > 0).then(|| view! { <p class="letter-fields-left">{tr_plural(lang.get(), Key::LetterFieldsLeft, blank as u64)}</p> })
            };
            view! {
                <section class="letter-fields no-print" aria-labelledby="letter-fields-title">
                    <h2 id="letter-fields-title">{tr(ui, Key::LetterFieldsTitle)}</h2>
                    <p class="muted">{tr(ui, Key::LetterFieldsHelp)}</p>
                    {left}
                    {inputs
                        .into_iter()
                        .map(|input| view! { <LetterField case_id=id message input letter_lang=Signal::derive(letter_lang)/> })
                        .collect_view()}
                </section>
            }
        })
    };

    let addressee_check = move || {
        let ui = lang.get();
        let addressee = eval.with(|e| e.as_ref().and_then(|e| message.addressee_for(e)))?;
        let check = addressee.check.as_ref().filter(|_| addressee.uncertain)?;
        let checked = addressee
            .verified
            .date()
            .map(|d| fill(tr(ui, Key::LetterAddresseeSource), &[("date", &format_date(ui, d))]));
        Some(view! {
            <aside class="notice letter-addressee-check no-print" role="note">
                <h2>{tr(ui, Key::LetterAddresseeCheck)}</h2>
                <p>{check.get(ui).to_string()}</p>
                <p class="muted">{checked} " " <a href=addressee.source.clone() rel="noopener noreferrer" target="_blank">{addressee.source.clone()}</a></p>
            </aside>
        })
    };

    view! {
        <section class="page letter-page">
            <div class="no-print letter-tools">
                <h1>{move || message.title.get(lang.get()).to_string()}</h1>
                <p class="muted">{t(Key::LetterHelp)}</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=print>{t(Key::LetterPrint)}</button>
                    <button type="button" class="button" on:click=download_docx>{t(Key::LetterDocx)}</button>
                    <Show
                        when=move || editing.get()
                        fallback=move || view! { <button type="button" class="button" on:click=start_edit>{t(Key::LetterEdit)}</button> }
                    >
                        <button type="button" class="button primary" on:click=finish_edit>{t(Key::LetterEditDone)}</button>
                    </Show>
                    <Show when=edited>
                        <button type="button" class="button" on:click=reset>{t(Key::LetterReset)}</button>
                    </Show>
                    <A href=back attr:class="button">{t(Key::LetterBack)}</A>
                </div>
                <Show when=edited>
                    <p class="hint letter-edited">{t(Key::LetterEdited)}</p>
                </Show>
            </div>
            {addressee_check}
            {fields}
            <Show when=move || editing.get()>
                <div class="field letter-editor no-print">
                    <label for="letter-edit">{t(Key::LetterEdit)}</label>
                    <p class="muted">{t(Key::LetterEditHelp)}</p>
                    <textarea
                        id="letter-edit"
                        rows="30"
                        lang=move || letter_lang().code()
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                    ></textarea>
                </div>
            </Show>
            <article class="letter" lang=move || letter_lang().code()>
                {move || text().map(|t| laid_out(&t))}
                {attachment}
            </article>
        </section>
    }
}

/// One field only the seller knows, kept on the case when they leave it; what the case already knows shows as
/// the field's placeholder and fills the letter until something is typed.
#[component]
fn LetterField(
    case_id: StoredValue<String>,
    message: &'static Message,
    input: &'static LetterInput,
    letter_lang: Signal<Lang>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cases = use_cases();
    let store = use_store();
    let field_id = format!("letter-field-{}", input.id);
    let typed = move || {
        case_id.with_value(|id| {
            cases.book.with(|b| {
                b.get(id).and_then(|c| c.letter_draft(&message.id)?.fields.get(&input.id).cloned()).unwrap_or_default()
            })
        })
    };
    let from_case = move || {
        let fact = input.fact.as_ref()?;
        let lang = letter_lang.get();
        let value =
            case_id.with_value(|id| cases.book.with(|b| b.get(id).and_then(|c| letter_facts(c, lang).remove(fact))))?;
        Some(fill(tr(i18n.lang.get(), Key::LetterFieldFromCase), &[("value", &value)]))
    };
    let save = move |ev: leptos::ev::Event| {
        let command = Command::SetLetterField {
            case: case_id.get_value(),
            message: message.id.clone(),
            field: input.id.clone(),
            value: event_target_value(&ev),
        };
        let _ = store.run(command, &[]);
    };
    let label = move || input.label.get(i18n.lang.get()).to_string();
    let control = if input.multiline {
        view! { <textarea id=field_id.clone() rows="3" prop:value=typed placeholder=from_case on:change=save></textarea> }.into_any()
    } else {
        view! { <input id=field_id.clone() type="text" prop:value=typed placeholder=from_case on:change=save/> }
            .into_any()
    };
    view! {
        <div class="field letter-field">
            <label for=field_id>{label}</label>
            {control}
        </div>
    }
}
