#![cfg(target_arch = "wasm32")]
//! The storage adapter against the real localStorage of headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_storage`
//! (add `--release` for meaningful timings; they are printed, not asserted: a shared machine may be slow).

use chrono::{DateTime, Duration, TimeZone, Utc};
use claimdesk::adapters::storage::{self, Notice, SaveError};
use claimdesk::codec::envelope::encode;
use claimdesk::codec::prefs;
use claimdesk::codec::store::{shard_key, shard_of, QUARANTINE_PREFIX, QUOTA_CHARS_ESTIMATE};
use claimdesk::domain::query::{run, CaseQuery};
use claimdesk::domain::{sample_cases, Case, CaseBook, Record};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage in the test browser")
}

fn clear() {
    local().clear().expect("clear");
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).single().expect("valid") + Duration::minutes(minutes)
}

fn book_of(cases: &[Case]) -> CaseBook {
    CaseBook::from_records(cases.iter().cloned().map(Record::Live))
}

fn ids(book: &CaseBook) -> Vec<String> {
    book.iter().map(|c| c.id.clone()).collect()
}

fn run_js(code: &str) {
    js_sys::Function::new_no_args(code).call0(&JsValue::NULL).expect("test script runs");
}

#[wasm_bindgen_test]
fn cases_saved_are_loaded_back_and_every_key_is_ours() {
    clear();
    local().set_item("someone-else", "untouched").expect("set");
    assert!(storage::load().notices.is_empty());
    let book = book_of(&sample_cases(300, 1));
    storage::save_cases(&book, &ids(&book)).expect("saved");
    let loaded = storage::load();
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    assert_eq!(loaded.book, book);
    let storage_keys: Vec<String> =
        (0..local().length().expect("length")).filter_map(|i| local().key(i).ok().flatten()).collect();
    assert!(storage_keys.iter().all(|k| k.starts_with("claimdesk:") || k == "someone-else"));
    assert_eq!(local().get_item("someone-else").expect("get").as_deref(), Some("untouched"));

    storage::write_pref("lang", "pl").expect("pref");
    assert_eq!(storage::read_pref("lang").as_deref(), Some("pl"));
    storage::remove_pref("lang");
    assert_eq!(storage::read_pref("lang"), None);
    storage::write(&prefs::LAST_EXPORT, &Some(t(0))).expect("saved");
    assert_eq!(storage::read(&prefs::LAST_EXPORT), Some(t(0)));
    assert_eq!(local().get_item("claimdesk:last-export").expect("get").as_deref(), Some("2026-11-25T12:00:00Z"));
    // A default is stored by removing the key.
    storage::write(&prefs::LAST_EXPORT, &None).expect("removed");
    assert_eq!(local().get_item("claimdesk:last-export").expect("get"), None);
    clear();
}

#[wasm_bindgen_test]
fn corrupted_values_are_quarantined_and_the_app_goes_on() {
    clear();
    let cases = sample_cases(200, 2);
    let book = book_of(&cases);
    storage::load();
    storage::save_cases(&book, &ids(&book)).expect("saved");
    let key = shard_key(shard_of(&cases[0].id));
    local().set_item(&key, "{\"schema\":1,\"data\":\"half a value").expect("set");

    let loaded = storage::load();
    let quarantine_key = match loaded.notices.as_slice() {
        [Notice::Quarantined { key: k, quarantine_key: Some(q), .. }] if *k == key => q.clone(),
        other => panic!("expected a quarantine notice, got {other:?}"),
    };
    assert!(quarantine_key.starts_with(QUARANTINE_PREFIX));
    let survivors = cases.iter().filter(|c| shard_of(&c.id) != shard_of(&cases[0].id)).count();
    assert_eq!(loaded.book.len(), survivors);
    assert_eq!(
        local().get_item(&quarantine_key).expect("get").as_deref(),
        Some("{\"schema\":1,\"data\":\"half a value")
    );
    let entries = storage::quarantined();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].raw.contains("half a value"));
    assert!(storage::raw_dump().expect("dump").contains(&quarantine_key));

    // Work goes on: saving a case of the damaged set works and the quarantined text stays.
    let mut book = loaded.book;
    let mut case = cases[0].clone();
    case.revision += 1;
    book.upsert(case.clone()).expect("new here");
    storage::save_case(&book, &case.id).expect("saved");
    assert_eq!(storage::load().book.get(&case.id), Some(&case));
    assert!(local().get_item(&quarantine_key).expect("get").is_some());
    storage::discard_quarantined(&quarantine_key).expect("discarded");
    assert!(storage::quarantined().is_empty());
    clear();
}

