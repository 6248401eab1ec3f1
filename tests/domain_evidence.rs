#![cfg(not(target_arch = "wasm32"))]
//! Evidence kept with a case: attachments as timeline events folded into a list, the checks on adding, tying
//! and captioning, the quota decision, orphaned stored files, and the lists letters and the case file print.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeZone, Utc};
use claimdesk::domain::evidence::{
    case_file_entries, check_quota, clean_file_name, format_size, letter_attachment_list, orphans, referenced_files,
    AttachError, CaseFileEntry, QuotaCheck, StorageEstimate, StoredFile, QUOTA_RESERVE_BYTES,
};
use claimdesk::domain::{Attachment, Case, EventKind, NewAttachment, ProblemKind};
use claimdesk::i18n::Lang;

mod common;
use common::{answers, date, scenario};

fn at(day: &str, hour: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date(day).and_hms_opt(hour, 0, 0).expect("valid"))
}

fn hash(c: char) -> String {
    std::iter::repeat_n(c, 64).collect()
}

fn file(id: &str, name: &str, media_type: &str, size: u64, sha: char) -> NewAttachment {
    NewAttachment {
        id: id.into(),
        name: name.into(),
        media_type: media_type.into(),
        size,
        sha256: hash(sha),
        thumbnail: None,
    }
}

fn wb_case() -> Case {
    let s = scenario("wb-lost-goods");
    let pairs = [("where", "warehouse"), ("fire", "no"), ("found_date", "2026-11-10"), ("claim_sent", "no")];
    Case::from_wizard("c1".into(), s, answers(s, &pairs), at("2026-11-12", 9))
}

fn first_item(case: &Case) -> String {
    case.checklist.keys().next().expect("the plan has a checklist").clone()
}

/// A case with an act (PDF, captioned, tied to the first checklist item) and a photo (with a thumbnail).
fn case_with_two_files() -> Case {
    let mut case = wb_case();
    let item = first_item(&case);
    case.attach(file("a1", "act_12.pdf", "application/pdf", 184_320, 'a'), at("2026-11-13", 10)).expect("fits");
    let photo =
        NewAttachment { thumbnail: Some(hash('c')), ..file("a2", "IMG_0042.jpg", "image/jpeg", 2_516_582, 'b') };
    case.attach(photo, at("2026-11-14", 11)).expect("fits");
    assert!(case.caption_attachment("a1", "  Акт приёмки № 12  ", at("2026-11-14", 12)));
    assert!(case.tie_attachment("a1", Some(&item), at("2026-11-14", 13)));
    case
}

#[test]
fn attachments_are_the_events_folded_in_order() {
    let case = case_with_two_files();
    let item = first_item(&case);
    assert_eq!(
        case.attachments(),
        vec![
            Attachment {
                id: "a1".into(),
                name: "act_12.pdf".into(),
                media_type: "application/pdf".into(),
                size: 184_320,
                added: at("2026-11-13", 10),
                sha256: hash('a'),
                caption: "Акт приёмки № 12".into(),
                proves: Some(item.clone()),
                thumbnail: None,
            },
            Attachment {
                id: "a2".into(),
                name: "IMG_0042.jpg".into(),
                media_type: "image/jpeg".into(),
                size: 2_516_582,
                added: at("2026-11-14", 11),
                sha256: hash('b'),
                caption: String::new(),
                proves: None,
                thumbnail: Some(hash('c')),
            },
        ]
    );
    assert_eq!(case.items_with_proof(), BTreeSet::from([item]));
    // Created + two added + captioned + tied; every change raised the revision.
    assert_eq!(case.timeline.len(), 5);
    assert_eq!(case.revision, 5);
    assert_eq!(case.updated_at, at("2026-11-14", 13));
}

#[test]
fn attachment_ids_start_with_f_and_names_outlive_removal() {
    let id = claimdesk::domain::evidence::new_attachment_id(at("2026-11-13", 10), 123_456);
    assert_eq!(id, "fmwet2kg0-002n9c");
    let mut case = case_with_two_files();
    case.detach("a2", at("2026-11-15", 10));
    assert_eq!(case.attachment_name("a2"), Some("IMG_0042.jpg"));
    assert_eq!(case.attachment_name("a9"), None);
}

