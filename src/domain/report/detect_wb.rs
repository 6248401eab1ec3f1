//! Wildberries findings: acceptance shortfalls (supply report) and compensations paid (sales report detail).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::loss::{Basis, Commission, LossRow};

use super::finding::{
    finding_fingerprint, Amount, CellProblem, ClaimWindow, Detection, Finding, FindingKind, WindowUnknown,
};
use super::kind::{normalise_caption, Field};
use super::table::ReadReport;
use super::value::{amount_minor, date, percent_bp, units};

/// WB pays and reports in roubles unless the report names another currency.
const WB_CURRENCY: &str = "RUB";

/// The seller's basis per barcode, read from a sales report detail: the retail price after the seller's agreed
/// discount and WB's commission percentage, from the barcode's last line in the report that has both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WbPrices {
    by_barcode: BTreeMap<String, (i64, u32)>,
}

impl WbPrices {
    pub fn from_sales(report: &ReadReport) -> WbPrices {
        let mut prices = WbPrices::default();
        prices.add_sales(report);
        prices
    }

    /// Adds the prices of another sales report; a barcode's price is the last one read.
    pub fn add_sales(&mut self, report: &ReadReport) {
        for line in &report.lines {
            let price = amount_minor(report.cell(line, Field::RetailPriceAfterDiscount)).filter(|p| *p > 0);
            let commission = percent_bp(report.cell(line, Field::CommissionPercent));
            if let (Some(price), Some(bp)) = (price, commission) {
                self.by_barcode.insert(report.cell(line, Field::Barcode).to_string(), (price, bp));
            }
        }
    }

    /// `units` of `barcode` on WB's basis (price after the seller's discount minus commission), in kopecks.
    pub fn basis(&self, barcode: &str, units: i64) -> Option<i64> {
        let (price, bp) = self.by_barcode.get(barcode)?;
        basis(*price, *bp, units)
    }
}

fn basis(unit_price: i64, commission_bp: u32, units: i64) -> Option<i64> {
    let quantity = u32::try_from(units).ok()?;
    let row = LossRow { quantity, unit_price, commission: Commission::Percent(commission_bp), ..LossRow::default() };
    Some(row.formula(Basis::PriceLessCommission).line_total)
}

/// Per supply and barcode: units declared minus units accepted, when positive. The window is the scenario
/// `wb-lost-goods` rule `acceptance_objection` (7 days), counted from the latest acceptance date of the group.
/// The amount uses `prices` (a sales report of the same seller) and is unknown without it.
pub fn acceptance_shortfalls(report: &ReadReport, prices: &WbPrices) -> Detection {
    #[derive(Default)]
    struct Group {
        declared: i64,
        accepted: i64,
        accepted_on: Option<NaiveDate>,
        lines: Vec<usize>,
    }
    let mut out = Detection::default();
    let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
    for line in &report.lines {
        let declared = units(report.cell(line, Field::DeclaredUnits));
        let accepted = units(report.cell(line, Field::AcceptedUnits));
        let (Some(declared), Some(accepted)) = (declared, accepted) else {
            let field = if declared.is_none() { Field::DeclaredUnits } else { Field::AcceptedUnits };
            out.problems.push(CellProblem { row: line.number, field });
            continue;
        };
        let key = (report.cell(line, Field::SupplyId).to_string(), report.cell(line, Field::Barcode).to_string());
        let group = groups.entry(key).or_default();
        group.declared += declared;
        group.accepted += accepted;
        group.accepted_on = group.accepted_on.max(date(report.cell(line, Field::AcceptanceDate)));
        group.lines.push(line.number);
    }
    for ((supply, barcode), group) in groups {
        let short = group.declared - group.accepted;
        if short <= 0 {
            continue;
        }
        let kind = FindingKind::WbAcceptanceShortfall;
        out.findings.push(Finding {
            kind,
            report: report.kind(),
            amount: prices.basis(&barcode, short).map(|m| Amount::new(m, WB_CURRENCY)),
            expected: None,
            paid: None,
            units: short,
            date: group.accepted_on,
            window: ClaimWindow::from_content("wb-lost-goods", "acceptance_objection", None, group.accepted_on),
            fingerprint: finding_fingerprint(kind, &format!("{supply}/{barcode}"), report, &group.lines),
            lines: group.lines,
            item: barcode,
            reference: supply,
        });
    }
    out
}

