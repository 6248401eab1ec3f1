//! The reactive side of the translation layer: the chosen language as a signal, `t(key)` for views.

use leptos::prelude::*;

use crate::adapters::{dom, storage};
use crate::i18n::{tr, Key, Lang};

pub const LANG_PREF: &str = "lang";

#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

/// The remembered choice, else the browser's preferred languages, else English.
pub fn initial_lang() -> Lang {
    if let Some(lang) = storage::read_pref(LANG_PREF).and_then(|c| Lang::from_code(&c)) {
        return lang;
    }
    let preferred = dom::preferred_languages();
    Lang::negotiate(preferred.iter().map(String::as_str))
}

pub fn provide_i18n() -> I18n {
    let i18n = I18n { lang: RwSignal::new(initial_lang()) };
    provide_context(i18n);
    Effect::new(move |_| {
        dom::set_page_lang(i18n.lang.get().code());
    });
    i18n
}

/// Switches the language and remembers the choice.
pub fn set_lang(signal: RwSignal<Lang>, lang: Lang) {
    signal.set(lang);
    // The choice still applies for this visit when it cannot be remembered.
    let _ = storage::write_pref(LANG_PREF, lang.code());
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<I18n>().lang
}

/// A reactive text for a view: `{t(Key::NavHome)}`.
pub fn t(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || tr(lang.get(), key)
}

/// Keeps `document.title` as "<page> — Claimdesk" in the current language.
pub fn use_title(page: impl Fn(Lang) -> String + Send + Sync + 'static) {
    let lang = use_lang();
    Effect::new(move |_| {
        let lang = lang.get();
        let title = format!("{} — {}", page(lang), tr(lang, Key::AppName));
        dom::set_title(&title);
    });
}

pub fn use_title_key(key: Key) {
    use_title(move |lang| tr(lang, key).to_string());
}
