//! The page itself: focus, title, language attribute, scrolling, printing and the live region's text.
//! Each function does one DOM call and does nothing when the browser refuses it (there is no useful
//! fallback for a focus or a title that could not be set).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

pub fn focus(element: &HtmlElement) {
    let _ = element.focus();
}

/// Focuses the element with this id; `false` when there is none.
pub fn focus_by_id(id: &str) -> bool {
    let element = document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<HtmlElement>().ok());
    element.inspect(focus).is_some()
}

/// Whether `element` holds the keyboard focus.
pub fn has_focus(element: &HtmlElement) -> bool {
    let active = document().and_then(|d| d.active_element());
    element.is_same_node(active.as_ref().map(|a| a.as_ref()))
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// The `lang` attribute of `<html>`, which screen readers and hyphenation follow.
pub fn set_page_lang(code: &str) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", code);
    }
}

/// The content of `<meta name="…">`, if the page has one.
pub fn meta_content(name: &str) -> Option<String> {
    document()
        .and_then(|d| d.query_selector(&format!("meta[name='{name}']")).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
}

/// The page's path as the browser shows it ("/claimdesk/cases"), empty when unknown.
pub fn pathname() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// Removes the pages pre-rendered at build time (`[data-prerender]`, one per language), once the app has drawn
/// its own: both happen in one task, so no frame shows neither or both.
pub fn remove_prerendered() {
    let Some(found) = document().and_then(|d| d.query_selector_all("[data-prerender]").ok()) else {
        return;
    };
    for index in 0..found.length() {
        if let Some(element) = found.item(index).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            element.remove();
        }
    }
}

/// Puts `text` at the top of the page as an alert: the app could not start, and the page says why.
pub fn show_start_failure(text: &str) {
    let Some(document) = document() else { return };
    let (Ok(alert), Some(body)) = (document.create_element("p"), document.body()) else { return };
    alert.set_class_name("start-failure");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(text));
    let _ = body.prepend_with_node_1(&alert);
}

/// `navigator.languages`, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}

/// The page's origin ("https://example.org"), empty when unknown.
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Whether the page is laid out for a phone (the stylesheet's narrow layout starts at the same width).
pub fn is_narrow_screen() -> bool {
    web_sys::window().and_then(|w| w.match_media(NARROW_SCREEN).ok().flatten()).is_some_and(|query| query.matches())
}

const NARROW_SCREEN: &str = "(max-width: 40rem)";

/// Opens every `<details>` matching `selector` (before printing: a folded section would not print).
pub fn unfold_all(selector: &str) {
    let Some(list) = document().and_then(|d| d.query_selector_all(selector).ok()) else { return };
    for index in 0..list.length() {
        if let Some(element) = list.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
            let _ = element.set_attribute("open", "");
        }
    }
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Writes `text` into the element `id` on the next frame (after clearing it, so a repeated message is
/// announced again) and clears it `clear_after_ms` later unless a newer text replaced it.
pub fn show_text_briefly(id: &str, text: String, clear_after_ms: i32) {
    let Some(window) = web_sys::window() else { return };
    let Some(region) = document().and_then(|d| d.get_element_by_id(id)) else { return };
    region.set_text_content(None);
    let set = Closure::once_into_js(move || {
        region.set_text_content(Some(&text));
        let clear = Closure::once_into_js(move || {
            if region.text_content().as_deref() == Some(text.as_str()) {
                region.set_text_content(None);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), clear_after_ms);
        }
    });
    let _ = window.request_animation_frame(set.unchecked_ref());
}
