//! Amazon FBA findings: fulfilment-centre losses in the Inventory Ledger not found and not reimbursed, refunds
//! whose unit never came back, and reimbursements taken back.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::finding::{
    finding_fingerprint, Amount, CellProblem, ClaimWindow, Detection, Finding, FindingKind, WindowUnknown,
};
use super::kind::{normalise_caption, Field};
use super::table::ReadReport;
use super::value::{amount_minor, date, units};

/// Ledger adjustment reason codes (Seller Central help 200453260, "Inventory adjustments"): M = inventory
/// misplaced, E = damaged at an Amazon fulfilment centre (from sellable stock), F and N = inventory found.
/// The other damage codes (6, 7, H, K, U) move units that were already unsellable and are not counted.
const LOST: &[&str] = &["m", "inventorymisplaced"];
const DAMAGED: &[&str] = &["e"];
const FOUND: &[&str] = &["f", "n", "inventoryfound"];

/// Reimbursement reasons that pay for ledger losses.
const WAREHOUSE_REASONS: &[&str] = &["lostwarehouse", "damagedwarehouse"];

struct Event {
    kind: FindingKind,
    on: Option<NaiveDate>,
    units: i64,
    line: usize,
    reference: String,
}

/// Per FNSKU, the ledger's misplaced (M) and damaged (E) adjustments are offset first by units found (F, N), then
/// by units already reimbursed for a warehouse loss (`reimbursements`, reasons Lost_Warehouse / Damaged_Warehouse,
/// less the units of reversals of such reimbursements), oldest events first. What is left becomes one finding per event, with the window of the
/// scenario `amazon-not-received` rule `fc_claim_end` (60 days from the event). The amount is estimated from the
/// FNSKU's latest reimbursement per unit, and unknown without one (Amazon values the unit itself).
pub fn ledger_losses(ledger: &ReadReport, reimbursements: &[&ReadReport]) -> Detection {
    let mut out = Detection::default();
    let mut events: BTreeMap<String, Vec<Event>> = BTreeMap::new();
    let mut offsets: BTreeMap<String, i64> = BTreeMap::new();
    for line in &ledger.lines {
        if !normalise_caption(ledger.cell(line, Field::EventType)).starts_with("adjustment") {
            continue;
        }
        let reason = normalise_caption(ledger.cell(line, Field::Reason));
        let kind = if LOST.contains(&reason.as_str()) {
            Some(FindingKind::AmazonWarehouseLost)
        } else if DAMAGED.contains(&reason.as_str()) {
            Some(FindingKind::AmazonWarehouseDamaged)
        } else {
            None
        };
        if kind.is_none() && !FOUND.contains(&reason.as_str()) {
            continue;
        }
        let Some(quantity) = units(ledger.cell(line, Field::Quantity)) else {
            out.problems.push(CellProblem { row: line.number, field: Field::Quantity });
            continue;
        };
        let fnsku = ledger.cell(line, Field::Fnsku).to_string();
        match kind {
            Some(kind) => events.entry(fnsku).or_default().push(Event {
                kind,
                on: date(ledger.cell(line, Field::Date)),
                units: quantity.abs(),
                line: line.number,
                reference: ledger.cell(line, Field::ReferenceId).to_string(),
            }),
            None => *offsets.entry(fnsku).or_default() += quantity.abs(),
        }
    }
    let mut per_unit: BTreeMap<String, (Option<NaiveDate>, Amount)> = BTreeMap::new();
    for paid in reimbursements {
        for line in &paid.lines {
            let fnsku = paid.cell(line, Field::Fnsku).to_string();
            if is_reversal(paid, line) {
                // A warehouse reimbursement taken back no longer covers its units.
                let original = normalise_caption(paid.cell(line, Field::OriginalReimbursementType));
                if WAREHOUSE_REASONS.contains(&original.as_str()) {
                    let taken = units(paid.cell(line, Field::Quantity)).unwrap_or(0).abs();
                    *offsets.entry(fnsku).or_default() -= taken;
                }
                continue;
            }
            if WAREHOUSE_REASONS.contains(&normalise_caption(paid.cell(line, Field::Reason)).as_str()) {
                *offsets.entry(fnsku.clone()).or_default() += units(paid.cell(line, Field::Quantity)).unwrap_or(0);
            }
            let on = date(paid.cell(line, Field::Date));
            let currency = paid.cell(line, Field::Currency).to_uppercase();
            if let Some(each) = amount_minor(paid.cell(line, Field::AmountPerUnit)).filter(|a| *a > 0) {
                let newer = per_unit.get(&fnsku).is_none_or(|(known, _)| on >= *known);
                if newer {
                    per_unit.insert(fnsku, (on, Amount::new(each, &currency)));
                }
            }
        }
    }
    for (fnsku, mut list) in events {
        list.sort_by_key(|e| (e.on, e.line));
        let mut offset = offsets.get(&fnsku).copied().unwrap_or(0).max(0);
        for event in list {
            let covered = offset.min(event.units);
            offset -= covered;
            let open = event.units - covered;
            if open <= 0 {
                continue;
            }
            let amount = per_unit.get(&fnsku).map(|(_, a)| Amount::new(a.minor * open, &a.currency));
            out.findings.push(Finding {
                kind: event.kind,
                report: ledger.kind(),
                reference: event.reference,
                units: open,
                amount,
                expected: None,
                paid: None,
                date: event.on,
                window: ClaimWindow::from_content("amazon-not-received", "fc_claim_end", None, event.on),
                fingerprint: finding_fingerprint(event.kind, &fnsku, ledger, &[event.line]),
                lines: vec![event.line],
                item: fnsku.clone(),
            });
        }
    }
    out
}

