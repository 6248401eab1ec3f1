//! Serialised forms of the data: the storage envelope and its migrations, backups, CSV and calendar files,
//! and the storage engine that keeps record sets in a key-value store (localStorage in the app).

pub mod backup;
#[cfg(any(not(target_arch = "wasm32"), feature = "reports-xlsx"))]
pub mod backup_zip;
pub mod csv;
// Only where `zip` is linked: natively (tests) and in the worker built with the feature.
#[cfg(any(not(target_arch = "wasm32"), feature = "reports-xlsx"))]
pub mod docx;
pub mod envelope;
pub mod files_job;
pub mod ics;
pub mod letter_doc;
pub mod loss_csv;
pub mod pack;
pub mod prefs;
pub mod report;
pub mod schema;
pub mod store;
