//! Files on their way into a case and out of storage. Attaching stores the bytes first and records the case
//! event second ([`Command::Attach`]); when the event does not stick (refused, or replaced by another tab's
//! copy), the bytes go again, so a case never points at a file that is not stored. Files no case refers to
//! are deleted at start and when a deleted case can no longer be undone.

use leptos::prelude::*;

use super::{Command, Outcome, Store};
use crate::adapters::blobs::{self, BlobError, IncomingFile};
use crate::adapters::clock;
use crate::domain::evidence::{self, check_quota, clean_file_name, format_size, new_attachment_id, QuotaCheck};
use crate::domain::NewAttachment;
use crate::i18n::{fill, tr, Key, Lang};

/// Why a file was not attached, in `lang`, ready to show.
pub type AttachProblem = String;

/// Attaches `files` to case `case` one after the other; returns what went wrong with each that failed (the
/// command's own failure is also shown by [`Store::run`]).
pub async fn attach_files(store: Store, case: String, files: Vec<IncomingFile>, lang: Lang) -> Vec<AttachProblem> {
    let mut problems = Vec::new();
    for file in files {
        if let Err(problem) = attach_one(store, &case, &file, lang).await {
            problems.push(problem);
        }
    }
    problems
}

async fn attach_one(store: Store, case: &str, file: &IncomingFile, lang: Lang) -> Result<(), AttachProblem> {
    let name = clean_file_name(&file.name);
    let say = |key: Key| fill(tr(lang, key), &[("name", &name)]);
    let stored_problem = |e: BlobError| match e {
        BlobError::QuotaExceeded => say(Key::EvidenceStoreFailed),
        BlobError::Unavailable => say(Key::EvidenceNoStorage),
    };
    let thumbnail = if file.media_type.starts_with("image/") { blobs::thumbnail(file).await } else { None };
    let needed = file.size + thumbnail.as_ref().map_or(0, |t| t.size);
    if let QuotaCheck::Refused { left } = check_quota(blobs::estimate().await, needed) {
        let values =
            [("name", name.as_str()), ("size", &format_size(lang, file.size)), ("left", &format_size(lang, left))];
        return Err(fill(tr(lang, Key::EvidenceQuota), &values));
    }
    let sha256 = blobs::sha256(file).await.map_err(|_| say(Key::EvidenceUnreadable))?;
    let current = store.cases.get(case).map(|c| c.attachments()).unwrap_or_default();
    if let Some(same) = current.iter().find(|a| a.sha256 == sha256) {
        return Err(fill(tr(lang, Key::EvidenceAlreadyAttached), &[("title", same.title())]));
    }
    blobs::put(&sha256, file).await.map_err(stored_problem)?;
    // A thumbnail that cannot be stored is only a missing picture: the file is attached without it.
    let mut thumbnail_sha = None;
    if let Some(thumb) = &thumbnail {
        if let Ok(sha) = blobs::sha256(thumb).await {
            thumbnail_sha = blobs::put(&sha, thumb).await.is_ok().then_some(sha);
        }
    }
    let id = new_attachment_id(clock::now(), clock::entropy());
    let new = NewAttachment {
        id,
        name: file.name.clone(),
        media_type: media_type_of(file),
        size: file.size,
        sha256: sha256.clone(),
        thumbnail: thumbnail_sha.clone(),
    };
    let result = store.run(Command::Attach { case: case.to_string(), file: Box::new(new) }, &[("name", &name)]);
    // Whatever happened, a stored file the cases do not refer to goes (another case may hold the same content).
    let referenced = store.cases.book.with_untracked(|b| evidence::referenced_files(b.iter()));
    for sha in [Some(sha256), thumbnail_sha].into_iter().flatten() {
        if !referenced.contains(&sha) {
            let _ = blobs::delete(&sha).await;
        }
    }
    match result {
        Ok(Outcome::Saved) => Ok(()),
        Ok(_) => Err(say(Key::NotSavedAttachment)),
        // Store::run already shows what was not saved and why.
        Err(_) => Ok(()),
    }
}

/// A pasted screenshot has a type but sometimes no usable name; a file without a type is kept as bytes.
fn media_type_of(file: &IncomingFile) -> String {
    if file.media_type.contains('/') {
        file.media_type.clone()
    } else {
        "application/octet-stream".to_string()
    }
}

/// Deletes the stored files no case refers to (the deleted case still offered for undo counts).
pub fn clean_orphans(store: Store) {
    leptos::task::spawn_local(async move {
        let Ok(stored) = blobs::list().await else { return };
        let deleted = store.cases.deleted.get_untracked();
        let orphans =
            store.cases.book.with_untracked(|b| evidence::orphans(&stored, b.iter().chain(&deleted), clock::now()));
        for sha in orphans {
            let _ = blobs::delete(&sha).await;
        }
    });
}

/// Cleans up once the app is usable, then each time the case offered for undo changes (its files may go).
pub fn keep_files_tidy(store: Store) {
    /// Long enough after the start for the first page to be drawn and used.
    const AFTER_START: std::time::Duration = std::time::Duration::from_secs(5);
    set_timeout(move || clean_orphans(store), AFTER_START);
    Effect::new(move |previous: Option<()>| {
        store.cases.deleted.track();
        if previous.is_some() {
            clean_orphans(store);
        }
    });
}
