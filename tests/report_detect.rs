#![cfg(not(target_arch = "wasm32"))]
//! Each detector on the generated fixtures, with exact findings, amounts, windows and report lines; and a
//! re-import that finds nothing new.

mod report_support;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use claimdesk::domain::report::detect_amazon::{ledger_losses, refunds_not_returned, reversals};
use claimdesk::domain::report::detect_wb::{acceptance_shortfalls, compensations, WbPrices};
use claimdesk::domain::report::detect_ym::movement;
use claimdesk::domain::report::finding::unseen;
use claimdesk::domain::report::{Amount, CellProblem, ClaimWindow, Field, Finding, FindingKind, WindowUnknown};
use report_support::report;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn rub(minor: i64) -> Option<Amount> {
    Some(Amount::new(minor, "RUB"))
}

/// (kind, item, reference, units, amount, lines) of each finding.
type Summary = (FindingKind, String, String, i64, Option<Amount>, Vec<usize>);

fn summary(findings: &[Finding]) -> Vec<Summary> {
    findings
        .iter()
        .map(|f| (f.kind, f.item.clone(), f.reference.clone(), f.units, f.amount.clone(), f.lines.clone()))
        .collect()
}

fn s(kind: FindingKind, item: &str, reference: &str, units: i64, amount: Option<Amount>, lines: &[usize]) -> Summary {
    (kind, item.to_string(), reference.to_string(), units, amount, lines.to_vec())
}

/// (opens, last day, scenario, deadline, uncertain) of a window from the content.
fn window(f: &Finding) -> (Option<NaiveDate>, NaiveDate, &'static str, &'static str, bool) {
    match &f.window {
        ClaimWindow::Known { opens, last_day, scenario, deadline, uncertain, source, .. } => {
            assert!(source.starts_with("https://"), "{source}");
            (*opens, *last_day, *scenario, *deadline, *uncertain)
        }
        other => panic!("{:?}: no window: {other:?}", f.kind),
    }
}

#[test]
fn wb_acceptance_shortfall_per_supply_and_barcode_with_basis_from_the_sales_report() {
    let prices = WbPrices::from_sales(&report("wb_sales_detail.xlsx"));
    let found = acceptance_shortfalls(&report("wb_acceptance_ru.csv"), &prices);
    assert_eq!(found.problems, vec![]);
    let short = FindingKind::WbAcceptanceShortfall;
    assert_eq!(
        summary(&found.findings),
        vec![
            // 10 declared, 8 accepted; 1000.00 less 15 % = 850.00 a unit.
            s(short, "4600000000011", "123456", 2, rub(170_000), &[4]),
            // Two lines of one barcode: 5 declared, 4 accepted; 500.00 less 20 % = 400.00.
            s(short, "4600000000035", "123456", 1, rub(40_000), &[6, 7]),
            // «1 000» declared, 999 accepted; no price in the sales report.
            s(short, "4600000000042", "123456", 1, None, &[8]),
        ]
    );
    let windows: Vec<_> = found.findings.iter().map(window).collect();
    let objection = |d| (None, day(d), "wb-lost-goods", "acceptance_objection", true);
    assert_eq!(windows, vec![objection("2026-12-10"), objection("2026-12-11"), objection("2026-12-11")]);
}

#[test]
fn wb_acceptance_in_windows_1251_with_old_captions() {
    let found = acceptance_shortfalls(&report("wb_acceptance_1251.txt"), &WbPrices::default());
    assert_eq!(
        summary(&found.findings),
        vec![s(FindingKind::WbAcceptanceShortfall, "4600000000059", "654321", 3, None, &[2])]
    );
    assert_eq!(found.findings[0].window.last_day(), Some(day("2026-12-05")));
    assert_eq!(found.findings[0].date, Some(day("2026-11-28")));
}

