//! Every change a user makes goes through one typed [`Command`] and one [`dispatch`]. Each command knows what
//! to say: its success, why the app turned it down, and what was not saved when it failed, so no call site
//! picks a label by hand. [`Store::run`](super::Store::run) announces exactly that: success only on `Ok`.

use leptos::prelude::*;

use crate::adapters::{clock, storage};
use crate::codec::backup::{self, ImportPreview};
use crate::domain::{
    BusinessProfile, Case, CaseStatus, LetterVia, LossTable, Money, NewAttachment, ProfileError, StageError, StageStep,
};
use crate::i18n::{Key, Lang};

use super::{SaveError, Store};

/// A change the user asked for.
#[derive(Clone, Debug)]
pub enum Command {
    AddNote {
        case: String,
        text: String,
    },
    SetStatus {
        case: String,
        to: CaseStatus,
    },
    Tick {
        case: String,
        item: String,
        done: bool,
    },
    SaveMoney {
        case: String,
        money: Money,
    },
    /// Replaces the case's loss table; the claimed amount follows it unless typed by hand.
    SetLosses {
        case: String,
        losses: LossTable,
    },
    /// Makes the claimed amount the loss table's total again.
    ClaimTableTotal {
        case: String,
    },
    /// Chooses the business profile the case's letters go out for.
    SetCaseProfile {
        case: String,
        profile: String,
    },
    /// Creates a case (`editing: false`) or saves one with edited answers (a higher revision than the copy held),
    /// then discards the wizard's draft (stored under `draft`), which the case now holds.
    SaveCase {
        case: Box<Case>,
        editing: bool,
        draft: String,
    },
    DeleteCase {
        case: String,
    },
    UndoDelete,
    /// Applies a previewed import: its cases, then the business profiles it brought.
    Import(Box<ImportPreview>),
    SaveProfile(Box<BusinessProfile>),
    SelectProfile {
        profile: String,
    },
    DeleteProfile {
        profile: String,
    },
    /// A message of a case left the app. A numbered letter first counts its number in its profile (so it is
    /// never given again, even if recording it on the case then fails), then the case notes it.
    SendLetter {
        case: String,
        message: String,
        number: Option<(String, u32)>,
        via: LetterVia,
    },
    /// Deletes an unreadable record kept in quarantine (after the seller downloaded it, or chose not to).
    DiscardQuarantined {
        key: String,
    },
    /// Moves the claim to another stage: the step's answers, deadlines and status follow (`domain::stage`).
    AdvanceStage {
        case: String,
        step: StageStep,
    },
    /// Keeps what the seller typed in a letter's field (`domain::letter_draft`); empty removes it.
    SetLetterField {
        case: String,
        message: String,
        field: String,
        value: String,
    },
    /// Keeps the seller's edit of a letter in `lang`, or drops it (`text: None`, back to the generated text).
    SetLetterText {
        case: String,
        message: String,
        lang: Lang,
        text: Option<String>,
    },
    /// A report finding the seller does not want to claim: never shown again, whatever report brings it.
    DismissFinding {
        fingerprint: String,
    },
    /// The seller's reading of a report the app did not recognise, kept as its kind's mapping.
    SaveMapping {
        mapping: crate::domain::report::ColumnMapping,
    },
    /// Records a file already stored in the browser's file storage as attached to the case (`store::evidence`
    /// stores it first and takes it away again when this does not stick).
    Attach {
        case: String,
        file: Box<NewAttachment>,
    },
    /// Takes a file off the case (its bytes go once no case refers to them).
    Detach {
        case: String,
        attachment: String,
    },
    CaptionAttachment {
        case: String,
        attachment: String,
        caption: String,
    },
    /// Ties a file to the checklist item it proves; `None` unties it.
    TieAttachment {
        case: String,
        attachment: String,
        item: Option<String>,
    },
}

/// What a command did when it did not fail.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub enum Outcome {
    Saved,
    /// The change was turned down (an empty note, a status the case cannot move to, a case deleted in another
    /// tab): nothing was saved, nothing failed.
    Refused,
    /// An import saved this many cases.
    Imported(usize),
    /// A business profile was not saved: what is wrong with it.
    Invalid(ProfileError),
    /// The case turned a stage step down: why.
    StepRefused(StageError),
}

/// What a command says: on success, when turned down, and what was not saved when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Labels {
    pub saved: Option<Key>,
    pub refused: Option<Key>,
    pub not_saved: Key,
}

