//! Backups and shared cases as JSON files, and their import.
//!
//! API for the UI:
//! - [`export_json`]`(&book, now)` → the backup file text; [`export_case`]`(&case, now)` → one case to share;
//!   [`file_name`] names either file.
//! - Import in two steps, so nothing is written before the user agrees:
//!   1. [`check_file_size`]`(file.size)` before reading the file, then
//!      [`preview_import`]`(&text, &book)` → [`ImportPreview`] (what would be added / updated / skipped) or a
//!      typed [`ImportError`];
//!   2. [`apply_import`]`(preview, &mut book)` → the ids that changed, which the UI then saves with
//!      `storage::save_cases(&book, &ids)`.
//!
//! File format (one case per line so a backup also reads well in a text editor and a diff):
//! ```text
//! {"app":"claimdesk","schema":2,"kind":"backup","exported_at":"2026-11-25T10:00:00Z","profiles":{…},"cases":[
//! {…case…},
//! {…case…}
//! ]}
//! ```
//! Merging follows the stored data's rule: per case id, the newer edit (revision, then `updated_at`) wins; a
//! case deleted here after the backup was made stays deleted.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::schema::{migrate, parse_payload, RecordFault, SchemaError, CURRENT_SCHEMA};
use crate::domain::{Case, CaseBook, ProfileBook, Record};
use crate::time_text::parse_timestamp;

pub const APP: &str = "claimdesk";
/// Files above this are refused before being read (10,000 cases export to about 16 MB).
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;
/// Our files nest 6 levels deep; anything far deeper is not ours and could exhaust the parser's stack.
pub const MAX_DEPTH: usize = 32;
pub const MAX_CASES: usize = 100_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Everything, for safekeeping or moving to another browser.
    Backup,
    /// One case, shared with a colleague or kept with the dispute's papers.
    Case,
}

/// `Err` only if a value cannot be written as JSON: then there is no file at all, never an empty one.
fn write_file(
    kind: FileKind,
    cases: &[&Case],
    profiles: Option<&ProfileBook>,
    now: DateTime<Utc>,
) -> Result<String, serde_json::Error> {
    #[derive(Serialize)]
    struct Head<'a> {
        app: &'a str,
        schema: u32,
        kind: FileKind,
        #[serde(with = "crate::time_text::timestamp")]
        exported_at: DateTime<Utc>,
        #[serde(skip_serializing_if = "Option::is_none")]
        profiles: Option<&'a ProfileBook>,
    }
    let profiles = profiles.filter(|p| !p.profiles.is_empty());
    let head = serde_json::to_string(&Head { app: APP, schema: CURRENT_SCHEMA, kind, exported_at: now, profiles })?;
    // `head` is a JSON object: reopen it (its one closing brace; the profiles inside have their own) to append
    // the cases one per line.
    let mut out = String::with_capacity(cases.len() * 1600 + 200);
    out.push_str(head.strip_suffix('}').unwrap_or(&head));
    out.push_str(",\"cases\":[");
    for (index, case) in cases.iter().enumerate() {
        out.push_str(if index == 0 { "\n" } else { ",\n" });
        out.push_str(&serde_json::to_string(case)?);
    }
    out.push_str("\n]}\n");
    Ok(out)
}

/// The whole book and the business profiles as a backup file.
pub fn export_json(book: &CaseBook, profiles: &ProfileBook, now: DateTime<Utc>) -> Result<String, serde_json::Error> {
    let cases: Vec<&Case> = book.iter().collect();
    write_file(FileKind::Backup, &cases, Some(profiles), now)
}

/// One case as a file to share (without the seller's business details).
pub fn export_case(case: &Case, now: DateTime<Utc>) -> Result<String, serde_json::Error> {
    write_file(FileKind::Case, &[case], None, now)
}

/// `claimdesk-backup-2026-11-25.json` or `claimdesk-case-<id>.json`.
pub fn file_name(kind: FileKind, now: DateTime<Utc>, case_id: Option<&str>) -> String {
    match (kind, case_id) {
        (FileKind::Case, Some(id)) => format!("claimdesk-case-{id}.json"),
        _ => format!("claimdesk-backup-{}.json", now.date_naive()),
    }
}

