//! The reactive side of the translation layer: the chosen language as a signal, `t(key)` for views, and which
//! language packs are installed (a language is switched to only once its pack is).

use leptos::prelude::*;

use super::announcer::announce;
use super::base::base_path;
use super::store::{chosen_language, remember_language};
use crate::adapters::{dom, packs};
use crate::i18n::{fill, pack, tr, Key, Lang};

#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
    packs: RwSignal<[PackState; 3]>,
    /// Packs a view asked for that are still downloading: one download serves every view that asks meanwhile.
    requested: StoredValue<[bool; 3]>,
}

/// Whether a language's texts can be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PackState {
    Loading,
    Ready,
    /// The download failed (offline, and this language was never kept): asked for again on the next request.
    Failed,
}

/// The remembered choice, else the browser's preferred languages, else English.
pub fn initial_lang() -> Lang {
    if let Some(lang) = chosen_language() {
        return lang;
    }
    let preferred = dom::preferred_languages();
    Lang::negotiate(preferred.iter().map(String::as_str))
}

/// The translation context, opening in `lang` (the language `ui::start` picked and installed the pack of).
pub fn provide_i18n(lang: Lang) -> I18n {
    let state = |lang| if pack::is_installed(lang) { PackState::Ready } else { PackState::Loading };
    let i18n = I18n {
        lang: RwSignal::new(lang),
        packs: RwSignal::new(Lang::BY_INDEX.map(state)),
        requested: StoredValue::new([false; 3]),
    };
    provide_context(i18n);
    Effect::new(move |_| {
        dom::set_page_lang(i18n.lang.get().code());
    });
    i18n
}

impl I18n {
    /// Whether `lang`'s texts can be shown, redrawing the caller when that changes; starts their download.
    fn pack(self, lang: Lang) -> PackState {
        let state = self.packs.with(|p| p[lang.index()]);
        if state != PackState::Ready && !self.requested.with_value(|r| r[lang.index()]) {
            self.requested.update_value(|r| r[lang.index()] = true);
            leptos::task::spawn_local(async move {
                self.install(lang).await;
                self.requested.update_value(|r| r[lang.index()] = false);
            });
        }
        state
    }

    /// What a view shows instead of a text in `lang` while its pack is not installed ("Downloading the Polski
    /// texts…", or that they could not be downloaded), in the interface's language; `None` once it is installed.
    /// Like `pack`, it starts the download and redraws the caller when the pack arrives.
    pub fn waiting_text(self, lang: Lang) -> Option<String> {
        let key = match self.pack(lang) {
            PackState::Ready => return None,
            PackState::Loading => Key::LanguageLoading,
            PackState::Failed => Key::LanguageUnavailable,
        };
        Some(pack_notice(self.lang.get(), key, lang))
    }

    /// Downloads and installs `lang`'s pack (at once when it is installed) and records the outcome.
    async fn install(self, lang: Lang) -> bool {
        let installed = packs::load(&base_path(), lang).await.is_ok();
        let state = if installed { PackState::Ready } else { PackState::Failed };
        if self.packs.with_untracked(|p| p[lang.index()]) != state {
            self.packs.update(|p| p[lang.index()] = state);
        }
        installed
    }

    /// Switches to `lang` once its pack is installed, remembering the choice when `remember`. When the pack
    /// cannot be downloaded the language stays as it was, the switchers show it again, and the user is told.
    pub fn switch_to(self, lang: Lang, remember: bool) {
        leptos::task::spawn_local(async move {
            if self.install(lang).await {
                self.lang.set(lang);
                if remember {
                    // The choice still applies for this visit when it cannot be remembered.
                    let _ = remember_language(lang);
                }
            } else {
                announce(language_unavailable(self.lang.get_untracked(), lang));
                // The switchers show the language that is still in use.
                self.lang.update(|_| {});
            }
        });
    }
}

/// That `lang`'s texts could not be downloaded, said in the interface language `ui`.
pub fn language_unavailable(ui: Lang, lang: Lang) -> String {
    pack_notice(ui, Key::LanguageUnavailable, lang)
}

fn pack_notice(ui: Lang, key: Key, lang: Lang) -> String {
    fill(tr(ui, key), &[("language", lang.native_name())])
}

/// Switches the language (once its texts are installed) and remembers the choice.
pub fn set_lang(i18n: I18n, lang: Lang) {
    i18n.switch_to(lang, true);
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

pub fn use_lang() -> RwSignal<Lang> {
    use_i18n().lang
}

/// A reactive text for a view: `{t(Key::NavHome)}`.
pub fn t(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || tr(lang.get(), key)
}

/// Keeps `document.title` as "<page> — Claimdesk" in the current language ("Claimdesk" alone when the page is
/// the app itself).
pub fn use_title(page: impl Fn(Lang) -> String + Send + Sync + 'static) {
    let lang = use_lang();
    Effect::new(move |_| {
        let lang = lang.get();
        let (page, app) = (page(lang), tr(lang, Key::AppName));
        dom::set_title(&if page == app { page } else { format!("{page} — {app}") });
    });
}

pub fn use_title_key(key: Key) {
    use_title(move |lang| tr(lang, key).to_string());
}
