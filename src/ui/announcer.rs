//! One polite live region for results that appear without navigation (copied, saved, errors).
//!
//! `announce` writes the region's text directly (as text, never HTML), so it works from event handlers and
//! async tasks that run outside any reactive owner.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

const REGION_ID: &str = "live-status";

/// Says `text` to assistive technology and shows it briefly in the status bar.
pub fn announce(text: impl Into<String>) {
    let text = text.into();
    let Some(window) = web_sys::window() else { return };
    let Some(region) = window.document().and_then(|d| d.get_element_by_id(REGION_ID)) else { return };
    // Clearing first makes a repeated identical message be announced again.
    region.set_text_content(None);
    let set = Closure::once_into_js(move || {
        region.set_text_content(Some(&text));
        // The status bar hides itself again a few seconds later, unless a newer message replaced this one.
        let clear = Closure::once_into_js(move || {
            if region.text_content().as_deref() == Some(text.as_str()) {
                region.set_text_content(None);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), 6000);
        }
    });
    let _ = window.request_animation_frame(set.unchecked_ref());
}

#[component]
pub fn LiveRegion() -> impl IntoView {
    view! { <div id=REGION_ID class="status-bar" role="status" aria-live="polite" aria-atomic="true"></div> }
}
