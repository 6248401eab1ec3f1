#![cfg(not(target_arch = "wasm32"))]
//! The storage engine against an in-memory key-value store that behaves like localStorage (a quota counted in
//! UTF-16 characters, keys included; failures on demand).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use claimdesk::codec::envelope::{decode, encode};
use claimdesk::codec::store::{
    shard_key, shard_of, BackendError, ExternalChange, KeyValue, Notice, SaveError, Store, QUARANTINE_PREFIX,
    QUOTA_CHARS_ESTIMATE, SHARDS,
};
use claimdesk::domain::{sample_cases, Case, CaseBook, CaseStatus, Record};

/// localStorage shared by "tabs" (clones share the map, as tabs of one origin do).
#[derive(Clone, Default)]
struct MemoryStorage {
    map: Rc<RefCell<BTreeMap<String, String>>>,
    quota: Option<usize>,
    broken: bool,
}

fn chars(text: &str) -> usize {
    text.encode_utf16().count()
}

impl MemoryStorage {
    fn with_quota(quota: usize) -> MemoryStorage {
        MemoryStorage { quota: Some(quota), ..MemoryStorage::default() }
    }

    fn used(&self) -> usize {
        self.map.borrow().iter().map(|(k, v)| chars(k) + chars(v)).sum()
    }

    fn raw(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }

    fn put(&self, key: &str, value: &str) {
        self.map.borrow_mut().insert(key.to_string(), value.to_string());
    }

    fn keys_with(&self, prefix: &str) -> Vec<String> {
        self.map.borrow().keys().filter(|k| k.starts_with(prefix)).cloned().collect()
    }
}

impl KeyValue for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        if self.broken {
            return Err(BackendError::Unavailable);
        }
        Ok(self.raw(key))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        if self.broken {
            return Err(BackendError::Unavailable);
        }
        if let Some(quota) = self.quota {
            let old = self.raw(key).map_or(0, |v| chars(key) + chars(&v));
            if self.used() - old + chars(key) + chars(value) > quota {
                return Err(BackendError::QuotaExceeded);
            }
        }
        self.put(key, value);
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        if self.broken {
            return Err(BackendError::Unavailable);
        }
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn open(storage: &MemoryStorage) -> (Store<MemoryStorage>, CaseBook, Vec<Notice>) {
    let (store, loaded) = Store::open(storage.clone(), t(0)).expect("storage readable");
    (store, loaded.book, loaded.notices)
}

fn book_of(cases: &[Case]) -> CaseBook {
    CaseBook::from_records(cases.iter().cloned().map(Record::Live))
}

/// Two cases whose ids fall in the same record set.
fn same_shard_pair(cases: &[Case]) -> (Case, Case) {
    for (i, a) in cases.iter().enumerate() {
        if let Some(b) = cases[i + 1..].iter().find(|b| shard_of(&b.id) == shard_of(&a.id)) {
            return (a.clone(), b.clone());
        }
    }
    panic!("no two sample cases share a record set");
}

#[test]
fn saves_and_loads_everything_under_our_prefix() {
    let storage = MemoryStorage::default();
    let (mut store, _, notices) = open(&storage);
    assert!(notices.is_empty());
    let book = book_of(&sample_cases(300, 1));
    store.save_all(&book, t(1)).expect("saved");
    assert!(storage.keys_with("").iter().all(|k| k.starts_with("claimdesk:cases:")));
    assert!(storage.keys_with("").len() <= SHARDS as usize);

    let (_, loaded, notices) = open(&storage);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(loaded, book);
}

#[test]
fn saving_one_case_rewrites_only_its_record_set() {
    let storage = MemoryStorage::default();
    let (mut store, _, _) = open(&storage);
    let mut book = book_of(&sample_cases(500, 2));
    store.save_all(&book, t(1)).expect("saved");
    let before = storage.map.borrow().clone();

    let id = book.iter().nth(10).expect("a case").id.clone();
    let mut case = book.get(&id).cloned().expect("present");
    assert!(case.add_note("Звонок в поддержку: ждём ответ до пятницы", t(2)));
    book.upsert(case).expect("newer");
    store.save(&book, [id.as_str()], t(2)).expect("saved");

    let after = storage.map.borrow().clone();
    let changed: Vec<&String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed, vec![&shard_key(shard_of(&id))]);
    assert_eq!(open(&storage).1, book);
}

