#![cfg(not(target_arch = "wasm32"))]
//! The loss table as CSV: byte order mark, `;` and decimal comma for ru/pl, `,` and point for en, quoting,
//! the formula guard, the totals row and the file names.

use chrono::NaiveDate;
use claimdesk::codec::csv::CsvStyle;
use claimdesk::codec::loss_csv::{loss_file_name, loss_table_csv, LossCsvTexts, LOSS_COLUMNS};
use claimdesk::domain::{claim_row_limit, Basis, Commission, LossRow, LossTable};
use claimdesk::i18n::Lang;
use claimdesk::scenario::Marketplace;

fn table() -> LossTable {
    LossTable::new(vec![
        LossRow {
            marketplace_sku: "146823915".into(),
            seller_article: "=HYPERLINK(\"x\")".into(),
            size: "44".into(),
            barcode: "2040705123456".into(),
            quantity: 3,
            unit_price: 129_999,
            commission: Commission::Percent(1500),
        },
        LossRow {
            marketplace_sku: "98765432".into(),
            seller_article: "PLT;002".into(),
            quantity: 1,
            unit_price: 245_000,
            commission: Commission::PerUnit(36_750),
            ..LossRow::default()
        },
    ])
}

const RU_HEADERS: [&str; 10] = [
    "Артикул WB",
    "Артикул продавца",
    "Размер",
    "Баркод",
    "Кол-во",
    "Цена",
    "Комиссия",
    "Комиссия за ед.",
    "За ед.",
    "Сумма",
];

#[test]
fn russian_wildberries_file() {
    let texts = LossCsvTexts { headers: RU_HEADERS, total: "Итого" };
    let csv = loss_table_csv(
        &table(),
        Basis::for_marketplace(Marketplace::Wildberries),
        &texts,
        CsvStyle::for_lang(Lang::Ru),
    );
    let expected =
        "\u{feff}Артикул WB;Артикул продавца;Размер;Баркод;Кол-во;Цена;Комиссия;Комиссия за ед.;За ед.;Сумма\r\n\
                    146823915;\"'=HYPERLINK(\"\"x\"\")\";44;2040705123456;3;1299,99;15%;195,00;1104,99;3314,97\r\n\
                    98765432;\"PLT;002\";;;1;2450,00;367,50;367,50;2082,50;2082,50\r\n\
                    Итого;;;;4;;;;;5397,47\r\n";
    assert_eq!(csv, expected);
}

#[test]
fn english_file_with_the_unit_price_basis() {
    let texts = LossCsvTexts { headers: LOSS_COLUMNS, total: "Total" };
    let csv =
        loss_table_csv(&table(), Basis::for_marketplace(Marketplace::Amazon), &texts, CsvStyle::for_lang(Lang::En));
    let expected = "\u{feff}marketplace_sku,seller_article,size,barcode,quantity,unit_price,commission,commission_per_unit,per_unit,line_total\r\n\
                    146823915,\"'=HYPERLINK(\"\"x\"\")\",44,2040705123456,3,1299.99,15%,,1299.99,3899.97\r\n\
                    98765432,PLT;002,,,1,2450.00,367.50,,2450.00,2450.00\r\n\
                    Total,,,,4,,,,,6349.97\r\n";
    assert_eq!(csv, expected);
}

#[test]
fn percentages_guarded_labels_and_an_empty_table() {
    let rows = [1275u32, 1250, 0].map(|bp| LossRow {
        barcode: "+7".into(),
        quantity: 1,
        unit_price: 10_000,
        commission: Commission::Percent(bp),
        ..LossRow::default()
    });
    let table = LossTable::new(rows.to_vec());
    let texts = LossCsvTexts { headers: LOSS_COLUMNS, total: "=SUM(A1)" };
    let csv = loss_table_csv(&table, Basis::PriceLessCommission, &texts, CsvStyle::for_lang(Lang::Pl));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[1], ";;;'+7;1;100,00;12,75%;12,75;87,25;87,25");
    assert_eq!(lines[2], ";;;'+7;1;100,00;12,5%;12,50;87,50;87,50");
    assert_eq!(lines[3], ";;;'+7;1;100,00;0%;0,00;100,00;100,00");
    assert_eq!(lines[4], "'=SUM(A1);;;;3;;;;;274,75");
    let empty = loss_table_csv(&LossTable::default(), Basis::UnitPrice, &texts, CsvStyle::RFC4180);
    assert!(empty.ends_with("\r\n'=SUM(A1),,,,0,,,,,0.00\r\n"));
}

#[test]
fn file_names_for_the_table_and_its_claim_parts() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).expect("valid");
    assert_eq!(loss_file_name("c-123_x", today, None), "claimdesk-loss-c-123_x-2026-12-07.csv");
    assert_eq!(loss_file_name("c/../1", today, Some((2, 3))), "claimdesk-loss-c1-2026-12-07-part-2-of-3.csv");
    assert_eq!(loss_file_name("", today, None), "claimdesk-loss-case-2026-12-07.csv");
    // One file per Yandex Market claim.
    let rows = vec![LossRow { marketplace_sku: "1".into(), quantity: 1, unit_price: 100, ..LossRow::default() }; 23];
    let table = LossTable::new(rows);
    let parts = table.claim_parts(claim_row_limit(Marketplace::YandexMarket), Basis::UnitPrice);
    let texts = LossCsvTexts { headers: LOSS_COLUMNS, total: "Total" };
    let files: Vec<String> =
        parts.iter().map(|p| loss_table_csv(&table.part(p), Basis::UnitPrice, &texts, CsvStyle::RFC4180)).collect();
    assert_eq!(files.iter().map(|f| f.matches("\r\n").count()).collect::<Vec<_>>(), [12, 12, 5]);
    assert!(files[2].ends_with("Total,,,,3,,,,,3.00\r\n"));
}