/// Why a file cannot be imported. Nothing has been changed when one of these is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// Empty file.
    Empty,
    /// Not a text file (a picture, a PDF, a spreadsheet…).
    NotText,
    /// Text but not JSON at all (first character is not `{` or `[`).
    NotJson,
    /// JSON that ends too early: the file was cut off.
    Truncated,
    /// Broken JSON at a position.
    BrokenJson { line: usize, column: usize },
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Valid JSON, but not a Claimdesk file.
    NotClaimdesk,
    /// Written by a newer version of the app.
    NewerSchema { found: u32, supported: u32 },
    /// A Claimdesk file whose structure is wrong.
    WrongShape(Shape),
    /// More than [`MAX_CASES`] cases.
    TooManyCases { count: usize, limit: usize },
    /// One case is unreadable or fails validation (position in the file, its id when readable, the problem).
    BadCase { index: usize, id: Option<String>, problem: RecordFault },
    /// The same case id twice in one file.
    DuplicateId(String),
}

/// What is wrong with the structure of a Claimdesk file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `schema` is missing or not a version number.
    SchemaNotANumber,
    /// `exported_at` is not a date and time.
    ExportedAtNotATime,
    /// `cases` is missing or not a list.
    CasesNotAList,
    /// `profiles` is not a list of business profiles, or one of them is invalid.
    Profiles,
    /// The upgrade from an older schema failed (its own English words, for logs only).
    Upgrade { from: u32, detail: String },
    /// The upgraded payload does not have the expected shape (serde's English words, for logs only).
    Payload(String),
}

impl std::fmt::Display for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shape::SchemaNotANumber => write!(f, "schema: not a version number"),
            Shape::ExportedAtNotATime => write!(f, "exported_at: not a date and time"),
            Shape::CasesNotAList => write!(f, "cases: not a list"),
            Shape::Profiles => write!(f, "profiles: not valid business profiles"),
            Shape::Upgrade { from, detail } => write!(f, "upgrade from schema {from}: {detail}"),
            Shape::Payload(detail) => write!(f, "{detail}"),
        }
    }
}

/// English, for logs; the UI translates each variant.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes, limit } => write!(f, "file too large: {bytes} bytes, limit {limit}"),
            ImportError::Empty => write!(f, "empty file"),
            ImportError::NotText => write!(f, "not a text file"),
            ImportError::NotJson => write!(f, "not a JSON file"),
            ImportError::Truncated => write!(f, "the file ends too early"),
            ImportError::BrokenJson { line, column } => write!(f, "broken JSON at line {line}, column {column}"),
            ImportError::TooDeep => write!(f, "nested too deeply"),
            ImportError::NotClaimdesk => write!(f, "not a Claimdesk file"),
            ImportError::NewerSchema { found, supported } => {
                write!(f, "written by a newer version (schema {found}, this version reads up to {supported})")
            }
            ImportError::WrongShape(what) => write!(f, "unexpected structure: {what}"),
            ImportError::TooManyCases { count, limit } => write!(f, "{count} cases, limit {limit}"),
            ImportError::BadCase { index, id, problem } => {
                write!(f, "case #{} ({}): {problem}", index + 1, id.as_deref().unwrap_or("no id"))
            }
            ImportError::DuplicateId(id) => write!(f, "case {id} appears twice"),
        }
    }
}

/// The first check, on the file's size as the browser reports it (before reading it into memory).
pub fn check_file_size(bytes: f64) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES as f64 {
        return Err(ImportError::TooLarge { bytes: bytes as usize, limit: MAX_IMPORT_BYTES });
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// The copy here is the same or newer.
    NotNewer,
    /// The case was deleted here after this copy was made.
    DeletedLater,
}

/// What an import would do, for the confirmation screen.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    pub schema: u32,
    pub exported_at: Option<DateTime<Utc>>,
    /// Whether the file is a backup or a single shared case.
    pub shared_case: bool,
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub skipped: Vec<(String, SkipReason)>,
    /// The validated cases of the file.
    pub cases: Vec<Case>,
    /// The business profiles of a backup (none in a shared case or a version-1 file).
    pub profiles: ProfileBook,
}

impl ImportPreview {
    /// How many of the file's business profiles are not in `here` yet.
    pub fn new_profiles(&self, here: &ProfileBook) -> usize {
        self.profiles.profiles.iter().filter(|p| here.get(&p.id).is_none()).count()
    }
}

/// The deepest `{`/`[` nesting, ignoring brackets inside strings; stops counting past `limit`.
fn nesting_exceeds(text: &str, limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn json_error(error: serde_json::Error) -> ImportError {
    match error.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ if error.to_string().contains("recursion limit") => ImportError::TooDeep,
        _ => ImportError::BrokenJson { line: error.line(), column: error.column() },
    }
}