#[wasm_bindgen_test]
fn a_stale_copy_gets_a_conflict_and_the_stored_copy_wins() {
    clear();
    let cases = sample_cases(50, 3);
    let mut book = storage::load().book;
    for case in &cases {
        book.upsert(case.clone()).expect("new");
    }
    storage::save_cases(&book, &ids(&book)).expect("saved");

    // "Another tab" writes a newer revision of the first case straight into localStorage.
    let mut theirs = cases[0].clone();
    theirs.add_note("edited in the other tab", t(1));
    let mut other_tab = book.clone();
    other_tab.upsert(theirs.clone()).expect("newer");
    let shard = shard_of(&theirs.id);
    let in_shard: Vec<&Case> = other_tab.iter().filter(|c| shard_of(&c.id) == shard).collect();
    local().set_item(&shard_key(shard), &encode(&in_shard, &[]).expect("serialises")).expect("set");

    let mut mine = cases[0].clone();
    mine.add_note("edited here from the old copy", t(2));
    book.upsert(mine).expect("newer than our copy");
    assert_eq!(storage::save_case(&book, &theirs.id), Err(SaveError::Conflict));
    assert_eq!(storage::load().book.get(&theirs.id), Some(&theirs), "the newer record was not overwritten");

    let stored = storage::read_record(&theirs.id).expect("stored");
    assert!(book.accept(stored));
    assert_eq!(book.get(&theirs.id), Some(&theirs));
    clear();
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_left_alone() {
    clear();
    let book = book_of(&sample_cases(20, 4));
    storage::load();
    storage::save_cases(&book, &ids(&book)).expect("saved");
    let key = shard_key(shard_of(&sample_cases(20, 4)[0].id));
    let future = r#"{"schema":42,"codec":"something-new","data":"…"}"#;
    local().set_item(&key, future).expect("set");
    let loaded = storage::load();
    assert_eq!(loaded.notices, vec![Notice::NewerVersion { schema: 42 }]);
    assert_eq!(storage::newer_data(), Some(42));
    assert_eq!(storage::save_cases(&loaded.book, &ids(&loaded.book)), Err(SaveError::NewerVersion));
    assert_eq!(local().get_item(&key).expect("get").as_deref(), Some(future));
    clear();
}

#[wasm_bindgen_test]
fn quota_filled_until_it_throws_then_the_change_is_kept_and_retried() {
    clear();
    let cases = sample_cases(100, 5);
    let mut book = storage::load().book;
    for case in &cases {
        book.upsert(case.clone()).expect("new");
    }
    storage::save_cases(&book, &ids(&book)).expect("saved");

    // Fill with characters outside Latin-1 (Chromium stores those as UTF-16, two bytes each, as our data is):
    // big blocks first, then smaller ones, until not even 64 characters fit.
    let mut filled = 0usize;
    let mut block = 1 << 20;
    let mut index = 0;
    while block >= 64 {
        let value = "ж".repeat(block);
        match local().set_item(&format!("fill:{index}"), &value) {
            Ok(()) => {
                filled += block;
                index += 1;
            }
            Err(error) => {
                let exception: web_sys::DomException = error.dyn_into().expect("a DOMException");
                assert_eq!((exception.name().as_str(), exception.code()), ("QuotaExceededError", 22));
                block /= 2;
            }
        }
    }
    let usage = storage::usage().expect("usage");
    console_log!(
        "quota probe: {} characters in use when full (estimate {QUOTA_CHARS_ESTIMATE}); filler {filled}",
        usage.all
    );
    assert!(usage.warn(), "a full store is past the warning line");

    let mut case = cases[7].clone();
    case.add_note(&"Заметка, которая уже не помещается. ".repeat(30), t(1));
    book.upsert(case.clone()).expect("newer");
    assert_eq!(storage::save_case(&book, &case.id), Err(SaveError::QuotaExceeded));
    assert_eq!(storage::unsaved(), 1);
    assert_eq!(book.get(&case.id), Some(&case), "the change stays in memory");

    for i in 0..index {
        local().remove_item(&format!("fill:{i}")).expect("remove");
    }
    storage::retry_unsaved(&book).expect("fits again");
    assert_eq!(storage::unsaved(), 0);
    assert_eq!(storage::load().book.get(&case.id), Some(&case));
    clear();
}

#[wasm_bindgen_test]
fn blocked_or_missing_storage_means_memory_only() {
    clear();
    // What a browser with storage blocked does: reading `window.localStorage` throws a SecurityError.
    run_js(
        "window.__claimdeskSaved = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true,
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    );
    let loaded = storage::load();
    assert_eq!(loaded.notices, vec![Notice::Unavailable]);
    assert!(loaded.book.is_empty());
    assert!(!storage::is_available());
    let book = book_of(&sample_cases(1, 6));
    assert_eq!(storage::save_case(&book, &ids(&book)[0]), Err(SaveError::Unavailable));
    assert_eq!(storage::write_pref("lang", "ru"), Err(SaveError::Unavailable));
    assert_eq!(storage::read_pref("lang"), None);
    assert_eq!(storage::usage(), None);

    // Some embedded browsers have the property but hand out null.
    run_js("Object.defineProperty(window, 'localStorage', { configurable: true, get() { return null; } });");
    assert_eq!(storage::load().notices, vec![Notice::Unavailable]);

    run_js("Object.defineProperty(window, 'localStorage', window.__claimdeskSaved); delete window.__claimdeskSaved;");
    assert!(storage::load().notices.is_empty());
    assert!(storage::is_available());
}

#[wasm_bindgen_test]
fn ten_thousand_realistic_cases_fit_and_stay_fast() {
    clear();
    storage::load();
    let started = now_ms();
    let cases = sample_cases(10_000, 2026);
    let generated = now_ms();
    let mut book = book_of(&cases);
    storage::save_cases(&book, &ids(&book)).expect("10,000 cases fit");
    let saved_all = now_ms();
    let usage = storage::usage().expect("usage");

    let load_started = now_ms();
    let loaded = storage::load();
    let load_ms = now_ms() - load_started;
    assert_eq!(loaded.book.len(), 10_000);
    assert!(loaded.notices.is_empty());

    let mut case = book.iter().nth(5_000).cloned().expect("present");
    case.add_note("Ответ поддержки получен, ждём возмещения", t(1));
    book.upsert(case.clone()).expect("newer");
    let save_started = now_ms();
    storage::save_case(&book, &case.id).expect("saved");
    let save_one_ms = now_ms() - save_started;

    let today = t(0).date_naive();
    let query_started = now_ms();
    let all = run(&loaded.book, &CaseQuery::default(), today);
    let list_ms = now_ms() - query_started;
    let search_started = now_ms();
    let found = run(&loaded.book, &CaseQuery { text: "поддержк".into(), ..CaseQuery::default() }, today);
    let search_ms = now_ms() - search_started;
    assert_eq!(all.ids.len(), 10_000);
    assert!(!found.ids.is_empty());

    console_log!(
        "10,000 cases: {} characters stored ({} per case, {:.1} % of {QUOTA_CHARS_ESTIMATE}); generate {:.0} ms, \
         save all {:.0} ms, load {load_ms:.0} ms, save one {save_one_ms:.1} ms, list query {list_ms:.1} ms, \
         search {search_ms:.1} ms",
        usage.ours,
        usage.ours / 10_000,
        usage.fraction() * 100.0,
        generated - started,
        saved_all - generated,
    );
    assert!(usage.ours < QUOTA_CHARS_ESTIMATE / 2, "10,000 cases use under half the quota: {}", usage.ours);
    clear();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).expect("timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer fires");
}