impl Command {
    pub fn labels(&self) -> Labels {
        let (saved, refused, not_saved) = match self {
            Command::AddNote { .. } => (Some(Key::NoteAdded), Some(Key::NoteEmpty), Key::NotSavedNote),
            Command::SetStatus { .. } => (Some(Key::CaseSaved), Some(Key::StatusRefused), Key::NotSavedStatus),
            Command::Tick { .. } => (None, None, Key::NotSavedTick),
            Command::SaveMoney { .. } => (Some(Key::CaseSaved), None, Key::NotSavedMoney),
            Command::SetLosses { .. } => (Some(Key::LossSaved), None, Key::NotSavedLosses),
            Command::ClaimTableTotal { .. } => (Some(Key::CaseSaved), None, Key::NotSavedMoney),
            Command::SetCaseProfile { .. } => (Some(Key::CaseSaved), None, Key::NotSavedCaseProfile),
            Command::SaveCase { editing: false, .. } => (Some(Key::CaseSaved), None, Key::NotSavedCreate),
            Command::SaveCase { editing: true, .. } => (Some(Key::CaseSaved), None, Key::NotSavedEdit),
            Command::DeleteCase { .. } => (Some(Key::CaseDeletedShort), None, Key::NotSavedDelete),
            Command::UndoDelete => (Some(Key::CaseRestored), None, Key::NotSavedRestore),
            Command::Import(_) => (Some(Key::ImportDone), None, Key::NotSavedImport),
            Command::SaveProfile(_) => (Some(Key::ProfileSaved), None, Key::NotSavedProfile),
            Command::SelectProfile { .. } => (Some(Key::ProfileSelected), None, Key::NotSavedProfile),
            Command::DeleteProfile { .. } => (Some(Key::ProfileDeleted), None, Key::NotSavedProfile),
            Command::SendLetter { number, via, .. } => (
                match (via, number) {
                    (LetterVia::Copied, Some(_)) => Some(Key::LetterCopiedNumbered),
                    (LetterVia::Copied, None) => Some(Key::Copied),
                    (LetterVia::Printed, Some(_)) => Some(Key::LetterPrinted),
                    // The print dialog itself is the feedback.
                    (LetterVia::Printed, None) => None,
                    // Said once the file is made (or that it could not be).
                    (LetterVia::Downloaded, _) => None,
                },
                None,
                Key::NotSavedLetter,
            ),
            Command::DiscardQuarantined { .. } => (Some(Key::QuarantineDiscarded), None, Key::NotSavedDiscard),
            Command::AdvanceStage { .. } => (Some(Key::CaseSaved), None, Key::NotSavedStage),
            // A field is kept as the seller leaves it: no announcement for each.
            Command::SetLetterField { .. } => (None, Some(Key::LetterDraftRefused), Key::NotSavedLetterDraft),
            Command::SetLetterText { text: Some(_), .. } => {
                (Some(Key::LetterEditSaved), Some(Key::LetterDraftRefused), Key::NotSavedLetterDraft)
            }
            Command::SetLetterText { text: None, .. } => {
                (Some(Key::LetterResetDone), Some(Key::LetterDraftRefused), Key::NotSavedLetterDraft)
            }
            Command::DismissFinding { .. } => (Some(Key::FindingDismissed), None, Key::NotSavedDismiss),
            Command::SaveMapping { .. } => (Some(Key::MappingSaved), None, Key::NotSavedMapping),
            Command::Attach { .. } => (Some(Key::EvidenceAdded), None, Key::NotSavedAttachment),
            Command::Detach { .. } => (Some(Key::EvidenceRemoved), None, Key::NotSavedEvidence),
            Command::CaptionAttachment { .. } | Command::TieAttachment { .. } => {
                (Some(Key::EvidenceSaved), None, Key::NotSavedEvidence)
            }
        };
        Labels { saved, refused, not_saved }
    }
}

