//! One confirmation for destructive actions: it takes the focus on the safe answer, keeps Tab between its
//! two buttons, closes on Escape or "Cancel", and gives the focus back to the button that opened it.

use leptos::html;
use leptos::prelude::*;

use crate::adapters::dom;
use crate::i18n::Key;
use crate::ui::i18n::t;

#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is shown; the opener sets it, the dialog clears it.
    open: RwSignal<bool>,
    /// The button that opened the dialog: it gets the focus back on close.
    opener: NodeRef<html::Button>,
    /// The element id of the question (the dialog is labelled by it).
    id: &'static str,
    question: Key,
    yes: Key,
    on_yes: Callback<()>,
) -> impl IntoView {
    let yes_button: NodeRef<html::Button> = NodeRef::new();
    let cancel_button: NodeRef<html::Button> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(button) = cancel_button.get() {
            dom::focus(&button);
        }
    });
    let close = move || {
        open.set(false);
        if let Some(button) = opener.get_untracked() {
            dom::focus(&button);
        }
    };
    let keys = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            close();
        }
        // Two buttons: Tab and Shift-Tab move between them and never leave the dialog.
        "Tab" => {
            ev.prevent_default();
            let on_cancel = cancel_button.get_untracked().is_some_and(|b| dom::has_focus(&b));
            let next = if on_cancel { yes_button.get_untracked() } else { cancel_button.get_untracked() };
            if let Some(button) = next {
                dom::focus(&button);
            }
        }
        _ => {}
    };
    view! {
        <Show when=move || open.get()>
            <div class="notice warning no-print" role="alertdialog" aria-labelledby=id on:keydown=keys>
                <p id=id>{t(question)}</p>
                <div class="actions">
                    <button type="button" class="button danger" node_ref=yes_button on:click=move |_| on_yes.run(())>{t(yes)}</button>
                    <button type="button" class="button" node_ref=cancel_button on:click=move |_| close()>{t(Key::Cancel)}</button>
                </div>
            </div>
        </Show>
    }
}
