#![cfg(not(target_arch = "wasm32"))]
//! domain::report::value: numbers and dates as marketplaces write them.

use chrono::NaiveDate;
use claimdesk::domain::report::value::{amount_minor, date, percent_bp, units};

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn amounts_with_decimal_commas_spaces_and_thousands() {
    let cases = [
        ("1 234,50", Some(123_450)),
        ("1\u{a0}234,50", Some(123_450)),
        ("1\u{202f}234.5", Some(123_450)),
        ("1,234.50", Some(123_450)),
        ("1.234,50", Some(123_450)),
        ("1,234,567", Some(123_456_700)),
        ("-19,99", Some(-1_999)),
        ("\u{2212}5", Some(-500)),
        ("+7", Some(700)),
        ("0.005", Some(1)),
        ("0.004", Some(0)),
        ("1299.99", Some(129_999)),
        (",5", Some(50)),
        ("", None),
        ("12 руб", None),
        ("=A1*2", None),
        ("1e5", None),
        ("9999999999999999", None),
    ];
    for (text, expected) in cases {
        assert_eq!(amount_minor(text), expected, "{text:?}");
    }
}

#[test]
fn units_are_whole_numbers() {
    let cases = [("2", Some(2)), ("-3", Some(-3)), ("1 000", Some(1000)), ("3,0", Some(3)), ("3.00", Some(3))];
    for (text, expected) in cases {
        assert_eq!(units(text), expected, "{text:?}");
    }
    for text in ["2,5", "", "two", "=1+1", ","] {
        assert_eq!(units(text), None, "{text:?}");
    }
}

#[test]
fn percentages_in_basis_points() {
    assert_eq!(percent_bp("15"), Some(1500));
    assert_eq!(percent_bp("12,5"), Some(1250));
    assert_eq!(percent_bp("15%"), Some(1500));
    assert_eq!(percent_bp("-1"), None);
}

#[test]
fn dates_in_every_form_reports_use() {
    let cases = [
        ("03.12.2026", day(2026, 12, 3)),
        ("03.12.26", day(2026, 12, 3)),
        ("2026-11-28", day(2026, 11, 28)),
        ("2026-11-21T00:00:00", day(2026, 11, 21)),
        ("2026-10-15T08:00:00+00:00", day(2026, 10, 15)),
        ("2026-10-15 23:59:59", day(2026, 10, 15)),
        ("10/01/2026", day(2026, 10, 1)),
        ("25/12/2026", day(2026, 12, 25)),
        ("Sep 2, 2026 9:00:00 AM PDT", day(2026, 9, 2)),
        ("September 30, 2026", day(2026, 9, 30)),
        ("45292", day(2024, 1, 1)),
        ("46337.75", day(2026, 11, 11)),
        ("31.02.2026", None),
        ("60", None),
        ("", None),
        ("Smarch 1, 2026", None),
        ("=TODAY()", None),
    ];
    for (text, expected) in cases {
        assert_eq!(date(text), expected, "{text:?}");
    }
}
