//! What a detector finds: the units and money involved, the window to claim them, the report lines behind it
//! and a fingerprint that stays the same when the same report is imported again.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::scenario::{count, get, Marketplace, Verified};

use super::kind::{Field, ReportKind};
use super::table::{Line, ReadReport};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    /// WB accepted fewer units of a barcode than the supply declared.
    WbAcceptanceShortfall,
    /// WB paid a compensation; recorded, nothing to claim (its amount is not below the seller's basis, or the
    /// basis is unknown).
    WbCompensationPaid,
    /// WB paid a compensation below the seller's basis (price after the seller's discount minus commission).
    WbCompensationUnderpaid,
    /// Amazon: units misplaced in a fulfilment centre, not found and not reimbursed.
    AmazonWarehouseLost,
    /// Amazon: units damaged in a fulfilment centre, not reimbursed.
    AmazonWarehouseDamaged,
    /// Amazon: a customer was refunded and the unit did not come back.
    AmazonRefundNotReturned,
    /// Amazon took a reimbursement back.
    AmazonReimbursementReversal,
    /// Yandex Market: units short at a stock count.
    YmInventoryShortage,
    /// Yandex Market: units written off (disposed of).
    YmWriteOff,
}

impl FindingKind {
    /// A stable code for translation keys, CSS classes and fingerprints.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::WbAcceptanceShortfall => "wb_acceptance_shortfall",
            FindingKind::WbCompensationPaid => "wb_compensation_paid",
            FindingKind::WbCompensationUnderpaid => "wb_compensation_underpaid",
            FindingKind::AmazonWarehouseLost => "amazon_warehouse_lost",
            FindingKind::AmazonWarehouseDamaged => "amazon_warehouse_damaged",
            FindingKind::AmazonRefundNotReturned => "amazon_refund_not_returned",
            FindingKind::AmazonReimbursementReversal => "amazon_reimbursement_reversal",
            FindingKind::YmInventoryShortage => "ym_inventory_shortage",
            FindingKind::YmWriteOff => "ym_write_off",
        }
    }

    /// The page that says how the finding is read from the report (the claim window has its own source).
    pub fn source(self) -> &'static str {
        match self {
            FindingKind::WbAcceptanceShortfall => "https://dev.wildberries.ru/en/openapi/reports",
            FindingKind::WbCompensationPaid | FindingKind::WbCompensationUnderpaid => {
                "https://dev.wildberries.ru/openapi/financial-reports-and-accounting"
            }
            FindingKind::AmazonWarehouseLost | FindingKind::AmazonWarehouseDamaged => {
                "https://sellercentral.amazon.com/gp/help/external/200453260"
            }
            FindingKind::AmazonRefundNotReturned => {
                "https://sellercentral.amazon.com/gp/help/external/G9N934L7Y4SFWPJ4"
            }
            FindingKind::AmazonReimbursementReversal => {
                "https://developer-docs.amazon.com/sp-api/docs/fba-payments-reports-attributes"
            }
            FindingKind::YmInventoryShortage | FindingKind::YmWriteOff => {
                "https://yandex.ru/dev/market/partner-api/doc/ru/reference/reports/generateGoodsMovementReport"
            }
        }
    }
}

/// Money in minor units of a currency (ISO code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount {
    pub minor: i64,
    pub currency: String,
}

impl Amount {
    pub fn new(minor: i64, currency: &str) -> Amount {
        Amount { minor, currency: currency.to_string() }
    }
}

/// When the finding can be claimed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClaimWindow {
    /// From a deadline rule of the app's scenario content.
    Known {
        /// The first day a claim is accepted, when the rule has one.
        opens: Option<NaiveDate>,
        last_day: NaiveDate,
        /// The scenario and its deadline rule (`amazon-not-received` / `fc_claim_end`): its text, source and
        /// `verified` date are shown as for any deadline.
        scenario: &'static str,
        deadline: &'static str,
        source: String,
        verified: Verified,
        uncertain: bool,
    },
    Unknown(WindowUnknown),
}

/// Why a finding has no last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowUnknown {
    /// The app's content has no rule for claiming this (none was found with a source).
    NoRule,
    /// The rule counts from a date the report lines do not give.
    NoDate,
    /// The rule differs by store and the report does not say which store.
    StoreUnknown,
    /// Nothing to claim (a payment recorded as received).
    NothingToClaim,
}

impl WindowUnknown {
    /// A stable code for translation keys.
    pub fn code(self) -> &'static str {
        match self {
            WindowUnknown::NoRule => "no_rule",
            WindowUnknown::NoDate => "no_date",
            WindowUnknown::StoreUnknown => "store_unknown",
            WindowUnknown::NothingToClaim => "nothing_to_claim",
        }
    }
}