#[test]
fn deletions_are_stored_and_undo_brings_the_case_back() {
    let storage = MemoryStorage::default();
    let (mut store, _, _) = open(&storage);
    let mut book = book_of(&sample_cases(20, 3));
    store.save_all(&book, t(1)).expect("saved");
    let id = book.iter().next().expect("a case").id.clone();

    let removed = book.remove(&id, t(2)).expect("was there");
    store.save(&book, [id.as_str()], t(2)).expect("deletion saved");
    let reloaded = open(&storage).1;
    assert!(reloaded.get(&id).is_none());
    assert!(reloaded.tombstone(&id).is_some(), "the deletion itself is stored");

    book.restore(removed, t(3));
    store.save(&book, [id.as_str()], t(3)).expect("restore saved");
    let reloaded = open(&storage).1;
    let restored = reloaded.get(&id).expect("back");
    assert!(restored.revision > reloaded.tombstone(&id).map_or(0, |t| t.revision));
}

#[test]
fn a_stale_tab_gets_a_conflict_and_never_overwrites_the_newer_record() {
    let storage = MemoryStorage::default();
    let cases = sample_cases(200, 4);
    let (first, neighbour) = same_shard_pair(&cases);
    {
        let (mut store, _, _) = open(&storage);
        store.save_all(&book_of(&cases), t(0)).expect("seeded");
    }
    let (mut tab_a, mut book_a, _) = open(&storage);
    let (mut tab_b, mut book_b, _) = open(&storage);

    // Tab A edits and saves first.
    let mut newer = book_a.get(&first.id).cloned().expect("present");
    newer.add_note("edited in tab A", t(1));
    book_a.upsert(newer.clone()).expect("newer");
    tab_a.save(&book_a, [first.id.as_str()], t(1)).expect("A saved");

    // Tab B still holds the old copy and edits it too: refused.
    let mut stale = book_b.get(&first.id).cloned().expect("present");
    stale.add_note("edited in stale tab B", t(2));
    book_b.upsert(stale).expect("newer than B's own copy");
    assert_eq!(tab_b.save(&book_b, [first.id.as_str()], t(2)), Err(SaveError::Conflict));
    assert_eq!(open(&storage).1.get(&first.id), Some(&newer), "A's edit survives");

    // B resolves by taking the stored copy; an edit of another case in the same set keeps A's edit too.
    let stored = tab_b.stored_record(&first.id).expect("readable").expect("stored");
    assert!(book_b.accept(stored));
    let mut other = book_b.get(&neighbour.id).cloned().expect("present");
    other.add_note("B edits another case of the same record set", t(3));
    book_b.upsert(other.clone()).expect("newer");
    tab_b.save(&book_b, [neighbour.id.as_str()], t(3)).expect("no conflict on another case");
    let reloaded = open(&storage).1;
    assert_eq!(reloaded.get(&first.id), Some(&newer));
    assert_eq!(reloaded.get(&neighbour.id), Some(&other));
}

#[test]
fn a_book_that_was_never_loaded_cannot_wipe_stored_cases() {
    let storage = MemoryStorage::default();
    let cases = sample_cases(100, 5);
    let (mut store, _, _) = open(&storage);
    store.save_all(&book_of(&cases), t(0)).expect("seeded");

    // Same store, but the UI hands it an almost empty book (a bug, or a fresh book after an error).
    let lonely = cases[0].clone();
    let small = book_of(std::slice::from_ref(&lonely));
    store.save(&small, [lonely.id.as_str()], t(1)).expect("saved");
    assert_eq!(open(&storage).1, book_of(&cases), "every stored case is still there");
}

