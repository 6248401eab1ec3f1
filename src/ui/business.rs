//! Settings → "Your business": the seller's business profiles, which letters take their sender from. The
//! profiles live in their own preference (`claimdesk:profiles`) next to the cases, and follow other tabs.

use std::collections::BTreeMap;

use leptos::html;
use leptos::prelude::*;

use super::business_basis::BasisInput;
use super::confirm::ConfirmDialog;
use super::i18n::{t, use_lang};
use super::store::{use_profiles, use_store, Command, Outcome};
use crate::adapters::clock;
use crate::domain::{new_case_id, BusinessProfile, FieldGroup, IdError, Jurisdiction, ProfileField};
use crate::i18n::Key;

#[component]
pub fn BusinessSection() -> impl IntoView {
    let profiles = use_profiles();
    // The profile being edited (a new one has an id no profile has yet).
    let editing = RwSignal::new(None::<BusinessProfile>);
    let add_button: NodeRef<html::Button> = NodeRef::new();
    let start_new = move |_| {
        let id = format!("p{}", new_case_id(clock::now(), clock::entropy()));
        editing.set(Some(BusinessProfile::new(id, Jurisdiction::default())));
    };
    let store = use_store();
    let select = move |profile: String| {
        let _ = store.run(Command::SelectProfile { profile }, &[]);
    };
    let list = move || {
        let book = profiles.0.get();
        let current = book.current().map(|p| p.id.clone());
        book.profiles
            .into_iter()
            .map(|profile| {
                let id = profile.id.clone();
                let radio_id = format!("profile-use-{id}");
                let is_current = current.as_deref() == Some(id.as_str());
                let edit_copy = profile.clone();
                let select_id = id.clone();
                view! {
                    <li class="profile-row">
                        <div class="radio">
                            <input type="radio" name="profile-current" id=radio_id.clone() prop:checked=is_current
                                on:change=move |_| select(select_id.clone())/>
                            <label for=radio_id>{profile.display_name()}</label>
                        </div>
                        <button type="button" class="button" on:click=move |_| editing.set(Some(edit_copy.clone()))>
                            {t(Key::ProfileEdit)}
                        </button>
                        <DeleteProfile id/>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="settings-group business" id="business" tabindex="-1" aria-labelledby="business-heading">
            <h2 id="business-heading">{t(Key::ProfileHeading)}</h2>
            <p>{t(Key::ProfileIntro)}</p>
            <Show when=move || !profiles.0.with(|b| b.profiles.is_empty())>
                <fieldset class="profile-list">
                    <legend>{t(Key::ProfileUsedForLetters)}</legend>
                    <ul>{list}</ul>
                </fieldset>
            </Show>
            {move || match editing.get() {
                Some(profile) => view! { <ProfileForm profile editing add_button/> }.into_any(),
                None => view! {
                    <button type="button" class="button primary" node_ref=add_button on:click=start_new>{t(Key::ProfileAdd)}</button>
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn DeleteProfile(id: String) -> impl IntoView {
    let store = use_store();
    let open = RwSignal::new(false);
    let opener: NodeRef<html::Button> = NodeRef::new();
    let confirmed = Callback::new(move |()| {
        let _ = store.run(Command::DeleteProfile { profile: id.clone() }, &[]);
    });
    view! {
        <button type="button" class="button" node_ref=opener on:click=move |_| open.set(true)>{t(Key::ProfileDelete)}</button>
        <Show when=move || open.get()>
            <ConfirmDialog open opener id="delete-profile-question" question=Key::ProfileDeleteQuestion yes=Key::ProfileDelete on_yes=confirmed/>
        </Show>
    }
}

#[component]
fn ProfileForm(
    profile: BusinessProfile,
    editing: RwSignal<Option<BusinessProfile>>,
    add_button: NodeRef<html::Button>,
) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let country = RwSignal::new(profile.country);
    let values: RwSignal<BTreeMap<ProfileField, String>> = RwSignal::new(profile.fields.clone());
    let basis = RwSignal::new(profile.basis.clone());
    // The numbers that failed their check at the last save, shown under their fields.
    let problems = RwSignal::new(Vec::<(ProfileField, IdError)>::new());
    let error = RwSignal::new(None::<String>);
    let close = move || {
        editing.set(None);
        // The add button is back once the form is gone: give it the focus on the next frame.
        request_animation_frame(move || {
            if let Some(button) = add_button.get_untracked() {
                crate::adapters::dom::focus(&button);
            }
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let mut edited = BusinessProfile { country: country.get_untracked(), ..profile.clone() };
        edited.fields.clear();
        for (field, value) in values.get_untracked() {
            edited.set(field, &value);
        }
        edited.set_basis(basis.get_untracked());
        problems.set(edited.number_problems());
        match store.run(Command::SaveProfile(Box::new(edited)), &[]) {
            Ok(Outcome::Invalid(problem)) => error.set(Some(super::import_error::profile_error_text(lang, problem))),
            Ok(_) => close(),
            Err(_) => error.set(store.failure_message()),
        }
    };
    let groups = move || {
        let country = country.get();
        FieldGroup::ALL
            .into_iter()
            .map(|group| {
                let fields: Vec<ProfileField> =
                    ProfileField::ALL.into_iter().filter(|f| f.group() == group && f.applies_to(country)).collect();
                view! {
                    <fieldset class="profile-group">
                        <legend>{t(group.key())}</legend>
                        {fields.into_iter().map(|field| view! { <ProfileInput field values problems/> }).collect_view()}
                        {(group == FieldGroup::Signatory).then(|| view! { <BasisInput basis/> })}
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        <form class="profile-form" on:submit=save novalidate=true>
            <div class="field">
                <label for="profile-country">{t(Key::ProfileCountry)}</label>
                <select id="profile-country" on:change=move |ev| {
                    if let Some(c) = Jurisdiction::from_code(&event_target_value(&ev)) {
                        country.set(c);
                    }
                }>
                    {Jurisdiction::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.code() selected=move || country.get() == c>{t(c.key())}</option> })
                        .collect_view()}
                </select>
            </div>
            {groups}
            {move || error.get().map(|text| view! { <p class="error" role="alert">{text}</p> })}
            <div class="actions">
                <button type="submit" class="button primary">{t(Key::ProfileSave)}</button>
                <button type="button" class="button" on:click=move |_| close()>{t(Key::Cancel)}</button>
            </div>
        </form>
    }
}

#[component]
fn ProfileInput(
    field: ProfileField,
    values: RwSignal<BTreeMap<ProfileField, String>>,
    problems: RwSignal<Vec<(ProfileField, IdError)>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("profile-{}", field.code());
    let error_id = format!("profile-{}-error", field.code());
    let problem = move || problems.with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, problem)| *problem));
    let described_by = error_id.clone();
    let kind = match field {
        ProfileField::Email => "email",
        ProfileField::Phone => "tel",
        _ => "text",
    };
    let autocomplete = match field {
        ProfileField::LegalName => "organization",
        ProfileField::Address => "street-address",
        ProfileField::Email => "email",
        ProfileField::Phone => "tel",
        ProfileField::SignatoryName => "name",
        ProfileField::SignatoryPosition => "organization-title",
        _ => "off",
    };
    view! {
        <div class="field">
            <label for=id.clone()>{t(field.key())}</label>
            <input
                type=kind
                id=id
                autocomplete=autocomplete
                maxlength=crate::domain::profile::MAX_FIELD_CHARS.to_string()
                prop:value=move || values.with(|v| v.get(&field).cloned().unwrap_or_default())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    values.update(|v| {
                        v.insert(field, text);
                    });
                }
                aria-invalid=move || problem().is_some().then_some("true")
                aria-describedby=move || problem().is_some().then(|| described_by.clone())
            />
            {move || {
                problem().map(|p| {
                    let text = super::import_error::field_problem_text(lang.get(), field, p);
                    view! { <p class="field-error" id=error_id.clone()>{text}</p> }
                })
            }}
        </div>
    }
}
