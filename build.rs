//! Converts the content files (`content/scenarios/*.toml`, `content/calendars/*.toml`, pleasant to write) into JSON
//! in OUT_DIR, which the app parses with the serde_json it already ships: TOML costs nothing in the wasm.

use std::{env, fs, path::Path};

fn main() {
    convert("scenarios");
    convert("calendars");
}

/// `content/<kind>/<name>.toml` → `OUT_DIR/<kind>/<name>.json`.
fn convert(kind: &str) {
    let src = Path::new("content").join(kind);
    println!("cargo:rerun-if-changed={}", src.display());
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(kind);
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("create OUT_DIR/{kind}: {e}"));
    let mut entries: Vec<_> = fs::read_dir(&src)
        .unwrap_or_else(|e| panic!("read {}: {e}", src.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&value).expect("TOML values are JSON-representable");
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("UTF-8 file name");
        fs::write(out.join(format!("{stem}.json")), json).unwrap_or_else(|e| panic!("write {kind} JSON: {e}"));
    }
}
