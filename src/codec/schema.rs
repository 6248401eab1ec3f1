//! The version of the saved data and the migrations that bring older data up to date.
//!
//! Storage and backups share one record format, versioned by [`CURRENT_SCHEMA`]. Migrations work on the
//! *payload*: a JSON object `{"cases": [...], "deleted": [...]}` (a backup's cases are wrapped the same way).
//!
//! To introduce schema N+1: raise [`CURRENT_SCHEMA`], append one function to [`MIGRATIONS`] that turns an
//! N payload into an N+1 payload, and add `tests/fixtures/schema/vN+1/` (a stored value and a backup written by
//! version N+1, plus what they decode to). The fixture test decodes every version's files with the current code.
//!
//! Business profiles are not part of the payload (they live in their own preference and in a backup's
//! `profiles`): their older shapes are read by `domain::profile` itself, e.g. the free-text
//! `fields.signatory_basis` of 2026-11 becomes the typed `basis` when read.

use serde::Deserialize;
use serde_json::Value;

use crate::domain::{Case, CaseProblem, Record, Tombstone};

/// 2 (2026-12): cases may carry a loss table, the profile their letters are sent for, letter and loss-table
/// events, a claimed amount typed by hand; backups carry the business profiles. A version-1 app must not read
/// such a case (it would drop what it does not know on its next save), hence the new number.
pub const CURRENT_SCHEMA: u32 = 2;

/// Turns a payload of one schema into the next; the error says what did not fit.
pub type Migration = fn(&mut Value) -> Result<(), String>;

/// `MIGRATIONS[i]` migrates schema `i + 1` to `i + 2`.
pub const MIGRATIONS: [Migration; (CURRENT_SCHEMA - 1) as usize] = [v1_to_v2];

/// Version 2 only adds optional fields: a version-1 payload is already a valid version-2 payload.
fn v1_to_v2(_payload: &mut Value) -> Result<(), String> {
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaError {
    /// Written by a newer version of the app: never read as if it were ours, never overwritten.
    Newer(u32),
    /// Not a version number this app ever wrote.
    Invalid,
    /// A migration step failed.
    Migration { from: u32, message: String },
}

/// Brings a payload of schema `from` up to [`CURRENT_SCHEMA`].
pub fn migrate(payload: &mut Value, from: u32) -> Result<(), SchemaError> {
    migrate_with(&MIGRATIONS, payload, from)
}

/// [`migrate`] with an explicit list of steps (`steps[i]` migrates `i + 1` to `i + 2`).
pub fn migrate_with(steps: &[Migration], payload: &mut Value, from: u32) -> Result<(), SchemaError> {
    let current = steps.len() as u32 + 1;
    if from == 0 {
        return Err(SchemaError::Invalid);
    }
    if from > current {
        return Err(SchemaError::Newer(from));
    }
    for (index, step) in steps.iter().enumerate().skip(from as usize - 1) {
        step(payload).map_err(|message| SchemaError::Migration { from: index as u32 + 1, message })?;
    }
    Ok(())
}

/// A record that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordProblem {
    pub index: usize,
    pub id: Option<String>,
    pub fault: RecordFault,
}

/// Why a record could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordFault {
    /// Not a JSON object.
    NotObject,
    /// The JSON does not read as a case or a deletion (serde's own English words, for logs only).
    Unreadable(String),
    /// A case that reads but fails validation.
    Invalid(CaseProblem),
    /// A deletion whose id is not an id.
    BadDeletedId,
}

/// English, for logs and quarantine notes; the UI translates the variant.
impl std::fmt::Display for RecordFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordFault::NotObject => write!(f, "not an object"),
            RecordFault::Unreadable(detail) => write!(f, "{detail}"),
            RecordFault::Invalid(problem) => write!(f, "{problem}"),
            RecordFault::BadDeletedId => write!(f, "deleted: bad id"),
        }
    }
}

/// The readable records of a payload and the problems with the others.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedPayload {
    pub records: Vec<Record>,
    pub problems: Vec<RecordProblem>,
}

#[derive(Deserialize)]
struct PayloadShape {
    #[serde(default)]
    cases: Vec<Value>,
    #[serde(default)]
    deleted: Vec<Value>,
}

#[derive(Deserialize)]
struct TypedPayload {
    #[serde(default)]
    cases: Vec<Case>,
    #[serde(default)]
    deleted: Vec<Tombstone>,
}