/// A reimbursement line that takes an earlier one back: reason «Reimbursement_Reversal», an original
/// reimbursement named, or a negative total.
fn is_reversal(report: &ReadReport, line: &super::table::Line) -> bool {
    normalise_caption(report.cell(line, Field::Reason)).contains("reversal")
        || !report.cell(line, Field::OriginalReimbursementType).is_empty()
        || amount_minor(report.cell(line, Field::AmountTotal)).is_some_and(|a| a < 0)
}

/// Every reversal in a Reimbursements report, recorded as money taken back (the amount is positive: what was
/// taken). The content has no rule for disputing a reversal.
pub fn reversals(report: &ReadReport) -> Detection {
    let mut out = Detection::default();
    for line in &report.lines {
        if !is_reversal(report, line) {
            continue;
        }
        let Some(total) = amount_minor(report.cell(line, Field::AmountTotal)) else {
            out.problems.push(CellProblem { row: line.number, field: Field::AmountTotal });
            continue;
        };
        let kind = FindingKind::AmazonReimbursementReversal;
        let currency = report.cell(line, Field::Currency).to_uppercase();
        let original = report.cell(line, Field::OriginalReimbursementId);
        let reference =
            if original.is_empty() { report.cell(line, Field::ReimbursementId) } else { original }.to_string();
        let fnsku = report.cell(line, Field::Fnsku).to_string();
        out.findings.push(Finding {
            kind,
            report: report.kind(),
            units: units(report.cell(line, Field::Quantity)).unwrap_or(0).abs(),
            amount: Some(Amount::new(total.abs(), &currency)),
            expected: None,
            paid: None,
            date: date(report.cell(line, Field::Date)),
            window: ClaimWindow::Unknown(WindowUnknown::NoRule),
            fingerprint: finding_fingerprint(kind, &fnsku, report, &[line.number]),
            lines: vec![line.number],
            item: fnsku,
            reference,
        });
    }
    out
}

/// The store a transaction's «marketplace» names, for the customer-return window and the currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Store {
    Us,
    Europe,
    Other,
}

