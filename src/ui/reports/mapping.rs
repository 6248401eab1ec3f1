//! The mapping step: for a sheet the app did not recognise, the seller picks the report it is and the column of
//! each field it needs; the mapping is checked against the sheet's header, kept for the report kind (a
//! `Command`), and the files are read again with it.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::texts;
use crate::codec::report::outcome::SheetView;
use crate::domain::report::mapping::{likely_header, mapping_from_picks};
use crate::domain::report::{MappingError, ReportKind};
use crate::i18n::{fill, tr, Key, Lang};
use crate::ui::i18n::{t, use_lang};
use crate::ui::store::{use_store, Command};

fn mapping_error(lang: Lang, error: &MappingError) -> String {
    let name = |field| tr(lang, texts::field(field));
    match error {
        MappingError::Unmapped(field) | MappingError::CaptionNotFound(field) => {
            fill(tr(lang, Key::MappingUnmapped), &[("field", name(*field))])
        }
        MappingError::SameColumn(first, second) => {
            fill(tr(lang, Key::MappingSameColumn), &[("first", name(*first)), ("second", name(*second))])
        }
        MappingError::NoKind => tr(lang, Key::MappingKind).to_string(),
    }
}

/// `index` makes the form's ids unique on the page; `on_saved` reads the files again.
#[component]
pub fn MappingForm(sheet: SheetView, index: usize, on_saved: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let header: Vec<String> =
        likely_header(&sheet.first_rows).map(|at| sheet.first_rows[at].clone()).unwrap_or_default();
    let closest = sheet.candidates.first().map_or(ReportKind::ALL[0], |c| c.kind);
    let kind = RwSignal::new(closest);
    let picks = RwSignal::new(BTreeMap::new());
    let error = RwSignal::new(None::<String>);
    let header = StoredValue::new(header);
    let title_id = format!("mapping-{index}-title");
    let kind_id = format!("mapping-{index}-kind");
    let error_id = format!("mapping-{index}-error");

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let built = header.with_value(|h| mapping_from_picks(kind.get_untracked(), h, &picks.get_untracked()));
        match built {
            Err(e) => error.set(Some(mapping_error(lang, &e))),
            Ok(mapping) => {
                error.set(None);
                if store.run(Command::SaveMapping { mapping }, &[]).is_ok() {
                    on_saved.run(());
                }
            }
        }
    };
    let fields = move || {
        let lang = lang.get();
        let kind = kind.get();
        kind.required()
            .enumerate()
            .map(|(n, field)| {
                let id = format!("mapping-{index}-field-{n}");
                let options = header.with_value(|h| {
                    h.iter()
                        .enumerate()
                        .filter(|(_, caption)| !caption.trim().is_empty())
                        .map(|(at, caption)| view! { <option value=at.to_string()>{caption.clone()}</option> })
                        .collect_view()
                });
                view! {
                    <div class="field">
                        <label for=id.clone()>{tr(lang, texts::field(field))}</label>
                        <select
                            id=id
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                picks.update(|p| match value.parse::<usize>() {
                                    Ok(at) => {
                                        p.insert(field, at);
                                    }
                                    Err(_) => {
                                        p.remove(&field);
                                    }
                                });
                            }
                        >
                            <option value="" selected=move || picks.with(|p| !p.contains_key(&field))>{tr(lang, Key::MappingNoColumn)}</option>
                            {options}
                        </select>
                    </div>
                }
            })
            .collect_view()
    };
    let has_header = header.with_value(|h| !h.is_empty());
    let labelled_by = title_id.clone();
    view! {
        <form class="mapping-form" aria-labelledby=labelled_by on:submit=submit>
            <h3 id=title_id>{t(Key::MappingTitle)}</h3>
            <p>{t(Key::MappingIntro)}</p>
            {if has_header {
                view! {
                    <div class="field">
                        <label for=kind_id.clone()>{t(Key::MappingKind)}</label>
                        <select
                            id=kind_id
                            on:change=move |ev| {
                                let code = event_target_value(&ev);
                                if let Some(k) = ReportKind::ALL.into_iter().find(|k| k.code() == code) {
                                    kind.set(k);
                                    picks.set(BTreeMap::new());
                                }
                            }
                        >
                            {ReportKind::ALL
                                .into_iter()
                                .map(|k| view! {
                                    <option value=k.code() selected=move || kind.get() == k>{move || tr(lang.get(), texts::report_kind(k))}</option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    {fields}
                    {move || error.get().map(|e| view! { <p class="notice error" id=error_id.clone() role="alert">{e}</p> })}
                    <div class="actions">
                        <button type="submit" class="button primary">{t(Key::MappingApply)}</button>
                    </div>
                }
                .into_any()
            } else {
                view! { <p class="notice warning">{t(Key::MappingNoHeader)}</p> }.into_any()
            }}
        </form>
    }
}
