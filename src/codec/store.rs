//! The storage engine: keeps the case book in a key-value store (localStorage in the app, a map in tests)
//! without ever losing a record.
//!
//! Layout: cases and deletions are spread over [`SHARDS`] record sets by a hash of the case id, each under
//! `claimdesk:cases:<2 hex digits>` as an [`envelope`](super::envelope). Saving one case rewrites only its set
//! (about 1/64 of the data), so a save stays cheap at 10,000 cases.
//!
//! Guarantees:
//! - **Newer data is never overwritten**: a set written by a newer schema is left untouched, reported as
//!   [`Notice::NewerVersion`], and every save is refused with [`SaveError::NewerVersion`].
//! - **Corrupt values are kept**: a value that does not decode (or has unreadable records) is copied to
//!   `claimdesk:quarantine:<key without prefix>:<unix millis>` before anything replaces it, reported as
//!   [`Notice::Quarantined`], and the readable records load as usual. If even the copy does not fit, the raw
//!   text stays in memory ([`Store::quarantined`]) and its set is not written until the next load.
//! - **Stale tabs lose**: before writing, the stored value is compared with the one this store last read or
//!   wrote. When another tab changed it, it is decoded and merged record by record (the newer edit wins), and
//!   if it holds a newer version of a case being saved the save fails with [`SaveError::Conflict`].
//! - **Quota**: a refused write returns [`SaveError::QuotaExceeded`]; the change stays in the book and the set
//!   is remembered as unsaved ([`Store::unsaved`], [`Store::retry_unsaved`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, TimeZone, Utc};

use super::envelope::{decode, encode, fnv1a, DecodeError};
use crate::domain::{Case, CaseBook, Record, Tombstone, Version};

pub const PREFIX: &str = "claimdesk:";
pub const SHARD_PREFIX: &str = "claimdesk:cases:";
pub const QUARANTINE_PREFIX: &str = "claimdesk:quarantine:";
pub const SHARDS: u16 = 64;
/// localStorage has no quota API. Chromium allows 10 MiB per origin counted in UTF-16 (keys included) and
/// Firefox 5 MiB of characters: both come to 5,242,880 characters for text like ours.
pub const QUOTA_CHARS_ESTIMATE: usize = 5 * 1024 * 1024;
/// Settings warns from this share of the quota on.
pub const USAGE_WARNING: f64 = 0.8;

pub fn shard_of(id: &str) -> u16 {
    (fnv1a(id.as_bytes()) % u32::from(SHARDS)) as u16
}

pub fn shard_key(shard: u16) -> String {
    format!("{SHARD_PREFIX}{shard:02x}")
}

fn parse_shard_key(key: &str) -> Option<u16> {
    let digits = key.strip_prefix(SHARD_PREFIX)?;
    let shard = u16::from_str_radix(digits, 16).ok()?;
    (digits.len() == 2 && shard < SHARDS).then_some(shard)
}

/// What a key-value backend can fail with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendError {
    QuotaExceeded,
    Unavailable,
    Other(String),
}

impl BackendError {
    /// What a `DOMException` thrown by localStorage means, from its `name` and legacy `code`. Chromium,
    /// WebKitGTK 2.50 and Firefox ESR 153 throw `QuotaExceededError` (code 22; seen by tests/engines); older
    /// Firefox threw `NS_ERROR_DOM_QUOTA_REACHED` (code 1014), still met in old installs. Blocked storage is
    /// a `SecurityError` (code 18).
    pub fn from_dom_exception(name: &str, code: u16, message: &str) -> Self {
        match (name, code) {
            ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED", _) | (_, 22 | 1014) => Self::QuotaExceeded,
            ("SecurityError", _) | (_, 18) => Self::Unavailable,
            _ => Self::Other(format!("{name}: {message}")),
        }
    }
}

/// The minimal storage interface the engine needs (localStorage's, synchronous).
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
    /// Every key in the store, ours or not.
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}

/// Why a write did not happen. In every case the change is still in the book (memory).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused: the storage quota is full.
    QuotaExceeded,
    /// localStorage is missing or blocked (private mode, policy).
    Unavailable,
    /// Another tab saved a newer revision of this record.
    Conflict,
    /// Stored data comes from a newer version of the app: nothing is written so it stays intact.
    NewerVersion,
    /// Any other browser error, with its message.
    Other(String),
}

