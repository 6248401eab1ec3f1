#![cfg(not(target_arch = "wasm32"))]
//! The itemised loss table: amounts in minor units per marketplace basis, the per-row formula, pasting from a
//! spreadsheet (header in any order, every error kind with its row and column), claim parts, stored form.

use claimdesk::domain::loss_paste::{header_column, parse_amount_cell, parse_commission_cell, parse_quantity_cell};
use claimdesk::domain::{
    claim_row_limit, loss_limits, parse_pasted, Basis, ClaimPart, Commission, CommissionPart, LossColumn, LossError,
    LossErrorKind, LossRow, LossTable, RowFormula,
};
use claimdesk::i18n::Lang;
use claimdesk::scenario::Marketplace;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// Three lost WB items copied from a Russian Excel sheet: header in Russian, decimal commas, a no-break space
/// between thousands, a currency sign, a percentage commission and a per-unit one, a seller's article with
/// quotes and a line break (quoted the way Excel quotes it), CRLF line ends and a trailing line break.
fn wb_excel_copy() -> String {
    [
        "Артикул WB\tАртикул продавца\tРазмер\tБаркод\tКол-во\tЦена розничная с учетом согласованной скидки\tКомиссия"
            .to_string(),
        format!("146823915\tPLT-001-черн\t44\t2040705123456\t3\t1{NBSP}299,99\t15%"),
        format!("98765432\tPLT-002\tM\t2040705654321\t1\t2{NNBSP}450,00{NBSP}₽\t367,50"),
        "55512345\t\"PLT-\"\"Лето\"\"\nсинее\"\t42-44\t2040705999999\t2\t899,5\t12,5 %".to_string(),
        String::new(),
    ]
    .join("\r\n")
}

fn row(sku: &str, quantity: u32, unit_price: i64, commission: Commission) -> LossRow {
    LossRow { marketplace_sku: sku.into(), quantity, unit_price, commission, ..LossRow::default() }
}

#[test]
fn wildberries_rows_pasted_from_russian_excel() {
    let preview = parse_pasted(&wb_excel_copy(), Lang::Ru);
    assert_eq!(preview.errors, vec![]);
    assert!(preview.header && preview.missing.is_empty() && preview.is_clean());
    assert_eq!(preview.columns, LossColumn::ALL.map(Some).to_vec());
    assert_eq!(preview.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 3, 4]);
    let table = LossTable::new(preview.good_rows());
    assert_eq!(
        table.rows[0],
        LossRow {
            marketplace_sku: "146823915".into(),
            seller_article: "PLT-001-черн".into(),
            size: "44".into(),
            barcode: "2040705123456".into(),
            quantity: 3,
            unit_price: 129_999,
            commission: Commission::Percent(1500),
        }
    );
    assert_eq!(table.rows[1].unit_price, 245_000);
    assert_eq!(table.rows[1].commission, Commission::PerUnit(36_750));
    assert_eq!(table.rows[2].seller_article, "PLT-\"Лето\" синее");
    assert_eq!(table.rows[2].commission, Commission::Percent(1250));

    let basis = Basis::for_marketplace(Marketplace::Wildberries);
    assert_eq!(basis, Basis::PriceLessCommission);
    let formulas = table.formulas(basis);
    // 15 % of 1 299,99 = 194,9985 → 195,00 per unit; (1 299,99 − 195,00) × 3 = 3 314,97
    assert_eq!(
        formulas[0],
        RowFormula {
            quantity: 3,
            unit_price: 129_999,
            commission: Some(CommissionPart { percent_bp: Some(1500), per_unit: 19_500 }),
            per_unit: 110_499,
            line_total: 331_497,
        }
    );
    // (2 450,00 − 367,50) × 1 = 2 082,50
    assert_eq!(
        formulas[1],
        RowFormula {
            quantity: 1,
            unit_price: 245_000,
            commission: Some(CommissionPart { percent_bp: None, per_unit: 36_750 }),
            per_unit: 208_250,
            line_total: 208_250,
        }
    );
    // 12,5 % of 899,50 = 112,4375 → 112,44; (899,50 − 112,44) × 2 = 1 574,12
    assert_eq!(formulas[2].commission, Some(CommissionPart { percent_bp: Some(1250), per_unit: 11_244 }));
    assert_eq!((formulas[2].per_unit, formulas[2].line_total), (78_706, 157_412));
    assert_eq!(table.total(basis), 697_159);
    assert_eq!(table.quantity(), 6);
    assert_eq!(table.problems(), vec![]);

    // The same copy reads the same whatever the app's language (one `,` before two digits is a decimal point).
    for lang in Lang::ALL {
        assert_eq!(parse_pasted(&wb_excel_copy(), lang).good_rows(), table.rows, "{lang:?}");
    }

    // Other marketplaces claim the unit price: the commission takes no part.
    let plain = table.formulas(Basis::UnitPrice);
    assert_eq!(plain[0].commission, None);
    assert_eq!((plain[0].per_unit, plain[0].line_total), (129_999, 389_997));
    assert_eq!(table.total(Basis::UnitPrice), 389_997 + 245_000 + 179_900);
}

