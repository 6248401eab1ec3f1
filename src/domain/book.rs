//! The in-memory case collection the UI works on.
//!
//! API for the UI:
//! - [`CaseBook::get`], [`CaseBook::iter`], [`CaseBook::len`], [`CaseBook::open_count`] to read;
//! - [`CaseBook::upsert`] after changing a clone of a case (its methods raise `revision`): a stale copy is
//!   refused with [`Stale`], so an old edit never replaces a newer one;
//! - [`CaseBook::remove`] deletes (leaving a [`Tombstone`] so other tabs and imports know it was deleted) and
//!   returns the case for "undo"; [`CaseBook::restore`] brings it back;
//! - [`CaseBook::merge`] takes a record from elsewhere (another tab, an import) only when it is newer;
//!   [`CaseBook::accept`] takes it unconditionally (resolving a save conflict in favour of the stored copy);
//! - [`new_case_id`] makes an id for a new case; [`CaseBook::backup_reminder_due`] says when to remind about
//!   exporting a backup.
//!
//! After every change the UI saves through `adapters::storage::save_case(&book, id)`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{Case, EventKind, TimelineEvent};

/// What is left of a deleted case: enough to know that a copy with an older revision must not come back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: String,
    pub revision: u64,
    #[serde(with = "crate::time_text::timestamp")]
    pub deleted_at: DateTime<Utc>,
}

/// One entry of the collection as stored and exchanged between tabs: a case or the fact of its deletion.
// Deletions are rare and records are moved, not copied in bulk: boxing the case would only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Live(Case),
    Deleted(Tombstone),
}

/// The order of edits: a higher revision is newer; between equal revisions the later edit wins.
pub type Version = (u64, DateTime<Utc>);

impl Record {
    pub fn id(&self) -> &str {
        match self {
            Record::Live(case) => &case.id,
            Record::Deleted(tombstone) => &tombstone.id,
        }
    }

    pub fn version(&self) -> Version {
        match self {
            Record::Live(case) => (case.revision, case.updated_at),
            Record::Deleted(tombstone) => (tombstone.revision, tombstone.deleted_at),
        }
    }
}

/// A change based on an older copy than the one held: another tab or an import got there first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stale;

/// A case with its search text, folded once so each search keystroke only scans prepared strings. The text
/// is made on first use, not when the case is read: folding every note of 10,000 cases would add about a
/// fifth to the start-up time, and the list paints without it (see [`CaseBook::prepare_search`]).
#[derive(Clone, Debug)]
pub(crate) struct Indexed {
    pub(crate) case: Case,
    search: OnceLock<String>,
}

impl Indexed {
    fn new(case: Case) -> Indexed {
        Indexed { case, search: OnceLock::new() }
    }

    pub(crate) fn search_text(&self) -> &str {
        self.search.get_or_init(|| self.case.search_text())
    }
}

#[derive(Clone, Debug, Default)]
pub struct CaseBook {
    cases: BTreeMap<String, Indexed>,
    deleted: BTreeMap<String, Tombstone>,
}

impl PartialEq for CaseBook {
    fn eq(&self, other: &Self) -> bool {
        self.deleted == other.deleted && self.iter().eq(other.iter())
    }
}

impl CaseBook {
    pub fn new() -> CaseBook {
        CaseBook::default()
    }

    /// A book from records in any order; where an id appears more than once the newest record wins.
    pub fn from_records(records: impl IntoIterator<Item = Record>) -> CaseBook {
        let mut book = CaseBook::new();
        for record in records {
            book.merge(record);
        }
        book
    }

    pub fn len(&self) -> usize {
        self.cases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Case> {
        self.cases.get(id).map(|entry| &entry.case)
    }

    /// All cases, ordered by id.
    pub fn iter(&self) -> impl Iterator<Item = &Case> + '_ {
        self.cases.values().map(|entry| &entry.case)
    }

