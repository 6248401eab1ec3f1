//! One ready message of a plan: its text in the addressee's language first (any of the three on request), the
//! sender filled from the business profile, and a copy button. On a case page a formal letter gets its
//! outgoing number when it is copied or printed, the claimed amount comes from the loss table, and the copy is
//! recorded on the case's timeline. A message to a buyer comes in the language of the store they bought in when
//! the scenario has a text in it, and says so plainly when it offers English instead.

use leptos::prelude::*;
use leptos_router::components::A;

use super::announcer::announce;
use super::base::href;
use super::i18n::{language_unavailable, t, use_i18n};
use super::store::{use_profiles, use_store, Command};
use crate::adapters::{clipboard, clock};
use crate::domain::{letter_facts, Case, LetterVia, ProfileBook};
use crate::i18n::{fill, format_money, pack, tr, Key, Lang};
use crate::scenario::{placeholders, BuyerText, Evaluation, LetterContext, Message, SellerDetails, LETTER_NUMBER};

/// The evaluated answers every part of the plan reads: computed once per change of the answers.
pub(crate) type Evaluated = Memo<Evaluation<'static>>;

/// The case whose plan is shown, for numbering and recording its letters.
#[derive(Clone, Copy)]
pub struct CaseLetters {
    pub id: StoredValue<String>,
    pub case: Memo<Option<Case>>,
}

/// Whether the message is a formal letter with an outgoing number.
pub fn is_numbered(message: &Message) -> bool {
    placeholders(message.body.in_any_language()).contains(&LETTER_NUMBER)
}

/// The message's text in `lang`: the seller's own edit of it when the case keeps one, else the generated text
/// (see [`generated_text`]).
pub fn letter_text(
    eval: &Evaluation,
    message: &Message,
    lang: Lang,
    profiles: &ProfileBook,
    case: Option<&Case>,
    number: Option<u32>,
) -> String {
    let edited = case.and_then(|c| c.letter_draft(&message.id)).and_then(|d| d.edited_text(lang));
    match edited {
        Some(text) => text.to_string(),
        None => generated_text(eval, message, lang, profiles, case, number),
    }
}

/// The message's text in `lang` as the app writes it: the sender from the case's profile (else the current
/// one), the claimed amount from the case's loss table when it has one, the case's facts and the seller's fields,
/// and the letter's number and date: `number`, else the one the case's letter was given when it first left the
/// app, dated that day (else today). A letter to the marketplace ends with the list of the case's files; a message
/// to a buyer does not.
pub fn generated_text(
    eval: &Evaluation,
    message: &Message,
    lang: Lang,
    profiles: &ProfileBook,
    case: Option<&Case>,
    number: Option<u32>,
) -> String {
    let text = fill_text(eval, message, message.body.get(lang), lang, profiles, case, number);
    let files = case.filter(|_| message.language.is_some()).map(Case::attachments);
    match files.and_then(|files| crate::domain::evidence::letter_attachment_list(lang, &files)) {
        Some(list) => format!("{text}\n\n{list}"),
        None => text,
    }
}

/// `template` (a text of `message`) filled as [`generated_text`] fills a message body; `lang` formats what the
/// case supplies.
fn fill_text(
    eval: &Evaluation,
    message: &Message,
    template: &str,
    lang: Lang,
    profiles: &ProfileBook,
    case: Option<&Case>,
    number: Option<u32>,
) -> String {
    let seller = profiles.for_case(case.and_then(|c| c.profile.as_deref())).map(|p| p as &dyn SellerDetails);
    let claimed = case.and_then(|c| c.losses_total().map(|total| format_money(lang, total, &c.money.currency)));
    let number = number.or_else(|| case.and_then(|c| c.letter_number(&message.id))).map(|n| n.to_string());
    let facts = case.map(|c| letter_facts(c, lang));
    let inputs = case.and_then(|c| c.letter_draft(&message.id)).map(|d| &d.fields);
    // A case's letter is dated the day it was numbered, or today; outside a case (the wizard) the plan's day.
    let dated = case.map(|c| c.letter_sent_at(&message.id).map_or_else(clock::today, |at| clock::local(at).0));
    let letter = LetterContext {
        seller,
        number: number.as_deref(),
        claimed: claimed.as_deref(),
        facts: facts.as_ref(),
        inputs,
        dated,
    };
    eval.fill_message(message, template, lang, &letter)
}