/// Reads a current-schema payload from its JSON text. The common case (every record well-formed) is parsed
/// straight into cases, which is several times faster than going through `serde_json::Value`; only a payload
/// with a malformed record takes the record-by-record path of [`parse_payload`] to tell which one.
pub fn parse_payload_json(json: &str) -> Result<ParsedPayload, String> {
    let Ok(typed) = serde_json::from_str::<TypedPayload>(json) else {
        let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        return parse_payload(value);
    };
    let mut parsed = ParsedPayload::default();
    for (index, case) in typed.cases.into_iter().enumerate() {
        match case.validate() {
            Ok(()) => parsed.records.push(Record::Live(case)),
            Err(problem) => {
                parsed.problems.push(RecordProblem { index, id: Some(case.id), fault: RecordFault::Invalid(problem) })
            }
        }
    }
    for (index, tombstone) in typed.deleted.into_iter().enumerate() {
        if crate::domain::is_valid_id(&tombstone.id) {
            parsed.records.push(Record::Deleted(tombstone));
        } else {
            parsed.problems.push(RecordProblem { index, id: Some(tombstone.id), fault: RecordFault::BadDeletedId });
        }
    }
    Ok(parsed)
}

/// Reads a current-schema payload record by record: a broken record is reported, the others still load.
/// `Err` when the payload itself does not have the expected shape.
pub fn parse_payload(payload: Value) -> Result<ParsedPayload, String> {
    let shape: PayloadShape = serde_json::from_value(payload).map_err(|e| e.to_string())?;
    let mut parsed = ParsedPayload::default();
    for (index, value) in shape.cases.into_iter().enumerate() {
        let id = value.get("id").and_then(Value::as_str).map(str::to_string);
        let case = serde_json::from_value::<Case>(value)
            .map_err(|e| RecordFault::Unreadable(e.to_string()))
            .and_then(|case| case.validate().map(|()| case).map_err(RecordFault::Invalid));
        match case {
            Ok(case) => parsed.records.push(Record::Live(case)),
            Err(fault) => parsed.problems.push(RecordProblem { index, id, fault }),
        }
    }
    for (index, value) in shape.deleted.into_iter().enumerate() {
        let id = value.get("id").and_then(Value::as_str).map(str::to_string);
        match serde_json::from_value::<Tombstone>(value) {
            Ok(t) if crate::domain::is_valid_id(&t.id) => parsed.records.push(Record::Deleted(t)),
            Ok(_) => parsed.problems.push(RecordProblem { index, id, fault: RecordFault::BadDeletedId }),
            Err(e) => {
                let fault = RecordFault::Unreadable(format!("deleted: {e}"));
                parsed.problems.push(RecordProblem { index, id, fault });
            }
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rename_buyer(payload: &mut Value) -> Result<(), String> {
        let cases = payload.get_mut("cases").and_then(Value::as_array_mut).ok_or("no cases")?;
        for case in cases {
            let obj = case.as_object_mut().ok_or("case is not an object")?;
            if let Some(name) = obj.remove("customer") {
                obj.insert("buyer".into(), name);
            }
        }
        Ok(())
    }

    fn add_flag(payload: &mut Value) -> Result<(), String> {
        payload.as_object_mut().ok_or("not an object")?.insert("flag".into(), json!(true));
        Ok(())
    }

    #[test]
    fn steps_run_from_the_stored_version_up() {
        let steps: [Migration; 2] = [rename_buyer, add_flag];
        let mut from_v1 = json!({"cases": [{"customer": "Anna"}]});
        migrate_with(&steps, &mut from_v1, 1).expect("v1 migrates");
        assert_eq!(from_v1, json!({"cases": [{"buyer": "Anna"}], "flag": true}));

        let mut from_v2 = json!({"cases": [{"customer": "kept: v2 had no such rename"}]});
        migrate_with(&steps, &mut from_v2, 2).expect("v2 migrates");
        assert_eq!(from_v2["cases"][0]["customer"], "kept: v2 had no such rename");
        assert_eq!(from_v2["flag"], true);

        let mut current = json!({"cases": []});
        migrate_with(&steps, &mut current, 3).expect("current needs nothing");
        assert_eq!(current, json!({"cases": []}));

        assert_eq!(migrate_with(&steps, &mut json!({}), 4), Err(SchemaError::Newer(4)));
        assert_eq!(migrate_with(&steps, &mut json!({}), 0), Err(SchemaError::Invalid));
        assert!(matches!(migrate_with(&steps, &mut json!([]), 1), Err(SchemaError::Migration { from: 1, .. })));
    }
}
