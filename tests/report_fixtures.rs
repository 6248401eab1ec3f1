#![cfg(not(target_arch = "wasm32"))]
//! The committed report fixtures are exactly what tools/fixtures/make_reports.py writes: text files byte for
//! byte, archives and workbooks entry for entry (name, CRC-32, size; the packed bytes depend on the zlib
//! version).

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let data = std::fs::read(entry.path()).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, data)
        })
        .collect()
}

/// (name, CRC-32, size) of each entry, or `None` for what is not a readable ZIP.
fn entries(data: &[u8]) -> Option<Vec<(String, u32, u64)>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    (0..zip.len()).map(|i| zip.by_index_raw(i).ok().map(|e| (e.name().to_string(), e.crc32(), e.size()))).collect()
}

#[test]
fn the_script_reproduces_the_committed_fixtures() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::temp_dir().join(format!("claimdesk-report-fixtures-{}", std::process::id()));
    let status = Command::new("python3")
        .arg(root.join("tools/fixtures/make_reports.py"))
        .arg(&out)
        .status()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(status.success(), "make_reports.py failed: {status}");
    let made = files(&out);
    let committed = files(&root.join("tests/fixtures/reports"));
    let _ = std::fs::remove_dir_all(&out);
    assert_eq!(made.keys().collect::<Vec<_>>(), committed.keys().collect::<Vec<_>>());
    for (name, data) in &made {
        let kept = &committed[name];
        match (entries(data), entries(kept)) {
            (Some(a), Some(b)) => assert_eq!(a, b, "{name}"),
            _ => assert!(data == kept, "{name} differs from what the script writes"),
        }
    }
}
