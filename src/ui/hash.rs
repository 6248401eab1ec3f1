//! A link to a part of a page ("/rules#rule-…", "/settings#business") brings that part into view with the
//! focus, so keyboard and screen-reader users start there too. The router does not scroll to a fragment.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::adapters::dom;

/// Call in a page component: whenever the URL's fragment names an element, it takes the focus (the element
/// needs `tabindex="-1"`), after the next frame, when the router has put the page into the document.
pub fn use_focus_on_fragment() {
    let location = use_location();
    Effect::new(move |_| {
        let hash = location.hash.get();
        if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()).map(str::to_string) {
            request_animation_frame(move || {
                dom::focus_by_id(&id);
            });
        }
    });
}