#[test]
fn basis_per_marketplace() {
    assert_eq!(Basis::for_marketplace(Marketplace::Wildberries), Basis::PriceLessCommission);
    for m in [Marketplace::YandexMarket, Marketplace::Amazon, Marketplace::Mall] {
        assert_eq!(Basis::for_marketplace(m), Basis::UnitPrice, "{m:?}");
        assert!(!Basis::for_marketplace(m).uses_commission());
    }
    assert!(Basis::PriceLessCommission.uses_commission());
}

#[test]
fn percentage_commission_rounds_per_unit_half_away_from_zero() {
    assert_eq!(Commission::Percent(500).per_unit(10), 1); // 0,5 kopeck → 1
    assert_eq!(Commission::Percent(1500).per_unit(10), 2); // 1,5 → 2
    assert_eq!(Commission::Percent(1400).per_unit(10), 1); // 1,4 → 1
    assert_eq!(Commission::Percent(1).per_unit(4_999), 0); // 0,4999 → 0
    assert_eq!(Commission::Percent(1).per_unit(5_000), 1); // 0,5 → 1
    assert_eq!(Commission::Percent(10_000).per_unit(123_456), 123_456);
    assert_eq!(Commission::Percent(0).per_unit(123_456), 0);
    assert_eq!(Commission::PerUnit(777).per_unit(123_456), 777);
    // Rounded per unit, then multiplied: 3 × (0,10 − 0,02) = 0,24, not 0,30 − 0,045 = 0,255 → 0,26.
    let r = row("1", 3, 10, Commission::Percent(1500));
    assert_eq!(r.formula(Basis::PriceLessCommission).line_total, 24);
}

#[test]
fn header_in_any_order_with_unknown_columns() {
    let en = "Commission\tQuantity\tBrand\tASIN\tPrice (USD)\tSKU\n5%\t2\tAcme\tB00TEST123\t$1,234.50\tMY-SKU-1\n";
    let preview = parse_pasted(en, Lang::En);
    assert_eq!(preview.errors, vec![]);
    assert_eq!(
        preview.columns,
        vec![
            Some(LossColumn::Commission),
            Some(LossColumn::Quantity),
            None,
            Some(LossColumn::MarketplaceSku),
            Some(LossColumn::UnitPrice),
            Some(LossColumn::SellerArticle),
        ]
    );
    let got = &preview.rows[0].value;
    assert_eq!((got.marketplace_sku.as_str(), got.seller_article.as_str()), ("B00TEST123", "MY-SKU-1"));
    assert_eq!((got.quantity, got.unit_price, got.commission), (2, 123_450, Commission::Percent(500)));

    let pl = "Rozmiar\tKod kreskowy\tCena\tIlość\tProwizja\n38\t5901234123457\t1 234,50 zł\t1\t12,34\n";
    let preview = parse_pasted(pl, Lang::Pl);
    assert_eq!(preview.errors, vec![]);
    let got = &preview.rows[0].value;
    assert_eq!((got.size.as_str(), got.barcode.as_str()), ("38", "5901234123457"));
    assert_eq!((got.quantity, got.unit_price, got.commission), (1, 123_450, Commission::PerUnit(1_234)));

    // WB's report: «Цена розничная с учетом согласованной скидки» wins over a plain «Цена»; «Цена розничная»
    // (before the seller's discount) is ignored; «Комиссия, %» makes plain numbers percentages.
    let ru = "Цена\tКод номенклатуры\tЦена розничная\tЦена розничная с учётом согласованной скидки\tКоличество\tКомиссия, %\n\
              100\t111\t2000\t1500\t1\t20\n";
    let preview = parse_pasted(ru, Lang::Ru);
    assert_eq!(preview.errors, vec![]);
    assert!(preview.commission_in_percent);
    assert_eq!(preview.columns[0], None);
    assert_eq!(preview.columns[2], None);
    let got = &preview.rows[0].value;
    assert_eq!((got.unit_price, got.commission), (150_000, Commission::Percent(2000)));
}

