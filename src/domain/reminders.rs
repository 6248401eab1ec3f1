//! Reminders that reach the seller without a server: the number on the app's icon, the daily notification a
//! service worker shows, and what this browser can do of it.
//!
//! A case needs the seller on a day when it is active and a last day is due that day, or one has passed without
//! being marked done (the same cases the list's "due today" and "overdue" filters find). The page computes the
//! notifications of the coming days in the seller's language and leaves them where its service worker can read
//! them (a worker has no localStorage): the worker only picks its day's entry, so what it says is computed here,
//! by the code the tests cover.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::Case;
use crate::i18n::{fill, format_date, tr, tr_plural, Key, Lang};
use crate::scenario;

/// How many days ahead the page plans notifications: a seller away from the app longer than that gets none.
pub const PLAN_DAYS: u64 = 60;

/// How many cases a notification names; the rest are counted.
const NAMED_IN_BODY: usize = 3;

/// Whether `case` needs the seller on `day`.
pub fn needs_action(case: &Case, day: NaiveDate) -> bool {
    if !case.status.is_active() {
        return false;
    }
    let due = case.due_summary(day);
    due.next == Some(day) || due.missed
}

/// The number the app's icon shows on `today`.
pub fn badge_count<'a>(cases: impl IntoIterator<Item = &'a Case>, today: NaiveDate) -> usize {
    cases.into_iter().filter(|c| needs_action(c, today)).count()
}

/// One day's notification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayReminder {
    #[serde(with = "crate::time_text::date")]
    pub date: NaiveDate,
    pub count: usize,
    pub title: String,
    pub body: String,
}

/// What the service worker reads: the language the texts are in and one entry per day that has something.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReminderPlan {
    pub lang: &'static str,
    pub days: Vec<DayReminder>,
}

/// The notifications of `today` and the [`PLAN_DAYS`] after it, in `lang`; a day with nothing due has none.
/// `name` names a case the way the app's lists do.
pub fn reminder_plan<'a>(
    cases: impl IntoIterator<Item = &'a Case> + Clone,
    today: NaiveDate,
    lang: Lang,
    name: impl Fn(&Case) -> String,
) -> ReminderPlan {
    let days = (0..=PLAN_DAYS)
        .filter_map(|offset| today.checked_add_days(Days::new(offset)))
        .filter_map(|day| day_reminder(cases.clone(), day, lang, &name))
        .collect();
    ReminderPlan { lang: lang.code(), days }
}

/// The notification of `day`, if a case needs the seller then: dates due that day first, then missed ones.
/// Every case is counted; only the first few named are worded (a plan covers many days of many cases).
pub fn day_reminder<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    day: NaiveDate,
    lang: Lang,
    name: impl Fn(&Case) -> String,
) -> Option<DayReminder> {
    let mut due_today: Vec<&Case> = Vec::new();
    let mut missed: Vec<&Case> = Vec::new();
    let mut count = 0;
    for case in cases.into_iter().filter(|c| needs_action(c, day)) {
        count += 1;
        let list = if case.due_summary(day).next == Some(day) { &mut due_today } else { &mut missed };
        if list.len() < NAMED_IN_BODY {
            list.push(case);
        }
    }
    if count == 0 {
        return None;
    }
    let named = due_today.iter().map(|c| (*c, true)).chain(missed.iter().map(|c| (*c, false))).take(NAMED_IN_BODY);
    let mut lines: Vec<String> = named.filter_map(|(case, today)| line(case, day, today, lang, &name)).collect();
    if count > NAMED_IN_BODY {
        lines.push(fill(tr(lang, Key::ReminderMore), &[("n", &(count - NAMED_IN_BODY).to_string())]));
    }
    Some(DayReminder {
        date: day,
        count,
        title: tr_plural(lang, Key::ReminderTitle, count as u64),
        body: lines.join("\n"),
    })
}

/// One case's line: its date due `day`, or (`due_today` false) the latest date it missed, which stands for the
/// others the list shows.
fn line(case: &Case, day: NaiveDate, due_today: bool, lang: Lang, name: &impl Fn(&Case) -> String) -> Option<String> {
    let agenda = case.agenda(day);
    let label = |rule: &str| {
        scenario::get(&case.scenario)
            .and_then(|s| s.deadline(rule))
            .map_or_else(|| rule.to_string(), |r| r.label.get(lang).to_string())
    };
    if due_today {
        let next = agenda.next.as_ref()?;
        Some(fill(tr(lang, Key::ReminderDueToday), &[("case", &name(case)), ("label", &label(&next.deadline.rule))]))
    } else {
        let last = agenda.missed.last()?;
        let date = format_date(lang, last.due);
        Some(fill(
            tr(lang, Key::ReminderMissed),
            &[("case", &name(case)), ("label", &label(&last.rule)), ("date", &date)],
        ))
    }
}

/// What this browser offers for reminders, found by asking it for each feature (never by its name).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReminderSupport {
    /// `navigator.setAppBadge` exists.
    pub badge: bool,
    /// Notifications exist (`Notification`).
    pub notifications: bool,
    /// A service worker registration can ask for Periodic Background Sync.
    pub periodic_sync: bool,
    /// The app runs installed (its own window or the Home Screen), not in a browser tab.
    pub installed: bool,
}

/// What the app can do for this browser, as the settings say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReminderReach {
    /// Daily notifications and the badge: the seller can turn reminders on.
    NotificationsAndBadge,
    /// Periodic sync exists but only for an installed app: install it first.
    InstallForNotifications,
    /// The badge, without notifications while the app is closed.
    BadgeOnly,
    /// A browser that shows a badge only for an installed app (WebKit): install it, use the calendar file.
    InstallForBadge,
    /// Nothing reaches the seller while the app is closed: the calendar file does.
    CalendarOnly,
}

impl ReminderSupport {
    pub fn reach(self) -> ReminderReach {
        match self {
            ReminderSupport { periodic_sync: true, notifications: true, installed: true, .. } => {
                ReminderReach::NotificationsAndBadge
            }
            ReminderSupport { periodic_sync: true, notifications: true, installed: false, .. } => {
                ReminderReach::InstallForNotifications
            }
            ReminderSupport { badge: true, installed: true, .. } => ReminderReach::BadgeOnly,
            ReminderSupport { badge: true, installed: false, .. } => ReminderReach::InstallForBadge,
            _ => ReminderReach::CalendarOnly,
        }
    }
}

impl ReminderReach {
    /// The sentence the settings show for this browser.
    pub fn key(self) -> Key {
        match self {
            ReminderReach::NotificationsAndBadge => Key::RemindersHereNotifications,
            ReminderReach::InstallForNotifications => Key::RemindersHereInstallChromium,
            ReminderReach::BadgeOnly => Key::RemindersHereBadge,
            ReminderReach::InstallForBadge => Key::RemindersHereInstallBadge,
            ReminderReach::CalendarOnly => Key::RemindersHereCalendar,
        }
    }

    /// Whether the seller can turn daily notifications on from here.
    pub fn can_notify(self) -> bool {
        self == ReminderReach::NotificationsAndBadge
    }
}