#[test]
fn a_deletion_in_one_tab_is_not_undone_by_a_stale_tab() {
    let storage = MemoryStorage::default();
    let cases = sample_cases(200, 6);
    let (victim, neighbour) = same_shard_pair(&cases);
    {
        let (mut store, _, _) = open(&storage);
        store.save_all(&book_of(&cases), t(0)).expect("seeded");
    }
    let (mut tab_a, mut book_a, _) = open(&storage);
    let (mut tab_b, mut book_b, _) = open(&storage);
    book_a.remove(&victim.id, t(1));
    tab_a.save(&book_a, [victim.id.as_str()], t(1)).expect("deleted");

    let mut other = book_b.get(&neighbour.id).cloned().expect("present");
    other.add_note("stale tab edits a neighbour", t(2));
    book_b.upsert(other).expect("newer");
    tab_b.save(&book_b, [neighbour.id.as_str()], t(2)).expect("saved");
    let reloaded = open(&storage).1;
    assert!(reloaded.get(&victim.id).is_none(), "the stale tab's old copy did not resurrect the case");
}

#[test]
fn corrupted_values_are_quarantined_and_the_rest_loads() {
    let storage = MemoryStorage::default();
    let cases = sample_cases(300, 7);
    let (mut store, _, _) = open(&storage);
    store.save_all(&book_of(&cases), t(0)).expect("seeded");

    let broken_key = shard_key(shard_of(&cases[0].id));
    let garbage = "{\"schema\":1,\"codec\":\"lz4-b15\",\"data\":\"cut off";
    storage.put(&broken_key, garbage);
    let lost: Vec<&Case> = cases.iter().filter(|c| shard_key(shard_of(&c.id)) == broken_key).collect();

    let (mut store, book, notices) = open(&storage);
    assert_eq!(book.len(), cases.len() - lost.len(), "every other case loads");
    let [Notice::Quarantined { key, quarantine_key: Some(quarantine_key), .. }] = notices.as_slice() else {
        panic!("expected one quarantine notice, got {notices:?}");
    };
    assert_eq!(key, &broken_key);
    assert!(quarantine_key.starts_with(QUARANTINE_PREFIX));
    assert_eq!(storage.raw(quarantine_key).as_deref(), Some(garbage), "raw text kept as it was");
    assert_eq!(storage.raw(&broken_key), None, "the broken value is moved, not left to be read again");

    let entries = store.quarantined().expect("listed");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].raw, garbage);
    assert_eq!(entries[0].original, broken_key);
    assert_eq!(entries[0].at, Some(t(0)));
    assert!(store.raw_dump().expect("dump").contains("cut off"));

    // A second load finds nothing new to quarantine.
    assert!(open(&storage).2.is_empty());
    store.discard_quarantined(quarantine_key).expect("discarded");
    assert!(store.quarantined().expect("listed").is_empty());
}

#[test]
fn a_record_of_the_wrong_shape_is_quarantined_with_its_set_and_its_neighbours_load() {
    let storage = MemoryStorage::default();
    let cases = sample_cases(200, 8);
    let (good, bad) = same_shard_pair(&cases);
    let mut bad_value = serde_json::to_value(&bad).expect("serialises");
    bad_value["status"] = serde_json::json!("teleported");
    let payload = serde_json::json!({ "cases": [good, bad_value], "deleted": [] });
    // Build a well-formed envelope around the bad payload by re-encoding its JSON by hand.
    let json = serde_json::to_vec(&payload).expect("json");
    let compressed = lz4_flex::block::compress(&json);
    let envelope = serde_json::json!({
        "schema": 1, "codec": "lz4-b15", "size": json.len(), "bytes": compressed.len(),
        "check": format!("{:08x}", claimdesk::codec::envelope::fnv1a(&json)),
        "data": claimdesk::codec::pack::pack(&compressed),
    });
    let key = shard_key(shard_of(&good.id));
    storage.put(&key, &envelope.to_string());

    let (_, book, notices) = open(&storage);
    assert_eq!(book.get(&good.id), Some(&good));
    assert!(book.get(&bad.id).is_none());
    assert!(
        matches!(&notices[..], [Notice::Quarantined { quarantine_key: Some(_), reason, .. }] if reason.contains(&bad.id))
    );
    let rewritten = decode(&storage.raw(&key).expect("rewritten")).expect("readable now");
    assert_eq!(rewritten.parsed.records, vec![Record::Live(good)]);
}