/// Which text a message card shows: one of the interface languages, or a text written for the buyer's language.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Interface(Lang),
    Buyer(&'static str, &'static str),
}

/// The seller's pick, else the buyer's language (its own text, or English when there is none), else the
/// addressee's language, else the interface language.
fn shown(message: &'static Message, offer: Option<BuyerText<'static>>, picked: Option<Lang>, interface: Lang) -> Shown {
    match (picked, offer) {
        (Some(lang), _) => Shown::Interface(lang),
        (None, Some(BuyerText::Own(language, text))) => Shown::Buyer(language.code(), text),
        (None, Some(BuyerText::Interface(lang))) => Shown::Interface(lang),
        (None, Some(BuyerText::EnglishInstead(_))) => Shown::Interface(Lang::En),
        (None, None) => Shown::Interface(message.language.unwrap_or(interface)),
    }
}

/// The card's text as `shown` says; the buyer's texts hold only placeholders that read the same in every
/// language (the validator checks), filled here with English formatting.
fn shown_text(
    eval: &Evaluation,
    message: &Message,
    shown: Shown,
    profiles: &ProfileBook,
    case: Option<&Case>,
    number: Option<u32>,
) -> String {
    match shown {
        Shown::Interface(lang) => letter_text(eval, message, lang, profiles, case, number),
        Shown::Buyer(_, template) => fill_text(eval, message, template, Lang::En, profiles, case, number),
    }
}

/// The note under a buyer message's heading: which language of the buyer's store its text is in, or that there is
/// no text in it yet.
fn buyer_note(lang: Lang, offer: Option<BuyerText>) -> Option<String> {
    let (key, name) = match offer? {
        BuyerText::Own(language, _) => (Key::MessageBuyerText, language.native_name()),
        BuyerText::Interface(language) => (Key::MessageBuyerText, language.native_name()),
        BuyerText::EnglishInstead(language) => (Key::MessageBuyerTextMissing, language.native_name()),
    };
    Some(fill(tr(lang, key), &[("language", name)]))
}

/// The profile a case's letter goes out for and its number (when the message is numbered): the number it was
/// given before, else the profile's next one.
pub fn next_number(profiles: &ProfileBook, case: &Case, message: &Message) -> Option<(String, u32)> {
    if !is_numbered(message) {
        return None;
    }
    profiles.letter_number(case, &message.id)
}