#[test]
fn removing_untying_and_re_adding_follow_the_last_event() {
    let mut case = case_with_two_files();
    assert!(case.tie_attachment("a1", None, at("2026-11-15", 9)));
    assert!(case.items_with_proof().is_empty());
    assert!(case.detach("a2", at("2026-11-15", 10)));
    assert!(!case.detach("a2", at("2026-11-15", 11)), "already gone");
    assert_eq!(case.attachments().iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a1"]);
    // The same content may be attached again once removed.
    case.attach(file("a3", "IMG_0042.jpg", "image/jpeg", 2_516_582, 'b'), at("2026-11-16", 9)).expect("fits");
    assert_eq!(case.attachments().iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a1", "a3"]);
}

#[test]
fn refused_changes_leave_the_case_untouched() {
    let mut case = case_with_two_files();
    let before = case.clone();
    let now = at("2026-11-20", 9);
    assert_eq!(
        case.attach(file("a9", "copy.pdf", "application/pdf", 1, 'a'), now),
        Err(AttachError::AlreadyAttached("Акт приёмки № 12".into()))
    );
    assert_eq!(case.attach(file("a9", "x.pdf", "application/pdf", 1, 'A'), now), Err(AttachError::NotAHash));
    assert_eq!(case.attach(file("a 9", "x.pdf", "application/pdf", 1, 'd'), now), Err(AttachError::NotAHash));
    assert!(!case.tie_attachment("a1", Some("no_such_item"), now));
    assert!(!case.tie_attachment("nope", None, now));
    assert!(!case.caption_attachment("a1", "Акт приёмки № 12", now), "same caption");
    assert!(!case.caption_attachment("nope", "x", now));
    assert!(!case.detach("nope", now));
    assert_eq!(case, before);
}

#[test]
fn a_case_holds_at_most_200_files() {
    let mut case = wb_case();
    for i in 0..200u32 {
        let sha = format!("{i:064x}");
        let new = NewAttachment { sha256: sha, ..file(&format!("f{i}"), "p.jpg", "image/jpeg", 10, 'a') };
        case.attach(new, at("2026-11-13", 10)).expect("below the limit");
    }
    let one_more = file("f200", "p.jpg", "image/jpeg", 10, 'e');
    assert_eq!(case.attach(one_more, at("2026-11-13", 10)), Err(AttachError::TooMany));
    assert_eq!(case.attachments().len(), 200);
}

#[test]
fn captions_are_trimmed_cut_and_cleaned() {
    let mut case = case_with_two_files();
    let long = "я".repeat(250);
    assert!(case.caption_attachment("a2", &format!("  {long}\u{202E} "), at("2026-11-15", 9)));
    assert_eq!(case.attachments()[1].caption, "я".repeat(200));
}

#[test]
fn file_names_lose_paths_and_hidden_marks_and_keep_their_extension() {
    assert_eq!(clean_file_name("C:\\Users\\me\\act.pdf"), "act.pdf");
    assert_eq!(clean_file_name("photos/box\u{202E}gpj.exe"), "boxgpj.exe");
    assert_eq!(clean_file_name("  "), "file");
    let long = format!("{}.jpeg", "x".repeat(300));
    let cleaned = clean_file_name(&long);
    assert_eq!(cleaned.chars().count(), 255);
    assert_eq!(cleaned, format!("{}.jpeg", "x".repeat(250)));
}

#[test]
fn a_stored_case_with_attachments_reads_back_the_same_and_older_cases_read_unchanged() {
    let case = case_with_two_files();
    let json = serde_json::to_string(&case).expect("serialise");
    assert!(json.contains(&format!(
        r#"{{"at":"2026-11-13T10:00:00Z","type":"attachment_added","attachment":"a1","name":"act_12.pdf","media_type":"application/pdf","size":184320,"sha256":"{}","thumbnail":null}}"#,
        hash('a')
    )));
    let back: Case = serde_json::from_str(&json).expect("read back");
    assert_eq!(back, case);
    assert_eq!(back.validate(), Ok(()));
    // A case written before attachments existed has none and validates as before.
    let older = wb_case();
    let older: Case = serde_json::from_str(&serde_json::to_string(&older).expect("serialise")).expect("read");
    assert!(older.attachments().is_empty());
    assert_eq!(older.validate(), Ok(()));
}

#[test]
fn a_damaged_file_record_makes_the_case_invalid() {
    let mut case = case_with_two_files();
    if let EventKind::AttachmentAdded { sha256, .. } = &mut case.timeline[1].kind {
        *sha256 = "not-a-hash".into();
    }
    let problem = case.validate().expect_err("refused");
    assert_eq!(problem.problem, ProblemKind::InvalidFileRecord);
    assert_eq!(problem.field, "timeline.attachment");

    let mut case = case_with_two_files();
    if let EventKind::AttachmentAdded { media_type, .. } = &mut case.timeline[2].kind {
        *media_type = "image jpeg".into();
    }
    assert_eq!(case.validate().map_err(|p| p.problem), Err(ProblemKind::InvalidFileRecord));
}

#[test]
fn a_file_fits_only_with_the_reserve_left_free() {
    let estimate = |usage, quota| Some(StorageEstimate { usage, quota });
    let mb = 1024 * 1024;
    assert_eq!(check_quota(estimate(10 * mb, 100 * mb), 88 * mb), QuotaCheck::Fits);
    assert_eq!(check_quota(estimate(10 * mb, 100 * mb), 88 * mb + 1), QuotaCheck::Refused { left: 90 * mb });
    assert_eq!(check_quota(estimate(100 * mb, 100 * mb), 1), QuotaCheck::Refused { left: 0 });
    // Usage above the quota (the browser counts lazily) leaves nothing, not an overflow.
    assert_eq!(check_quota(estimate(120 * mb, 100 * mb), 1), QuotaCheck::Refused { left: 0 });
    assert_eq!(check_quota(estimate(0, u64::MAX), u64::MAX), QuotaCheck::Refused { left: u64::MAX });
    // No estimate: the write itself decides.
    assert_eq!(check_quota(None, 5 * mb), QuotaCheck::Fits);
    assert_eq!(QUOTA_RESERVE_BYTES, 2 * mb);
}

#[test]
fn orphans_are_old_stored_files_no_case_refers_to() {
    let case = case_with_two_files();
    let mut other = wb_case();
    other.id = "c2".into();
    other.attach(file("b1", "scan.pdf", "application/pdf", 5, 'd'), at("2026-11-13", 10)).expect("fits");
    let now = at("2026-11-20", 12);
    let stored = |c: char, minutes_ago: i64| StoredFile {
        sha256: hash(c),
        stored_at: now - chrono::Duration::minutes(minutes_ago),
    };
    let all = [stored('a', 60), stored('b', 60), stored('c', 60), stored('d', 60), stored('e', 60), stored('f', 5)];
    assert_eq!(referenced_files([&case, &other]), BTreeSet::from([hash('a'), hash('b'), hash('c'), hash('d')]));
    // 'e' is referenced by no one; 'f' too, but it was written 5 minutes ago (its event may be on its way).
    assert_eq!(orphans(&all, [&case, &other], now), vec![hash('e')]);
    // Without the other case (deleted, its undo window over) its file goes too.
    assert_eq!(orphans(&all, [&case], now), vec![hash('d'), hash('e')]);
    // A removed file is no longer referenced: its content and its thumbnail go.
    let mut case = case;
    case.detach("a2", at("2026-11-20", 9));
    assert_eq!(orphans(&all, [&case, &other], now), vec![hash('b'), hash('c'), hash('e')]);
}

#[test]
fn letters_list_the_attachments_in_their_language() {
    let case = case_with_two_files();
    let list = case.attachments();
    assert_eq!(
        letter_attachment_list(Lang::Ru, &list).as_deref(),
        Some("Приложения:\n1. Акт приёмки № 12 (PDF)\n2. IMG_0042.jpg (JPEG)")
    );
    assert_eq!(
        letter_attachment_list(Lang::En, &list).as_deref(),
        Some("Attachments:\n1. Акт приёмки № 12 (PDF)\n2. IMG_0042.jpg (JPEG)")
    );
    assert_eq!(letter_attachment_list(Lang::Pl, &list[1..]).as_deref(), Some("Załączniki:\n1. IMG_0042.jpg (JPEG)"));
    assert_eq!(letter_attachment_list(Lang::Pl, &[]), None);
}

#[test]
fn format_labels_come_from_the_media_type_else_the_extension() {
    let label = |name: &str, media_type: &str| {
        let mut case = wb_case();
        case.attach(file("x", name, media_type, 1, 'a'), at("2026-11-13", 10)).expect("fits");
        case.attachments()[0].format_label()
    };
    assert_eq!(label("clip.mov", "video/quicktime"), "MOV");
    assert_eq!(label("table.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "XLSX");
    assert_eq!(label("notes.odt", "application/octet-stream"), "ODT");
    assert_eq!(label("README", "application/x-thing"), "X-THING");
}

#[test]
fn sizes_read_as_people_write_them() {
    assert_eq!(format_size(Lang::En, 812), "812\u{a0}B");
    assert_eq!(format_size(Lang::Ru, 812), "812\u{a0}Б");
    assert_eq!(format_size(Lang::En, 184_320), "180\u{a0}KB");
    assert_eq!(format_size(Lang::En, 2_516_582), "2.4\u{a0}MB");
    assert_eq!(format_size(Lang::Ru, 2_516_582), "2,4\u{a0}МБ");
    assert_eq!(format_size(Lang::Pl, 3 * 1024 * 1024 * 1024), "3,0\u{a0}GB");
}

#[test]
fn the_case_file_lists_every_file_with_its_date_and_hash() {
    let case = case_with_two_files();
    let item = first_item(&case);
    assert_eq!(
        case_file_entries(Lang::Ru, &case.attachments()),
        vec![
            CaseFileEntry {
                number: 1,
                title: "Акт приёмки № 12".into(),
                details: "PDF, 180\u{a0}КБ".into(),
                added: "13.11.2026".into(),
                sha256: hash('a'),
                proves: Some(item),
            },
            CaseFileEntry {
                number: 2,
                title: "IMG_0042.jpg".into(),
                details: "JPEG, 2,4\u{a0}МБ".into(),
                added: "14.11.2026".into(),
                sha256: hash('b'),
                proves: None,
            },
        ]
    );
    assert_eq!(case_file_entries(Lang::En, &case.attachments())[1].added, "Nov 14, 2026");
}