#[test]
fn newer_data_is_reported_and_never_overwritten() {
    let storage = MemoryStorage::default();
    let cases = sample_cases(50, 9);
    let (mut store, _, _) = open(&storage);
    store.save_all(&book_of(&cases), t(0)).expect("seeded");
    let key = shard_key(shard_of(&cases[0].id));
    let from_the_future = r#"{"schema":7,"codec":"zstd-b15","data":"whatever v7 writes"}"#;
    storage.put(&key, from_the_future);
    let before = storage.map.borrow().clone();

    let (mut store, mut book, notices) = open(&storage);
    assert_eq!(notices, vec![Notice::NewerVersion { schema: 7 }]);
    let id = book.iter().next().expect("other sets still load").id.clone();
    let mut case = book.get(&id).cloned().expect("present");
    case.add_note("try to save", t(1));
    book.upsert(case).expect("newer");
    assert_eq!(store.save(&book, [id.as_str()], t(1)), Err(SaveError::NewerVersion));
    assert_eq!(store.save_all(&book, t(1)), Err(SaveError::NewerVersion));
    assert_eq!(*storage.map.borrow(), before, "nothing written at all");
}

#[test]
fn quota_exceeded_keeps_the_change_pending_until_space_is_freed() {
    let cases = sample_cases(200, 10);
    let book = book_of(&cases);
    let probe = MemoryStorage::default();
    let (mut sizing, _, _) = open(&probe);
    sizing.save_all(&book, t(0)).expect("fits without quota");
    let needed = probe.used();

    let storage = MemoryStorage::with_quota(needed + 2_000);
    storage.put("other-app:blob", &"x".repeat(1_500));
    let (mut store, _, _) = open(&storage);
    store.save_all(&book, t(0)).expect("fits");

    storage.put("other-app:blob", &"x".repeat(2_000));
    let mut book = book;
    let id = cases[3].id.clone();
    let mut case = book.get(&id).cloned().expect("present");
    case.add_note(&"Длинная заметка о споре. ".repeat(40), t(1));
    book.upsert(case.clone()).expect("newer");
    assert_eq!(store.save(&book, [id.as_str()], t(1)), Err(SaveError::QuotaExceeded));
    assert_eq!(store.unsaved(), 1);
    assert_eq!(book.get(&id), Some(&case), "the change is still in memory");
    assert_ne!(open(&storage).1.get(&id), Some(&case));

    storage.map.borrow_mut().remove("other-app:blob");
    store.retry_unsaved(&book, t(2)).expect("fits now");
    assert_eq!(store.unsaved(), 0);
    assert_eq!(open(&storage).1.get(&id), Some(&case));
}

#[test]
fn unavailable_storage_is_an_error_value_not_a_panic() {
    let storage = MemoryStorage { broken: true, ..MemoryStorage::default() };
    assert!(matches!(Store::open(storage, t(0)), Err(BackendError::Unavailable)));
}

