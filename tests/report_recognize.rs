#![cfg(not(target_arch = "wasm32"))]
//! Which report a file is, wherever its header sits and whatever captions it uses; and the seller's mapping when
//! the captions are unknown.

mod report_support;

use claimdesk::domain::report::recognize::{candidates, read_header};
use claimdesk::domain::report::{ColumnMapping, Field, MappingError, ReadError, ReadReport, ReportKind};
use report_support::{report, sheets};

fn header(captions: &[&str]) -> Vec<String> {
    captions.iter().map(|c| c.to_string()).collect()
}

#[test]
fn every_fixture_is_recognised_as_its_report_with_its_header_row() {
    let cases = [
        ("wb_acceptance_ru.csv", ReportKind::WbAcceptance, 3, 5),
        ("wb_acceptance_1251.txt", ReportKind::WbAcceptance, 1, 2),
        ("wb_sales_detail.xlsx", ReportKind::WbSalesDetail, 3, 4),
        ("wb_sales_detail_api.csv", ReportKind::WbSalesDetail, 1, 2),
        ("amazon_ledger.csv", ReportKind::AmazonLedgerDetail, 1, 5),
        ("amazon_reimbursements.txt", ReportKind::AmazonReimbursements, 1, 3),
        ("amazon_customer_returns.txt", ReportKind::AmazonCustomerReturns, 1, 1),
        ("amazon_transactions.csv", ReportKind::AmazonTransactions, 3, 5),
        ("ym_movement.xlsx", ReportKind::YmGoodsMovement, 1, 3),
        ("ym_movement.csv", ReportKind::YmGoodsMovement, 1, 1),
    ];
    for (name, kind, header_row, lines) in cases {
        let read = report(name);
        assert_eq!((read.kind(), read.header_row, read.lines.len()), (kind, header_row, lines), "{name}");
        assert!(read.recognition.is_complete());
    }
}

#[test]
fn old_and_new_wb_captions_find_the_same_fields() {
    let new = read_header(ReportKind::WbSalesDetail, &header(&["Артикул WB", "Баркод", "Артикул продавца"]));
    let old = read_header(ReportKind::WbSalesDetail, &header(&["Код номенклатуры", "Штрихкод", "Артикул поставщика"]));
    assert_eq!(new.columns, old.columns);
    assert_eq!(new.column(Field::WbArticle), Some(0));
    assert_eq!(new.column(Field::Barcode), Some(1));
    assert_eq!(new.column(Field::SellerArticle), Some(2));
}

#[test]
fn amazon_captions_in_snake_kebab_camel_and_spaced_forms() {
    for captions in [
        [
            "approval-date",
            "reimbursement-id",
            "reason",
            "fnsku",
            "currency-unit",
            "amount-total",
            "quantity-reimbursed-total",
        ],
        [
            "approval_date",
            "reimbursement_id",
            "reason",
            "fnsku",
            "currency_unit",
            "amount_total",
            "quantity_reimbursed_total",
        ],
        [
            "Approval Date",
            "Reimbursement ID",
            "Reason",
            "FNSKU",
            "Currency Unit",
            "Amount Total",
            "Quantity Reimbursed Total",
        ],
        [
            "approvalDate",
            "reimbursementId",
            "reason",
            "fnSku",
            "currencyUnit",
            "amountTotal",
            "quantityReimbursedTotal",
        ],
    ] {
        let best = candidates(&header(&captions)).remove(0);
        assert_eq!((best.kind, best.missing.clone()), (ReportKind::AmazonReimbursements, vec![]), "{captions:?}");
        assert_eq!(best.column(Field::Quantity), Some(6));
    }
}

#[test]
fn columns_in_any_order() {
    let read = read_header(
        ReportKind::YmGoodsMovement,
        &header(&["Склад", "Утилизация", "x", "SKU", "Недостача при инвентаризации"]),
    );
    assert!(read.is_complete());
    assert_eq!(read.column(Field::Sku), Some(3));
    assert_eq!(read.column(Field::WriteOff), Some(1));
    assert_eq!(read.column(Field::InventoryShortage), Some(4));
    assert_eq!(read.column(Field::Warehouse), Some(0));
}

#[test]
fn a_partial_header_is_ranked_and_says_what_is_missing() {
    let found = candidates(&header(&["Номер поставки", "Баркод", "Принято"]));
    let acceptance = found.iter().find(|r| r.kind == ReportKind::WbAcceptance).expect("a candidate");
    assert_eq!(acceptance.missing, vec![Field::DeclaredUnits]);
    assert_eq!(found[0].kind, ReportKind::WbAcceptance, "the best candidate: {found:?}");
    // 3 required columns found of 4 (weight 2 each) and no optional one: 6 of 12.
    assert_eq!(acceptance.score, 500);
}

#[test]
fn an_unknown_file_asks_for_a_mapping_which_then_reads_it_and_is_kept_by_caption() {
    let rows = sheets("unrecognised.csv").remove(0).rows;
    assert_eq!(ReadReport::recognise(&rows), Err(ReadError::NotRecognised));
    let mut mapping = ColumnMapping { kind: Some(ReportKind::WbAcceptance), ..ColumnMapping::default() };
    for (field, caption) in [
        (Field::SupplyId, "Поставка №"),
        (Field::Barcode, "ШК"),
        (Field::DeclaredUnits, "План"),
        (Field::AcceptedUnits, "Факт"),
        (Field::AcceptanceDate, "Когда"),
    ] {
        mapping.captions.insert(field, caption.to_string());
    }
    let read = ReadReport::with_mapping(&rows, &mapping).expect("mapped");
    assert_eq!((read.kind(), read.header_row, read.lines.len()), (ReportKind::WbAcceptance, 1, 1));
    assert_eq!(read.recognition.column(Field::AcceptedUnits), Some(3));
    // Stored and restored, it applies to the same captions in another order.
    let stored = serde_json::to_string(&mapping).expect("json");
    let restored: ColumnMapping = serde_json::from_str(&stored).expect("back");
    let moved = header(&["Когда", "Факт", "План", "ШК", "Поставка №"]);
    assert_eq!(restored.apply(&moved).map(|r| r.column(Field::AcceptedUnits)), Ok(Some(1)));
}

#[test]
fn a_mapping_that_does_not_fit_says_why() {
    let head = header(&["A", "B", "C"]);
    let mut mapping = ColumnMapping::default();
    assert_eq!(mapping.apply(&head), Err(MappingError::NoKind));
    mapping.kind = Some(ReportKind::YmGoodsMovement);
    mapping.captions.insert(Field::Sku, "A".into());
    mapping.captions.insert(Field::InventoryShortage, "B".into());
    assert_eq!(mapping.apply(&head), Err(MappingError::Unmapped(Field::WriteOff)));
    mapping.captions.insert(Field::WriteOff, "Z".into());
    assert_eq!(mapping.apply(&head), Err(MappingError::CaptionNotFound(Field::WriteOff)));
    mapping.captions.insert(Field::WriteOff, "a".into());
    assert_eq!(mapping.apply(&head), Err(MappingError::SameColumn(Field::Sku, Field::WriteOff)));
}