#[test]
fn header_titles_in_three_languages_and_marketplace_reports() {
    let cases = [
        ("Артикул WB", LossColumn::MarketplaceSku),
        ("nmID", LossColumn::MarketplaceSku),
        ("FNSKU", LossColumn::MarketplaceSku),
        ("asin", LossColumn::MarketplaceSku),
        ("SKU на Маркете", LossColumn::MarketplaceSku),
        ("Артикул продавца", LossColumn::SellerArticle),
        ("SKU", LossColumn::SellerArticle),
        ("Баркод", LossColumn::Barcode),
        ("Kod kreskowy", LossColumn::Barcode),
        ("  Размер: ", LossColumn::Size),
        ("Rozmiar", LossColumn::Size),
        ("Кол-во", LossColumn::Quantity),
        ("Количество, шт.", LossColumn::Quantity),
        ("Quantity", LossColumn::Quantity),
        ("Ilość", LossColumn::Quantity),
        ("Цена, руб.", LossColumn::UnitPrice),
        ("Price", LossColumn::UnitPrice),
        ("Cena", LossColumn::UnitPrice),
        ("Комиссия", LossColumn::Commission),
        ("Commission", LossColumn::Commission),
        ("Prowizja", LossColumn::Commission),
    ];
    for (title, column) in cases {
        assert_eq!(header_column(title).map(|(c, _)| c), Some(column), "{title}");
    }
    for unknown in ["Бренд", "Цена розничная", "Brand", "", "12"] {
        assert_eq!(header_column(unknown), None, "{unknown}");
    }
}

#[test]
fn without_a_header_the_default_order_and_blank_lines_are_skipped() {
    let text = "\n111\tA-1\tS\t460\t2\t10,00\t1,00\n\t\t\n222\t\t\t\t1\t5\n";
    let preview = parse_pasted(text, Lang::Ru);
    assert!(!preview.header);
    assert_eq!(preview.errors, vec![]);
    assert_eq!(preview.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 4]);
    assert_eq!(preview.rows[0].value.commission, Commission::PerUnit(100));
    assert_eq!(preview.rows[1].value, row("222", 1, 500, Commission::PerUnit(0)));
    assert_eq!(preview.columns.len(), 7);
    assert!(parse_pasted("", Lang::En).rows.is_empty());
    assert!(!parse_pasted(" \n\n", Lang::En).is_clean());
}

