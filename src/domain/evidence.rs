//! Evidence kept with a case: the files a seller attaches (photos, videos, acts, screenshots, spreadsheets).
//!
//! A case holds no bytes: each file is stored once in the browser's file storage under the SHA-256 of its
//! content, and the case records what it is through timeline events (`attachment_added`, `…_removed`,
//! `…_captioned`, `…_tied`). The list of attachments is those events folded in order, so no field is added to
//! the case, older data reads unchanged, and an older version keeps the events it does not know.
//!
//! Also here, because they decide what the adapters do: whether a file fits the space the browser grants
//! ([`check_quota`]), which stored files no case refers to ([`orphans`]), and the attachment lists of letters and
//! of the printable case file.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};

use super::case::{hostile_char, is_sha256, limits, Case};
use super::events::EventKind;
use crate::i18n::{format_date, format_decimal, tr, Key, Lang};

/// At most this many files stay attached to one case (50 is the figure the case page is measured with).
pub const MAX_ATTACHMENTS: usize = 200;
/// Space left free after a file is saved: the thumbnail, the case's own save and the browser's bookkeeping.
pub const QUOTA_RESERVE_BYTES: u64 = 2 * 1024 * 1024;
/// A stored file younger than this is never an orphan: another tab may have written it and not yet its event.
pub const ORPHAN_GRACE_MINUTES: i64 = 10;

/// One file attached to a case, as its events leave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub media_type: String,
    pub size: u64,
    pub added: DateTime<Utc>,
    /// Lower-case hex SHA-256 of the content: the key the bytes are stored under.
    pub sha256: String,
    pub caption: String,
    /// The checklist item this file proves.
    pub proves: Option<String>,
    /// SHA-256 of the small image shown for it (images only), stored like any file.
    pub thumbnail: Option<String>,
}

impl Attachment {
    /// What a letter or list calls the file: its caption, else its name.
    pub fn title(&self) -> &str {
        if self.caption.trim().is_empty() {
            &self.name
        } else {
            &self.caption
        }
    }

    /// The file's format as printed after its title ("PDF", "JPEG"): from the media type, else the extension.
    pub fn format_label(&self) -> String {
        let known = match self.media_type.as_str() {
            "application/pdf" => Some("PDF"),
            "image/jpeg" => Some("JPEG"),
            "image/png" => Some("PNG"),
            "image/webp" => Some("WebP"),
            "image/heic" | "image/heif" => Some("HEIC"),
            "image/gif" => Some("GIF"),
            "video/mp4" => Some("MP4"),
            "video/quicktime" => Some("MOV"),
            "video/webm" => Some("WebM"),
            "text/csv" => Some("CSV"),
            "text/plain" => Some("TXT"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => Some("XLSX"),
            "application/vnd.ms-excel" => Some("XLS"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Some("DOCX"),
            "application/msword" => Some("DOC"),
            _ => None,
        };
        if let Some(label) = known {
            return label.to_string();
        }
        match self.name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() && (1..=5).contains(&ext.len()) => ext.to_ascii_uppercase(),
            _ => self.media_type.rsplit('/').next().unwrap_or_default().to_ascii_uppercase(),
        }
    }

    /// Whether the browser can show it as a picture (a thumbnail is made for these).
    pub fn is_image(&self) -> bool {
        self.media_type.starts_with("image/")
    }
}

/// A file about to be attached: what the adapter learnt from the browser and the stored bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAttachment {
    pub id: String,
    pub name: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: String,
    pub thumbnail: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttachError {
    /// The same content is already attached to this case (by that attachment's title).
    AlreadyAttached(String),
    TooMany,
    /// The SHA-256 is not 64 lower-case hex digits.
    NotAHash,
}

impl AttachError {
    pub fn key(&self) -> Key {
        match self {
            AttachError::AlreadyAttached(_) => Key::EvidenceAlreadyAttached,
            AttachError::TooMany => Key::EvidenceTooMany,
            AttachError::NotAHash => Key::EvidenceUnreadable,
        }
    }
}

/// A new attachment id: like a case id (time in base 36 and a random tail), starting with `f`.
pub fn new_attachment_id(now: DateTime<Utc>, entropy: u64) -> String {
    let case_like = super::new_case_id(now, entropy);
    format!("f{}", case_like.strip_prefix('c').unwrap_or(&case_like))
}

/// A file name as kept: no path, no characters that hide or reorder text, at most [`limits::FILE_NAME_CHARS`] with its
/// extension kept; an empty result is "file".
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|&c| !hostile_char(c, false)).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        return "file".to_string();
    }
    if cleaned.chars().count() <= limits::FILE_NAME_CHARS {
        return cleaned.to_string();
    }
    let ext = cleaned.rsplit_once('.').map(|(_, e)| e).filter(|e| e.chars().count() <= 10).unwrap_or_default();
    let keep = limits::FILE_NAME_CHARS - ext.chars().count() - usize::from(!ext.is_empty());
    let mut out: String = cleaned.chars().take(keep).collect();
    if !ext.is_empty() {
        out.push('.');
        out.push_str(ext);
    }
    out
}

