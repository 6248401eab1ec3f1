//! A backup with files: one ZIP holding `backup.json` (the same JSON as a plain backup) and every attached file
//! as `files/<sha256>`. Photos, videos, PDFs and office files are stored as they are (they are compressed
//! already: deflating them again costs time and saves nothing); other files and the JSON are deflated.
//!
//! Reading checks everything before anything is restored: only those two kinds of entry, declared and actual
//! sizes within the limits, and each file's content against the SHA-256 in its name.
//!
//! Like `codec::report::archive`, this needs `zip` and `sha2`, which the app's main wasm must not link: on
//! wasm32 it exists only in a build with the `reports-xlsx` feature (the files worker).

use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::backup::MAX_IMPORT_BYTES;
use crate::domain::is_sha256;

/// The JSON part's name inside the archive.
pub const BACKUP_JSON: &str = "backup.json";
/// The folder the files are kept in, by hash.
pub const FILES_DIR: &str = "files/";
/// All files of one backup together, unpacked (the wasm's memory holds the whole archive and its files).
pub const MAX_FILES_BYTES: u64 = 1024 * 1024 * 1024;
/// Entries of one archive.
pub const MAX_ENTRIES: usize = 20_000;

/// One stored file going into a backup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupFile {
    pub sha256: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// What a backup archive holds, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpacked {
    pub json: String,
    /// `(sha256, content)`, in the archive's order; every content matches its hash.
    pub files: Vec<(String, Vec<u8>)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupZipError {
    /// Not a ZIP, or a damaged or truncated one.
    Damaged,
    NoBackupJson,
    /// An entry that is neither `backup.json` nor `files/<sha256>` (a path, a folder, another file).
    UnexpectedEntry(String),
    /// A file whose content does not match the hash in its name.
    HashMismatch(String),
    TooLarge,
    TooManyEntries,
    /// `backup.json` is not UTF-8 text.
    NotText,
}

/// The lower-case hex SHA-256 of `bytes`, as the browser's SubtleCrypto digest is written by the app.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a file of this type is stored without compression (it is compressed in its own format already).
pub fn stored_as_is(media_type: &str) -> bool {
    let compressed_formats = [
        "application/pdf",
        "application/zip",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.text",
    ];
    ["image/", "video/", "audio/"].iter().any(|p| media_type.starts_with(p)) || compressed_formats.contains(&media_type)
}

/// Writes the archive: `backup.json` first, then each file once (a file attached to two cases is one entry).
pub fn pack(json: &str, files: &[BackupFile]) -> Result<Vec<u8>, BackupZipError> {
    let failed = |_: zip::result::ZipError| BackupZipError::Damaged;
    let written = |_: std::io::Error| BackupZipError::Damaged;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file(BACKUP_JSON, deflated).map_err(failed)?;
    zip.write_all(json.as_bytes()).map_err(written)?;
    let mut seen = BTreeSet::new();
    for file in files {
        if !seen.insert(file.sha256.as_str()) {
            continue;
        }
        let options = if stored_as_is(&file.media_type) { stored } else { deflated };
        let options = options.large_file(file.bytes.len() as u64 >= u64::from(u32::MAX));
        zip.start_file(format!("{FILES_DIR}{}", file.sha256), options).map_err(failed)?;
        zip.write_all(&file.bytes).map_err(written)?;
    }
    Ok(zip.finish().map_err(failed)?.into_inner())
}

/// Whether `bytes` start like a ZIP archive (a plain backup starts with `{`).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads and checks a backup archive; nothing is returned unless every entry passes.
pub fn unpack(bytes: &[u8]) -> Result<Unpacked, BackupZipError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| BackupZipError::Damaged)?;
    if zip.len() > MAX_ENTRIES {
        return Err(BackupZipError::TooManyEntries);
    }
    // Declared sizes first, so a bomb is refused before anything is unpacked.
    let mut declared = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| BackupZipError::Damaged)?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > MAX_FILES_BYTES + MAX_IMPORT_BYTES as u64 {
        return Err(BackupZipError::TooLarge);
    }
    let mut json = None;
    let mut files = Vec::new();
    let mut files_bytes = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|_| BackupZipError::Damaged)?;
        // The same name twice is one entry in `zip`'s index: there is no second copy to choose from.
        let name = entry.name().to_string();
        if name == BACKUP_JSON {
            let content = read_at_most(&mut entry, MAX_IMPORT_BYTES as u64)?;
            json = Some(String::from_utf8(content).map_err(|_| BackupZipError::NotText)?);
            continue;
        }
        let hash = name.strip_prefix(FILES_DIR).filter(|h| is_sha256(h));
        let Some(hash) = hash.map(str::to_string) else {
            return Err(BackupZipError::UnexpectedEntry(name));
        };
        let content = read_at_most(&mut entry, MAX_FILES_BYTES - files_bytes)?;
        files_bytes += content.len() as u64;
        if sha256_hex(&content) != hash {
            return Err(BackupZipError::HashMismatch(hash));
        }
        files.push((hash, content));
    }
    let json = json.ok_or(BackupZipError::NoBackupJson)?;
    Ok(Unpacked { json, files })
}

/// An entry's content, refused once it passes `limit` bytes (declared sizes can lie) or fails its checksum.
fn read_at_most(entry: &mut impl Read, limit: u64) -> Result<Vec<u8>, BackupZipError> {
    let mut content = Vec::new();
    entry.take(limit.saturating_add(1)).read_to_end(&mut content).map_err(|_| BackupZipError::Damaged)?;
    if content.len() as u64 > limit {
        return Err(BackupZipError::TooLarge);
    }
    Ok(content)
}
