#![cfg(not(target_arch = "wasm32"))]
//! The case list as CSV: byte order mark, RFC 4180 quoting, formula neutralising, per-language style.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use claimdesk::codec::csv::{cases_csv, file_name, neutralise, quote, CsvStyle, CsvTexts, COLUMNS};
use claimdesk::domain::{sample_cases, Case, CaseStatus};
use claimdesk::i18n::Lang;

mod common;
use common::{answers, date, scenario};

/// The day the exports in these tests are made.
fn today() -> NaiveDate {
    date("2026-11-23")
}

fn texts(lang: Lang) -> CsvTexts<'static> {
    CsvTexts { lang, headers: COLUMNS }
}

/// Splits RFC 4180 text into records of cells (quoted cells may hold separators, quotes and line breaks).
fn parse(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut records = vec![];
    let mut record = vec![];
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR only as part of CRLF outside quotes");
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            (false, c) if c == separator => record.push(std::mem::take(&mut cell)),
            (false, c) => cell.push(c),
        }
    }
    assert!(cell.is_empty() && record.is_empty(), "the file ends with CRLF");
    records
}

fn case_with(order: &str, buyer: &str, note: &str) -> Case {
    let mut case = sample_cases(1, 1).remove(0);
    case.order_number = order.into();
    case.buyer = buyer.into();
    let at = case.updated_at + Duration::hours(1);
    case.add_note(note, at);
    case
}

#[test]
fn starts_with_a_byte_order_mark_and_has_one_row_per_case() {
    let cases = sample_cases(25, 2);
    let text = cases_csv(&cases, &texts(Lang::En), CsvStyle::RFC4180, today());
    assert!(text.starts_with('\u{feff}'));
    let rows = parse(&text['\u{feff}'.len_utf8()..], ',');
    assert_eq!(rows.len(), 26);
    assert_eq!(rows[0], COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
    assert_eq!(rows[1][0], cases[0].id);
}

#[test]
fn cells_with_separators_quotes_and_line_breaks_round_trip() {
    let tricky = "He said \"not delivered\", then; left\r\nsecond line";
    let case = case_with("A,1;2", "Łukasz \"Łuki\" Wójcik", tricky);
    for lang in Lang::ALL {
        let style = CsvStyle::for_lang(lang);
        let text = cases_csv([&case], &texts(lang), style, today());
        let rows = parse(&text['\u{feff}'.len_utf8()..], style.separator);
        assert_eq!(rows[1][4], "A,1;2");
        assert_eq!(rows[1][5], "Łukasz \"Łuki\" Wójcik");
        assert_eq!(rows[1][15], tricky);
    }
}

#[test]
fn formula_starts_are_neutralised_in_user_text() {
    for dangerous in ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "＝1+1"] {
        assert_eq!(neutralise(dangerous), format!("'{dangerous}"), "{dangerous:?}");
    }
    for harmless in ["Order 5", "", "1-2", "Иван", "'quoted"] {
        assert_eq!(neutralise(harmless), harmless);
    }
    let case = case_with("=1+1", "@buyer", "-rm");
    let text = cases_csv([&case], &texts(Lang::En), CsvStyle::RFC4180, today());
    let rows = parse(&text['\u{feff}'.len_utf8()..], ',');
    assert_eq!(rows[1][4], "'=1+1");
    assert_eq!(rows[1][5], "'@buyer");
    assert_eq!(rows[1][15], "'-rm");
}

#[test]
fn quoting_follows_rfc_4180() {
    assert_eq!(quote("plain", ','), "plain");
    assert_eq!(quote("a,b", ','), "\"a,b\"");
    assert_eq!(quote("a,b", ';'), "a,b");
    assert_eq!(quote("say \"hi\"", ';'), "\"say \"\"hi\"\"\"");
    assert_eq!(quote("two\nlines", ','), "\"two\nlines\"");
}