#[component]
pub fn MessageCard(message: &'static Message, eval: Evaluated, case: Option<CaseLetters>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let profiles = use_profiles();
    let store = use_store();
    // `None` until the seller picks: the buyer's or addressee's language, else the interface language.
    let picked = RwSignal::new(None::<Lang>);
    let offer = Memo::new(move |_| eval.with(|e| e.buyer_language()).and_then(|b| message.for_buyer(b)));
    let current_shown = move || shown(message, offer.get(), picked.get(), lang.get());
    let text_lang = move || match current_shown() {
        Shown::Interface(l) => l,
        Shown::Buyer(..) => Lang::En,
    };
    let text = Memo::new(move |_| {
        let shown = current_shown();
        // A letter in a language other than the interface's waits for that language's texts.
        if let Shown::Interface(text_lang) = shown {
            if let Some(waiting) = i18n.waiting_text(text_lang) {
                return waiting;
            }
        }
        let fill = |current: Option<&Case>| {
            profiles.0.with(|book| eval.with(|e| shown_text(e, message, shown, book, current, None)))
        };
        // Read in place: every message card would otherwise copy the whole case on each change of it.
        match case {
            Some(c) => c.case.with(|current| fill(current.as_ref())),
            None => fill(None),
        }
    });
    let needs_profile = move || {
        placeholders(message.body.in_any_language()).iter().any(|n| n.starts_with("seller."))
            && profiles.0.with(|b| b.current().is_none())
    };
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let lang = lang.get_untracked();
        let shown = shown(message, offer.get_untracked(), picked.get_untracked(), lang);
        if let Shown::Interface(text_lang) = shown {
            if !pack::is_installed(text_lang) {
                announce(language_unavailable(lang, text_lang));
                return;
            }
        }
        let current = case.and_then(|c| c.case.get_untracked());
        let book = profiles.0.get_untracked();
        let number = current.as_ref().and_then(|c| next_number(&book, c, message));
        let body = eval.with_untracked(|e| {
            shown_text(e, message, shown, &book, current.as_ref(), number.as_ref().map(|(_, n)| *n))
        });
        leptos::task::spawn_local(async move {
            let ok = clipboard::copy(&body).await;
            copied.set(ok);
            if !ok {
                announce(tr(lang, Key::CopyFailed));
                return;
            }
            // Recorded only once the text really is on the clipboard; the number counts from then on.
            let Some(c) = case else {
                announce(tr(lang, Key::Copied));
                return;
            };
            let shown = number.as_ref().map(|(_, n)| n.to_string()).unwrap_or_default();
            let command = Command::SendLetter {
                case: c.id.get_value(),
                message: message.id.clone(),
                number,
                via: LetterVia::Copied,
            };
            let _ = store.run(command, &[("number", &shown)]);
        });
    };
    let heading_id = format!("msg-{}", message.id);
    let labelled_by = heading_id.clone();
    let select_id = format!("msg-lang-{}", message.id);
    let print_link = move || {
        let c = case?;
        let id = c.id.get_value();
        Some(view! {
            <A href=href(&format!("/cases/{id}/letter/{}?lang={}", message.id, text_lang().code())) attr:class="button">
                {t(Key::LetterPrintView)}
            </A>
        })
    };
    view! {
        <article class="message" aria-labelledby=labelled_by>
            <h4 id=heading_id>{move || message.title.get(lang.get()).to_string()}</h4>
            <p class="recipient">{t(Key::MessageTo)} " " {move || message.recipient.get(lang.get()).to_string()}</p>
            <div class="field message-lang no-print">
                <label for=select_id.clone()>{t(Key::MessageLanguage)}</label>
                // A buyer language's own text is one more option; choosing it goes back to the default.
                <select id=select_id on:change=move |ev| picked.set(Lang::from_code(&event_target_value(&ev)))>
                    {move || match offer.get() {
                        Some(BuyerText::Own(b, _)) => Some(view! {
                            <option value=b.code() lang=b.code() selected=move || matches!(current_shown(), Shown::Buyer(..))>{b.native_name()}</option>
                        }),
                        _ => None,
                    }}
                    {Lang::ALL
                        .into_iter()
                        .map(|l| view! { <option value=l.code() lang=l.code() selected=move || current_shown() == Shown::Interface(l)>{l.native_name()}</option> })
                        .collect_view()}
                </select>
            </div>
            {move || buyer_note(lang.get(), offer.get()).map(|note| view! { <p class="hint buyer-language">{note}</p> })}
            <Show when=needs_profile>
                <p class="hint no-print">
                    {t(Key::MessageNoProfile)} " "
                    <A href=href("/settings#business")>{t(Key::MessageNoProfileLink)}</A>
                </p>
            </Show>
            <pre class="message-body" lang=move || match current_shown() {
                Shown::Interface(l) => l.code(),
                Shown::Buyer(code, _) => code,
            }>{move || text.get()}</pre>
            <div class="actions no-print">
                <button type="button" class="button" on:click=copy>
                    {move || tr(lang.get(), if copied.get() { Key::Copied } else { Key::CopyMessage })}
                </button>
                {print_link}
            </div>
        </article>
    }
}

/// With more than one business profile: which one this case's letters go out for (the case's own, else the
/// current one).
#[component]
pub fn CaseProfilePicker(letters: CaseLetters) -> impl IntoView {
    let store = use_store();
    let profiles = use_profiles();
    let chosen = move || {
        let case_profile = letters.case.with(|c| c.as_ref().and_then(|c| c.profile.clone()));
        profiles.0.with(|b| b.for_case(case_profile.as_deref()).map(|p| p.id.clone()))
    };
    let change = move |ev: leptos::ev::Event| {
        let command = Command::SetCaseProfile { case: letters.id.get_value(), profile: event_target_value(&ev) };
        let _ = store.run(command, &[]);
    };
    view! {
        <Show when=move || profiles.0.with(|b| b.profiles.len() > 1)>
            <div class="field case-profile no-print">
                <label for="case-profile">{t(Key::CaseProfile)}</label>
                <select id="case-profile" on:change=change>
                    {move || {
                        let selected = chosen();
                        profiles.0.with(|b| {
                            b.profiles
                                .iter()
                                .map(|p| {
                                    let is = selected.as_deref() == Some(p.id.as_str());
                                    view! { <option value=p.id.clone() selected=is>{p.display_name()}</option> }
                                })
                                .collect_view()
                        })
                    }}
                </select>
            </div>
        </Show>
    }
}
