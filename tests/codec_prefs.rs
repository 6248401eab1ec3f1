#![cfg(not(target_arch = "wasm32"))]
//! The preferences table: every preference reads its default from a missing key or text it cannot read, and
//! reads back what it wrote.

use chrono::{TimeZone, Utc};
use claimdesk::codec::prefs::{
    PrefValue, AUTO_BACKUP_LAST_WRITTEN, LANGUAGE, LAST_EXPORT, PROFILES, REGISTRY, RISK_NOTICE_DISMISSED,
};
use claimdesk::domain::{BusinessProfile, Jurisdiction, ProfileBook};
use claimdesk::i18n::Lang;

fn round_trip<T: PrefValue + std::fmt::Debug>(value: T) -> T {
    let text = value.encode().expect("encodes");
    text.as_deref().and_then(T::decode).unwrap_or_else(|| panic!("{value:?} reads back"))
}

#[test]
fn missing_or_unreadable_text_gives_the_default() {
    assert_eq!(LANGUAGE.read(None), None);
    assert_eq!(LANGUAGE.read(Some("de")), None, "a language the app does not have");
    assert_eq!(LANGUAGE.read(Some("pl")), Some(Lang::Pl));
    assert!(!RISK_NOTICE_DISMISSED.read(None));
    assert!(RISK_NOTICE_DISMISSED.read(Some("1")));
    assert_eq!(LAST_EXPORT.read(Some("yesterday")), None);
    assert_eq!(
        AUTO_BACKUP_LAST_WRITTEN.read(Some("2026-12-01T08:30:00Z")),
        Utc.with_ymd_and_hms(2026, 12, 1, 8, 30, 0).single()
    );
    assert_eq!(PROFILES.read(Some("{not json")), ProfileBook::default());
}

#[test]
fn values_read_back_and_defaults_are_stored_by_removing_the_key() {
    assert_eq!(round_trip(Some(Lang::Ru)), Some(Lang::Ru));
    assert!(round_trip(true));
    let at = Utc.with_ymd_and_hms(2026, 12, 7, 19, 0, 0).single();
    assert_eq!(round_trip(at), at);
    let mut book = ProfileBook::default();
    book.upsert(BusinessProfile::new("p1".to_string(), Jurisdiction::default())).expect("a new profile");
    assert_eq!(round_trip(book.clone()), book);

    assert_eq!(false.encode(), Ok(None));
    assert_eq!(None::<Lang>.encode(), Ok(None));
    assert_eq!(LAST_EXPORT.read(None::<chrono::DateTime<Utc>>.encode().expect("encodes").as_deref()), None);
}

#[test]
fn every_preference_is_listed_once_and_only_the_profiles_travel_in_backups() {
    let mut names: Vec<&str> = REGISTRY.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), REGISTRY.len(), "a name is listed twice");
    // public/lang.js and the service worker read the language under this very name.
    assert_eq!(LANGUAGE.name, "lang");
    let in_backup: Vec<&str> = REGISTRY.iter().filter(|(_, b)| *b).map(|(name, _)| *name).collect();
    assert_eq!(in_backup, ["profiles"]);
}