    pub(crate) fn indexed(&self) -> impl Iterator<Item = &Indexed> + '_ {
        self.cases.values()
    }

    /// Prepares the search text of up to `budget` cases that do not have it yet; `true` once every case has
    /// it. The UI calls this in small steps after the list has painted, so the first search keystroke is fast
    /// without delaying the start.
    pub fn prepare_search(&self, budget: usize) -> bool {
        let mut pending = self.cases.values().filter(|entry| entry.search.get().is_none());
        for entry in pending.by_ref().take(budget) {
            entry.search_text();
        }
        pending.next().is_none()
    }

    pub fn tombstone(&self, id: &str) -> Option<&Tombstone> {
        self.deleted.get(id)
    }

    pub fn tombstones(&self) -> impl Iterator<Item = &Tombstone> + '_ {
        self.deleted.values()
    }

    /// Every case and deletion, moved out of the book.
    pub fn into_records(self) -> impl Iterator<Item = Record> {
        let live = self.cases.into_values().map(|entry| Record::Live(entry.case));
        live.chain(self.deleted.into_values().map(Record::Deleted))
    }

    /// Cases still in progress (open or waiting).
    pub fn open_count(&self) -> usize {
        self.iter().filter(|c| c.status.is_active()).count()
    }

    /// The version held for `id`, whether the case is live or deleted.
    pub fn version_of(&self, id: &str) -> Option<Version> {
        match (self.cases.get(id), self.deleted.get(id)) {
            (Some(entry), _) => Some((entry.case.revision, entry.case.updated_at)),
            (None, Some(tombstone)) => Some((tombstone.revision, tombstone.deleted_at)),
            (None, None) => None,
        }
    }

    /// The record held for `id` (a copy), for writing it out.
    pub fn record(&self, id: &str) -> Option<Record> {
        match (self.cases.get(id), self.deleted.get(id)) {
            (Some(entry), _) => Some(Record::Live(entry.case.clone())),
            (None, Some(tombstone)) => Some(Record::Deleted(tombstone.clone())),
            (None, None) => None,
        }
    }

    /// Puts a new or changed case in. Accepted when it is newer than what is held (live or deleted);
    /// `Ok(false)` when the very same case is already there; [`Stale`] when it is based on an older copy.
    pub fn upsert(&mut self, case: Case) -> Result<bool, Stale> {
        if self.get(&case.id) == Some(&case) {
            return Ok(false);
        }
        match self.version_of(&case.id) {
            Some(held) if held >= (case.revision, case.updated_at) => Err(Stale),
            _ => {
                self.put(Record::Live(case));
                Ok(true)
            }
        }
    }

    /// Deletes a case, returning it so the UI can offer "undo" (see [`CaseBook::restore`]).
    pub fn remove(&mut self, id: &str, now: DateTime<Utc>) -> Option<Case> {
        let entry = self.cases.remove(id)?;
        let tombstone = Tombstone { id: id.to_string(), revision: entry.case.revision + 1, deleted_at: now };
        self.deleted.insert(id.to_string(), tombstone);
        Some(entry.case)
    }

    /// Brings a deleted case back (undo, or restore from the trash): a revision above its deletion and a
    /// "restored" event. Returns the case as now held.
    pub fn restore(&mut self, mut case: Case, now: DateTime<Utc>) -> &Case {
        let floor = self.version_of(&case.id).map_or(0, |(revision, _)| revision);
        case.revision = case.revision.max(floor) + 1;
        case.updated_at = now;
        case.timeline.push(TimelineEvent { at: now, kind: EventKind::Restored });
        let id = case.id.clone();
        self.put(Record::Live(case));
        &self.cases[&id].case
    }

    /// Takes a record from elsewhere when it is newer than what is held; returns whether anything changed.
    pub fn merge(&mut self, record: Record) -> bool {
        match self.version_of(record.id()) {
            Some(held) if held >= record.version() => false,
            _ => {
                self.put(record);
                true
            }
        }
    }

    /// Takes a record whatever its version (the stored copy won a conflict); returns whether anything changed.
    pub fn accept(&mut self, record: Record) -> bool {
        if self.record(record.id()).as_ref() == Some(&record) {
            return false;
        }
        self.put(record);
        true
    }

    fn put(&mut self, record: Record) {
        match record {
            Record::Live(case) => {
                self.deleted.remove(&case.id);
                self.cases.insert(case.id.clone(), Indexed::new(case));
            }
            Record::Deleted(tombstone) => {
                self.cases.remove(&tombstone.id);
                self.deleted.insert(tombstone.id.clone(), tombstone);
            }
        }
    }

    /// Whether to remind the user to export a backup: there are open cases and the last export (or, before
    /// the first one, the first case) is more than [`BACKUP_REMINDER_DAYS`] old.
    pub fn backup_reminder_due(&self, last_export: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
        let since = last_export.or_else(|| self.iter().map(|c| c.created_at).min());
        self.open_count() > 0 && since.is_some_and(|since| now - since > Duration::days(BACKUP_REMINDER_DAYS))
    }
}

pub const BACKUP_REMINDER_DAYS: i64 = 30;

/// A new case id: the creation time in base 36 and a random tail (`entropy`, e.g. from `Math.random`), so ids
/// made in two tabs at the same millisecond still differ. Sorts roughly by creation time.
pub fn new_case_id(now: DateTime<Utc>, entropy: u64) -> String {
    fn base36(mut n: u64, width: usize) -> String {
        let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        while n > 0 || out.len() < width {
            out.push(digits[(n % 36) as usize]);
            n /= 36;
        }
        out.reverse();
        String::from_utf8_lossy(&out).into_owned()
    }
    let millis = u64::try_from(now.timestamp_millis()).unwrap_or(0);
    format!("c{}-{}", base36(millis, 8), base36(entropy % 36u64.pow(6), 6))
}
