#![cfg(not(target_arch = "wasm32"))]
//! codec::report: encodings, separators, quoting, formulas, workbooks and archives, on the generated fixtures.

mod report_support;

use claimdesk::codec::report::text::{cp1251_char, decode};
use claimdesk::codec::report::{read_file, Encoding, Limits};
use report_support::{bytes, sheets};

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

#[test]
fn utf8_with_bom_semicolons_quoted_line_breaks_and_excel_text_literals() {
    let sheet = sheets("wb_acceptance_ru.csv").remove(0);
    assert_eq!(sheet.encoding, Some(Encoding::Utf8Bom));
    assert_eq!(sheet.separator, Some(';'));
    assert_eq!(sheet.rows.len(), 8);
    assert_eq!(sheet.rows[0], row(&["Поставка № 123456 от 02.12.2026"]));
    assert_eq!(sheet.rows[1], row(&[""]));
    assert_eq!(sheet.rows[2][0], "Номер поставки", "the BOM is not part of the first caption");
    assert_eq!(sheet.rows[3][4], "4600000000011", "=\"…\" is Excel's text literal, unwrapped");
    assert_eq!(sheet.rows[5][2], "Кружка \"Утро\"\nбелая");
    assert_eq!(sheet.rows[7][5], "1 000");
}

#[test]
fn windows_1251_and_tabs() {
    let sheet = sheets("wb_acceptance_1251.txt").remove(0);
    assert_eq!(sheet.encoding, Some(Encoding::Windows1251));
    assert_eq!(sheet.separator, Some('\t'));
    assert_eq!(sheet.rows[0][4], "Заявлено, шт");
    assert_eq!(sheet.rows[1], row(&["654321", "44444444", "ШАРФ-СИНИЙ", "4600000000059", "4", "1", "2026-11-28"]));
}

#[test]
fn the_windows_1251_table_matches_encoding_rs() {
    for byte in 0u8..=255 {
        let ours = cp1251_char(byte);
        let input = [byte];
        let (theirs, _, _) = encoding_rs::WINDOWS_1251.decode(&input);
        assert_eq!(ours.to_string(), theirs, "byte {byte:#04x}");
    }
}

#[test]
fn utf16_with_a_bom_is_read() {
    let mut data = vec![0xff, 0xfe];
    for unit in "Баркод\tПринято\r\n1\t2\r\n".encode_utf16() {
        data.extend(unit.to_le_bytes());
    }
    let (text, encoding) = decode(&data);
    assert_eq!(encoding, Encoding::Utf16Le);
    assert_eq!(text, "Баркод\tПринято\r\n1\t2\r\n");
    let sheet = read_file("u.txt", &data, &Limits::default()).expect("utf-16 text").remove(0);
    assert_eq!(sheet.rows, vec![row(&["Баркод", "Принято"]), row(&["1", "2"])]);
}

#[test]
fn commas_with_a_formula_looking_cell_kept_as_text() {
    let sheet = sheets("wb_sales_detail_api.csv").remove(0);
    assert_eq!(sheet.separator, Some(','));
    assert_eq!(sheet.rows[2][6], "=HYPERLINK(\"http://example.invalid\",\"Компенсация ущерба\")");
}

#[test]
fn a_separator_is_chosen_by_consistency_not_by_count() {
    // Commas inside the values, semicolons between them.
    let data = "a;b;c\r\n1,5;2,5;3,5\r\n4,0;5,0;6,0\r\n".as_bytes();
    let sheet = read_file("x.csv", data, &Limits::default()).expect("csv").remove(0);
    assert_eq!(sheet.separator, Some(';'));
    assert_eq!(sheet.rows[1], row(&["1,5", "2,5", "3,5"]));
}

#[test]
fn xlsx_cells_numbers_serial_dates_and_formula_cached_values() {
    let sheet = sheets("wb_sales_detail.xlsx").remove(0);
    assert_eq!(sheet.source, "wb_sales_detail.xlsx#Детализация");
    assert_eq!(sheet.encoding, None);
    assert_eq!(sheet.rows.len(), 7);
    assert_eq!(sheet.rows[0][0], "Отчёт о реализации № 987654321 за период с 10.11.2026 по 16.11.2026");
    assert!(sheet.rows[1].iter().all(String::is_empty), "row 2 is empty: {:?}", sheet.rows[1]);
    assert_eq!(sheet.rows[2][6], "Обоснование для оплаты");
    assert_eq!(
        sheet.rows[4],
        row(&[
            "2",
            "123456",
            "11111111",
            "TSHIRT-RED",
            "M",
            "4600000000011",
            "Компенсация ущерба",
            "46337",
            "1",
            "1000",
            "15",
            "850",
            "руб"
        ])
    );
    assert_eq!(sheet.rows[5][9], "1299.99");
}

#[test]
fn a_zip_gives_every_report_inside_named_by_its_path() {
    let sheets = sheets("wb_reports.zip");
    let sources: Vec<&str> = sheets.iter().map(|s| s.source.as_str()).collect();
    assert_eq!(sources, ["wb_reports.zip/Поставка 123456.csv", "wb_reports.zip/detail/report.xlsx#Детализация"]);
    assert_eq!(sheets[0].rows, report_support::sheets("wb_acceptance_ru.csv")[0].rows);
    assert_eq!(sheets[1].rows, report_support::sheets("wb_sales_detail.xlsx")[0].rows);
}

#[test]
fn line_endings_of_every_kind_and_a_last_line_without_one() {
    let sheet = read_file("x.csv", b"a;b\r\n1;2\n3;4\r5;\"\"", &Limits::default()).expect("csv").remove(0);
    assert_eq!(sheet.rows, vec![row(&["a", "b"]), row(&["1", "2"]), row(&["3", "4"]), row(&["5", ""])]);
}

#[test]
fn the_file_fingerprint_depends_on_the_bytes_only() {
    use claimdesk::codec::report::file_fingerprint;
    let a = file_fingerprint(&bytes("wb_acceptance_ru.csv"));
    assert_eq!(a, file_fingerprint(&bytes("wb_acceptance_ru.csv")));
    assert_ne!(a, file_fingerprint(&bytes("wb_acceptance_1251.txt")));
    assert_eq!(a.len(), 16);
}
