//! Dates, money and countdowns written the way each language writes them.

use chrono::{Datelike, NaiveDate};

use super::{tr, tr_plural, Key, Lang};

const NBSP: char = '\u{a0}';
const EN_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `23.11.2026` in Russian and Polish, `Nov 23, 2026` in English.
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => format!("{} {}, {}", EN_MONTHS[date.month0() as usize], date.day(), date.year()),
        Lang::Ru | Lang::Pl => format!("{:02}.{:02}.{}", date.day(), date.month(), date.year()),
    }
}

fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "RUB" => "₽",
        "PLN" => "zł",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "CZK" => "Kč",
        _ => return None,
    })
}

fn group_digits(mut units: u64, separator: char) -> String {
    let mut groups = Vec::new();
    loop {
        if units < 1000 {
            groups.push(units.to_string());
            break;
        }
        groups.push(format!("{:03}", units % 1000));
        units /= 1000;
    }
    groups.reverse();
    groups.join(&separator.to_string())
}

/// Money from minor units (kopecks, grosze, cents): `1 234,50 zł`, `1 234,50 ₽`, `$1,234.50`.
pub fn format_money(lang: Lang, minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let (units, cents) = (abs / 100, abs % 100);
    let sym = symbol(currency);
    match lang {
        Lang::En => {
            let number = format!("{}.{cents:02}", group_digits(units, ','));
            match (currency, sym) {
                ("USD" | "GBP" | "EUR", Some(s)) => format!("{sign}{s}{number}"),
                _ => format!("{sign}{number}{NBSP}{}", sym.unwrap_or(currency)),
            }
        }
        Lang::Ru | Lang::Pl => {
            format!("{sign}{},{cents:02}{NBSP}{}", group_digits(units, NBSP), sym.unwrap_or(currency))
        }
    }
}

/// An amount as the user would type it in their language, without grouping (`1234,50` / `1234.50`): the value
/// a form field starts with, which [`parse_amount`] reads back.
pub fn format_amount_input(lang: Lang, minor: i64) -> String {
    format_plain_amount(minor, if lang == Lang::En { '.' } else { ',' })
}

/// An amount field's starting text: empty when nothing was entered (zero), else as [`format_amount_input`].
pub fn format_amount_field(lang: Lang, minor: i64) -> String {
    if minor == 0 {
        String::new()
    } else {
        format_amount_input(lang, minor)
    }
}

/// The month of `date` as a table label: `2026-11` in English, `11.2026` in Russian and Polish.
pub fn format_month(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => format!("{}-{:02}", date.year(), date.month()),
        Lang::Ru | Lang::Pl => format!("{:02}.{}", date.month(), date.year()),
    }
}

/// Minor units as `-1234.50` with the given decimal point and no grouping (form fields, CSV cells).
pub fn format_plain_amount(minor: i64, decimal_point: char) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}{decimal_point}{:02}", abs / 100, abs % 100)
}

/// Parses an amount typed by the user into minor units. Accepts the language's own style
/// (`1 234,50` in ru/pl, `1,234.50` in en) and the plain `1234.50` every number field produces.
/// Returns `None` for anything that is not a non-negative amount with at most two decimals.
pub fn parse_amount(lang: Lang, text: &str) -> Option<i64> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != NBSP && *c != '\u{202f}').collect();
    if cleaned.is_empty() {
        return None;
    }
    let (group, decimal) = match lang {
        Lang::En => (',', '.'),
        Lang::Ru | Lang::Pl => ('.', ','),
    };
    // A single separator followed by 1–2 digits is a decimal point in any language ("12.5", "12,50").
    let normalised = match (cleaned.matches(',').count(), cleaned.matches('.').count()) {
        (0, 0) => cleaned,
        (1, 0) | (0, 1) if cleaned.rsplit([',', '.']).next().is_some_and(|tail| (1..=2).contains(&tail.len())) => {
            cleaned.replace(',', ".")
        }
        _ => cleaned.replace(group, "").replace(decimal, "."),
    };
    let (whole, frac) = normalised.split_once('.').unwrap_or((&normalised, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let units: i64 = whole.parse().ok()?;
    let cents: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse().ok()? };
    units.checked_mul(100)?.checked_add(cents)
}

/// A number rounded to `decimals` digits after the language's decimal separator (`12.5`, `12,5`).
pub fn format_decimal(lang: Lang, value: f64, decimals: u32) -> String {
    let scale = 10i64.pow(decimals);
    let scaled = (value.abs() * scale as f64).round() as i64;
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let (whole, frac) = (scaled / scale, scaled % scale);
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let separator = if lang == Lang::En { '.' } else { ',' };
    format!("{sign}{whole}{separator}{frac:0width$}", width = decimals as usize)
}

/// A share as a percentage: `40%` in English, `40 %` (no-break space) in Russian and Polish.
pub fn format_percent(lang: Lang, fraction: f64, decimals: u32) -> String {
    let number = format_decimal(lang, fraction * 100.0, decimals);
    match lang {
        Lang::En => format!("{number}%"),
        Lang::Ru | Lang::Pl => format!("{number}{NBSP}%"),
    }
}

/// How far a deadline is from today, for "in 2 days" / "overdue by 3 days".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown {
    Overdue(u64),
    Today,
    Tomorrow,
    InDays(u64),
}

