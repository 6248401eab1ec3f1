//! Reading numbers and dates out of report cells as marketplaces write them: decimal commas, spaces and
//! no-break spaces between thousands («1 234,50»), Excel serial dates and text dates. Nothing here evaluates a
//! formula: a cell starting with `=` is text and is never a number.

use chrono::{Days, NaiveDate};

/// An amount in minor units (two decimals): «1 234,50» → 123450, `-12.3` → -1230, `1,234.50` → 123450.
/// More than two decimals are rounded half away from zero (`0.005` → 1). `None` for anything else.
pub fn amount_minor(text: &str) -> Option<i64> {
    let (negative, digits, fraction) = split_number(text)?;
    let whole: i64 = if digits.is_empty() { 0 } else { digits.parse().ok()? };
    let mut cents = 0i64;
    for (i, c) in fraction.chars().take(2).enumerate() {
        cents += i64::from(c.to_digit(10)?) * if i == 0 { 10 } else { 1 };
    }
    let round_up = fraction.chars().nth(2).and_then(|c| c.to_digit(10)).is_some_and(|d| d >= 5);
    let minor = whole.checked_mul(100)?.checked_add(cents + i64::from(round_up))?;
    Some(if negative { -minor } else { minor })
}

/// A whole number of units: «2», «-1», «1 000», «3,0», «3.00». `None` for a fraction or anything else.
pub fn units(text: &str) -> Option<i64> {
    let (negative, digits, fraction) = split_number(text)?;
    if fraction.chars().any(|c| c != '0') || digits.is_empty() {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    Some(if negative { -n } else { n })
}

/// A percentage in basis points: «15» → 1500, «12,5» → 1250, «15%» → 1500.
pub fn percent_bp(text: &str) -> Option<u32> {
    let minor = amount_minor(text.trim().trim_end_matches('%'))?;
    u32::try_from(minor).ok()
}

/// Sign, integer digits and fraction digits of a number written with either decimal separator.
fn split_number(text: &str) -> Option<(bool, String, String)> {
    let cleaned: String =
        text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'')).collect();
    let (negative, body) = match cleaned.strip_prefix('-').or_else(|| cleaned.strip_prefix('\u{2212}')) {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return None;
    }
    // The last separator is the decimal one when both appear («1,234.50», «1.234,50»); a lone one is decimal
    // unless it appears more than once («1,234,567»).
    let last = body.rfind([',', '.']);
    let (int_part, fraction) = match last {
        Some(at) => {
            let sep = body.as_bytes()[at] as char;
            let other = if sep == ',' { '.' } else { ',' };
            let repeated = body.matches(sep).count() > 1;
            if repeated && !body.contains(other) {
                (body.to_string(), String::new())
            } else {
                (body[..at].to_string(), body[at + 1..].to_string())
            }
        }
        None => (body.to_string(), String::new()),
    };
    let digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    if digits.len() > 15 || fraction.len() > 9 {
        return None;
    }
    Some((negative, digits, fraction))
}

/// The Excel epoch for serial dates (1900 system; day 60, the fictitious 29 Feb 1900, is not a real day).
fn excel_epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)
}

/// A date as reports write it: `dd.mm.yyyy`, `yyyy-mm-dd`, ISO with a time and zone (`2024-01-15T08:00:00+00:00`,
/// the date part is taken), `yyyy-mm-dd hh:mm:ss`, `mm/dd/yyyy` (Amazon US; read as `dd/mm/yyyy` when the first
/// number is above 12), `Sep 2, 2026` (Amazon's transaction files), an Excel serial number (`45292` = 2024-01-01; a fraction is the time of day). Text after the
/// date (a time, a zone such as `PST`) is ignored.
pub fn date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if t.chars().all(|c| c.is_ascii_digit() || c == '.') && !t.contains("..") && t.matches('.').count() <= 1 {
        return serial_date(t);
    }
    if t.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return month_name_date(t);
    }
    let head: &str = t.split(|c: char| c == 'T' || c.is_whitespace() || c == ',').next().unwrap_or(t);
    let parts: Vec<&str> = head.split(['.', '-', '/']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    let (a, b, c) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
    if parts[0].len() == 4 {
        return NaiveDate::from_ymd_opt(i32::try_from(a).ok()?, b, c);
    }
    let year = i32::try_from(if parts[2].len() == 2 { 2000 + c } else { c }).ok()?;
    if head.contains('/') && a <= 12 {
        NaiveDate::from_ymd_opt(year, a, b)
    } else {
        NaiveDate::from_ymd_opt(year, b, a)
    }
}

fn serial_date(text: &str) -> Option<NaiveDate> {
    let whole = text.split('.').next()?;
    let days: u64 = whole.parse().ok()?;
    // Serial 1 = 1900-01-01 … 2958465 = 9999-12-31; below 61 the 1900 leap-year bug shifts days, and no report
    // has such dates.
    if !(61..=2_958_465).contains(&days) {
        return None;
    }
    excel_epoch()?.checked_add_days(Days::new(days))
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// `Sep 2, 2026 9:00:00 AM PDT` or `September 2, 2026`: an English month name, the day, the year.
fn month_name_date(text: &str) -> Option<NaiveDate> {
    let mut words = text.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
    let month = words.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| month.starts_with(m))?;
    let day: u32 = words.next()?.parse().ok()?;
    let year: i32 = words.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()? + 1, day)
}