#[test]
fn every_error_kind_with_its_row_and_column() {
    let long = "x".repeat(loss_limits::CELL_CHARS + 1);
    let text = [
        "SKU\tQuantity\tPrice\tCommission".to_string(), // 1
        "A\t\t10.00\t".into(),                          // 2 empty quantity
        "B\t1\tabc\t".into(),                           // 3 not a number
        "C\t1\t-5.00\t".into(),                         // 4 negative
        "D\t0\t5.00\t".into(),                          // 5 zero quantity
        "E\t1.5\t5.00\t".into(),                        // 6 not whole
        "F\t1\t5.00\t150%".into(),                      // 7 too large
        format!("{long}\t1\t5.00\t"),                   // 8 too long
        "G\t1\t5.00\t6.00".into(),                      // 9 commission above the price
        "\t1\t5.00\t".into(),                           // 10 no id
        "H\t1\t12abc\t-1%".into(),                      // 11 two bad cells
        "I\t2\t3.00\t1.00".into(),                      // 12 good
    ]
    .join("\n");
    let preview = parse_pasted(&text, Lang::En);
    let e = |row, column, kind| LossError { row, column: Some(column), kind };
    use LossColumn::*;
    use LossErrorKind::*;
    assert_eq!(
        preview.errors,
        vec![
            e(2, Quantity, EmptyRequired),
            e(3, UnitPrice, NotANumber),
            e(4, UnitPrice, Negative),
            e(5, Quantity, ZeroQuantity),
            e(6, Quantity, NotWhole),
            e(7, Commission, TooLarge),
            e(8, SellerArticle, TooLong),
            e(9, Commission, CommissionAbovePrice),
            e(10, MarketplaceSku, EmptyRequired),
            e(11, UnitPrice, NotANumber),
            e(11, Commission, Negative),
        ]
    );
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(preview.rows[0].row, 12);
    assert!(!preview.is_clean());

    // A header without the required columns says which.
    let preview = parse_pasted("Size\tCommission\nM\t1\n", Lang::En);
    assert!(preview.header);
    assert_eq!(preview.missing, vec![MarketplaceSku, Quantity, UnitPrice]);

    // Too many rows: once, at the first row over the limit (the header is row 1).
    let mut text = String::from("SKU\tQty\tPrice\n");
    for i in 0..loss_limits::ROWS + 5 {
        text.push_str(&format!("S{i}\t1\t1.00\n"));
    }
    let preview = parse_pasted(&text, Lang::En);
    assert_eq!(preview.rows.len(), loss_limits::ROWS);
    assert_eq!(preview.errors, vec![LossError { row: loss_limits::ROWS + 2, column: None, kind: TooManyRows }]);
}

#[test]
fn number_cells() {
    assert_eq!(parse_amount_cell(Lang::Ru, "1 234,50"), Ok(123_450));
    assert_eq!(parse_amount_cell(Lang::Ru, "1\u{a0}234,50\u{a0}₽"), Ok(123_450));
    assert_eq!(parse_amount_cell(Lang::Ru, "1\u{202f}234,50 руб."), Ok(123_450));
    assert_eq!(parse_amount_cell(Lang::Ru, "1234.50"), Ok(123_450));
    assert_eq!(parse_amount_cell(Lang::En, "$1,234.50"), Ok(123_450));
    assert_eq!(parse_amount_cell(Lang::Pl, "PLN 12,5"), Ok(1_250));
    assert_eq!(parse_amount_cell(Lang::En, "US$ 7"), Ok(700));
    assert_eq!(parse_amount_cell(Lang::En, "-3.00"), Err(LossErrorKind::Negative));
    assert_eq!(parse_amount_cell(Lang::Ru, "−3,00"), Err(LossErrorKind::Negative));
    assert_eq!(parse_amount_cell(Lang::En, "(3.00)"), Err(LossErrorKind::Negative));
    assert_eq!(parse_amount_cell(Lang::En, "0"), Ok(0));
    for bad in ["", "abc", "12abc", "1e5", "1,2,3.4.5", "12.345.6,7,8"] {
        assert_eq!(parse_amount_cell(Lang::En, bad), Err(LossErrorKind::NotANumber), "{bad}");
    }
    assert_eq!(parse_amount_cell(Lang::En, "100000001"), Err(LossErrorKind::TooLarge));
    assert_eq!(parse_quantity_cell(Lang::Ru, "3 шт."), Ok(3));
    assert_eq!(parse_quantity_cell(Lang::Ru, "1 000"), Ok(1_000));
    assert_eq!(parse_quantity_cell(Lang::Ru, "2,00"), Ok(2));
    assert_eq!(parse_quantity_cell(Lang::Ru, "2,5"), Err(LossErrorKind::NotWhole));
    assert_eq!(parse_quantity_cell(Lang::Ru, "0"), Err(LossErrorKind::ZeroQuantity));
    assert_eq!(parse_quantity_cell(Lang::Ru, "1000001"), Err(LossErrorKind::TooLarge));
    assert_eq!(parse_commission_cell(Lang::Ru, "12%"), Ok(Commission::Percent(1200)));
    assert_eq!(parse_commission_cell(Lang::Ru, "12,75 %"), Ok(Commission::Percent(1275)));
    assert_eq!(parse_commission_cell(Lang::En, "100%"), Ok(Commission::Percent(10_000)));
    assert_eq!(parse_commission_cell(Lang::En, "100.01%"), Err(LossErrorKind::TooLarge));
    assert_eq!(parse_commission_cell(Lang::En, "x%"), Err(LossErrorKind::NotANumber));
    assert_eq!(parse_commission_cell(Lang::En, ""), Ok(Commission::PerUnit(0)));
}