fn store_of(marketplace: &str) -> (Store, &'static str) {
    let m = marketplace.trim().to_lowercase();
    match m.trim_start_matches("www.") {
        "amazon.com" => (Store::Us, "USD"),
        "amazon.co.uk" => (Store::Europe, "GBP"),
        "amazon.de" | "amazon.fr" | "amazon.it" | "amazon.es" | "amazon.nl" | "amazon.com.be" | "amazon.ie" => {
            (Store::Europe, "EUR")
        }
        "amazon.se" => (Store::Europe, "SEK"),
        "amazon.pl" => (Store::Europe, "PLN"),
        _ => (Store::Other, ""),
    }
}

/// Refunds (transaction type «Refund», fulfilled by Amazon) whose units are not all in the Customer Returns
/// report for the same order and SKU. The window is the scenario `amazon-not-received` customer-return rules,
/// counted from the refund: US from 60 to 120 days (`return_claim_from_us` / `return_claim_until_us`), Europe
/// from 45 to 105 (`…_eu`); another or unnamed store → unknown. The amount is the refund, pro rata to the units
/// that did not come back.
pub fn refunds_not_returned(transactions: &ReadReport, returns: &[&ReadReport]) -> Detection {
    let mut out = Detection::default();
    let mut returned: BTreeMap<(String, String), i64> = BTreeMap::new();
    for report in returns {
        for line in &report.lines {
            let key = (report.cell(line, Field::OrderId).to_string(), report.cell(line, Field::Sku).to_string());
            *returned.entry(key).or_default() += units(report.cell(line, Field::Quantity)).unwrap_or(0).abs();
        }
    }
    let returned_for = |order: &str, sku: &str, returned: &mut BTreeMap<(String, String), i64>| -> i64 {
        // Returns reports without a SKU column are matched on the order alone.
        let exact = returned.get_mut(&(order.to_string(), sku.to_string()));
        let slot = match exact {
            Some(slot) => slot,
            None => match returned.get_mut(&(order.to_string(), String::new())) {
                Some(slot) => slot,
                None => return 0,
            },
        };
        std::mem::take(slot)
    };
    for line in &transactions.lines {
        if normalise_caption(transactions.cell(line, Field::TransactionType)) != "refund" {
            continue;
        }
        let fulfilment = normalise_caption(transactions.cell(line, Field::Fulfillment));
        if !fulfilment.is_empty() && fulfilment != "amazon" {
            continue;
        }
        let Some(refunded) = units(transactions.cell(line, Field::Quantity)).map(i64::abs) else {
            out.problems.push(CellProblem { row: line.number, field: Field::Quantity });
            continue;
        };
        let Some(total) = amount_minor(transactions.cell(line, Field::Total)) else {
            out.problems.push(CellProblem { row: line.number, field: Field::Total });
            continue;
        };
        let order = transactions.cell(line, Field::OrderId).to_string();
        let sku = transactions.cell(line, Field::Sku).to_string();
        let back = returned_for(&order, &sku, &mut returned);
        let missing = refunded - back.min(refunded);
        if missing <= 0 || refunded == 0 {
            continue;
        }
        let on = date(transactions.cell(line, Field::Date));
        let (store, currency) = store_of(transactions.cell(line, Field::Marketplace));
        let window = match store {
            Store::Us => ClaimWindow::from_content(
                "amazon-not-received",
                "return_claim_until_us",
                Some("return_claim_from_us"),
                on,
            ),
            Store::Europe => ClaimWindow::from_content(
                "amazon-not-received",
                "return_claim_until_eu",
                Some("return_claim_from_eu"),
                on,
            ),
            Store::Other => ClaimWindow::Unknown(WindowUnknown::StoreUnknown),
        };
        let kind = FindingKind::AmazonRefundNotReturned;
        out.findings.push(Finding {
            kind,
            report: transactions.kind(),
            units: missing,
            amount: Some(Amount::new(total.abs() * missing / refunded, currency)),
            expected: None,
            paid: None,
            date: on,
            window,
            fingerprint: finding_fingerprint(kind, &format!("{order}/{sku}"), transactions, &[line.number]),
            lines: vec![line.number],
            item: sku,
            reference: order,
        });
    }
    out
}
