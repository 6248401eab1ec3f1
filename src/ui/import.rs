//! Importing a backup: pick a file, see what it would add, update or skip, confirm. One flow, used by
//! Settings and by the start screen's "Restore from a backup".

use leptos::prelude::*;

use super::announcer::announce;
use super::i18n::{t, use_lang};
use super::import_error::import_error_text;
use super::store::{use_cases, use_store, Command};
use crate::adapters::files;
use crate::codec::backup::{check_file_size, preview_import, ImportPreview, SkipReason, MAX_IMPORT_BYTES};
use crate::i18n::{fill, tr, Key};

/// A file input labelled `label`, then the preview of the chosen file and its Import / Cancel buttons.
/// `input_id` must be unique on the page (the preview's heading is `<input_id>-preview-title`).
#[component]
pub fn ImportBackup(input_id: &'static str, label: Key) -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let store = use_store();
    let profiles = store.profiles;
    let preview = RwSignal::new(None::<ImportPreview>);
    let error = RwSignal::new(None::<String>);
    let help_id = format!("{input_id}-help");
    let title_id = format!("{input_id}-preview-title");

    let pick = move |ev: leptos::ev::Event| {
        error.set(None);
        preview.set(None);
        let Some(file) = files::PickedFile::take(&ev) else { return };
        let lang = lang.get_untracked();
        if let Err(e) = check_file_size(file.size()) {
            error.set(Some(import_error_text(lang, &e)));
            return;
        }
        leptos::task::spawn_local(async move {
            match file.read_text(MAX_IMPORT_BYTES as f64).await {
                Err(_) => error.set(Some(tr(lang, Key::ImportUnreadable).into())),
                Ok(text) => match cases.book.with_untracked(|b| preview_import(&text, b)) {
                    Ok(p) => {
                        preview.try_set(Some(p));
                    }
                    Err(e) => {
                        let message = import_error_text(lang, &e);
                        announce(message.clone());
                        error.try_set(Some(message));
                    }
                },
            }
        });
    };
    let confirm = move |_| {
        // Taken, not cloned: a backup of 10,000 cases is some 15 MB of case data.
        let Some(p) = preview.try_update_untracked(Option::take).flatten() else { return };
        let result = store.run(Command::Import(Box::new(p)), &[]);
        // The start screen removes this flow once cases exist: the signals may be gone by now.
        preview.try_set(None);
        if result.is_err() {
            error.try_set(store.failure_message());
        }
    };
    let preview_view = {
        let title_id = title_id.clone();
        move || {
            let lang = lang.get();
            // Only the counts are read: cloning the preview would copy every case of the file.
            let counts = preview.with(|p| {
                p.as_ref().map(|p| {
                    let newer_here = p.skipped.iter().filter(|(_, r)| *r == SkipReason::NotNewer).count();
                    let new_profiles = profiles.0.with_untracked(|here| p.new_profiles(here));
                    (p.added.len(), p.updated.len(), newer_here, p.skipped.len() - newer_here, new_profiles)
                })
            });
            let (title_id, labelled_by) = (title_id.clone(), title_id.clone());
            counts.map(|(added, updated, newer_here, deleted, new_profiles)| {
                view! {
                    <div class="notice warning import-preview" role="region" aria-labelledby=labelled_by>
                        <div>
                            <h3 id=title_id>{tr(lang, Key::ImportPreviewTitle)}</h3>
                            <ul class="import-summary">
                                <li>{fill(tr(lang, Key::ImportAdded), &[("n", &added.to_string())])}</li>
                                <li>{fill(tr(lang, Key::ImportUpdated), &[("n", &updated.to_string())])}</li>
                                <li>{fill(tr(lang, Key::ImportSkipped), &[("n", &newer_here.to_string())])}</li>
                                <li>{fill(tr(lang, Key::ImportSkippedDeleted), &[("n", &deleted.to_string())])}</li>
                                {(new_profiles > 0).then(|| view! {
                                    <li>{fill(tr(lang, Key::ImportProfiles), &[("n", &new_profiles.to_string())])}</li>
                                })}
                            </ul>
                        </div>
                        <div class="actions">
                            <button type="button" class="button primary" on:click=confirm>{tr(lang, Key::ImportConfirm)}</button>
                            <button type="button" class="button" on:click=move |_| preview.set(None)>{tr(lang, Key::Cancel)}</button>
                        </div>
                    </div>
                }
            })
        }
    };
    view! {
        <div class="field import-field">
            <label for=input_id>{t(label)}</label>
            <input type="file" id=input_id accept=".json,application/json" on:change=pick aria-describedby=help_id.clone()/>
            <p class="help" id=help_id>{t(Key::SettingsImportHelp)}</p>
        </div>
        {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
        {preview_view}
    }
}
