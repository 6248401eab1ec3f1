#![cfg(not(target_arch = "wasm32"))]
//! Reminders without a server (issue 23): which cases the app's icon counts, the daily notification's text in
//! the seller's language, and what each browser's features allow.

use chrono::{TimeZone, Utc};
use claimdesk::domain::reminders::{
    badge_count, day_reminder, needs_action, reminder_plan, ReminderReach, ReminderSupport, PLAN_DAYS,
};
use claimdesk::domain::{Case, CaseStatus};
use claimdesk::i18n::Lang;

mod common;
use common::{answers, date, scenario};

/// A mimovrste.com withdrawal: credit note due 18 Nov, withdrawal period ends 23 Nov, refund due 24 Nov, the
/// complaints team's credit note 26 Nov.
fn mall(order: &str) -> Case {
    let s = scenario("mall-incomplete-order");
    let pairs = [
        ("shop", "si"),
        ("found", "after_delivery"),
        ("order_number", order),
        ("shortage_confirmed", "yes"),
        ("customer_choice", "withdraw"),
        ("delivered_on", "2026-11-09"),
        ("withdrawal_date", "2026-11-10"),
        ("mall_request", "2026-11-04"),
        ("complaints_request", "2026-11-12"),
    ];
    let created = Utc.with_ymd_and_hms(2026, 11, 5, 9, 0, 0).single().expect("valid");
    Case::from_wizard(order.into(), s, answers(s, &pairs), created)
}

/// A WB claim filed 20 Nov: WB's 30 days end Mon 21 Dec, the court from 22 Dec, the limitation 12 Nov 2029.
fn wb_claim() -> Case {
    let s = scenario("wb-lost-goods");
    let pairs = [
        ("where", "warehouse"),
        ("fire", "no"),
        ("found_date", "2026-11-10"),
        ("claim_sent", "yes"),
        ("claim_date", "2026-11-20"),
    ];
    let created = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single().expect("valid");
    Case::from_wizard("w1".into(), s, answers(s, &pairs), created)
}

fn name(case: &Case) -> String {
    case.id.clone()
}

#[test]
fn a_case_counts_on_a_day_a_last_day_is_due_or_one_was_missed_and_not_a_from_date() {
    let mall = mall("MALL-1");
    // Before the credit note's day nothing is due: 17 Nov is not a day the case needs the seller.
    assert!(!needs_action(&mall, date("2026-11-17")));
    assert!(needs_action(&mall, date("2026-11-18")), "the credit note is due");
    assert!(needs_action(&mall, date("2026-11-19")), "the credit note was missed and not marked done");

    let wb = wb_claim();
    assert!(!needs_action(&wb, date("2026-12-20")));
    assert!(needs_action(&wb, date("2026-12-21")), "WB's 30 days end");
    assert!(needs_action(&wb, date("2026-12-22")), "missed, not marked done");
    let mut done = wb.clone();
    for d in &mut done.deadlines {
        d.done = true;
    }
    assert!(!needs_action(&done, date("2026-12-22")), "every date marked done");

    let mut finished = mall.clone();
    assert!(finished.set_status(CaseStatus::ResolvedWon, Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap()));
    assert!(!needs_action(&finished, date("2026-11-23")), "a finished case needs nothing");

    let cases = [mall.clone(), wb.clone(), finished];
    assert_eq!(badge_count(&cases, date("2026-11-17")), 0);
    assert_eq!(badge_count(&cases, date("2026-11-23")), 1);
    assert_eq!(badge_count(&cases, date("2026-12-21")), 2);
}