#[test]
fn excel_quoting_tabs_and_line_breaks_inside_a_cell() {
    let text = "\"a\tb\"\t\"line1\r\nline2\"\t\t\t1\t1,00\n\"5\"\" box\"\t\"unterminated\t\t\t1\t2,00\n";
    let preview = parse_pasted(text, Lang::Ru);
    assert_eq!(preview.errors, vec![]);
    assert_eq!(preview.rows[0].row, 1);
    assert_eq!(preview.rows[0].value.marketplace_sku, "a b");
    assert_eq!(preview.rows[0].value.seller_article, "line1  line2");
    assert_eq!(preview.rows[1].row, 2);
    assert_eq!(preview.rows[1].value.marketplace_sku, "5\" box");
    assert_eq!(preview.rows[1].value.seller_article, "\"unterminated");
}

#[test]
fn yandex_market_claims_of_ten_rows() {
    assert_eq!(claim_row_limit(Marketplace::YandexMarket), Some(10));
    for m in [Marketplace::Wildberries, Marketplace::Amazon, Marketplace::Mall] {
        assert_eq!(claim_row_limit(m), None, "{m:?}");
    }
    // Row i (1..=23): i units at i × 100,00 with a commission the basis ignores.
    let rows: Vec<LossRow> =
        (1..=23u32).map(|i| row(&format!("YM-{i}"), i, i64::from(i) * 10_000, Commission::Percent(2000))).collect();
    let table = LossTable::new(rows);
    let basis = Basis::for_marketplace(Marketplace::YandexMarket);
    let parts = table.claim_parts(claim_row_limit(Marketplace::YandexMarket), basis);
    let total = |from: i64, to: i64| (from..=to).map(|i| i * i * 10_000).sum::<i64>();
    assert_eq!(
        parts,
        vec![
            ClaimPart { rows: 0..10, total: total(1, 10) },
            ClaimPart { rows: 10..20, total: total(11, 20) },
            ClaimPart { rows: 20..23, total: total(21, 23) },
        ]
    );
    assert_eq!(parts.iter().map(|p| p.total).sum::<i64>(), table.total(basis));
    assert_eq!(table.part(&parts[2]).rows.len(), 3);
    assert_eq!(table.part(&parts[2]).rows[0].marketplace_sku, "YM-21");
    assert_eq!(table.claim_parts(None, basis), vec![ClaimPart { rows: 0..23, total: table.total(basis) }]);
    assert_eq!(LossTable::default().claim_parts(Some(10), basis), vec![]);
    let ten = LossTable::new(table.rows[..10].to_vec());
    assert_eq!(ten.claim_parts(Some(10), basis).len(), 1);
}