impl ClaimWindow {
    pub fn last_day(&self) -> Option<NaiveDate> {
        match self {
            ClaimWindow::Known { last_day, .. } => Some(*last_day),
            ClaimWindow::Unknown(_) => None,
        }
    }

    /// The window of deadline rule `deadline` of scenario `scenario` counted from `anchor`; `opens_rule` is the
    /// rule giving its first day, if it has one.
    pub fn from_content(
        scenario: &'static str,
        deadline: &'static str,
        opens_rule: Option<&'static str>,
        anchor: Option<NaiveDate>,
    ) -> ClaimWindow {
        let Some(anchor) = anchor else {
            return ClaimWindow::Unknown(WindowUnknown::NoDate);
        };
        let rule_of = |id: &str| get(scenario).and_then(|s| s.deadlines.iter().find(|d| d.id == id));
        let Some(rule) = rule_of(deadline) else {
            return ClaimWindow::Unknown(WindowUnknown::NoRule);
        };
        let Some(last) = count(anchor, rule.offset, rule.counting()) else {
            return ClaimWindow::Unknown(WindowUnknown::NoDate);
        };
        let opens = opens_rule.and_then(rule_of).and_then(|r| count(anchor, r.offset, r.counting())).map(|c| c.date);
        ClaimWindow::Known {
            opens,
            last_day: last.date,
            scenario,
            deadline,
            source: rule.source.clone(),
            verified: rule.verified,
            uncertain: rule.uncertain,
        }
    }
}

/// One thing a report shows that the seller may claim (or has been paid).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    pub report: ReportKind,
    /// The article as the marketplace identifies it: WB barcode, Amazon FNSKU or SKU, Market SKU.
    pub item: String,
    /// The supply, order, reimbursement or ledger reference the finding is about ("" when none).
    pub reference: String,
    pub units: i64,
    /// What is at stake on the marketplace's basis: the claimable amount, the amount underpaid, the amount taken
    /// back, or the amount paid for [`FindingKind::WbCompensationPaid`]. `None` when the reports do not give it.
    pub amount: Option<Amount>,
    /// The seller's basis for the units, where computed (WB: price after discount minus commission).
    pub expected: Option<Amount>,
    /// What the marketplace paid, where the finding is a payment.
    pub paid: Option<Amount>,
    /// The date the finding counts from (acceptance, adjustment, refund, payment), where known.
    pub date: Option<NaiveDate>,
    pub window: ClaimWindow,
    /// The 1-based row numbers of the report lines behind it.
    pub lines: Vec<usize>,
    /// Stable across imports of the same report: the kind and the content of the lines behind it.
    pub fingerprint: String,
}

impl Finding {
    pub fn marketplace(&self) -> Marketplace {
        self.report.marketplace()
    }
}

/// A cell a detector needed and could not read; its row is left out of the findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellProblem {
    pub row: usize,
    pub field: Field,
}

/// What a detector returns: its findings and the cells it could not read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detection {
    pub findings: Vec<Finding>,
    pub problems: Vec<CellProblem>,
}

/// 64-bit FNV-1a, as 16 hex digits: small, stable across versions and platforms (unlike `std`'s hasher).
pub fn fnv1a_hex(parts: &[&[u8]]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.iter().copied().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The fingerprint of one row: its cells, trimmed.
pub fn row_fingerprint(line: &Line) -> String {
    let cells: Vec<&[u8]> = line.cells.iter().map(|c| c.trim().as_bytes()).collect();
    fnv1a_hex(&cells)
}

/// The fingerprint of a finding of `kind` about `key`, made of the lines behind it (their content, not their
/// row numbers: the same lines in a longer download give the same fingerprint).
pub fn finding_fingerprint(kind: FindingKind, key: &str, report: &ReadReport, lines: &[usize]) -> String {
    // `report.lines` is in row order, so each line is found by binary search (a finding per line of a 100,000-row
    // report stays linear).
    let rows: Vec<String> = lines
        .iter()
        .filter_map(|n| report.lines.binary_search_by_key(n, |l| l.number).ok())
        .map(|i| row_fingerprint(&report.lines[i]))
        .collect();
    let mut parts: Vec<&[u8]> = vec![kind.code().as_bytes(), key.as_bytes()];
    parts.extend(rows.iter().map(|r| r.as_bytes()));
    fnv1a_hex(&parts)
}

/// The findings whose fingerprints are not in `seen` (a re-import of the same report gives none).
pub fn unseen(findings: Vec<Finding>, seen: &BTreeSet<String>) -> Vec<Finding> {
    findings.into_iter().filter(|f| !seen.contains(&f.fingerprint)).collect()
}
