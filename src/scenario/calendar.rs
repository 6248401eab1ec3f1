//! Public holiday calendars (`content/calendars/<country>.toml`): which days are working days in a country, and
//! which years the data covers.

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;

/// The country whose law and holidays a deadline rule follows.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Country {
    Ru,
    Pl,
    /// Slovenia: Mimovrste's customers.
    Si,
    /// Croatia: mall.hr's customers.
    Hr,
}

impl Country {
    pub const ALL: [Country; 4] = [Country::Ru, Country::Pl, Country::Si, Country::Hr];

    pub fn code(self) -> &'static str {
        match self {
            Country::Ru => "ru",
            Country::Pl => "pl",
            Country::Si => "si",
            Country::Hr => "hr",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub country: Country,
    pub source: String,
    #[serde(with = "crate::time_text::date")]
    pub verified: NaiveDate,
    pub first_year: i32,
    /// `None`: every year from `first_year` on (the statute fixes each year).
    pub last_year: Option<i32>,
    /// Holidays on the same day every year, as `MM-DD`.
    holidays: Vec<String>,
    /// Holidays counted in days from Easter Sunday (Gregorian).
    #[serde(default)]
    easter_offsets: Vec<u32>,
    #[serde(default)]
    years: Vec<YearRules>,
}

/// One year's moves of days off (e.g. a government decree).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearRules {
    pub year: i32,
    pub decree: String,
    /// Weekdays that are days off (moved days off, holidays moved from a weekend).
    #[serde(with = "date_list")]
    days_off: Vec<NaiveDate>,
    /// Saturdays or Sundays that are working days.
    #[serde(with = "date_list")]
    working_days: Vec<NaiveDate>,
}

mod date_list {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(serde::de::Error::custom))
            .collect()
    }
}

/// `(country, JSON)` of every calendar the app ships.
pub const CALENDAR_SOURCES: &[(Country, &str)] = &[
    (Country::Ru, include_str!(concat!(env!("OUT_DIR"), "/calendars/ru.json"))),
    (Country::Pl, include_str!(concat!(env!("OUT_DIR"), "/calendars/pl.json"))),
    (Country::Si, include_str!(concat!(env!("OUT_DIR"), "/calendars/si.json"))),
    (Country::Hr, include_str!(concat!(env!("OUT_DIR"), "/calendars/hr.json"))),
];

/// The calendar of `country`. A file that does not parse gives an empty calendar covering no year, so every date
/// is flagged instead of the app failing; the native tests make sure every shipped file parses.
pub fn calendar(country: Country) -> &'static Calendar {
    static PARSED: OnceLock<Vec<Calendar>> = OnceLock::new();
    let all = PARSED.get_or_init(|| {
        CALENDAR_SOURCES
            .iter()
            .map(|(c, json)| serde_json::from_str(json).unwrap_or_else(|_| Calendar::empty(*c)))
            .collect()
    });
    let index = Country::ALL.iter().position(|c| *c == country).unwrap_or_default();
    &all[index]
}

/// Easter Sunday (Gregorian calendar; the anonymous algorithm of Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

impl Calendar {
    fn empty(country: Country) -> Self {
        Calendar {
            country,
            source: String::new(),
            verified: NaiveDate::MIN,
            first_year: i32::MAX,
            last_year: None,
            holidays: Vec::new(),
            easter_offsets: Vec::new(),
            years: Vec::new(),
        }
    }

    /// Whether the data knows every day off of `year` (not only the fixed holidays).
    pub fn covers(&self, year: i32) -> bool {
        year >= self.first_year && self.last_year.is_none_or(|last| year <= last)
    }

    pub fn year_rules(&self) -> &[YearRules] {
        &self.years
    }