#[test]
fn limits_of_a_table() {
    let mut table = LossTable::new(vec![row("A", 1, 100, Commission::default()); loss_limits::ROWS - 1]);
    assert_eq!(table.append(vec![row("B", 1, 100, Commission::default())]), Ok(()));
    let over = LossError { row: loss_limits::ROWS + 1, column: None, kind: LossErrorKind::TooManyRows };
    assert_eq!(table.append(vec![row("C", 1, 100, Commission::default())]), Err(over));
    assert_eq!(table.rows.len(), loss_limits::ROWS);
    table.rows.push(row("D", 1, 100, Commission::default()));
    assert_eq!(table.problems(), vec![over]);

    let bad = LossRow {
        marketplace_sku: "x".repeat(loss_limits::CELL_CHARS + 1),
        quantity: loss_limits::QUANTITY + 1,
        unit_price: -1,
        commission: Commission::Percent(10_001),
        ..LossRow::default()
    };
    let e = |column, kind| LossError { row: 3, column: Some(column), kind };
    assert_eq!(
        bad.problems(3),
        vec![
            e(LossColumn::MarketplaceSku, LossErrorKind::TooLong),
            e(LossColumn::Quantity, LossErrorKind::TooLarge),
            e(LossColumn::UnitPrice, LossErrorKind::Negative),
            e(LossColumn::Commission, LossErrorKind::TooLarge),
        ]
    );
    // Every row at the limits still sums inside an i64.
    let max = row("M", loss_limits::QUANTITY, loss_limits::AMOUNT_MINOR, Commission::default());
    assert_eq!(max.problems(1), vec![]);
    let table = LossTable::new(vec![max; loss_limits::ROWS]);
    assert_eq!(table.total(Basis::UnitPrice), 5_000_000_000_000_000_000);
    // A commission above the price is refused, and never makes a row negative.
    let odd = row("O", 2, 100, Commission::PerUnit(150));
    let above = LossError { row: 1, column: Some(LossColumn::Commission), kind: LossErrorKind::CommissionAbovePrice };
    assert_eq!(odd.problems(1), vec![above]);
    assert_eq!(odd.formula(Basis::PriceLessCommission).line_total, 0);
}

#[test]
fn stored_form_is_short_and_round_trips() {
    let table = LossTable::new(vec![
        LossRow {
            marketplace_sku: "146823915".into(),
            seller_article: "PLT-001".into(),
            size: "44".into(),
            barcode: "2040705123456".into(),
            quantity: 3,
            unit_price: 129_999,
            commission: Commission::Percent(1500),
        },
        row("98765432", 1, 245_000, Commission::PerUnit(36_750)),
        row("555", 2, 100, Commission::PerUnit(0)),
    ]);
    let json = serde_json::to_string(&table).expect("serialises");
    assert_eq!(
        json,
        r#"{"rows":[{"sku":"146823915","art":"PLT-001","size":"44","bc":"2040705123456","qty":3,"price":129999,"com":{"bp":1500}},{"sku":"98765432","qty":1,"price":245000,"com":{"amt":36750}},{"sku":"555","qty":2,"price":100}]}"#
    );
    let back: LossTable = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, table);
    // Optional text fields and the commission may be absent; so may the rows.
    let minimal: LossTable = serde_json::from_str(r#"{"rows":[{"art":"A","qty":1,"price":5}]}"#).expect("minimal");
    assert_eq!(minimal.rows[0].seller_article, "A");
    assert_eq!(minimal.rows[0].commission, Commission::PerUnit(0));
    assert_eq!(serde_json::from_str::<LossTable>("{}").expect("empty"), LossTable::default());
}

#[test]
fn line_ends_of_every_spreadsheet_and_stable_codes() {
    for end in ["\n", "\r\n", "\r"] {
        let text = ["SKU\tQty\tPrice", "A\t1\t1.00", "", "B\t2\t2.00"].join(end);
        let preview = parse_pasted(&text, Lang::En);
        assert_eq!(preview.errors, vec![], "{end:?}");
        assert_eq!(preview.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 4], "{end:?}");
    }
    let codes: std::collections::BTreeSet<&str> = LossColumn::ALL.iter().map(|c| c.code()).collect();
    assert_eq!(codes.len(), LossColumn::ALL.len());
    assert_eq!(LossErrorKind::CommissionAbovePrice.code(), "commission_above_price");
}

#[test]
fn the_item_number_is_named_as_each_portal_names_it() {
    use claimdesk::domain::item_number_key;
    use claimdesk::i18n::tr;
    assert_eq!(tr(Lang::Ru, item_number_key(Marketplace::Wildberries)), "Артикул WB");
    assert_eq!(tr(Lang::Pl, item_number_key(Marketplace::Wildberries)), "Kod produktu WB (Артикул WB)");
    assert_eq!(tr(Lang::En, item_number_key(Marketplace::YandexMarket)), "Market SKU");
    assert_eq!(tr(Lang::Ru, item_number_key(Marketplace::Amazon)), "ASIN / FNSKU");
    assert_eq!(tr(Lang::Pl, item_number_key(Marketplace::Mall)), "Kod produktu");
}
