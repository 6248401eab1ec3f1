//! Times and dates as text: RFC 3339 timestamps (`2026-11-20T12:00:00Z`) and ISO dates (`2026-11-20`), the
//! form they take in storage, backups and `<time datetime>`.
//!
//! Written by hand rather than taken from chrono's serde support: chrono parses through its general format
//! machinery, which made a third of the decode time of 10,000 stored cases and costs wasm size. The output is
//! byte for byte what chrono writes (`to_rfc3339_opts(SecondsFormat::AutoSi, true)`), and the parser accepts
//! what chrono's relaxed RFC 3339 parser accepts for these values, so data written before this module reads
//! the same (the tests compare both on many values).

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

/// `value` as an RFC 3339 timestamp in UTC, with as many fraction digits as it needs (0, 3, 6 or 9).
pub fn format_timestamp(value: &DateTime<Utc>) -> String {
    let mut out = format_date(&value.date_naive());
    let time = value.time();
    push_digits(&mut out, 'T', time.hour(), 2);
    push_digits(&mut out, ':', time.minute(), 2);
    // A leap second carries its extra second in the nanoseconds (chrono's representation).
    let (second, nanos) = match time.nanosecond() {
        n if n >= 1_000_000_000 => (time.second() + 1, n - 1_000_000_000),
        n => (time.second(), n),
    };
    push_digits(&mut out, ':', second, 2);
    if nanos % 1_000_000_000 != 0 {
        let (value, width) = match nanos {
            n if n % 1_000_000 == 0 => (n / 1_000_000, 3),
            n if n % 1_000 == 0 => (n / 1_000, 6),
            n => (n, 9),
        };
        push_digits(&mut out, '.', value, width);
    }
    out.push('Z');
    out
}

/// `value` as `YYYY-MM-DD` (years outside 0–9999 get a sign and more digits, as chrono writes them).
pub fn format_date(value: &NaiveDate) -> String {
    use chrono::Datelike;
    let mut out = String::with_capacity(24);
    let year = value.year();
    if (0..=9999).contains(&year) {
        push_digits(&mut out, '\0', year as u32, 4);
    } else {
        out.push(if year < 0 { '-' } else { '+' });
        push_digits(&mut out, '\0', year.unsigned_abs(), 4);
    }
    push_digits(&mut out, '-', value.month(), 2);
    push_digits(&mut out, '-', value.day(), 2);
    out
}

/// Appends `separator` (none for `'\0'`) and `value` zero-padded to at least `width` digits.
fn push_digits(out: &mut String, separator: char, value: u32, width: usize) {
    if separator != '\0' {
        out.push(separator);
    }
    let mut digits = [0u8; 10];
    let mut n = value;
    let mut len = 0;
    while n > 0 || len < width {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
    }
    out.extend(digits[..len].iter().rev().map(|&d| char::from(d)));
}

/// A plain date, `YYYY-MM-DD` with a four-digit year.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 {
        return None;
    }
    parse_date_prefix(bytes)
}

fn parse_date_prefix(bytes: &[u8]) -> Option<NaiveDate> {
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year = number(bytes.get(0..4)?)?;
    let month = number(bytes.get(5..7)?)?;
    let day = number(bytes.get(8..10)?)?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// The value of a run of ASCII digits (at most nine, so it fits).
fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
}

/// An RFC 3339 timestamp: `YYYY-MM-DD`, `T` (or `t` or a space), `HH:MM:SS`, an optional fraction of any
/// length (nanoseconds kept), then `Z`, `z` or an offset `±HH:MM`, turned into UTC.
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    if bytes.len() < 20 || !matches!(bytes[10], b'T' | b't' | b' ') || bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let date = parse_date_prefix(&bytes[..10])?;
    let hour = number(&bytes[11..13])?;
    let minute = number(&bytes[14..16])?;
    let mut second = number(&bytes[17..19])?;
    let mut rest = &bytes[19..];

    let mut nanos = 0u32;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        let kept = &fraction[..digits.min(9)];
        nanos = number(kept)? * 10u32.pow(9 - kept.len() as u32);
        rest = &fraction[digits..];
    }
    // chrono keeps a leap second (:60) as the 59th second plus a full second of nanoseconds.
    if second == 60 {
        second = 59;
        nanos += 1_000_000_000;
    }
    let offset_minutes: i64 = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = number(&[*h1, *h2])?;
            let minutes = number(&[*m1, *m2])?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = i64::from(hours * 60 + minutes);
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let local = NaiveDateTime::new(date, time);
    let utc = local.checked_sub_signed(Duration::minutes(offset_minutes))?;
    Some(DateTime::from_naive_utc_and_offset(utc, Utc))
}

/// `#[serde(with = "timestamp")]` for `DateTime<Utc>` fields.
pub mod timestamp {
    use chrono::{DateTime, Utc};
    use serde::{de, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::format_timestamp(value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
        deserializer.deserialize_str(Visitor)
    }

    struct Visitor;

    impl de::Visitor<'_> for Visitor {
        type Value = DateTime<Utc>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an RFC 3339 timestamp")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            super::parse_timestamp(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
        }
    }
}

/// `#[serde(with = "date")]` for `NaiveDate` fields.
pub mod date {
    use chrono::NaiveDate;
    use serde::{de, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::format_date(value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(Visitor)
    }

    struct Visitor;

    impl de::Visitor<'_> for Visitor {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a date as YYYY-MM-DD")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            super::parse_date(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
        }
    }
}
