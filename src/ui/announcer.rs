//! One polite live region for results that appear without navigation (copied, saved, errors).
//!
//! `announce` writes the region's text directly (as text, never HTML), so it works from event handlers and
//! async tasks that run outside any reactive owner.

use leptos::prelude::*;

use crate::adapters::dom;

const REGION_ID: &str = "live-status";

/// Says `text` to assistive technology and shows it briefly in the status bar.
pub fn announce(text: impl Into<String>) {
    // The status bar hides itself again a few seconds later, unless a newer message replaced this one.
    dom::show_text_briefly(REGION_ID, text.into(), SHOWN_MS);
}

const SHOWN_MS: i32 = 6000;

#[component]
pub fn LiveRegion() -> impl IntoView {
    view! { <div id=REGION_ID class="status-bar" role="status" aria-live="polite" aria-atomic="true"></div> }
}
