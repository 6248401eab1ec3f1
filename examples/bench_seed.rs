//! Seed data for `make bench`: `n` realistic cases written through the app's own storage engine, as the
//! localStorage keys and values the app would hold after saving them, plus native timings of that engine.
//!
//!     cargo run --release --example bench_seed -- <n> <out.json> [repeats] [backup.json]
//!
//! `<out.json>` receives `{ "<localStorage key>": "<value>", ... }` (`-`: no file, only the sizes). Standard
//! output gets one JSON object: the sizes in UTF-16 code units, as a browser's quota counts them (and the same
//! cases as plain JSON, the size without the compact encoding), and the median/min/max milliseconds over
//! `repeats` runs (default 5) of `save` (a fresh store writing the whole book: encode, compress, every record
//! set) and `load` (opening the store on those values: decode, check, build the book, as the app does at
//! start). With `repeats` 0 nothing is timed or read back: the capacity search needs only the sizes.
//! `backup.json`, when given, receives the same cases as the app's backup file, for timing an import.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Instant;

use chrono::{DateTime, TimeZone, Utc};
use claimdesk::codec::backup::export_json;
use claimdesk::codec::store::{BackendError, KeyValue, Store};
use claimdesk::domain::{sample_cases, CaseBook, Record};

/// The same seed on every run, so figures are comparable between runs and machines.
const SEED: u64 = 2026;

/// An in-memory localStorage: the engine's keys and values, nothing else. The store owns one handle and
/// the bench keeps another to read what was written.
#[derive(Clone, Default)]
struct MemoryStorage(Rc<RefCell<BTreeMap<String, String>>>);

impl KeyValue for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.0.borrow().get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.0.borrow().keys().cloned().collect())
    }
}

fn fixed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).single().unwrap_or_default()
}

/// Writes the whole book into an empty store, as an import or the first save of every case would.
fn save_all(book: &CaseBook) -> Result<BTreeMap<String, String>, String> {
    let storage = MemoryStorage::default();
    let (mut store, _) = Store::open(storage.clone(), fixed_now()).map_err(|e| format!("{e:?}"))?;
    store.save_all(book, fixed_now()).map_err(|e| format!("save: {e:?}"))?;
    drop(store);
    Ok(storage.0.take())
}

/// Opens the store on stored values (the app's start) and returns how many cases it read.
fn load(values: &BTreeMap<String, String>) -> Result<usize, String> {
    let storage = MemoryStorage(Rc::new(RefCell::new(values.clone())));
    let (_, loaded) = Store::open(storage, fixed_now()).map_err(|e| format!("{e:?}"))?;
    if !loaded.notices.is_empty() {
        return Err(format!("the stored data did not load cleanly: {:?}", loaded.notices));
    }
    Ok(loaded.book.len())
}

/// Median, min and max of `repeats` runs of `f`, in milliseconds.
fn time_ms(repeats: usize, mut f: impl FnMut() -> Result<(), String>) -> Result<[f64; 3], String> {
    let mut samples = Vec::with_capacity(repeats);
    for _ in 0..repeats {
        let start = Instant::now();
        f()?;
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    samples.sort_by(f64::total_cmp);
    Ok([samples[samples.len() / 2], samples[0], samples[samples.len() - 1]])
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

fn run(n: usize, out: &str, repeats: usize, backup: Option<&String>) -> Result<String, String> {
    let book = CaseBook::from_records(sample_cases(n, SEED).into_iter().map(Record::Live));
    if book.len() != n {
        return Err(format!("the generator made {} distinct cases, not {n}", book.len()));
    }
    let values = save_all(&book)?;
    let (save, load) = if repeats == 0 {
        (None, None)
    } else {
        let loaded = load(&values)?;
        if loaded != n {
            return Err(format!("wrote {n} cases but read back {loaded}"));
        }
        let save = time_ms(repeats, || save_all(&book).map(drop))?;
        // `load` copies the stored text inside the timed run: that copy stands in for localStorage's getItem.
        (Some(save), Some(time_ms(repeats, || load(&values).map(drop))?))
    };

    let value_chars: usize = values.values().map(|v| utf16_len(v)).sum();
    let key_chars: usize = values.keys().map(|k| utf16_len(k)).sum();
    // The same cases as plain JSON: what the store would hold without compression and packing.
    let cases: Vec<_> = book.iter().collect();
    let plain_json_chars = utf16_len(&serde_json::to_string(&cases).map_err(|e| e.to_string())?);
    if out != "-" {
        let json = serde_json::to_string(&values).map_err(|e| e.to_string())?;
        std::fs::write(out, json).map_err(|e| format!("{out}: {e}"))?;
    }
    if let Some(path) = backup {
        std::fs::write(
            path,
            export_json(&book, &claimdesk::domain::ProfileBook::default(), fixed_now())
                .map_err(|e| format!("{path}: {e}"))?,
        )
        .map_err(|e| format!("{path}: {e}"))?;
    }

    let report = serde_json::json!({
        "cases": n,
        "seed": SEED,
        "keys": values.len(),
        "chars": key_chars + value_chars,
        "chars_per_case": (key_chars + value_chars) as f64 / n.max(1) as f64,
        "plain_json_chars": plain_json_chars,
        "repeats": repeats,
        "save_ms": save,
        "load_ms": load,
    });
    Ok(report.to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.as_slice() {
        [n, out] => n.parse().ok().map(|n| (n, out, 5, None)),
        [n, out, repeats] => n.parse().ok().zip(repeats.parse().ok()).map(|(n, r)| (n, out, r, None)),
        [n, out, repeats, backup] => n.parse().ok().zip(repeats.parse().ok()).map(|(n, r)| (n, out, r, Some(backup))),
        _ => None,
    };
    let Some((n, out, repeats, backup)) = parsed else {
        eprintln!("usage: bench_seed <cases> <out.json or -> [repeats] [backup.json]");
        return ExitCode::from(2);
    };
    match run(n, out, repeats, backup) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("bench_seed: {error}");
            ExitCode::FAILURE
        }
    }
}