impl From<BackendError> for SaveError {
    fn from(error: BackendError) -> SaveError {
        match error {
            BackendError::QuotaExceeded => SaveError::QuotaExceeded,
            BackendError::Unavailable => SaveError::Unavailable,
            BackendError::Other(message) => SaveError::Other(message),
        }
    }
}

/// Something the user should be told after loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// localStorage cannot be used: the app works in memory and nothing is saved.
    Unavailable,
    /// Data written by a newer version of the app (schema `schema`) was found and left alone; saving is off.
    NewerVersion { schema: u32 },
    /// The value under `key` could not be (fully) read; its raw text was set aside under `quarantine_key`
    /// (`None`: there was no room, it is only in memory until the tab closes — offer the download now).
    Quarantined { key: String, quarantine_key: Option<String>, reason: String },
}

/// Raw text set aside because it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuarantineEntry {
    /// Where it is stored; `None` when it is only held in memory.
    pub key: Option<String>,
    /// The key it was found under.
    pub original: String,
    pub at: Option<DateTime<Utc>>,
    pub raw: String,
}

/// What a load found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub book: CaseBook,
    pub notices: Vec<Notice>,
}

/// Characters (UTF-16 code units, as browsers count them) used in the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    /// Keys and values under `claimdesk:`.
    pub ours: usize,
    /// Everything in the store (other apps on the same origin share the quota).
    pub all: usize,
    pub quota: usize,
}

impl Usage {
    pub fn fraction(&self) -> f64 {
        self.all as f64 / self.quota as f64
    }

    pub fn warn(&self) -> bool {
        self.fraction() >= USAGE_WARNING
    }
}

/// A change another tab made, as told by a `storage` event.
#[derive(Clone, Debug, PartialEq)]
pub enum ExternalChange {
    /// These records were written; merge them (`CaseBook::merge` keeps whichever is newer).
    Records(Vec<Record>),
    /// A record set was removed or the whole storage cleared: load again.
    Reload,
    /// Another tab wrote data of a newer schema: saving is now off.
    NewerVersion { schema: u32 },
    /// A preference changed (`value` is `None` when it was removed).
    Pref { name: String, value: Option<String> },
    /// Nothing for us.
    Ignored,
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// A hash of a stored value, kept in memory only (never stored), to notice that another tab rewrote it. Eight
/// bytes per step: a stored set is hundreds of kilobytes and every load and save hashes each one.
fn fingerprint(raw: &str) -> u64 {
    let bytes = raw.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mix = |hash: u64, word: u64| (hash.rotate_left(29) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut hash = words.by_ref().fold(bytes.len() as u64, |hash, w| {
        mix(hash, u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]))
    });
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    hash = mix(hash, u64::from_le_bytes(tail));
    hash ^ (hash >> 32)
}

/// What this store last read or wrote for one record set.
struct KnownShard {
    /// Fingerprint of the raw value: equal means no other tab touched it since.
    fingerprint: u64,
    /// The version of every record in it. The quick save path (write the book's records without decoding the
    /// stored value) is taken only when the book has all of them at least this new, so even a book that was
    /// not loaded from this store can never drop a stored record.
    versions: HashMap<String, Version>,
}

impl KnownShard {
    fn new<'a>(raw: &str, records: impl IntoIterator<Item = &'a Record>) -> KnownShard {
        KnownShard {
            fingerprint: fingerprint(raw),
            versions: records.into_iter().map(|r| (r.id().to_string(), r.version())).collect(),
        }
    }

    fn covered_by(&self, book: &CaseBook) -> bool {
        self.versions.iter().all(|(id, version)| book.version_of(id).is_some_and(|held| held >= *version))
    }
}

pub struct Store<B: KeyValue> {
    backend: B,
    known: HashMap<u16, KnownShard>,
    newer: Option<u32>,
    unsaved: BTreeSet<u16>,
    /// Sets whose unreadable value could not be copied aside: never overwritten until the next load.
    blocked: BTreeSet<u16>,
    held: Vec<QuarantineEntry>,
}

