//! Files made from the cases with this screen's language: CSV for spreadsheets, iCalendar for deadlines.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use crate::adapters::{clock, files};
use crate::codec::backup;
use crate::codec::csv::{cases_csv, CsvStyle, CsvTexts, COLUMNS};
use crate::codec::ics::{calendar, deadline_events, CalendarTexts, DateKind};
use crate::domain::Case;
use crate::i18n::{format_date, tr, Key, Lang};
use crate::scenario;
use crate::ui::announcer::announce;
use crate::ui::base::base_path;
use crate::ui::store::Store;

const CSV_HEADERS: [Key; COLUMNS.len()] = [
    Key::CsvId,
    Key::FilterMarketplace,
    Key::FilterScenario,
    Key::CaseStatusLabel,
    Key::CsvOrderNumber,
    Key::CaseBuyer,
    Key::CaseOpened,
    Key::CsvUpdated,
    Key::CaseNextDeadline,
    Key::WizardCurrency,
    Key::MoneyAtStake,
    Key::MoneyClaimed,
    Key::MoneyReceived,
    Key::MoneyWrittenOff,
    Key::CsvNotes,
    Key::CsvLastNote,
];

pub fn csv_text<'a>(cases: impl IntoIterator<Item = &'a Case>, lang: Lang, today: NaiveDate) -> String {
    let headers = CSV_HEADERS.map(|k| tr(lang, k));
    cases_csv(cases, &CsvTexts { lang, headers }, CsvStyle::for_lang(lang), today)
}

/// Reminders at 09:00 a week before, the day before and the morning of each date.
const ALARM_DAYS: [u32; 3] = [7, 1, 0];

/// The deadlines of `cases` still ahead as one calendar; each event names the case and the rule (a "from" date
/// with its day, as the rule's label reads "possible from") and links back.
pub fn calendar_text<'a>(cases: impl IntoIterator<Item = &'a Case>, lang: Lang, now: DateTime<Utc>) -> String {
    let origin = crate::adapters::dom::origin();
    let events = deadline_events(
        cases,
        clock::today(),
        |case, deadline, kind| {
            let (label, rule) = scenario::get(&case.scenario)
                .and_then(|s| s.deadline(&deadline.rule))
                .map(|d| (d.label.get(lang).to_string(), d.rule.get(lang).to_string()))
                .unwrap_or_else(|| (deadline.rule.clone(), String::new()));
            let name = super::cases::case_name(case, lang);
            let summary = match kind {
                DateKind::From => format!("{label} {} — {name}", format_date(lang, deadline.due)),
                DateKind::LastDay => format!("{label} — {name}"),
            };
            (summary, rule)
        },
        |case| format!("{origin}{}cases/{}", base_path(), case.id),
    );
    let texts = CalendarTexts {
        lang,
        name: tr(lang, Key::IcsCalendarName),
        alarm_last_day: tr(lang, Key::IcsAlarmLastDay),
        alarm_from: tr(lang, Key::IcsAlarmFrom),
    };
    calendar(&events, &texts, &ALARM_DAYS, now)
}

/// Downloads every case and business profile as a backup file, records when (for the backup reminder) and says
/// how it went.
pub fn export_backup(store: Store, lang: Lang) {
    let now = clock::now();
    let name = backup::file_name(backup::FileKind::Backup, now, None);
    let ok = store.cases.book.with_untracked(|book| {
        store.profiles.0.with_untracked(|profiles| {
            backup::export_json(book, profiles, now).is_ok_and(|text| files::download(&name, "application/json", &text))
        })
    });
    announce(tr(lang, if ok { Key::ExportDone } else { Key::ExportFailed }));
    if ok {
        // The file is out either way; only the reminder's clock depends on this write.
        store.prefs.last_export.remember(Some(now));
    }
}
