//! The one action layer: every change a user makes to the cases goes through a typed action here, and each
//! returns whether it was saved. Components announce success only on `Ok`; on `Err` they announce
//! [`failure_text`], which names what was not saved and why.

use leptos::prelude::*;

use crate::adapters::clock;
use crate::adapters::storage;
use crate::codec::backup::{self, ImportPreview};
use crate::domain::{Case, CaseStatus, LetterVia, LossTable, Money, ProfileBook, StageError, StageStep};
use crate::i18n::{tr, Key, Lang};
use crate::ui::business::{Profiles, PROFILES_PREF};
use crate::ui::state::{save_error_key, Cases};

pub use crate::adapters::storage::SaveError;

/// What the user tried to save: names the change in a "not saved" message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    AddNote,
    SetStatus,
    Tick,
    SaveMoney,
    CreateCase,
    EditCase,
    DeleteCase,
    RestoreCase,
    Import,
    SaveProfile,
    SaveLosses,
    SendLetter,
    AdvanceStage,
}

impl Action {
    /// "The note was not saved." and so on.
    pub fn not_saved_key(self) -> Key {
        match self {
            Action::AddNote => Key::NotSavedNote,
            Action::SetStatus => Key::NotSavedStatus,
            Action::Tick => Key::NotSavedTick,
            Action::SaveMoney => Key::NotSavedMoney,
            Action::CreateCase => Key::NotSavedCreate,
            Action::EditCase => Key::NotSavedEdit,
            Action::DeleteCase => Key::NotSavedDelete,
            Action::RestoreCase => Key::NotSavedRestore,
            Action::Import => Key::NotSavedImport,
            Action::SaveProfile => Key::NotSavedProfile,
            Action::SaveLosses => Key::NotSavedLosses,
            Action::SendLetter => Key::NotSavedLetter,
            Action::AdvanceStage => Key::NotSavedStage,
        }
    }
}

/// The message for a failed action: what was not saved, then why.
pub fn failure_text(lang: Lang, action: Action, error: &SaveError) -> String {
    format!("{} {}", tr(lang, action.not_saved_key()), tr(lang, save_error_key(error)))
}

/// An action the case itself may turn down (an empty note, a status the case cannot move to): `Refused` is
/// not a storage failure, but neither is it a success to announce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use]
pub enum Outcome {
    Saved,
    Refused,
}

pub fn add_note(cases: Cases, id: &str, text: String) -> Result<Outcome, SaveError> {
    cases.update(id, move |c| c.add_note(&text, clock::now()))
}

pub fn set_status(cases: Cases, id: &str, to: CaseStatus) -> Result<Outcome, SaveError> {
    cases.update(id, move |c| c.set_status(to, clock::now()))
}

/// Moves the claim to another stage. `Refused` comes with the reason when the case turned the step down, and
/// without one when the case is gone or its scenario is not known to this version.
pub fn advance_stage(cases: Cases, id: &str, step: StageStep) -> Result<(Outcome, Option<StageError>), SaveError> {
    let mut refused = None;
    let outcome = cases.update(id, |c| {
        let Some(scenario) = crate::scenario::get(&c.scenario) else { return false };
        let result = c.advance(scenario, step, clock::today(), clock::now());
        refused = result.err();
        result.is_ok()
    })?;
    Ok((outcome, refused))
}

pub fn tick(cases: Cases, id: &str, item: String, done: bool) -> Result<(), SaveError> {
    cases
        .update(id, move |c| {
            c.tick(&item, done, clock::now());
            true
        })
        .map(drop)
}

pub fn save_money(cases: Cases, id: &str, money: Money) -> Result<(), SaveError> {
    cases
        .update(id, move |c| {
            c.set_money(money, clock::now());
            true
        })
        .map(drop)
}

/// Replaces the case's loss table; the claimed amount follows it unless typed by hand.
pub fn set_losses(cases: Cases, id: &str, losses: LossTable) -> Result<Outcome, SaveError> {
    cases.update(id, move |c| c.set_losses(losses, clock::now()))
}

/// Chooses the business profile the case's letters go out for.
pub fn set_case_profile(cases: Cases, id: &str, profile: String) -> Result<Outcome, SaveError> {
    cases.update(id, move |c| c.set_profile(&profile, clock::now()))
}

/// Makes the claimed amount the loss table's total again.
pub fn claim_table_total(cases: Cases, id: &str) -> Result<Outcome, SaveError> {
    cases.update(id, move |c| c.claim_table_total(clock::now()))
}

/// Creates a case or saves one with edited answers (a higher revision than the copy held).
pub fn save_case(cases: Cases, case: Case) -> Result<(), SaveError> {
    cases.save(case)
}

pub fn delete_case(cases: Cases, id: &str) -> Result<(), SaveError> {
    cases.remove(id)
}

pub fn undo_delete(cases: Cases) -> Result<(), SaveError> {
    cases.undo_delete()
}

/// Applies a previewed import and saves every case it added or changed, then the business profiles it brought;
/// `Ok` carries how many cases.
pub fn import(cases: Cases, profiles: Profiles, mut preview: ImportPreview) -> Result<usize, SaveError> {
    let incoming = std::mem::take(&mut preview.profiles);
    let ids = cases.book.try_update(|b| backup::apply_import(preview, b)).unwrap_or_default();
    cases.persist_all(&ids)?;
    if !incoming.profiles.is_empty() {
        let mut book = profiles.0.get_untracked();
        book.merge(incoming);
        save_profiles(profiles, book)?;
    }
    Ok(ids.len())
}

/// Writes the business profiles, then shows them: the screen never holds profiles that were not saved.
pub fn save_profiles(profiles: Profiles, book: ProfileBook) -> Result<(), SaveError> {
    storage::write_json(PROFILES_PREF, &book)?;
    profiles.0.set(book);
    Ok(())
}

/// Records that a message of case `id` left the app. A numbered letter first counts its number in the profile
/// (so it is never given again, even if recording on the case then fails), then the case notes it.
pub fn send_letter(
    cases: Cases,
    profiles: Profiles,
    id: &str,
    message: &str,
    number: Option<(String, u32)>,
    how: LetterVia,
) -> Result<(), SaveError> {
    if let Some((profile, n)) = &number {
        let mut book = profiles.0.get_untracked();
        if book.mark_letter_number(profile, *n) {
            save_profiles(profiles, book)?;
        }
    }
    let sent = number.as_ref().map(|(p, n)| (p.as_str(), *n));
    cases
        .update(id, move |c| {
            c.record_letter(message, sent, how, clock::now());
            true
        })
        .map(drop)
}
