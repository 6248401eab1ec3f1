//! Converts the content files (`content/scenarios/*.toml`, `content/calendars/*.toml`, `content/addressees/*.toml`,
//! pleasant to write) into JSON in OUT_DIR, which the app parses with the serde_json it already ships: TOML costs
//! nothing in the wasm.
//!
//! Every scenario text (a table of exactly `en`, `ru` and `pl` strings) is moved out of the scenarios into one
//! language pack per language, `OUT_DIR/packs/pack-<lang>-<hash>.json`, together with that language's interface
//! strings (`src/i18n/locales/<lang>.txt`); the scenario keeps the text's number. The wasm carries no text: the
//! page fetches the pack of the language in use (tools/post_build.py copies the packs into the site; the
//! `CLAIMDESK_PACK_<LANG>` variables give the app their names). Native builds include all three.

use std::{env, fs, path::Path};

/// The order of the texts in a text table, and of the packs.
const LANGS: [&str; 3] = ["en", "ru", "pl"];

fn main() {
    // The wasm splitter (tools/split/wasm-bindgen) reads the linker's relocations to cut the app's wasm into lazily
    // loaded chunks. A link argument of the app's binary only: the dependencies' builds stay as they are.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=claimdesk=--emit-relocs");
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let mut texts = Texts::default();
    let mut listed = Vec::new();
    for (stem, mut value) in read_content("scenarios") {
        listed.push((scenario_order(&stem, &mut value), stem.clone()));
        take_texts(&mut value, &mut texts);
        write(&out.join("scenarios"), &format!("{stem}.json"), &value.to_string());
    }
    write(&out, "scenario_sources.rs", &registry(listed));
    for (stem, value) in read_content("calendars") {
        write(&out.join("calendars"), &format!("{stem}.json"), &value.to_string());
    }
    // The marketplaces' contracting companies, all files in one list. Their texts stay in place (a few hundred
    // bytes, read by letters in any language), not in the packs.
    let addressees: Vec<serde_json::Value> = read_content("addressees")
        .into_iter()
        .flat_map(|(_, mut file)| match file.get_mut("addressees").map(serde_json::Value::take) {
            Some(serde_json::Value::Array(list)) => list,
            _ => Vec::new(),
        })
        .collect();
    write(&out, "addressees.json", &serde_json::Value::Array(addressees).to_string());
    let count = format!("const TEXT_COUNT: usize = {};\n", texts.numbers.len());
    write(&out, "text_count.rs", &count);
    // Packs of earlier builds have other names: only this build's may be found next to it.
    let _ = fs::remove_dir_all(out.join("packs"));
    for (lang, texts) in LANGS.iter().zip(texts.by_lang) {
        let locale = Path::new("src/i18n/locales").join(format!("{lang}.txt"));
        println!("cargo:rerun-if-changed={}", locale.display());
        let strings = fs::read_to_string(&locale).unwrap_or_else(|e| panic!("read {}: {e}", locale.display()));
        let pack = serde_json::json!({ "lang": lang, "strings": strings, "texts": texts }).to_string();
        let name = format!("pack-{lang}-{:016x}.json", fnv1a(pack.as_bytes()));
        write(&out.join("packs"), &name, &pack);
        println!("cargo:rustc-env=CLAIMDESK_PACK_{}={name}", lang.to_uppercase());
    }
}

/// A scenario's place on the home page (its required `order` field, taken out of the scenario), after checking
/// that its `id` is its file name.
fn scenario_order(stem: &str, value: &mut serde_json::Value) -> i64 {
    let id = value.get("id").and_then(|v| v.as_str()).unwrap_or_default();
    assert_eq!(id, stem, "content/scenarios/{stem}.toml: `id` must be the file name");
    let order = value.as_object_mut().and_then(|o| o.remove("order"));
    order
        .and_then(|o| o.as_i64())
        .unwrap_or_else(|| panic!("content/scenarios/{stem}.toml: `order = <number>` missing"))
}

/// The registry of shipped scenarios: every file of `content/scenarios/`, in their `order`. A file is never
/// forgotten (it is shipped by being there), and two files cannot claim the same place.
fn registry(mut listed: Vec<(i64, String)>) -> String {
    listed.sort();
    for pair in listed.windows(2) {
        assert_ne!(pair[0].0, pair[1].0, "{} and {} have the same `order`", pair[0].1, pair[1].1);
    }
    let rows: String = listed
        .iter()
        .map(|(_, id)| format!("    ({id:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/scenarios/{id}.json\"))),\n"))
        .collect();
    format!("/// `(id, JSON)` of every scenario, in the order the home page lists them (written by build.rs).\npub const SOURCES: &[(&str, &str)] = &[\n{rows}];\n")
}

/// `content/<kind>/*.toml` as JSON values, by file stem, in file name order.
fn read_content(kind: &str) -> Vec<(String, serde_json::Value)> {
    let src = Path::new("content").join(kind);
    println!("cargo:rerun-if-changed={}", src.display());
    let mut entries: Vec<_> = fs::read_dir(&src)
        .unwrap_or_else(|e| panic!("read {}: {e}", src.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    entries
        .iter()
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
            let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let json = serde_json::to_value(value).expect("TOML values are JSON-representable");
            let stem = path.file_stem().and_then(|s| s.to_str()).expect("UTF-8 file name");
            (stem.to_string(), json)
        })
        .collect()
}

/// The scenario texts, numbered in order of appearance; a text written the same way in all three languages in
/// several places gets one number, so equal texts compare equal by number whichever packs are installed.
#[derive(Default)]
struct Texts {
    by_lang: [Vec<String>; 3],
    numbers: std::collections::HashMap<[String; 3], usize>,
}

/// Replaces every text table in `value` by its number.
fn take_texts(value: &mut serde_json::Value, texts: &mut Texts) {
    use serde_json::Value;
    match value {
        Value::Object(map)
            if map.len() == LANGS.len() && LANGS.iter().all(|l| map.get(*l).is_some_and(Value::is_string)) =>
        {
            let text = LANGS.map(|l| map[l].as_str().unwrap_or_default().to_string());
            let next = texts.numbers.len();
            let number = *texts.numbers.entry(text.clone()).or_insert_with(|| {
                for (list, t) in texts.by_lang.iter_mut().zip(text) {
                    list.push(t);
                }
                next
            });
            *value = Value::from(number);
        }
        Value::Object(map) => map.values_mut().for_each(|v| take_texts(v, texts)),
        Value::Array(items) => items.iter_mut().for_each(|v| take_texts(v, texts)),
        _ => {}
    }
}

/// FNV-1a, 64 bits: a content hash for the pack's file name, so a changed pack is never taken from a cache.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn write(dir: &Path, name: &str, content: &str) {
    fs::create_dir_all(dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    fs::write(dir.join(name), content).unwrap_or_else(|e| panic!("write {name}: {e}"));
}
