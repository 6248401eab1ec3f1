//! Every detector over a set of reports read together: WB prices from any sales report feed the acceptance
//! shortfalls, Amazon reimbursements offset ledger losses, customer returns are matched against refunds.

use std::collections::BTreeSet;

use super::detect_amazon::{ledger_losses, refunds_not_returned, reversals};
use super::detect_wb::{acceptance_shortfalls, compensations, WbPrices};
use super::detect_ym::movement;
use super::finding::{CellProblem, Finding};
use super::kind::ReportKind;
use super::table::ReadReport;

/// The findings of a set of reports, the cells that could not be read (with the index of their report), and
/// the reports that would let the detectors say more.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub problems: Vec<(usize, CellProblem)>,
    /// A report whose companion was not given: WB acceptance without a sales report (no amounts), an Amazon
    /// ledger without reimbursements (units already paid for are reported), refunds without customer returns
    /// (nothing can be found).
    pub companions_wanted: BTreeSet<ReportKind>,
}

pub fn analyse(reports: &[ReadReport]) -> Analysis {
    let of_kind = |kind: ReportKind| -> Vec<&ReadReport> { reports.iter().filter(|r| r.kind() == kind).collect() };
    let mut prices = WbPrices::default();
    for sales in of_kind(ReportKind::WbSalesDetail) {
        prices.add_sales(sales);
    }
    let reimbursements = of_kind(ReportKind::AmazonReimbursements);
    let returns = of_kind(ReportKind::AmazonCustomerReturns);
    let mut out = Analysis::default();
    for (index, report) in reports.iter().enumerate() {
        let detection = match report.kind() {
            ReportKind::WbAcceptance => {
                want(!of_kind(ReportKind::WbSalesDetail).is_empty(), ReportKind::WbSalesDetail, &mut out);
                acceptance_shortfalls(report, &prices)
            }
            ReportKind::WbSalesDetail => compensations(report, &prices),
            ReportKind::AmazonLedgerDetail => {
                want(!reimbursements.is_empty(), ReportKind::AmazonReimbursements, &mut out);
                ledger_losses(report, &reimbursements)
            }
            ReportKind::AmazonReimbursements => reversals(report),
            ReportKind::AmazonTransactions => {
                want(!returns.is_empty(), ReportKind::AmazonCustomerReturns, &mut out);
                if returns.is_empty() {
                    continue;
                }
                refunds_not_returned(report, &returns)
            }
            ReportKind::AmazonCustomerReturns => continue,
            ReportKind::YmGoodsMovement => movement(report),
        };
        out.findings.extend(detection.findings);
        out.problems.extend(detection.problems.into_iter().map(|p| (index, p)));
    }
    out
}

fn want(present: bool, kind: ReportKind, out: &mut Analysis) {
    if !present {
        out.companions_wanted.insert(kind);
    }
}