#[test]
fn each_language_gets_its_spreadsheet_style_and_words() {
    let mut case = sample_cases(1, 3).remove(0);
    case.money.at_stake = 123_450;
    case.money.currency = "PLN".into();
    if case.status != CaseStatus::WaitingBuyer {
        let at = case.updated_at + Duration::hours(1);
        case.status = CaseStatus::Open;
        assert!(case.set_status(CaseStatus::WaitingBuyer, at));
    }
    let en = cases_csv([&case], &texts(Lang::En), CsvStyle::for_lang(Lang::En), today());
    let en_rows = parse(&en['\u{feff}'.len_utf8()..], ',');
    assert_eq!(en_rows[1][10], "1234.50");
    let pl = cases_csv([&case], &texts(Lang::Pl), CsvStyle::for_lang(Lang::Pl), today());
    let pl_rows = parse(&pl['\u{feff}'.len_utf8()..], ';');
    assert_eq!(pl_rows[1][10], "1234,50");
    assert_eq!(pl_rows[1][6], case.created_at.format("%Y-%m-%d").to_string());
    let ru = cases_csv([&case], &texts(Lang::Ru), CsvStyle::for_lang(Lang::Ru), today());
    let ru_rows = parse(&ru['\u{feff}'.len_utf8()..], ';');
    assert_ne!(ru_rows[1][3], en_rows[1][3], "status translated");
    assert_ne!(ru_rows[1][3], pl_rows[1][3]);
}

#[test]
fn file_name_has_the_date() {
    let day = Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).single().expect("valid").date_naive();
    assert_eq!(file_name(day), "claimdesk-cases-2026-11-25.csv");
}

/// A mimovrste.com withdrawal on 23 Nov 2026: the credit note was due 18 Nov (missed), the withdrawal period ends
/// today, the refund is due tomorrow.
fn mall_with_a_missed_date() -> Case {
    let s = scenario("mall-incomplete-order");
    let pairs = [
        ("shop", "si"),
        ("found", "after_delivery"),
        ("order_number", "MALL-7001"),
        ("shortage_confirmed", "yes"),
        ("customer_choice", "withdraw"),
        ("delivered_on", "2026-11-09"),
        ("withdrawal_date", "2026-11-10"),
        ("mall_request", "2026-11-04"),
        ("complaints_request", "2026-11-12"),
    ];
    let created = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single().expect("valid");
    Case::from_wizard("m1".into(), s, answers(s, &pairs), created)
}

fn next_deadline_cell(case: &Case, on: &str) -> String {
    let text = cases_csv([case], &texts(Lang::En), CsvStyle::RFC4180, date(on));
    let rows = parse(&text['\u{feff}'.len_utf8()..], ',');
    let column = COLUMNS.iter().position(|c| *c == "next_deadline").expect("a next_deadline column");
    rows[1][column].clone()
}

#[test]
fn next_deadline_is_the_next_date_that_can_still_be_met_not_a_missed_one() {
    let case = mall_with_a_missed_date();
    let due: Vec<String> = case.deadlines.iter().map(|d| d.due.to_string()).collect();
    assert!(due.contains(&"2026-11-18".to_string()), "the missed credit note is among the deadlines: {due:?}");
    assert_eq!(next_deadline_cell(&case, "2026-11-23"), "2026-11-23");
    assert_eq!(next_deadline_cell(&case, "2026-11-24"), "2026-11-24");
    assert_eq!(next_deadline_cell(&case, "2026-11-25"), "2026-11-26", "the complaints team's credit note");
    assert_eq!(next_deadline_cell(&case, "2026-11-27"), "", "every date missed: nothing left to meet");
}

#[test]
fn a_from_date_is_not_a_next_deadline_and_a_finished_case_has_none() {
    // WB claim filed 20 Nov: WB's 30 days end Mon 21 Dec; "court possible from" 22 Dec is not a deadline; the
    // 3-year limitation counts from the day the loss was found.
    let s = scenario("wb-lost-goods");
    let pairs = [
        ("where", "warehouse"),
        ("fire", "no"),
        ("found_date", "2026-11-10"),
        ("claim_sent", "yes"),
        ("claim_date", "2026-11-20"),
    ];
    let created = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single().expect("valid");
    let mut case = Case::from_wizard("w1".into(), s, answers(s, &pairs), created);
    assert_eq!(next_deadline_cell(&case, "2026-12-21"), "2026-12-21");
    assert_eq!(next_deadline_cell(&case, "2026-12-22"), "2029-11-12");
    assert!(case.set_status(CaseStatus::ResolvedWon, created));
    assert_eq!(next_deadline_cell(&case, "2026-12-01"), "");
}
