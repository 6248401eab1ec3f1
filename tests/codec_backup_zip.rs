#![cfg(not(target_arch = "wasm32"))]
//! Backups with files: the archive's exact entries and how each is stored, a round trip, and archives that
//! are damaged, truncated, lie about their sizes or carry files that do not match their hashes.

use std::io::{Cursor, Read, Write};

use claimdesk::codec::backup_zip::{
    looks_like_zip, pack, sha256_hex, unpack, BackupFile, BackupZipError, Unpacked, BACKUP_JSON,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

const JSON: &str = r#"{"app":"claimdesk","schema":2,"cases":[]}"#;

fn photo() -> BackupFile {
    let bytes: Vec<u8> = (0..50_000u32).map(|i| (i * 7 % 251) as u8).collect();
    BackupFile { sha256: sha256_hex(&bytes), media_type: "image/jpeg".into(), bytes }
}

fn notes() -> BackupFile {
    let bytes = "строка акта\n".repeat(2_000).into_bytes();
    BackupFile { sha256: sha256_hex(&bytes), media_type: "text/plain".into(), bytes }
}

/// An archive written by hand: `(name, content)` entries, all deflated.
fn archive(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        zip.start_file(*name, options).expect("start");
        zip.write_all(content).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

#[test]
fn sha256_is_written_as_lower_case_hex() {
    assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

#[test]
fn the_archive_holds_the_json_and_each_file_once_by_hash_media_stored_as_is() {
    let (photo, notes) = (photo(), notes());
    let bytes = pack(JSON, &[photo.clone(), notes.clone(), photo.clone()]).expect("packed");
    assert!(looks_like_zip(&bytes));
    assert!(!looks_like_zip(JSON.as_bytes()));

    let mut zip = ZipArchive::new(Cursor::new(&bytes)).expect("a zip");
    let entries: Vec<(String, CompressionMethod, u64)> = (0..zip.len())
        .map(|i| {
            let e = zip.by_index(i).expect("entry");
            (e.name().to_string(), e.compression(), e.size())
        })
        .collect();
    assert_eq!(
        entries,
        vec![
            (BACKUP_JSON.to_string(), CompressionMethod::Deflated, JSON.len() as u64),
            (format!("files/{}", photo.sha256), CompressionMethod::Stored, 50_000),
            (format!("files/{}", notes.sha256), CompressionMethod::Deflated, notes.bytes.len() as u64),
        ]
    );
    let mut stored_photo = Vec::new();
    zip.by_index(1).expect("photo").read_to_end(&mut stored_photo).expect("read");
    assert_eq!(stored_photo, photo.bytes);

    assert_eq!(
        unpack(&bytes),
        Ok(Unpacked { json: JSON.to_string(), files: vec![(photo.sha256, photo.bytes), (notes.sha256, notes.bytes)] })
    );
}

#[test]
fn a_backup_without_files_is_just_the_json() {
    let bytes = pack(JSON, &[]).expect("packed");
    assert_eq!(unpack(&bytes), Ok(Unpacked { json: JSON.to_string(), files: vec![] }));
}

#[test]
fn damaged_and_truncated_archives_are_refused() {
    let bytes = pack(JSON, &[photo(), notes()]).expect("packed");
    assert_eq!(unpack(&bytes[..bytes.len() / 2]), Err(BackupZipError::Damaged));
    assert_eq!(unpack(&bytes[..bytes.len() - 10]), Err(BackupZipError::Damaged));
    assert_eq!(unpack(b"PK\x03\x04 not really"), Err(BackupZipError::Damaged));
    assert_eq!(unpack(JSON.as_bytes()), Err(BackupZipError::Damaged));
    // One byte of the stored photo changed: its CRC (or its hash) fails.
    let mut flipped = bytes.clone();
    let at = flipped.windows(4).position(|w| w == [7, 14, 21, 28]).expect("the photo's bytes are stored as is");
    flipped[at] ^= 1;
    assert_eq!(unpack(&flipped), Err(BackupZipError::Damaged));
}

#[test]
fn a_file_that_does_not_match_its_hash_is_refused() {
    let other = sha256_hex(b"something else");
    let bytes = archive(&[(BACKUP_JSON, JSON.as_bytes()), (&format!("files/{other}"), b"the real content")]);
    assert_eq!(unpack(&bytes), Err(BackupZipError::HashMismatch(other)));
}

#[test]
fn only_the_json_and_files_by_hash_are_accepted() {
    let content = b"x";
    let hash = sha256_hex(content);
    for name in ["../../evil.sh", "files/", "files/ABC", &format!("files/{}", hash.to_uppercase()), "other.json"] {
        let bytes = archive(&[(BACKUP_JSON, JSON.as_bytes()), (name, content)]);
        assert_eq!(unpack(&bytes), Err(BackupZipError::UnexpectedEntry(name.to_string())), "{name}");
    }
    let no_json = archive(&[(&format!("files/{hash}"), content)]);
    assert_eq!(unpack(&no_json), Err(BackupZipError::NoBackupJson));
    let not_text = archive(&[(BACKUP_JSON, &[0xff, 0xfe, 0x00])]);
    assert_eq!(unpack(&not_text), Err(BackupZipError::NotText));
}

#[test]
fn a_json_part_over_the_import_limit_is_refused_even_when_it_packs_small() {
    let huge = vec![b' '; 33 * 1024 * 1024];
    let bytes = archive(&[(BACKUP_JSON, &huge)]);
    assert!(bytes.len() < 100_000, "deflated spaces pack tightly: {}", bytes.len());
    assert_eq!(unpack(&bytes), Err(BackupZipError::TooLarge));
}
