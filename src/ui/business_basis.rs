//! The signatory's basis of authority in the business form: a choice (charter, power of attorney with its
//! number and date, registration as a sole trader), and the text of an older profile while it is kept.

use leptos::prelude::*;

use super::i18n::{t, use_lang};
use crate::domain::AuthorityBasis;
use crate::i18n::{fill, tr, Key};

const NONE: &str = "none";

#[component]
pub fn BasisInput(basis: RwSignal<Option<AuthorityBasis>>) -> impl IntoView {
    let lang = use_lang();
    // The older text stays an option for as long as the form is open, so picking another and back loses nothing.
    let legacy = basis.with_untracked(|b| match b {
        Some(AuthorityBasis::Legacy { text }) => Some(text.clone()),
        _ => None,
    });
    let code = move || basis.with(|b| b.as_ref().map_or(NONE, AuthorityBasis::code));
    let legacy_option = legacy.clone().map(|text| {
        let label = move || fill(tr(lang.get(), Key::ProfileBasisLegacy), &[("text", &text)]);
        view! { <option value="legacy" selected=move || code() == "legacy">{label}</option> }
    });
    let choose = move |ev: leptos::ev::Event| {
        let chosen = match event_target_value(&ev).as_str() {
            "charter" => Some(AuthorityBasis::Charter),
            "power_of_attorney" => Some(AuthorityBasis::PowerOfAttorney { number: String::new(), date: None }),
            "registration" => Some(AuthorityBasis::Registration),
            "legacy" => legacy.clone().map(|text| AuthorityBasis::Legacy { text }),
            _ => None,
        };
        basis.set(chosen);
    };
    let options = [
        (NONE, Key::ProfileBasisNone),
        ("charter", Key::ProfileBasisCharter),
        ("power_of_attorney", Key::ProfileBasisPowerOfAttorney),
        ("registration", Key::ProfileBasisRegistration),
    ];
    // Shown while the choice is a power of attorney; typing in its fields does not redraw them (focus stays).
    let is_power_of_attorney = Memo::new(move |_| code() == "power_of_attorney");
    let power_of_attorney = move || {
        basis.with(|b| match b {
            Some(AuthorityBasis::PowerOfAttorney { number, date }) => (number.clone(), *date),
            _ => (String::new(), None),
        })
    };
    let set_number = move |text: String| {
        basis.update(|b| {
            if let Some(AuthorityBasis::PowerOfAttorney { number, .. }) = b {
                *number = text;
            }
        })
    };
    let set_date = move |text: String| {
        basis.update(|b| {
            if let Some(AuthorityBasis::PowerOfAttorney { date, .. }) = b {
                *date = crate::time_text::parse_date(&text);
            }
        })
    };
    view! {
        <div class="field">
            <label for="profile-basis">{t(Key::ProfileSignatoryBasis)}</label>
            <select id="profile-basis" on:change=choose>
                {options
                    .into_iter()
                    .map(|(value, key)| view! { <option value=value selected=move || code() == value>{t(key)}</option> })
                    .collect_view()}
                {legacy_option}
            </select>
        </div>
        <Show when=move || is_power_of_attorney.get()>
            <div class="field">
                <label for="profile-poa-number">{t(Key::ProfilePoaNumber)}</label>
                <input type="text" id="profile-poa-number" autocomplete="off"
                    maxlength=crate::domain::profile::MAX_FIELD_CHARS.to_string()
                    prop:value=move || power_of_attorney().0
                    on:input=move |ev| set_number(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="profile-poa-date">{t(Key::ProfilePoaDate)}</label>
                <input type="date" id="profile-poa-date"
                    prop:value=move || power_of_attorney().1.map(|d| crate::time_text::format_date(&d)).unwrap_or_default()
                    on:change=move |ev| set_date(event_target_value(&ev))/>
            </div>
        </Show>
    }
}