    fn is_holiday(&self, date: NaiveDate) -> bool {
        let md = format!("{:02}-{:02}", date.month(), date.day());
        self.holidays.contains(&md)
            || easter_sunday(date.year()).is_some_and(|easter| {
                self.easter_offsets.iter().any(|o| easter.checked_add_days(Days::new((*o).into())) == Some(date))
            })
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let year = self.years.iter().find(|y| y.year == date.year());
        if year.is_some_and(|y| y.working_days.contains(&date)) {
            return true;
        }
        if year.is_some_and(|y| y.days_off.contains(&date)) {
            return false;
        }
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(date)
    }

    /// The days of `year` that are not working days although they are Monday to Friday (holidays and moved days off).
    pub fn weekday_days_off(&self, year: i32) -> Vec<NaiveDate> {
        let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else { return Vec::new() };
        first
            .iter_days()
            .take_while(|d| d.year() == year)
            .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_working_day(*d))
            .collect()
    }

    /// Problems in the data, in words (for the native test): dates outside their year, moved days that change
    /// nothing, a covered year without its rules.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        let c = self.country.code();
        for md in &self.holidays {
            if NaiveDate::parse_from_str(&format!("2024-{md}"), "%Y-%m-%d").is_err() {
                p.push(format!("{c}: holiday `{md}` is not MM-DD"));
            }
        }
        for y in &self.years {
            if !y.decree.starts_with("https://") {
                p.push(format!("{c} {}: decree must be an https URL", y.year));
            }
            for d in &y.days_off {
                if d.year() != y.year || matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || self.is_holiday(*d) {
                    p.push(format!("{c} {}: day off {d} is not a weekday of that year outside the holidays", y.year));
                }
            }
            for d in &y.working_days {
                if d.year() != y.year || !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                    p.push(format!("{c} {}: working day {d} is not a weekend day of that year", y.year));
                }
            }
        }
        if let Some(last) = self.last_year {
            for year in self.first_year..=last {
                if !self.years.iter().any(|y| y.year == year) {
                    p.push(format!("{c}: covered year {year} has no rules"));
                }
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_calendar_parses_and_is_consistent() {
        for (country, json) in CALENDAR_SOURCES {
            let parsed: Calendar = serde_json::from_str(json).unwrap_or_else(|e| panic!("{country:?}: {e}"));
            assert_eq!(parsed.country, *country);
            assert!(parsed.source.starts_with("https://"));
            let problems = parsed.problems();
            assert!(problems.is_empty(), "{}", problems.join("\n"));
        }
    }

    fn dates(list: &[(i32, u32, u32)]) -> Vec<NaiveDate> {
        list.iter().map(|(y, m, d)| NaiveDate::from_ymd_opt(*y, *m, *d).expect("valid test date")).collect()
    }

    #[test]
    fn russia_2025_and_2026_weekday_days_off() {
        let ru = calendar(Country::Ru);
        // Decree No. 1335: 23 Feb → 8 May, 8 Mar → 13 Jun, 4 Jan → 2 May, 5 Jan → 31 Dec, 1 Nov → 3 Nov.
        let expected_2025 = dates(&[
            (2025, 1, 1),
            (2025, 1, 2),
            (2025, 1, 3),
            (2025, 1, 6),
            (2025, 1, 7),
            (2025, 1, 8),
            (2025, 5, 1),
            (2025, 5, 2),
            (2025, 5, 8),
            (2025, 5, 9),
            (2025, 6, 12),
            (2025, 6, 13),
            (2025, 11, 3),
            (2025, 11, 4),
            (2025, 12, 31),
        ]);
        assert_eq!(ru.weekday_days_off(2025), expected_2025);
        // Decree No. 1466: New Year block 1–11 Jan (3 Jan → 9 Jan), 4 Jan → 31 Dec; 8 Mar and 9 May move to Mondays.
        let expected_2026 = dates(&[
            (2026, 1, 1),
            (2026, 1, 2),
            (2026, 1, 5),
            (2026, 1, 6),
            (2026, 1, 7),
            (2026, 1, 8),
            (2026, 1, 9),
            (2026, 2, 23),
            (2026, 3, 9),
            (2026, 5, 1),
            (2026, 5, 11),
            (2026, 6, 12),
            (2026, 11, 4),
            (2026, 12, 31),
        ]);
        assert_eq!(ru.weekday_days_off(2026), expected_2026);
        // 247 working days in each year (the official production calendars), the working Saturday included.
        for year in [2025, 2026] {
            let working = dates(&[(year, 1, 1)])[0].iter_days().take_while(|d| d.year() == year);
            assert_eq!(working.filter(|d| ru.is_working_day(*d)).count(), 247, "{year}");
        }
        assert!(ru.is_working_day(dates(&[(2025, 11, 1)])[0]), "Saturday 1 Nov 2025 is a working day");
        assert!(!ru.is_working_day(dates(&[(2026, 1, 10)])[0]));
        assert!(ru.is_working_day(dates(&[(2026, 1, 12)])[0]));
        assert!(ru.covers(2026) && !ru.covers(2027) && !ru.covers(2024));
        // 2027 before its decree: the Labour Code's own moves of weekend holidays apply, the year is still not covered.
        assert_eq!(
            ru.weekday_days_off(2027).into_iter().filter(|d| d.month() >= 5).collect::<Vec<_>>(),
            dates(&[(2027, 5, 3), (2027, 5, 10), (2027, 6, 14), (2027, 11, 4)])
        );
    }

    #[test]
    fn poland_2025_and_2026_weekday_holidays() {
        let pl = calendar(Country::Pl);
        // 2025: Easter Monday 21 Apr, Corpus Christi 19 Jun, the first statutory Wigilia on Wed 24 Dec.
        let expected_2025 = dates(&[
            (2025, 1, 1),
            (2025, 1, 6),
            (2025, 4, 21),
            (2025, 5, 1),
            (2025, 6, 19),
            (2025, 8, 15),
            (2025, 11, 11),
            (2025, 12, 24),
            (2025, 12, 25),
            (2025, 12, 26),
        ]);
        assert_eq!(pl.weekday_days_off(2025), expected_2025);
        // 2026: Easter Monday 6 Apr, Corpus Christi 4 Jun; 3 May, 15 Aug, 1 Nov and 26 Dec fall on weekends.
        let expected_2026 = dates(&[
            (2026, 1, 1),
            (2026, 1, 6),
            (2026, 4, 6),
            (2026, 5, 1),
            (2026, 6, 4),
            (2026, 11, 11),
            (2026, 12, 24),
            (2026, 12, 25),
        ]);
        assert_eq!(pl.weekday_days_off(2026), expected_2026);
        assert!(pl.covers(2025) && pl.covers(2030) && !pl.covers(2024));
    }

    #[test]
    fn slovenia_and_croatia_2026_weekday_holidays() {
        // Slovenia: 8 Feb is a Sunday; 2 May, 15 Aug and 31 Oct Saturdays; 1 Nov a Sunday; no move to a weekday.
        let si = dates(&[
            (2026, 1, 1),
            (2026, 1, 2),
            (2026, 4, 6),
            (2026, 4, 27),
            (2026, 5, 1),
            (2026, 6, 25),
            (2026, 12, 25),
        ]);
        assert_eq!(calendar(Country::Si).weekday_days_off(2026), si);
        // Croatia: Corpus Christi Thu 4 Jun, 18 Nov a Wednesday; 30 May and 15 Aug Saturdays, 1 Nov a Sunday.
        let hr = dates(&[
            (2026, 1, 1),
            (2026, 1, 6),
            (2026, 4, 6),
            (2026, 5, 1),
            (2026, 6, 4),
            (2026, 6, 22),
            (2026, 8, 5),
            (2026, 11, 18),
            (2026, 12, 25),
        ]);
        assert_eq!(calendar(Country::Hr).weekday_days_off(2026), hr);
        assert!(calendar(Country::Si).covers(2030) && !calendar(Country::Hr).covers(2024));
    }

    #[test]
    fn easter_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
        assert_eq!(easter_sunday(2027), d(2027, 3, 28));
        assert_eq!(easter_sunday(2038), d(2038, 4, 25));
    }
}
