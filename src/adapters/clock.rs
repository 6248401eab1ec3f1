//! The current time from the browser, handed to the pure modules as chrono values.

use chrono::{DateTime, NaiveDate, Utc};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Today in the user's own time zone (deadlines are calendar dates where the seller lives).
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| now().date_naive())
}

/// Randomness for ids (not security-relevant: ids only need to differ between tabs).
pub fn entropy() -> u64 {
    (js_sys::Math::random() * (u64::MAX as f64)) as u64
}

/// A moment as date, hour and minute in the user's own time zone.
pub fn local(at: DateTime<Utc>) -> (NaiveDate, u32, u32) {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    let date = NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| at.date_naive());
    (date, d.get_hours(), d.get_minutes())
}