impl Case {
    /// The files attached to this case, in the order they were added.
    pub fn attachments(&self) -> Vec<Attachment> {
        let mut list: Vec<Attachment> = Vec::new();
        for event in &self.timeline {
            match &event.kind {
                EventKind::AttachmentAdded { attachment, name, media_type, size, sha256, thumbnail } => {
                    list.retain(|a| a.id != *attachment);
                    list.push(Attachment {
                        id: attachment.clone(),
                        name: name.clone(),
                        media_type: media_type.clone(),
                        size: *size,
                        added: event.at,
                        sha256: sha256.clone(),
                        caption: String::new(),
                        proves: None,
                        thumbnail: thumbnail.clone(),
                    });
                }
                EventKind::AttachmentRemoved { attachment } => list.retain(|a| a.id != *attachment),
                EventKind::AttachmentCaptioned { attachment, caption } => {
                    if let Some(a) = list.iter_mut().find(|a| a.id == *attachment) {
                        a.caption = caption.clone();
                    }
                }
                EventKind::AttachmentTied { attachment, item } => {
                    if let Some(a) = list.iter_mut().find(|a| a.id == *attachment) {
                        a.proves = item.clone();
                    }
                }
                _ => {}
            }
        }
        list
    }

    /// The name a file was attached under, even after it was removed (the timeline names it).
    pub fn attachment_name(&self, attachment: &str) -> Option<&str> {
        self.timeline.iter().find_map(|event| match &event.kind {
            EventKind::AttachmentAdded { attachment: id, name, .. } if id == attachment => Some(name.as_str()),
            _ => None,
        })
    }

    /// The checklist items some attached file proves (the checklist shows a paperclip at them).
    pub fn items_with_proof(&self) -> BTreeSet<String> {
        self.attachments().into_iter().filter_map(|a| a.proves).collect()
    }

    /// Records a stored file as attached. Refused when the same content is already attached or the case holds
    /// [`MAX_ATTACHMENTS`] files.
    pub fn attach(&mut self, file: NewAttachment, now: DateTime<Utc>) -> Result<(), AttachError> {
        let hashes_ok = is_sha256(&file.sha256) && file.thumbnail.as_deref().is_none_or(is_sha256);
        if !hashes_ok || !super::is_valid_id(&file.id) {
            return Err(AttachError::NotAHash);
        }
        let current = self.attachments();
        if let Some(same) = current.iter().find(|a| a.sha256 == file.sha256) {
            return Err(AttachError::AlreadyAttached(same.title().to_string()));
        }
        if current.len() >= MAX_ATTACHMENTS {
            return Err(AttachError::TooMany);
        }
        self.touch(
            now,
            EventKind::AttachmentAdded {
                attachment: file.id,
                name: clean_file_name(&file.name),
                media_type: file.media_type,
                size: file.size,
                sha256: file.sha256,
                thumbnail: file.thumbnail,
            },
        );
        Ok(())
    }

    /// Takes a file off the case; `false` when it is not attached. Its bytes stay stored until no case refers
    /// to them ([`orphans`]).
    pub fn detach(&mut self, attachment: &str, now: DateTime<Utc>) -> bool {
        if !self.attachments().iter().any(|a| a.id == attachment) {
            return false;
        }
        self.touch(now, EventKind::AttachmentRemoved { attachment: attachment.to_string() });
        true
    }

    /// Sets a file's caption (trimmed, at most [`limits::CAPTION_CHARS`]); `false` when nothing changed.
    pub fn caption_attachment(&mut self, attachment: &str, caption: &str, now: DateTime<Utc>) -> bool {
        let caption: String = caption.trim().chars().filter(|&c| !hostile_char(c, false)).collect();
        let caption: String = caption.chars().take(limits::CAPTION_CHARS).collect();
        match self.attachments().iter().find(|a| a.id == attachment) {
            Some(a) if a.caption != caption => {
                self.touch(now, EventKind::AttachmentCaptioned { attachment: attachment.to_string(), caption });
                true
            }
            _ => false,
        }
    }