#[test]
fn the_notification_names_todays_dates_first_then_missed_ones_in_the_sellers_language() {
    let cases = [mall("MALL-1"), wb_claim()];
    let day = date("2026-12-21");
    let en = day_reminder(&cases, day, Lang::En, name).expect("two cases");
    assert_eq!(en.count, 2);
    assert_eq!(en.title, "2 cases need you today");
    let credit_note = mall_label("credit_note_due_withdraw", Lang::En);
    assert_eq!(
        en.body,
        format!("w1: WB's 30 days to answer the claim end — today\nMALL-1: missed — {credit_note} (Nov 26, 2026)")
    );
    let ru = day_reminder(&cases, day, Lang::Ru, name).expect("two cases");
    assert_eq!(ru.title, "2 дела ждут вас сегодня");
    assert!(
        ru.body.starts_with("w1: Истекают 30 дней на ответ на претензию — сегодня\nMALL-1: пропущен срок — "),
        "{}",
        ru.body
    );
    assert!(ru.body.ends_with("(26.11.2026)"), "{}", ru.body);
    let pl = day_reminder(&cases[1..], day, Lang::Pl, name).expect("one case");
    assert_eq!(pl.title, "1 sprawa czeka dziś na Ciebie");
    assert_eq!(pl.body, "w1: Koniec 30 dni na odpowiedź WB na wezwanie — dziś");
    assert_eq!(day_reminder(&cases, date("2026-11-17"), Lang::En, name), None);
}

fn mall_label(rule: &str, lang: Lang) -> String {
    scenario("mall-incomplete-order").deadline(rule).expect("rule").label.get(lang).to_string()
}

#[test]
fn more_than_three_cases_are_counted_not_named() {
    let cases: Vec<Case> = (1..=5).map(|n| mall(&format!("M-{n}"))).collect();
    let r = day_reminder(&cases, date("2026-11-23"), Lang::Ru, name).expect("five cases");
    assert_eq!(r.title, "5 дел ждут вас сегодня");
    let lines: Vec<&str> = r.body.lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[3], "и ещё 2");
}

#[test]
fn the_plan_has_one_entry_per_day_with_something_due_and_serialises_for_the_worker() {
    let cases = [mall("MALL-1")];
    let plan = reminder_plan(&cases, date("2026-11-17"), Lang::En, name);
    assert_eq!(plan.lang, "en");
    // 17 Nov: nothing; from 18 Nov the missed credit note keeps the case counted every day of the plan.
    assert_eq!(plan.days.first().map(|d| d.date), Some(date("2026-11-18")));
    assert_eq!(plan.days.len() as u64, PLAN_DAYS);
    assert_eq!(plan.days[5].date, date("2026-11-23"));
    assert_eq!(plan.days[5].body, format!("MALL-1: {} — today", mall_label("withdrawal_end_si", Lang::En)));
    let json = serde_json::to_value(&plan).expect("serialises");
    assert_eq!(json["days"][0]["date"], "2026-11-18");
    assert_eq!(json["days"][0]["count"], 1);
    assert_eq!(json["days"][0]["title"], "1 case needs you today");
}

#[test]
fn each_browser_is_told_what_it_can_do_from_its_features() {
    let support = |badge, notifications, periodic_sync, installed| ReminderSupport {
        badge,
        notifications,
        periodic_sync,
        installed,
    };
    // Chromium, installed: notifications and the badge; in a tab: install first.
    assert_eq!(support(true, true, true, true).reach(), ReminderReach::NotificationsAndBadge);
    assert!(support(true, true, true, true).reach().can_notify());
    assert_eq!(support(true, true, true, false).reach(), ReminderReach::InstallForNotifications);
    // WebKit: a badge for an app on the Home Screen, no periodic sync.
    assert_eq!(support(true, true, false, true).reach(), ReminderReach::BadgeOnly);
    assert_eq!(support(true, false, false, false).reach(), ReminderReach::InstallForBadge);
    // Firefox: notifications only while a page is open, no badge, no periodic sync: the calendar file.
    assert_eq!(support(false, true, false, false).reach(), ReminderReach::CalendarOnly);
    assert!(!support(false, true, false, false).reach().can_notify());
}