impl Countdown {
    pub fn between(today: NaiveDate, due: NaiveDate) -> Countdown {
        let days = (due - today).num_days();
        match days {
            d if d < 0 => Countdown::Overdue(d.unsigned_abs()),
            0 => Countdown::Today,
            1 => Countdown::Tomorrow,
            d => Countdown::InDays(d as u64),
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Countdown::Overdue(_))
    }

    pub fn text(self, lang: Lang) -> String {
        match self {
            Countdown::Overdue(n) => tr_plural(lang, Key::CountdownOverdue, n),
            Countdown::Today => tr(lang, Key::CountdownToday).to_string(),
            Countdown::Tomorrow => tr(lang, Key::CountdownTomorrow).to_string(),
            Countdown::InDays(n) => tr_plural(lang, Key::CountdownInDays, n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_amount_fields() {
        let nov = NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid");
        assert_eq!(format_month(Lang::En, nov), "2026-11");
        assert_eq!(format_month(Lang::Ru, nov), "11.2026");
        assert_eq!(format_month(Lang::Pl, NaiveDate::from_ymd_opt(2027, 1, 1).expect("valid")), "01.2027");
        assert_eq!(format_amount_field(Lang::Pl, 0), "");
        assert_eq!(format_amount_field(Lang::Pl, 123_450), "1234,50");
        assert_eq!(format_amount_field(Lang::En, 5), "0.05");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn dates_per_language() {
        assert_eq!(format_date(Lang::Ru, d(2026, 11, 23)), "23.11.2026");
        assert_eq!(format_date(Lang::Pl, d(2026, 1, 5)), "05.01.2026");
        assert_eq!(format_date(Lang::En, d(2026, 11, 23)), "Nov 23, 2026");
    }

    #[test]
    fn money_per_language() {
        assert_eq!(format_money(Lang::Pl, 123450, "PLN"), "1\u{a0}234,50\u{a0}zł");
        assert_eq!(format_money(Lang::Ru, 123450, "RUB"), "1\u{a0}234,50\u{a0}₽");
        assert_eq!(format_money(Lang::En, 123450, "USD"), "$1,234.50");
        assert_eq!(format_money(Lang::En, 100000050, "PLN"), "1,000,000.50\u{a0}zł");
        assert_eq!(format_money(Lang::En, -5, "USD"), "-$0.05");
        assert_eq!(format_money(Lang::Ru, 0, "XYZ"), "0,00\u{a0}XYZ");
    }

    #[test]
    fn amounts_parse_in_each_style() {
        assert_eq!(parse_amount(Lang::Pl, "1 234,50"), Some(123450));
        assert_eq!(parse_amount(Lang::Ru, "1\u{a0}234,5"), Some(123450));
        assert_eq!(parse_amount(Lang::En, "1,234.50"), Some(123450));
        assert_eq!(parse_amount(Lang::Ru, "1234.50"), Some(123450));
        assert_eq!(parse_amount(Lang::En, "12,5"), Some(1250));
        assert_eq!(parse_amount(Lang::Pl, "1.234,56"), Some(123456));
        assert_eq!(parse_amount(Lang::En, "700"), Some(70000));
        for bad in ["", "abc", "-5", "1,2,3.4.5", "12.345", "1e5", "99999999999999999999"] {
            assert_eq!(parse_amount(Lang::En, bad), None, "{bad}");
        }
    }

    #[test]
    fn decimals_and_percentages_per_language() {
        assert_eq!(format_decimal(Lang::En, 12.46, 1), "12.5");
        assert_eq!(format_decimal(Lang::Pl, 12.46, 1), "12,5");
        assert_eq!(format_decimal(Lang::Ru, 3.0, 1), "3,0");
        assert_eq!(format_decimal(Lang::En, 2.5, 0), "3");
        assert_eq!(format_decimal(Lang::En, -0.25, 1), "-0.3");
        assert_eq!(format_decimal(Lang::En, -0.01, 1), "0.0");
        assert_eq!(format_percent(Lang::En, 0.4, 0), "40%");
        assert_eq!(format_percent(Lang::Ru, 0.125, 1), "12,5\u{a0}%");
    }

    #[test]
    fn amount_inputs_read_back_as_typed() {
        assert_eq!(format_amount_input(Lang::Pl, 123450), "1234,50");
        assert_eq!(format_amount_input(Lang::En, 5), "0.05");
        for lang in Lang::ALL {
            for minor in [0, 7, 100, 123456789] {
                assert_eq!(parse_amount(lang, &format_amount_input(lang, minor)), Some(minor), "{lang:?} {minor}");
            }
        }
    }

    #[test]
    fn countdown_words() {
        let today = d(2026, 11, 25);
        assert_eq!(Countdown::between(today, d(2026, 11, 27)).text(Lang::En), "in 2 days");
        assert_eq!(Countdown::between(today, d(2026, 11, 22)).text(Lang::En), "overdue by 3 days");
        assert_eq!(Countdown::between(today, d(2026, 11, 30)).text(Lang::Ru), "через 5 дней");
        assert_eq!(Countdown::between(today, d(2026, 11, 24)).text(Lang::Pl), "po terminie o 1 dzień");
        assert_eq!(Countdown::between(today, today), Countdown::Today);
        assert_eq!(Countdown::between(today, d(2026, 11, 26)), Countdown::Tomorrow);
    }
}