impl<B: KeyValue> Store<B> {
    /// Reads every record set. Unreadable values are quarantined (and their readable records kept).
    pub fn open(backend: B, now: DateTime<Utc>) -> Result<(Store<B>, Loaded), BackendError> {
        let mut store = Store {
            backend,
            known: HashMap::new(),
            newer: None,
            unsaved: BTreeSet::new(),
            blocked: BTreeSet::new(),
            held: Vec::new(),
        };
        let mut keys: Vec<(u16, String)> =
            store.backend.keys()?.into_iter().filter_map(|k| parse_shard_key(&k).map(|s| (s, k))).collect();
        keys.sort();

        let mut records = Vec::new();
        let mut notices = Vec::new();
        let mut rewrite = Vec::new();
        for (shard, key) in keys {
            let Some(raw) = store.backend.get(&key)? else { continue };
            match decode(&raw) {
                Ok(decoded) => {
                    store.known.insert(shard, KnownShard::new(&raw, &decoded.parsed.records));
                    records.extend(decoded.parsed.records);
                    if let Some(first) = decoded.parsed.problems.first() {
                        let reason = format!(
                            "{} unreadable record(s), first #{} ({}): {}",
                            decoded.parsed.problems.len(),
                            first.index,
                            first.id.as_deref().unwrap_or("no id"),
                            first.fault
                        );
                        notices.push(store.quarantine(shard, &key, &raw, reason, now));
                        rewrite.push(shard);
                    }
                }
                Err(DecodeError::NewerSchema(schema)) => {
                    store.newer = Some(store.newer.map_or(schema, |s| s.max(schema)));
                }
                Err(DecodeError::Corrupt(reason)) => {
                    notices.push(store.quarantine(shard, &key, &raw, reason, now));
                    rewrite.push(shard);
                }
            }
        }
        if let Some(schema) = store.newer {
            notices.insert(0, Notice::NewerVersion { schema });
        }
        let book = CaseBook::from_records(records);
        if store.newer.is_none() {
            for shard in rewrite {
                // The raw text is safe in quarantine; put the readable records back in place. A failure here
                // only means the value is quarantined again on the next load.
                if !store.blocked.contains(&shard) {
                    let _ = store.write_shard(&book, shard);
                }
            }
        }
        Ok((store, Loaded { book, notices }))
    }

    fn quarantine(&mut self, shard: u16, key: &str, raw: &str, reason: String, now: DateTime<Utc>) -> Notice {
        let millis = now.timestamp_millis();
        let quarantine_key = format!("{QUARANTINE_PREFIX}{}:{millis}", key.strip_prefix(PREFIX).unwrap_or(key));
        match self.backend.set(&quarantine_key, raw) {
            Ok(()) => Notice::Quarantined { key: key.to_string(), quarantine_key: Some(quarantine_key), reason },
            Err(_) => {
                self.blocked.insert(shard);
                self.held.push(QuarantineEntry {
                    key: None,
                    original: key.to_string(),
                    at: Some(now),
                    raw: raw.to_string(),
                });
                Notice::Quarantined { key: key.to_string(), quarantine_key: None, reason }
            }
        }
    }

    /// Whether saving is off because newer data was found.
    pub fn newer_data(&self) -> Option<u32> {
        self.newer
    }