#[test]
fn wb_acceptance_without_a_date_has_no_window_and_bad_numbers_are_named() {
    let rows: Vec<Vec<String>> = [
        ["Номер поставки", "Баркод", "Указано в поставке", "Принято"],
        ["1", "460", "3", "1"],
        ["1", "461", "три", "1"],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    let read = claimdesk::domain::report::ReadReport::recognise(&rows).expect("recognised");
    let found = acceptance_shortfalls(&read, &WbPrices::default());
    assert_eq!(found.findings[0].window, ClaimWindow::Unknown(WindowUnknown::NoDate));
    assert_eq!(found.problems, vec![CellProblem { row: 3, field: Field::DeclaredUnits }]);
}

#[test]
fn wb_compensations_paid_and_underpaid_against_the_sellers_basis() {
    let found = compensations(&report("wb_sales_detail.xlsx"), &WbPrices::default());
    assert_eq!(found.problems, vec![]);
    assert_eq!(
        summary(&found.findings),
        vec![
            // Paid 850.00 for 1000.00 less 15 %: nothing to claim, recorded as received.
            s(FindingKind::WbCompensationPaid, "4600000000011", "123456", 1, rub(85_000), &[5]),
            // 2 × (1299.99 − 195.00) = 2209.98 expected, 1800.00 paid: 409.98 underpaid.
            s(FindingKind::WbCompensationUnderpaid, "4600000000028", "123456", 2, rub(40_998), &[6]),
        ]
    );
    let underpaid = &found.findings[1];
    assert_eq!((underpaid.expected.clone(), underpaid.paid.clone()), (rub(220_998), rub(180_000)));
    assert_eq!(underpaid.date, Some(day("2026-11-12")));
    assert_eq!(underpaid.window, ClaimWindow::Unknown(WindowUnknown::NoRule));
    assert_eq!(found.findings[0].window, ClaimWindow::Unknown(WindowUnknown::NothingToClaim));
}

#[test]
fn wb_compensation_in_the_api_layout_and_a_formula_reason_is_not_a_compensation() {
    let found = compensations(&report("wb_sales_detail_api.csv"), &WbPrices::default());
    // 2500.50 less 12.5 % (312.56) = 2187.94 expected, 2000.00 paid.
    assert_eq!(
        summary(&found.findings),
        vec![s(FindingKind::WbCompensationUnderpaid, "4600000000073", "123456", 1, rub(18_794), &[2])]
    );
}

#[test]
fn amazon_ledger_losses_less_found_and_reimbursed_each_with_its_60_day_window() {
    let found = ledger_losses(&report("amazon_ledger.csv"), &[&report("amazon_reimbursements.txt")]);
    assert_eq!(found.problems, vec![]);
    let usd = |m| Some(Amount::new(m, "USD"));
    // X00TEST001: 3 misplaced and 1 damaged, less 1 found and 1 reimbursed, oldest first; X00TEST002: 2 misplaced,
    // 2 reimbursed, so nothing is reported for it.
    assert_eq!(
        summary(&found.findings),
        vec![
            s(FindingKind::AmazonWarehouseLost, "X00TEST001", "9000001", 1, usd(1_250), &[2]),
            s(FindingKind::AmazonWarehouseDamaged, "X00TEST001", "9000003", 1, usd(1_250), &[4]),
        ]
    );
    let windows: Vec<_> = found.findings.iter().map(window).collect();
    assert_eq!(
        windows,
        vec![
            (None, day("2026-11-30"), "amazon-not-received", "fc_claim_end", true),
            (None, day("2026-12-19"), "amazon-not-received", "fc_claim_end", true),
        ]
    );
}

#[test]
fn amazon_ledger_alone_has_no_amount() {
    let found = ledger_losses(&report("amazon_ledger.csv"), &[]);
    assert_eq!(
        summary(&found.findings),
        vec![
            s(FindingKind::AmazonWarehouseLost, "X00TEST001", "9000001", 2, None, &[2]),
            s(FindingKind::AmazonWarehouseDamaged, "X00TEST001", "9000003", 1, None, &[4]),
            s(FindingKind::AmazonWarehouseLost, "X00TEST002", "9000004", 2, None, &[5]),
        ]
    );
}

#[test]
fn amazon_reimbursement_reversals_are_recorded() {
    let found = reversals(&report("amazon_reimbursements.txt"));
    assert_eq!(
        summary(&found.findings),
        vec![s(
            FindingKind::AmazonReimbursementReversal,
            "X00TEST003",
            "4999999",
            1,
            Some(Amount::new(3_000, "USD")),
            &[4]
        )]
    );
    assert_eq!(found.findings[0].date, Some(day("2026-11-20")));
    assert_eq!(found.findings[0].window, ClaimWindow::Unknown(WindowUnknown::NoRule));
}

#[test]
fn amazon_refunds_whose_units_did_not_come_back_with_the_stores_window() {
    let found = refunds_not_returned(&report("amazon_transactions.csv"), &[&report("amazon_customer_returns.txt")]);
    assert_eq!(found.problems, vec![]);
    let refund = FindingKind::AmazonRefundNotReturned;
    // Order 111-…-0001 came back; the seller-fulfilled refund is not an FBA matter.
    assert_eq!(
        summary(&found.findings),
        vec![
            s(refund, "SKU-A", "111-0000002-0000002", 2, Some(Amount::new(5_000, "USD")), &[6]),
            s(refund, "SKU-C", "302-0000003-0000003", 1, Some(Amount::new(1_999, "EUR")), &[7]),
        ]
    );
    let windows: Vec<_> = found.findings.iter().map(window).collect();
    assert_eq!(
        windows,
        vec![
            (Some(day("2026-10-31")), day("2026-12-30"), "amazon-not-received", "return_claim_until_us", false),
            (Some(day("2026-11-24")), day("2027-01-23"), "amazon-not-received", "return_claim_until_eu", true),
        ]
    );
}

#[test]
fn a_refund_in_a_store_without_a_rule_has_an_unknown_window() {
    let rows: Vec<Vec<String>> = [
        ["date/time", "type", "order id", "sku", "quantity", "marketplace", "fulfillment", "total"],
        ["Oct 1, 2026", "Refund", "701-1", "SKU-J", "1", "amazon.co.jp", "Amazon", "-1000"],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    let transactions = claimdesk::domain::report::ReadReport::recognise(&rows).expect("recognised");
    let found = refunds_not_returned(&transactions, &[&report("amazon_customer_returns.txt")]);
    assert_eq!(found.findings[0].window, ClaimWindow::Unknown(WindowUnknown::StoreUnknown));
}

#[test]
fn market_shortages_and_write_offs_per_sku() {
    let found = movement(&report("ym_movement.xlsx"));
    assert_eq!(
        summary(&found.findings),
        vec![
            s(FindingKind::YmInventoryShortage, "YM-SKU-1", "Софьино", 2, None, &[2]),
            s(FindingKind::YmWriteOff, "YM-SKU-2", "Софьино", 1, None, &[3]),
        ]
    );
    assert!(found.findings.iter().all(|f| f.window == ClaimWindow::Unknown(WindowUnknown::NoRule)));
    let csv = movement(&report("ym_movement.csv"));
    assert_eq!(
        summary(&csv.findings),
        vec![s(FindingKind::YmInventoryShortage, "YM-SKU-9", "Tomilino", 1, None, &[2])]
    );
}

#[test]
fn the_same_report_imported_again_finds_nothing_new_even_inside_a_zip() {
    let prices = WbPrices::from_sales(&report("wb_sales_detail.xlsx"));
    let first = acceptance_shortfalls(&report("wb_acceptance_ru.csv"), &prices).findings;
    let seen: BTreeSet<String> = first.iter().map(|f| f.fingerprint.clone()).collect();
    assert_eq!(seen.len(), 3, "one fingerprint per finding");
    let zipped = report_support::sheets("wb_reports.zip").remove(0);
    let again = claimdesk::domain::report::ReadReport::recognise(&zipped.rows).expect("recognised");
    assert_eq!(unseen(acceptance_shortfalls(&again, &prices).findings, &seen), vec![]);
    // A new line in a later download is new; the old ones are still known.
    let mut rows = zipped.rows.clone();
    rows.push(
        ["123456", "1", "X", "0", "4600000000097", "2", "0", "05.12.2026"].iter().map(|c| c.to_string()).collect(),
    );
    let longer = claimdesk::domain::report::ReadReport::recognise(&rows).expect("recognised");
    let fresh = unseen(acceptance_shortfalls(&longer, &prices).findings, &seen);
    assert_eq!(summary(&fresh), vec![s(FindingKind::WbAcceptanceShortfall, "4600000000097", "123456", 2, None, &[9])]);
}

#[test]
fn fingerprints_differ_between_kinds_and_lines() {
    let all: Vec<Finding> = [
        ledger_losses(&report("amazon_ledger.csv"), &[]).findings,
        reversals(&report("amazon_reimbursements.txt")).findings,
        movement(&report("ym_movement.xlsx")).findings,
        compensations(&report("wb_sales_detail.xlsx"), &WbPrices::default()).findings,
    ]
    .concat();
    let distinct: BTreeSet<&str> = all.iter().map(|f| f.fingerprint.as_str()).collect();
    assert_eq!(distinct.len(), all.len());
}

#[test]
fn analysing_reports_together_pairs_them_and_says_which_companion_is_missing() {
    use claimdesk::domain::report::{analyse, ReportKind};
    let together = analyse(&[
        report("wb_acceptance_ru.csv"),
        report("wb_sales_detail.xlsx"),
        report("amazon_ledger.csv"),
        report("amazon_reimbursements.txt"),
        report("amazon_transactions.csv"),
        report("amazon_customer_returns.txt"),
        report("ym_movement.xlsx"),
    ]);
    let kinds: Vec<FindingKind> = together.findings.iter().map(|f| f.kind).collect();
    use FindingKind::*;
    assert_eq!(
        kinds,
        vec![
            WbAcceptanceShortfall,
            WbAcceptanceShortfall,
            WbAcceptanceShortfall,
            WbCompensationPaid,
            WbCompensationUnderpaid,
            AmazonWarehouseLost,
            AmazonWarehouseDamaged,
            AmazonReimbursementReversal,
            AmazonRefundNotReturned,
            AmazonRefundNotReturned,
            YmInventoryShortage,
            YmWriteOff,
        ]
    );
    assert_eq!(together.findings[0].amount, rub(170_000), "the sales report priced the acceptance shortfall");
    assert!(together.companions_wanted.is_empty());
    let alone =
        analyse(&[report("wb_acceptance_ru.csv"), report("amazon_ledger.csv"), report("amazon_transactions.csv")]);
    assert_eq!(alone.findings.iter().filter(|f| f.kind == AmazonRefundNotReturned).count(), 0);
    assert_eq!(
        alone.companions_wanted.into_iter().collect::<Vec<_>>(),
        vec![ReportKind::WbSalesDetail, ReportKind::AmazonReimbursements, ReportKind::AmazonCustomerReturns]
    );
}