#[test]
fn storage_events_become_records_prefs_or_reloads() {
    let storage = MemoryStorage::default();
    let cases = sample_cases(30, 11);
    let (mut store, _, _) = open(&storage);
    store.save_all(&book_of(&cases), t(0)).expect("seeded");
    let key = shard_key(shard_of(&cases[0].id));
    let raw = storage.raw(&key).expect("stored");

    match store.external_change(Some(&key), Some(&raw)) {
        ExternalChange::Records(records) => assert!(records.contains(&Record::Live(cases[0].clone()))),
        other => panic!("expected records, got {other:?}"),
    }
    assert_eq!(store.external_change(Some(&key), None), ExternalChange::Reload);
    assert_eq!(store.external_change(None, None), ExternalChange::Reload);
    assert_eq!(
        store.external_change(Some("claimdesk:lang"), Some("pl")),
        ExternalChange::Pref { name: "lang".into(), value: Some("pl".into()) }
    );
    assert_eq!(store.external_change(Some("someone-else"), Some("x")), ExternalChange::Ignored);
    assert_eq!(store.external_change(Some(&key), Some("garbage")), ExternalChange::Ignored);
    assert_eq!(store.external_change(Some(&key), Some(r#"{"schema":9}"#)), ExternalChange::NewerVersion { schema: 9 });
    assert_eq!(store.newer_data(), Some(9));
}

#[test]
fn usage_counts_our_keys_and_everyone_elses() {
    let storage = MemoryStorage::default();
    storage.put("other", "12345");
    let (mut store, _, _) = open(&storage);
    store.save_all(&book_of(&sample_cases(10, 12)), t(0)).expect("saved");
    let usage = store.usage().expect("usage");
    assert_eq!(usage.all, storage.used());
    assert_eq!(usage.all - usage.ours, "other".len() + "12345".len());
    assert_eq!(usage.quota, QUOTA_CHARS_ESTIMATE);
    assert!(!usage.warn());
    storage.put("other", &"y".repeat(QUOTA_CHARS_ESTIMATE * 8 / 10));
    assert!(store.usage().expect("usage").warn());
}

#[test]
fn ten_thousand_realistic_cases_fit_in_the_quota_with_room_to_spare() {
    let storage = MemoryStorage::with_quota(QUOTA_CHARS_ESTIMATE);
    let (mut store, _, _) = open(&storage);
    let cases = sample_cases(10_000, 2026);
    let book = book_of(&cases);
    store.save_all(&book, t(0)).expect("10,000 cases fit");
    let used = storage.used();
    let plain_json: usize = cases.iter().map(|c| chars(&serde_json::to_string(c).expect("json"))).sum();
    println!(
        "10,000 cases: {used} chars stored ({} per case, {:.1} % of the quota); plain JSON {plain_json} chars ({} per case)",
        used / 10_000,
        used as f64 * 100.0 / QUOTA_CHARS_ESTIMATE as f64,
        plain_json / 10_000
    );
    assert!(used < QUOTA_CHARS_ESTIMATE / 2, "at least twice the headroom: {used}");
    assert_eq!(open(&storage).1, book);
}

#[test]
fn encoded_values_carry_no_surrogates_and_detect_tampering() {
    let cases = sample_cases(40, 13);
    let refs: Vec<&Case> = cases.iter().collect();
    let raw = encode(&refs, &[]).expect("serialises");
    assert!(raw.encode_utf16().all(|u| !(0xD800..0xE000).contains(&u)));
    let decoded = decode(&raw).expect("decodes");
    assert_eq!(decoded.parsed.records.len(), 40);

    let mut value: serde_json::Value = serde_json::from_str(&raw).expect("json");
    let data = value["data"].as_str().expect("data").to_string();
    let mut chars: Vec<char> = data.chars().collect();
    chars[10] = if chars[10] == '\u{4000}' { '\u{4001}' } else { '\u{4000}' };
    value["data"] = serde_json::json!(chars.into_iter().collect::<String>());
    assert!(decode(&value.to_string()).is_err(), "a changed character is caught");

    let cut: String = raw.chars().take(raw.chars().count() / 2).collect();
    assert!(decode(&cut).is_err());
}

#[test]
fn every_status_change_survives_storage() {
    let storage = MemoryStorage::default();
    let (mut store, _, _) = open(&storage);
    let mut case = sample_cases(1, 14).remove(0);
    if case.status != CaseStatus::Open {
        // Every status may go back to open, so each step below is a permitted move whatever the sample drew.
        assert!(case.set_status(CaseStatus::Open, t(0)), "{:?} reopens", case.status);
    }
    let mut book = CaseBook::new();
    let steps = [(1, CaseStatus::WaitingMarketplace), (2, CaseStatus::ResolvedPartly), (3, CaseStatus::Closed)];
    for (minute, status) in steps {
        assert!(case.set_status(status, t(minute)), "{status:?} is a permitted move");
        book.upsert(case.clone()).expect("newer");
        store.save(&book, [case.id.as_str()], t(minute)).expect("saved");
        let stored = open(&storage).1.get(&case.id).cloned().expect("stored");
        assert_eq!(stored.status, status, "the stored case has the status just set");
        assert_eq!(stored, case, "and the timeline event that came with it");
    }
}