/// «Обоснование для оплаты» values that are a compensation for a lost, damaged or swapped unit (compared
/// normalised). A loyalty-programme «Компенсация скидки» is not one.
const COMPENSATION_REASONS: &[&str] =
    &["Компенсация ущерба", "Оплата потерянного товара", "Компенсация подмененного товара", "Компенсация подмены"];

pub fn is_compensation(reason: &str) -> bool {
    let reason = normalise_caption(reason);
    COMPENSATION_REASONS.iter().any(|r| normalise_caption(r) == reason)
}

/// Every compensation line of a sales report detail. Its payout («К перечислению продавцу») is compared with the
/// seller's basis for the line's units: the line's own price after the seller's discount and commission, or
/// `prices` when the line has none. Below the basis → [`FindingKind::WbCompensationUnderpaid`] with the
/// difference as its amount; otherwise [`FindingKind::WbCompensationPaid`], recorded as received. The content
/// has no rule for contesting a compensation's amount, so the window is unknown.
pub fn compensations(report: &ReadReport, prices: &WbPrices) -> Detection {
    let mut out = Detection::default();
    for line in &report.lines {
        if !is_compensation(report.cell(line, Field::PaymentReason)) {
            continue;
        }
        let Some(paid) = amount_minor(report.cell(line, Field::Payout)) else {
            out.problems.push(CellProblem { row: line.number, field: Field::Payout });
            continue;
        };
        // A compensation line for one unit sometimes carries quantity 0: it still pays for one unit.
        let Some(quantity) = units(report.cell(line, Field::Quantity)).map(|q| q.max(1)) else {
            out.problems.push(CellProblem { row: line.number, field: Field::Quantity });
            continue;
        };
        let barcode = report.cell(line, Field::Barcode).to_string();
        let own_price = amount_minor(report.cell(line, Field::RetailPriceAfterDiscount)).filter(|p| *p > 0);
        let own_bp = percent_bp(report.cell(line, Field::CommissionPercent));
        let expected = match (own_price, own_bp) {
            (Some(price), Some(bp)) => basis(price, bp, quantity),
            _ => prices.basis(&barcode, quantity),
        };
        let currency = currency_of(report.cell(line, Field::Currency));
        let underpaid = expected.filter(|e| paid < *e).map(|e| e - paid);
        let kind =
            if underpaid.is_some() { FindingKind::WbCompensationUnderpaid } else { FindingKind::WbCompensationPaid };
        let window = match kind {
            FindingKind::WbCompensationUnderpaid => ClaimWindow::Unknown(WindowUnknown::NoRule),
            _ => ClaimWindow::Unknown(WindowUnknown::NothingToClaim),
        };
        out.findings.push(Finding {
            kind,
            report: report.kind(),
            reference: report.cell(line, Field::SupplyId).to_string(),
            units: quantity,
            amount: Some(Amount::new(underpaid.unwrap_or(paid), &currency)),
            expected: expected.map(|e| Amount::new(e, &currency)),
            paid: Some(Amount::new(paid, &currency)),
            date: date(report.cell(line, Field::SaleDate)),
            window,
            fingerprint: finding_fingerprint(kind, &barcode, report, &[line.number]),
            lines: vec![line.number],
            item: barcode,
        });
    }
    out
}

/// WB writes «руб» (or «RUB»); anything else is kept as written, upper-cased.
fn currency_of(cell: &str) -> String {
    match normalise_caption(cell).as_str() {
        "" | "руб" | "рубль" | "rub" | "rur" => WB_CURRENCY.to_string(),
        "kzt" | "тенге" => "KZT".to_string(),
        "byn" => "BYN".to_string(),
        other => other.to_uppercase(),
    }
}