/// Reads and validates a backup or shared case, and compares it with the book. Writes nothing.
pub fn preview_import(text: &str, book: &CaseBook) -> Result<ImportPreview, ImportError> {
    check_file_size(text.len() as f64)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    // A binary file read as text is full of NULs and replacement characters.
    let sample: String = trimmed.chars().take(4096).collect();
    if sample.contains('\0') || sample.chars().filter(|c| *c == char::REPLACEMENT_CHARACTER).count() > 4 {
        return Err(ImportError::NotText);
    }
    if !trimmed.starts_with(['{', '[']) {
        return Err(ImportError::NotJson);
    }
    if nesting_exceeds(trimmed, MAX_DEPTH) {
        return Err(ImportError::TooDeep);
    }
    let value: Value = serde_json::from_str(trimmed).map_err(json_error)?;
    let Value::Object(mut file) = value else { return Err(ImportError::NotClaimdesk) };
    if file.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(ImportError::NotClaimdesk);
    }
    let schema = match file.get("schema").and_then(Value::as_u64) {
        Some(s) if s > u64::from(CURRENT_SCHEMA) => {
            return Err(ImportError::NewerSchema {
                found: u32::try_from(s).unwrap_or(u32::MAX),
                supported: CURRENT_SCHEMA,
            })
        }
        Some(s) if s >= 1 => s as u32,
        _ => return Err(ImportError::WrongShape(Shape::SchemaNotANumber)),
    };
    let exported_at = match file.get("exported_at") {
        None | Some(Value::Null) => None,
        Some(v) => {
            Some(v.as_str().and_then(parse_timestamp).ok_or(ImportError::WrongShape(Shape::ExportedAtNotATime))?)
        }
    };
    let shared_case = file.get("kind").and_then(Value::as_str) == Some("case");
    let profiles = match file.remove("profiles") {
        None | Some(Value::Null) => ProfileBook::default(),
        Some(value) => {
            let book: ProfileBook =
                serde_json::from_value(value).map_err(|_| ImportError::WrongShape(Shape::Profiles))?;
            let valid = book.profiles.len() <= crate::domain::profile::MAX_PROFILES
                && book.profiles.iter().all(|p| p.validate().is_ok());
            if !valid {
                return Err(ImportError::WrongShape(Shape::Profiles));
            }
            book
        }
    };
    let cases = match file.remove("cases") {
        Some(Value::Array(cases)) => cases,
        _ => return Err(ImportError::WrongShape(Shape::CasesNotAList)),
    };
    if cases.len() > MAX_CASES {
        return Err(ImportError::TooManyCases { count: cases.len(), limit: MAX_CASES });
    }
    if let Some(index) = cases.iter().position(|c| !c.is_object()) {
        return Err(ImportError::BadCase { index, id: None, problem: RecordFault::NotObject });
    }

    let mut payload = serde_json::json!({ "cases": cases, "deleted": [] });
    migrate(&mut payload, schema).map_err(|e| match e {
        SchemaError::Newer(found) => ImportError::NewerSchema { found, supported: CURRENT_SCHEMA },
        SchemaError::Invalid => ImportError::WrongShape(Shape::SchemaNotANumber),
        SchemaError::Migration { from, message } => ImportError::WrongShape(Shape::Upgrade { from, detail: message }),
    })?;
    let parsed = parse_payload(payload).map_err(|detail| ImportError::WrongShape(Shape::Payload(detail)))?;
    if let Some(problem) = parsed.problems.into_iter().next() {
        return Err(ImportError::BadCase { index: problem.index, id: problem.id, problem: problem.fault });
    }

    let mut seen = HashSet::new();
    let mut preview = ImportPreview {
        schema,
        exported_at,
        shared_case,
        added: Vec::new(),
        updated: Vec::new(),
        skipped: Vec::new(),
        cases: Vec::new(),
        profiles,
    };
    for record in parsed.records {
        let Record::Live(case) = record else { continue };
        if !seen.insert(case.id.clone()) {
            return Err(ImportError::DuplicateId(case.id));
        }
        let incoming = (case.revision, case.updated_at);
        match (book.get(&case.id), book.tombstone(&case.id)) {
            (Some(_), _) | (None, Some(_)) if book.version_of(&case.id).is_some_and(|held| held >= incoming) => {
                let reason = if book.get(&case.id).is_some() { SkipReason::NotNewer } else { SkipReason::DeletedLater };
                preview.skipped.push((case.id.clone(), reason));
            }
            (Some(_), _) => preview.updated.push(case.id.clone()),
            (None, _) => preview.added.push(case.id.clone()),
        }
        preview.cases.push(case);
    }
    Ok(preview)
}

/// Merges the previewed cases into the book (the newer edit of each wins) and returns the ids that changed.
pub fn apply_import(preview: ImportPreview, book: &mut CaseBook) -> Vec<String> {
    preview
        .cases
        .into_iter()
        .filter_map(|case| {
            let id = case.id.clone();
            book.merge(Record::Live(case)).then_some(id)
        })
        .collect()
}