#[wasm_bindgen_test]
async fn changes_made_in_another_document_arrive_as_records_and_prefs() {
    use std::cell::RefCell;
    use std::rc::Rc;

    use claimdesk::adapters::storage::ExternalChange;

    clear();
    let cases = sample_cases(10, 8);
    let mut book = storage::load().book;
    book.upsert(cases[0].clone()).expect("new");
    storage::save_case(&book, &cases[0].id).expect("saved");

    let seen: Rc<RefCell<Vec<ExternalChange>>> = Rc::default();
    let sink = seen.clone();
    let subscription = storage::subscribe(move |change| sink.borrow_mut().push(change));

    // A same-origin frame stands in for a second tab: storage events fire in every other document.
    let mut theirs = cases[0].clone();
    theirs.add_note("written by the other document", t(1));
    let raw = encode(&[&theirs], &[]).expect("serialises");
    let script = format!(
        "const frame = document.createElement('iframe');
         document.body.appendChild(frame);
         frame.contentWindow.localStorage.setItem({key}, {raw});
         frame.contentWindow.localStorage.setItem('claimdesk:lang', 'pl');
         frame.contentWindow.localStorage.setItem('not-ours', 'x');
         frame.remove();",
        key = serde_json::to_string(&shard_key(shard_of(&theirs.id))).expect("json"),
        raw = serde_json::to_string(&raw).expect("json"),
    );
    run_js(&script);
    sleep(300).await;

    let changes = seen.borrow().clone();
    assert!(changes.contains(&ExternalChange::Records(vec![Record::Live(theirs.clone())])), "{changes:?}");
    assert!(changes.contains(&ExternalChange::Pref { name: "lang".into(), value: Some("pl".into()) }));
    assert_eq!(changes.len(), 2, "keys of other apps are not reported");
    for change in changes {
        if let ExternalChange::Records(records) = change {
            for record in records {
                book.merge(record);
            }
        }
    }
    assert_eq!(book.get(&theirs.id), Some(&theirs));

    drop(subscription);
    run_js(
        "const frame = document.createElement('iframe'); document.body.appendChild(frame);
         frame.contentWindow.localStorage.setItem('claimdesk:lang', 'ru'); frame.remove();",
    );
    sleep(300).await;
    assert_eq!(seen.borrow().len(), 2, "no events after the subscription is dropped");
    clear();
}
