//! What a route's pre-rendered page says while the app loads (`tools/prerender.mjs` renders these at build time).
//! Pages whose content lives in this browser's storage cannot be rendered ahead: their shell names the page and
//! says what is being opened, and the app replaces it once it runs.

use super::Key;

/// The heading and the line of a loading page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadingPage {
    pub title: Key,
    pub text: Key,
}

/// The loading page for an app path ("/cases", relative to the deploy base). Paths without a page of their own
/// (a case, a letter, an unknown address) get the app's generic one.
pub fn loading_page(path: &str) -> LoadingPage {
    let (title, text) = match path.trim_end_matches('/') {
        "/cases" => (Key::TitleCases, Key::LoadingCases),
        "/stats" => (Key::TitleStats, Key::LoadingStats),
        "/settings" => (Key::TitleSettings, Key::LoadingSettings),
        "/rules" => (Key::TitleRules, Key::LoadingRules),
        _ => (Key::AppName, Key::LoadingApp),
    };
    LoadingPage { title, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_with_stored_content_say_what_is_loading() {
        assert_eq!(loading_page("/cases"), LoadingPage { title: Key::TitleCases, text: Key::LoadingCases });
        assert_eq!(loading_page("/cases/").text, Key::LoadingCases);
        assert_eq!(loading_page("/stats").text, Key::LoadingStats);
        assert_eq!(loading_page("/settings").text, Key::LoadingSettings);
        assert_eq!(loading_page("/rules").text, Key::LoadingRules);
    }

    #[test]
    fn a_case_or_an_unknown_path_gets_the_generic_page() {
        for path in ["/cases/c-123", "/cases/c-1/letter/m", "/no/such", ""] {
            assert_eq!(loading_page(path), LoadingPage { title: Key::AppName, text: Key::LoadingApp }, "{path}");
        }
    }
}
