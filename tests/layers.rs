#![cfg(not(target_arch = "wasm32"))]
//! The layers depend in one direction only: i18n ← scenario ← domain ← codec ← adapters ← ui (each may use
//! the ones to its left). A module that names a layer to its right through `crate::…` fails this test, so
//! a cycle cannot creep in. The leaf `time_text` (dates as text) uses no layer at all.

use std::fs;
use std::path::{Path, PathBuf};

const LAYERS: [&str; 6] = ["i18n", "scenario", "domain", "codec", "adapters", "ui"];
const LEAVES: [&str; 1] = ["time_text"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to ("src/codec/csv.rs" → "codec", "src/time_text.rs" → "time_text").
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap_or(file);
    let first = relative.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::<name>` a file names (in `use` lines and in paths).
fn crate_paths(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `claimdesk_crate::`, not ours
        }
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        found.push(name);
    }
    found
}

/// What `module` uses that it must not, as "file: crate::name" lines.
fn violations() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut out = Vec::new();
    for file in files {
        let module = module_of(&src, &file);
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for used in crate_paths(&text) {
            let allowed = match (rank(&module), rank(&used)) {
                // A leaf uses no layer; anyone may use a leaf.
                _ if LEAVES.contains(&module.as_str()) => !LAYERS.contains(&used.as_str()),
                (Some(own), Some(other)) => other <= own,
                _ => true,
            };
            if !allowed {
                out.push(format!("{}: crate::{used}", file.strip_prefix(&src).unwrap_or(&file).display()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let found = violations();
    assert!(
        found.is_empty(),
        "imports against i18n ← scenario ← domain ← codec ← adapters ← ui:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_sees_crate_paths() {
    assert_eq!(crate_paths("use crate::ui::x;\nlet a = crate::domain::b(); my_crate::z"), ["ui", "domain"]);
    assert_eq!(module_of(Path::new("/s"), Path::new("/s/codec/csv.rs")), "codec");
    assert_eq!(module_of(Path::new("/s"), Path::new("/s/time_text.rs")), "time_text");
}

/// Inside `ui/`: views → store → adapters. The store (`ui/store/`) uses no view, only the live region that
/// says what happened, and no view opens `adapters::storage` itself: every read and write of storage goes
/// through the store.
const STORE_MAY_USE: [&str; 2] = ["store", "announcer"];

/// The `ui` module a file belongs to ("src/ui/cases/list.rs" → "cases", "src/ui/app.rs" → "app").
fn ui_module_of(ui: &Path, file: &Path) -> String {
    module_of(ui, file)
}

/// Every `ui` module a file names: `crate::ui::x`, and `super::x` (or `super::super::x` one level deeper),
/// which in `ui/<m>.rs` or `ui/<m>/mod.rs` means `ui::x`.
fn ui_paths(ui: &Path, file: &Path, text: &str) -> Vec<String> {
    let depth = file.strip_prefix(ui).map(|r| r.components().count()).unwrap_or(1);
    let is_mod = file.file_name().is_some_and(|n| n == "mod.rs");
    // How many `super::` reach `ui` from this file.
    let supers = match (depth, is_mod) {
        (1, _) | (2, true) => 1,
        (2, false) | (3, true) => 2,
        _ => 3,
    };
    let mut found = Vec::new();
    for prefix in ["crate::ui::".to_string(), "super::".repeat(supers)] {
        let mut rest = text;
        while let Some(at) = rest.find(prefix.as_str()) {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && name != "super" {
                found.push(name);
            }
        }
    }
    found
}

#[test]
fn inside_ui_views_go_through_the_store_and_the_store_uses_no_view() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join("ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut found = Vec::new();
    for file in &files {
        let module = ui_module_of(&ui, file);
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.strip_prefix(&ui).unwrap_or(file).display().to_string();
        if module == "store" {
            for used in ui_paths(&ui, file, &text) {
                if !STORE_MAY_USE.contains(&used.as_str()) {
                    found.push(format!("ui/{name}: the store uses the view `{used}`"));
                }
            }
        } else if opens_storage(&text) {
            found.push(format!("ui/{name}: a view opens adapters::storage (use the store)"));
        }
    }
    // `ui/mod.rs` starts the app: it reads storage once, before any store exists.
    found.retain(|line| !line.starts_with("ui/mod.rs:"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// `adapters::storage` named in a path or in a `use crate::adapters::{…, storage, …}` group.
fn opens_storage(text: &str) -> bool {
    text.contains("adapters::storage")
        || text.match_indices("adapters::{").any(|(at, _)| {
            let group = &text[at..];
            let group = &group[..group.find('}').unwrap_or(group.len())];
            group.split(|c: char| !(c.is_alphanumeric() || c == '_')).any(|word| word == "storage")
        })
}

#[test]
fn the_ui_scanner_resolves_super_paths() {
    assert!(opens_storage("use crate::adapters::{dom, storage};"));
    assert!(!opens_storage("use crate::adapters::{dom, packs}; // storage elsewhere"));
    let ui = Path::new("/s/ui");
    assert_eq!(
        ui_paths(ui, Path::new("/s/ui/app.rs"), "use super::store::x; use crate::ui::i18n::t;"),
        ["i18n", "store"]
    );
    assert_eq!(
        ui_paths(ui, Path::new("/s/ui/store/cases.rs"), "use super::Outcome; use super::super::plan::P;"),
        ["plan"]
    );
    assert_eq!(ui_paths(ui, Path::new("/s/ui/store/mod.rs"), "use super::announcer::announce;"), ["announcer"]);
}