/// Carries out `command` against the stores and storage. `Ok` only once the change was written.
pub fn dispatch(store: Store, command: Command) -> Result<Outcome, SaveError> {
    let cases = store.cases;
    let profiles = store.profiles;
    let now = clock::now();
    let saved = |result: Result<(), SaveError>| result.map(|()| Outcome::Saved);
    match command {
        Command::AddNote { case, text } => cases.update(&case, |c| c.add_note(&text, now)),
        Command::SetStatus { case, to } => cases.update(&case, |c| c.set_status(to, now)),
        Command::Tick { case, item, done } => cases.update(&case, |c| {
            c.tick(&item, done, now);
            true
        }),
        Command::SaveMoney { case, money } => cases.update(&case, |c| {
            c.set_money(money, now);
            true
        }),
        Command::SetLosses { case, losses } => cases.update(&case, |c| c.set_losses(losses, now)),
        Command::ClaimTableTotal { case } => cases.update(&case, |c| c.claim_table_total(now)),
        Command::SetCaseProfile { case, profile } => cases.update(&case, |c| c.set_profile(&profile, now)),
        Command::SaveCase { case, draft, .. } => {
            cases.save(*case)?;
            super::drafts::discard_draft(&draft);
            Ok(Outcome::Saved)
        }
        Command::DeleteCase { case } => saved(cases.remove(&case)),
        Command::UndoDelete => saved(cases.undo_delete()),
        Command::Import(mut preview) => {
            let incoming = std::mem::take(&mut preview.profiles);
            let ids = cases.book.try_update(|b| backup::apply_import(*preview, b)).unwrap_or_default();
            cases.persist_all(&ids)?;
            if !incoming.profiles.is_empty() {
                let mut book = profiles.0.get_untracked();
                book.merge(incoming);
                profiles.save(book)?;
            }
            Ok(Outcome::Imported(ids.len()))
        }
        Command::SaveProfile(profile) => {
            let mut book = profiles.0.get_untracked();
            if let Err(problem) = book.upsert(*profile) {
                return Ok(Outcome::Invalid(problem));
            }
            saved(profiles.save(book))
        }
        Command::SelectProfile { profile } => {
            let mut book = profiles.0.get_untracked();
            if !book.select(&profile) {
                return Ok(Outcome::Refused);
            }
            saved(profiles.save(book))
        }
        Command::DeleteProfile { profile } => {
            let mut book = profiles.0.get_untracked();
            if book.remove(&profile).is_none() {
                return Ok(Outcome::Refused);
            }
            saved(profiles.save(book))
        }
        Command::SendLetter { case, message, number, via } => {
            if let Some((profile, n)) = &number {
                let mut book = profiles.0.get_untracked();
                if book.mark_letter_number(profile, *n) {
                    profiles.save(book)?;
                }
            }
            let sent = number.as_ref().map(|(p, n)| (p.as_str(), *n));
            cases.update(&case, |c| {
                c.record_letter(&message, sent, via, now);
                true
            })
        }
        Command::DiscardQuarantined { key } => saved(storage::discard_quarantined(&key)),
        Command::AdvanceStage { case, step } => {
            let mut refused = None;
            let outcome = cases.update(&case, |c| {
                let Some(scenario) = crate::scenario::get(&c.scenario) else { return false };
                let result = c.advance(scenario, step, clock::today(), now);
                refused = result.err();
                result.is_ok()
            })?;
            Ok(refused.map_or(outcome, Outcome::StepRefused))
        }
        Command::SetLetterField { case, message, field, value } => {
            if cases.get(&case).is_none() {
                return Ok(Outcome::Refused);
            }
            let mut bad = false;
            let outcome = cases.update(&case, |c| match c.set_letter_field(&message, &field, &value, now) {
                Ok(changed) => changed,
                Err(_) => {
                    bad = true;
                    false
                }
            })?;
            Ok(draft_outcome(bad, outcome))
        }
        Command::SetLetterText { case, message, lang, text } => {
            if cases.get(&case).is_none() {
                return Ok(Outcome::Refused);
            }
            let mut bad = false;
            let outcome = cases.update(&case, |c| match c.set_letter_text(&message, lang, text.as_deref(), now) {
                Ok(changed) => changed,
                Err(_) => {
                    bad = true;
                    false
                }
            })?;
            Ok(draft_outcome(bad, outcome))
        }
        Command::DismissFinding { fingerprint } => {
            let memory = store.prefs.report_findings;
            match memory.get_untracked().with_dismissed(&fingerprint) {
                Some(next) => saved(memory.save(next)),
                // Dismissed already (in another tab): nothing to save, and it is dismissed all the same.
                None => Ok(Outcome::Saved),
            }
        }
        Command::SaveMapping { mapping } => {
            let memory = store.prefs.report_mappings;
            saved(memory.save(memory.get_untracked().with(mapping)))
        }
        Command::Attach { case, file } => cases.update(&case, |c| c.attach(*file, now).is_ok()),
        Command::Detach { case, attachment } => cases.update(&case, |c| c.detach(&attachment, now)),
        Command::CaptionAttachment { case, attachment, caption } => {
            cases.update(&case, |c| c.caption_attachment(&attachment, &caption, now))
        }
        Command::TieAttachment { case, attachment, item } => {
            cases.update(&case, |c| c.tie_attachment(&attachment, item.as_deref(), now))
        }
    }
}

/// A draft change the case turned down is refused; one that changed nothing (the same text again) is as good as
/// saved.
fn draft_outcome(bad: bool, outcome: Outcome) -> Outcome {
    if bad {
        Outcome::Refused
    } else {
        match outcome {
            Outcome::Refused => Outcome::Saved,
            other => other,
        }
    }
}