    /// Ties a file to the checklist item it proves (`None` unties it); `false` when the file or the item does not
    /// exist or nothing changed.
    pub fn tie_attachment(&mut self, attachment: &str, item: Option<&str>, now: DateTime<Utc>) -> bool {
        if item.is_some_and(|item| !self.checklist.contains_key(item)) {
            return false;
        }
        match self.attachments().iter().find(|a| a.id == attachment) {
            Some(a) if a.proves.as_deref() != item => {
                let item = item.map(str::to_string);
                self.touch(now, EventKind::AttachmentTied { attachment: attachment.to_string(), item });
                true
            }
            _ => false,
        }
    }
}

/// What `navigator.storage.estimate()` answered, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageEstimate {
    pub usage: u64,
    pub quota: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotaCheck {
    Fits,
    /// The file does not fit: `left` bytes can still be used (before the reserve is kept free).
    Refused {
        left: u64,
    },
}

/// Whether a file of `size` bytes fits, keeping [`QUOTA_RESERVE_BYTES`] free. A browser that gives no estimate
/// lets the write itself decide (a refused write still leaves nothing half-saved).
pub fn check_quota(estimate: Option<StorageEstimate>, size: u64) -> QuotaCheck {
    let Some(StorageEstimate { usage, quota }) = estimate else { return QuotaCheck::Fits };
    let left = quota.saturating_sub(usage);
    if size.checked_add(QUOTA_RESERVE_BYTES).is_some_and(|needed| needed <= left) {
        QuotaCheck::Fits
    } else {
        QuotaCheck::Refused { left }
    }
}

/// Every stored file `cases` refer to: contents and thumbnails.
pub fn referenced_files<'a>(cases: impl IntoIterator<Item = &'a Case>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for case in cases {
        for a in case.attachments() {
            out.extend(a.thumbnail);
            out.insert(a.sha256);
        }
    }
    out
}

/// A file in the browser's file storage: its key and when it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFile {
    pub sha256: String,
    pub stored_at: DateTime<Utc>,
}

/// The stored files no case refers to, which may be deleted: `cases` must include a deleted case still
/// offered for undo. Files younger than [`ORPHAN_GRACE_MINUTES`] are kept (another tab writes the file first
/// and its case event right after).
pub fn orphans<'a>(
    stored: &[StoredFile],
    cases: impl IntoIterator<Item = &'a Case>,
    now: DateTime<Utc>,
) -> Vec<String> {
    let referenced = referenced_files(cases);
    let settled = now - Duration::minutes(ORPHAN_GRACE_MINUTES);
    stored
        .iter()
        .filter(|f| f.stored_at <= settled && !referenced.contains(&f.sha256))
        .map(|f| f.sha256.clone())
        .collect()
}

/// A size as people read it: "812 B", "34 KB", "1.2 MB" ("1,2 МБ" in Russian).
pub fn format_size(lang: Lang, bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let (value, unit) = match bytes {
        0..1024 => return format!("{bytes}\u{a0}{}", tr(lang, Key::SizeBytes)),
        1024..1_048_576 => (bytes as f64 / KB, Key::SizeKilobytes),
        1_048_576..1_073_741_824 => (bytes as f64 / (KB * KB), Key::SizeMegabytes),
        _ => (bytes as f64 / (KB * KB * KB), Key::SizeGigabytes),
    };
    let decimals = if value < 10.0 { 1 } else { 0 };
    format!("{}\u{a0}{}", format_decimal(lang, value, decimals), tr(lang, unit))
}

/// The list a letter ends with, in the letter's language: «Приложения:», then «1. Акт приёмки (PDF)» a line;
/// `None` without attachments.
pub fn letter_attachment_list(lang: Lang, attachments: &[Attachment]) -> Option<String> {
    if attachments.is_empty() {
        return None;
    }
    let mut out = tr(lang, Key::LetterAttachments).to_string();
    for (i, a) in attachments.iter().enumerate() {
        out.push_str(&format!("\n{}. {} ({})", i + 1, a.title(), a.format_label()));
    }
    Some(out)
}

/// One line of the printable case file's list of files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseFileEntry {
    pub number: usize,
    pub title: String,
    /// Format and size: "JPEG, 2.4 MB".
    pub details: String,
    /// The date it was added, in the language's format.
    pub added: String,
    pub sha256: String,
    /// The checklist item it proves, by id (the page shows the item's text).
    pub proves: Option<String>,
}

/// Every file of the case for its printable file, numbered as in letters.
pub fn case_file_entries(lang: Lang, attachments: &[Attachment]) -> Vec<CaseFileEntry> {
    attachments
        .iter()
        .enumerate()
        .map(|(i, a)| CaseFileEntry {
            number: i + 1,
            title: a.title().to_string(),
            details: format!("{}, {}", a.format_label(), format_size(lang, a.size)),
            added: format_date(lang, a.added.date_naive()),
            sha256: a.sha256.clone(),
            proves: a.proves.clone(),
        })
        .collect()
}
