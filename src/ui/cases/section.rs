//! A section of the case page that folds: on a phone the page opens with only the claim's next step unfolded,
//! so the seller reaches plan, losses, money and timeline by their headings instead of scrolling through them all.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::ui::i18n::t;

#[component]
pub fn CaseSection(
    /// The section's id (the in-page link target) and the stem of its heading's id.
    id: &'static str,
    title: Key,
    /// Unfolded when the page opens.
    open: bool,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let heading = format!("{id}-title");
    view! {
        <details class=format!("case-section {class}") id=id open=open>
            <summary><h2 id=heading>{t(title)}</h2></summary>
            {children()}
        </details>
    }
}