    /// Writes the records of the given case ids (live or deleted) to storage, each affected set once.
    /// Every set is attempted; the first error is returned.
    pub fn save<'a>(
        &mut self,
        book: &CaseBook,
        ids: impl IntoIterator<Item = &'a str>,
        now: DateTime<Utc>,
    ) -> Result<(), SaveError> {
        let mut by_shard: BTreeMap<u16, Vec<&str>> = BTreeMap::new();
        for id in ids {
            by_shard.entry(shard_of(id)).or_default().push(id);
        }
        let mut first_error = None;
        for (shard, targets) in by_shard {
            if let Err(error) = self.save_shard(book, shard, &targets, now) {
                first_error.get_or_insert(error);
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// Writes every set the book has records in (after an import, or to store a book loaded elsewhere).
    pub fn save_all(&mut self, book: &CaseBook, now: DateTime<Utc>) -> Result<(), SaveError> {
        let ids: Vec<String> =
            book.iter().map(|c| c.id.clone()).chain(book.tombstones().map(|t| t.id.clone())).collect();
        self.save(book, ids.iter().map(String::as_str), now)
    }

    fn save_shard(
        &mut self,
        book: &CaseBook,
        shard: u16,
        targets: &[&str],
        now: DateTime<Utc>,
    ) -> Result<(), SaveError> {
        if self.newer.is_some() {
            return Err(SaveError::NewerVersion);
        }
        if self.blocked.contains(&shard) {
            return Err(not_set_aside());
        }
        let key = shard_key(shard);
        let stored = self.backend.get(&key)?;
        let unchanged = match (&stored, self.known.get(&shard)) {
            (Some(raw), Some(known)) => fingerprint(raw) == known.fingerprint && known.covered_by(book),
            (None, None) => true,
            _ => false,
        };
        let result = if unchanged {
            self.write_shard(book, shard)
        } else {
            let merged = self.merge_stored(book, shard, &key, stored.as_deref(), targets, now)?;
            self.write_shard(&merged, shard)
        };
        match result {
            Ok(()) => {
                self.unsaved.remove(&shard);
                Ok(())
            }
            Err(error) => {
                self.unsaved.insert(shard);
                Err(error)
            }
        }
    }

    /// The set as it must be written when another tab changed it: its stored records and ours, the newer of
    /// each; a conflict when the stored copy of a case being saved has a higher revision than ours, or the same
    /// revision with other content.
    fn merge_stored(
        &mut self,
        book: &CaseBook,
        shard: u16,
        key: &str,
        stored: Option<&str>,
        targets: &[&str],
        now: DateTime<Utc>,
    ) -> Result<CaseBook, SaveError> {
        let mut merged = CaseBook::new();
        if let Some(raw) = stored {
            match decode(raw) {
                Ok(decoded) => {
                    if !decoded.parsed.problems.is_empty() {
                        let reason = format!("{} unreadable record(s)", decoded.parsed.problems.len());
                        if let Notice::Quarantined { quarantine_key: None, .. } =
                            self.quarantine(shard, key, raw, reason, now)
                        {
                            return Err(not_set_aside());
                        }
                    }
                    for record in decoded.parsed.records {
                        merged.merge(record);
                    }
                }
                Err(DecodeError::NewerSchema(schema)) => {
                    self.newer = Some(schema);
                    return Err(SaveError::NewerVersion);
                }
                Err(DecodeError::Corrupt(reason)) => {
                    if let Notice::Quarantined { quarantine_key: None, .. } =
                        self.quarantine(shard, key, raw, reason, now)
                    {
                        return Err(not_set_aside());
                    }
                }
            }
        }
        for id in targets {
            if let (Some(theirs), Some(ours)) = (merged.record(id), book.record(id)) {
                // Same revision with other content: both tabs edited the same copy, and the stored edit came first.
                if theirs.version().0 >= ours.version().0 && theirs != ours {
                    return Err(SaveError::Conflict);
                }
            }
        }
        // Ours replace stored records only with a higher revision: an equal revision edited elsewhere stays.
        for record in shard_records(book, shard) {
            if merged.version_of(record.id()).is_none_or(|(revision, _)| revision < record.version().0) {
                merged.accept(record);
            }
        }
        Ok(merged)
    }

    fn write_shard(&mut self, book: &CaseBook, shard: u16) -> Result<(), SaveError> {
        let key = shard_key(shard);
        let (cases, deleted) = shard_members(book, shard);
        if cases.is_empty() && deleted.is_empty() {
            self.backend.remove(&key)?;
            self.known.remove(&shard);
            return Ok(());
        }
        let raw = encode(&cases, &deleted).map_err(|e| SaveError::Other(e.to_string()))?;
        self.backend.set(&key, &raw)?;
        let versions = cases
            .iter()
            .map(|c| (c.id.clone(), (c.revision, c.updated_at)))
            .chain(deleted.iter().map(|t| (t.id.clone(), (t.revision, t.deleted_at))))
            .collect();
        self.known.insert(shard, KnownShard { fingerprint: fingerprint(&raw), versions });
        Ok(())
    }

    /// The stored record of `id` (after a [`SaveError::Conflict`], the UI takes it with `CaseBook::accept`).
    pub fn stored_record(&mut self, id: &str) -> Result<Option<Record>, SaveError> {
        let Some(raw) = self.backend.get(&shard_key(shard_of(id)))? else { return Ok(None) };
        match decode(&raw) {
            Ok(decoded) => Ok(decoded.parsed.records.into_iter().find(|r| r.id() == id)),
            Err(DecodeError::NewerSchema(schema)) => {
                self.newer = Some(schema);
                Err(SaveError::NewerVersion)
            }
            Err(DecodeError::Corrupt(reason)) => Err(SaveError::Other(reason)),
        }
    }

    /// Interprets a `storage` event (`key` is `None` when another tab cleared the storage).
    pub fn external_change(&mut self, key: Option<&str>, new_value: Option<&str>) -> ExternalChange {
        let Some(key) = key else { return ExternalChange::Reload };
        if parse_shard_key(key).is_some() {
            // `known` is left as it was: the next save of this set sees the difference and merges.
            return match new_value.map(decode) {
                None => ExternalChange::Reload,
                Some(Ok(decoded)) => ExternalChange::Records(decoded.parsed.records),
                Some(Err(DecodeError::NewerSchema(schema))) => {
                    self.newer = Some(schema);
                    ExternalChange::NewerVersion { schema }
                }
                Some(Err(DecodeError::Corrupt(_))) => ExternalChange::Ignored,
            };
        }
        match key.strip_prefix(PREFIX) {
            Some(name) if !key.starts_with(QUARANTINE_PREFIX) && !key.starts_with(SHARD_PREFIX) => {
                ExternalChange::Pref { name: name.to_string(), value: new_value.map(str::to_string) }
            }
            _ => ExternalChange::Ignored,
        }
    }

    /// How many record sets hold changes that could not be written (quota).
    pub fn unsaved(&self) -> usize {
        self.unsaved.len()
    }

    /// Tries the sets that failed to save again (after the user freed space).
    pub fn retry_unsaved(&mut self, book: &CaseBook, now: DateTime<Utc>) -> Result<(), SaveError> {
        let mut first_error = None;
        for shard in self.unsaved.clone() {
            if let Err(error) = self.save_shard(book, shard, &[], now) {
                first_error.get_or_insert(error);
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    pub fn usage(&self) -> Result<Usage, BackendError> {
        let mut usage = Usage { ours: 0, all: 0, quota: QUOTA_CHARS_ESTIMATE };
        for key in self.backend.keys()? {
            let size = utf16_len(&key) + self.backend.get(&key)?.as_deref().map_or(0, utf16_len);
            usage.all += size;
            if key.starts_with(PREFIX) {
                usage.ours += size;
            }
        }
        Ok(usage)
    }

    /// Everything set aside as unreadable: stored under quarantine keys, or held in memory.
    pub fn quarantined(&self) -> Result<Vec<QuarantineEntry>, BackendError> {
        let mut entries = Vec::new();
        let mut keys: Vec<String> =
            self.backend.keys()?.into_iter().filter(|k| k.starts_with(QUARANTINE_PREFIX)).collect();
        keys.sort();
        for key in keys {
            let Some(raw) = self.backend.get(&key)? else { continue };
            let rest = &key[QUARANTINE_PREFIX.len()..];
            let (original, at) = match rest.rsplit_once(':') {
                Some((original, millis)) => (
                    format!("{PREFIX}{original}"),
                    millis.parse().ok().and_then(|m| Utc.timestamp_millis_opt(m).single()),
                ),
                None => (format!("{PREFIX}{rest}"), None),
            };
            entries.push(QuarantineEntry { key: Some(key), original, at, raw });
        }
        entries.extend(self.held.iter().cloned());
        Ok(entries)
    }

    /// Deletes a quarantined value (after the user downloaded or dismissed it).
    pub fn discard_quarantined(&mut self, key: &str) -> Result<(), BackendError> {
        if key.starts_with(QUARANTINE_PREFIX) {
            self.backend.remove(key)?;
        }
        Ok(())
    }

    /// Every `claimdesk:` key and its raw value as one JSON object: the "download everything as it is" escape
    /// hatch when data cannot be read (newer version, quarantine).
    pub fn raw_dump(&self) -> Result<String, BackendError> {
        let mut all = BTreeMap::new();
        for key in self.backend.keys()? {
            if key.starts_with(PREFIX) {
                if let Some(value) = self.backend.get(&key)? {
                    all.insert(key, value);
                }
            }
        }
        serde_json::to_string_pretty(&all).map_err(|e| BackendError::Other(e.to_string()))
    }
}

/// The save error for a set whose unreadable stored value could not be copied aside (it is never overwritten).
fn not_set_aside() -> SaveError {
    SaveError::Other("unreadable stored data could not be set aside".into())
}

/// The cases and deletions of the book that belong in record set `shard`.
fn shard_members(book: &CaseBook, shard: u16) -> (Vec<&Case>, Vec<&Tombstone>) {
    let cases = book.iter().filter(|c| shard_of(&c.id) == shard).collect();
    let deleted = book.tombstones().filter(|t| shard_of(&t.id) == shard).collect();
    (cases, deleted)
}

fn shard_records(book: &CaseBook, shard: u16) -> Vec<Record> {
    let (cases, deleted) = shard_members(book, shard);
    let live = cases.into_iter().map(|c| Record::Live(c.clone()));
    live.chain(deleted.into_iter().map(|t| Record::Deleted(t.clone()))).collect()
}
