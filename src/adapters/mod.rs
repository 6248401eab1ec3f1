//! Thin browser adapters: each wraps one browser API and hands plain Rust values to the pure modules.

pub mod backup_file;
pub mod blobs;
pub mod clipboard;
pub mod clock;
pub mod dom;
pub mod durability;
pub mod files;
pub mod files_worker;
pub mod idb;
pub mod packs;
pub mod reminders;
pub mod service_worker;
pub mod storage;
