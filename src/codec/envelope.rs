//! One stored record set ("shard") as a localStorage value.
//!
//! ```text
//! {"schema":1,"codec":"lz4-b15","size":…,"bytes":…,"check":"…","data":"…"}
//! ```
//! `data` is the payload JSON (`{"cases":[…],"deleted":[…]}`), LZ4-compressed and packed 15 bits per
//! character ([`super::pack`]); `size` and `bytes` are its length before and after compression and `check` an
//! FNV-1a hash of the payload, so truncation or tampering is caught instead of half-read. The small JSON
//! wrapper keeps the schema readable without decompressing anything, by this version and by every later one.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::pack::{pack, unpack};
use super::schema::{migrate, parse_payload, parse_payload_json, ParsedPayload, SchemaError, CURRENT_SCHEMA};
use crate::domain::{Case, Tombstone};

pub const CODEC: &str = "lz4-b15";
/// A decompressed payload larger than this is refused before any memory is reserved for it.
pub const MAX_PAYLOAD_BYTES: usize = 64 * 1024 * 1024;

#[derive(Serialize)]
struct Envelope<'a> {
    schema: u32,
    codec: &'a str,
    size: usize,
    bytes: usize,
    check: String,
    data: &'a str,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    codec: String,
    size: usize,
    bytes: usize,
    check: String,
    data: String,
}

#[derive(Serialize)]
struct PayloadOut<'a> {
    cases: &'a [&'a Case],
    deleted: &'a [&'a Tombstone],
}

/// FNV-1a (32 bit): tiny, and enough to tell a damaged payload from an intact one.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |hash, b| (hash ^ u32::from(*b)).wrapping_mul(0x0100_0193))
}

/// The stored text for a set of cases and deletions (current schema).
/// `Err` only if a value cannot be written as JSON: nothing is stored then, never an empty payload.
pub fn encode(cases: &[&Case], deleted: &[&Tombstone]) -> Result<String, serde_json::Error> {
    let out = PayloadOut { cases, deleted };
    let json = serde_json::to_vec(&out)?;
    let compressed = lz4_flex::block::compress(&json);
    let data = pack(&compressed);
    let envelope = Envelope {
        schema: CURRENT_SCHEMA,
        codec: CODEC,
        size: json.len(),
        bytes: compressed.len(),
        check: format!("{:08x}", fnv1a(&json)),
        data: &data,
    };
    serde_json::to_string(&envelope)
}

/// Why a stored value could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Written by a newer app version: leave it alone.
    NewerSchema(u32),
    /// Not readable at all (broken JSON, wrong shape, damaged data); the reason is for the quarantine notice.
    Corrupt(String),
}

/// What a stored value holds: its readable records, the records that could not be read, and the schema it
/// was written with (lower than current when it was migrated on the way in).
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub parsed: ParsedPayload,
    pub schema: u32,
}

fn corrupt(reason: impl Into<String>) -> DecodeError {
    DecodeError::Corrupt(reason.into())
}

pub fn decode(raw: &str) -> Result<Decoded, DecodeError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| corrupt(format!("not JSON: {e}")))?;
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or_else(|| corrupt("no schema version"))?;
    if schema > CURRENT_SCHEMA {
        return Err(DecodeError::NewerSchema(schema));
    }
    let envelope: EnvelopeIn = serde_json::from_value(value).map_err(|e| corrupt(format!("not an envelope: {e}")))?;
    if envelope.codec != CODEC {
        return Err(corrupt(format!("unknown codec {}", envelope.codec)));
    }
    if envelope.size > MAX_PAYLOAD_BYTES || envelope.bytes > MAX_PAYLOAD_BYTES {
        return Err(corrupt("declared size too large"));
    }
    let compressed = unpack(&envelope.data, envelope.bytes).ok_or_else(|| corrupt("damaged data"))?;
    let json =
        lz4_flex::block::decompress(&compressed, envelope.size).map_err(|e| corrupt(format!("damaged data: {e}")))?;
    if format!("{:08x}", fnv1a(&json)) != envelope.check {
        return Err(corrupt("checksum mismatch"));
    }
    if schema == CURRENT_SCHEMA {
        // Checked once as a whole, which is faster than serde_json checking every string of a byte slice.
        let json = std::str::from_utf8(&json).map_err(|_| corrupt("damaged data: not UTF-8"))?;
        let parsed = parse_payload_json(json).map_err(|e| corrupt(format!("payload: {e}")))?;
        return Ok(Decoded { parsed, schema });
    }
    let mut payload: Value = serde_json::from_slice(&json).map_err(|e| corrupt(format!("payload: {e}")))?;
    migrate(&mut payload, schema).map_err(|e| match e {
        SchemaError::Newer(v) => DecodeError::NewerSchema(v),
        SchemaError::Invalid => corrupt("invalid schema version"),
        SchemaError::Migration { from, message } => corrupt(format!("migration from schema {from}: {message}")),
    })?;
    let parsed = parse_payload(payload).map_err(|e| corrupt(format!("payload shape: {e}")))?;
    Ok(Decoded { parsed, schema })
}
