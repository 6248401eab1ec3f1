//! The itemised loss table of a case: one row per article (marketplace id, seller's article, size, barcode,
//! quantity, unit price, commission), each row's amount and the table's total in minor units (`i64`, never
//! floats), a numbers-only breakdown per row for the UI to write out in any language, the marketplace's limit on
//! rows per claim and the split of the table into claims. Pasting rows from a spreadsheet is in
//! [`super::loss_paste`]; the CSV file is `codec::loss_csv`.
//!
//! The table has no currency of its own: amounts are in the minor units of the case's currency
//! (`Case::money.currency`).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::i18n::Key;
use crate::scenario::Marketplace;

/// Upper bounds of a loss table. They keep every sum inside an `i64` without checks:
/// 500 rows × 1,000,000 units × 10^10 minor units = 5 × 10^18 < `i64::MAX` (≈ 9.2 × 10^18).
pub mod loss_limits {
    /// Rows in one table (and in one paste).
    pub const ROWS: usize = 500;
    /// Characters in a text cell (marketplace id, seller's article, size, barcode).
    pub const CELL_CHARS: usize = 200;
    /// Units in one row.
    pub const QUANTITY: u32 = 1_000_000;
    /// A unit price or a per-unit commission, in minor units: 10^10 = 100 million in any currency.
    pub const AMOUNT_MINOR: i64 = 10_000_000_000;
    /// A percentage commission in basis points: 100 %.
    pub const PERCENT_BP: u32 = 10_000;
}

/// The marketplace's commission on one unit: an amount, or a share of the unit price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Commission {
    /// Minor units per unit sold.
    #[serde(rename = "amt")]
    PerUnit(i64),
    /// Basis points of the unit price (`1500` = 15 %, `1250` = 12.5 %).
    #[serde(rename = "bp")]
    Percent(u32),
}

impl Default for Commission {
    fn default() -> Commission {
        Commission::PerUnit(0)
    }
}

impl Commission {
    pub fn is_zero(&self) -> bool {
        matches!(self, Commission::PerUnit(0) | Commission::Percent(0))
    }

    /// The commission on one unit at `unit_price`, in minor units. A percentage is rounded to the minor unit
    /// **per unit, half away from zero** (15 % of 0.10 = 0.015 → 0.02; 5 % of 0.10 = 0.005 → 0.01; 15 % of
    /// 1299.99 = 194.9985 → 195.00), before it is multiplied by the quantity: a marketplace's report states the
    /// commission of each unit in minor units, and the claim repeats that figure.
    pub fn per_unit(self, unit_price: i64) -> i64 {
        match self {
            Commission::PerUnit(minor) => minor,
            Commission::Percent(bp) => {
                let product = i128::from(unit_price) * i128::from(bp);
                let half = 5_000i128 * product.signum();
                let rounded = (product + half) / 10_000;
                i64::try_from(rounded).unwrap_or(if rounded < 0 { i64::MIN } else { i64::MAX })
            }
        }
    }
}

/// One article of the loss. Stored with short, stable field names; the optional text fields may be absent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LossRow {
    /// The marketplace's own id of the article: WB nmID («Артикул WB»), Amazon ASIN or FNSKU, Market SKU or
    /// offer id, MALL id.
    #[serde(rename = "sku", default, skip_serializing_if = "String::is_empty")]
    pub marketplace_sku: String,
    /// The seller's own article (WB «Артикул продавца», Amazon SKU / MSKU, Market «Ваш SKU»).
    #[serde(rename = "art", default, skip_serializing_if = "String::is_empty")]
    pub seller_article: String,
    #[serde(rename = "size", default, skip_serializing_if = "String::is_empty")]
    pub size: String,
    #[serde(rename = "bc", default, skip_serializing_if = "String::is_empty")]
    pub barcode: String,
    #[serde(rename = "qty")]
    pub quantity: u32,
    /// Minor units. For Wildberries this is the retail price **after the seller's own agreed discount** (not the
    /// price the buyer paid after WB's discount, SPP): WB compensates a lost item at that price minus commission.
    #[serde(rename = "price")]
    pub unit_price: i64,
    #[serde(rename = "com", default, skip_serializing_if = "Commission::is_zero")]
    pub commission: Commission,
}

/// The columns of a loss table, in the default order of a paste and of the CSV file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LossColumn {
    MarketplaceSku,
    SellerArticle,
    Size,
    Barcode,
    Quantity,
    UnitPrice,
    Commission,
}

impl LossColumn {
    pub const ALL: [LossColumn; 7] = [
        LossColumn::MarketplaceSku,
        LossColumn::SellerArticle,
        LossColumn::Size,
        LossColumn::Barcode,
        LossColumn::Quantity,
        LossColumn::UnitPrice,
        LossColumn::Commission,
    ];

    /// A stable code (`marketplace_sku`, `unit_price`, …) for CSS classes, test names and logs.
    pub fn code(self) -> &'static str {
        match self {
            LossColumn::MarketplaceSku => "marketplace_sku",
            LossColumn::SellerArticle => "seller_article",
            LossColumn::Size => "size",
            LossColumn::Barcode => "barcode",
            LossColumn::Quantity => "quantity",
            LossColumn::UnitPrice => "unit_price",
            LossColumn::Commission => "commission",
        }
    }
}

/// What is wrong with a cell (or with the table as a whole, for [`LossErrorKind::TooManyRows`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LossErrorKind {
    /// A required cell is empty: quantity, unit price, or all three ids (marketplace id, seller's article,
    /// barcode; the error names the marketplace id column).
    EmptyRequired,
    NotANumber,
    Negative,
    ZeroQuantity,
    /// A quantity that is not a whole number.
    NotWhole,
    /// Above [`loss_limits`] (quantity, amount, a percentage above 100 %).
    TooLarge,
    /// A text cell longer than [`loss_limits::CELL_CHARS`].
    TooLong,
    /// A per-unit commission above the unit price.
    CommissionAbovePrice,
    /// More than [`loss_limits::ROWS`] rows; reported once, at the first row over the limit.
    TooManyRows,
}

impl LossErrorKind {
    /// A stable code (`empty_required`, `not_a_number`, …) for translation keys, CSS classes and logs.
    pub fn code(self) -> &'static str {
        match self {
            LossErrorKind::EmptyRequired => "empty_required",
            LossErrorKind::NotANumber => "not_a_number",
            LossErrorKind::Negative => "negative",
            LossErrorKind::ZeroQuantity => "zero_quantity",
            LossErrorKind::NotWhole => "not_whole",
            LossErrorKind::TooLarge => "too_large",
            LossErrorKind::TooLong => "too_long",
            LossErrorKind::CommissionAbovePrice => "commission_above_price",
            LossErrorKind::TooManyRows => "too_many_rows",
        }
    }
}

/// A problem with one cell: the row as the user sees it (1-based), the column (none for
/// [`LossErrorKind::TooManyRows`]) and what is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LossError {
    pub row: usize,
    pub column: Option<LossColumn>,
    pub kind: LossErrorKind,
}

impl LossRow {
    /// Checks a row against [`loss_limits`]; `row` is the 1-based number the errors carry. Every problem is
    /// listed, in column order.
    pub fn problems(&self, row: usize) -> Vec<LossError> {
        let mut out = Vec::new();
        let mut push = |column, kind| out.push(LossError { row, column: Some(column), kind });
        let texts = [
            (LossColumn::MarketplaceSku, &self.marketplace_sku),
            (LossColumn::SellerArticle, &self.seller_article),
            (LossColumn::Size, &self.size),
            (LossColumn::Barcode, &self.barcode),
        ];
        for (column, text) in texts {
            if too_long(text) {
                push(column, LossErrorKind::TooLong);
            }
        }
        if [&self.marketplace_sku, &self.seller_article, &self.barcode].iter().all(|t| t.trim().is_empty()) {
            push(LossColumn::MarketplaceSku, LossErrorKind::EmptyRequired);
        }
        if self.quantity == 0 {
            push(LossColumn::Quantity, LossErrorKind::ZeroQuantity);
        } else if self.quantity > loss_limits::QUANTITY {
            push(LossColumn::Quantity, LossErrorKind::TooLarge);
        }
        if self.unit_price < 0 {
            push(LossColumn::UnitPrice, LossErrorKind::Negative);
        } else if self.unit_price > loss_limits::AMOUNT_MINOR {
            push(LossColumn::UnitPrice, LossErrorKind::TooLarge);
        }
        match self.commission {
            Commission::PerUnit(minor) if minor < 0 => push(LossColumn::Commission, LossErrorKind::Negative),
            Commission::PerUnit(minor) if minor > loss_limits::AMOUNT_MINOR => {
                push(LossColumn::Commission, LossErrorKind::TooLarge)
            }
            Commission::PerUnit(minor) if minor > self.unit_price && self.unit_price >= 0 => {
                push(LossColumn::Commission, LossErrorKind::CommissionAbovePrice)
            }
            Commission::Percent(bp) if bp > loss_limits::PERCENT_BP => {
                push(LossColumn::Commission, LossErrorKind::TooLarge)
            }
            _ => {}
        }
        out
    }

    /// The row's amount under `basis`, with every number that leads to it.
    pub fn formula(&self, basis: Basis) -> RowFormula {
        let commission = match basis {
            Basis::PriceLessCommission => Some(CommissionPart {
                percent_bp: match self.commission {
                    Commission::Percent(bp) => Some(bp),
                    Commission::PerUnit(_) => None,
                },
                per_unit: self.commission.per_unit(self.unit_price),
            }),
            Basis::UnitPrice => None,
        };
        let per_unit = match commission {
            // Never below zero: a commission above the price (refused by `problems`) does not make a loss negative.
            Some(c) => self.unit_price.saturating_sub(c.per_unit).max(0),
            None => self.unit_price,
        };
        let line_total = per_unit.saturating_mul(i64::from(self.quantity));
        RowFormula { quantity: self.quantity, unit_price: self.unit_price, commission, per_unit, line_total }
    }
}

pub(crate) fn too_long(text: &str) -> bool {
    text.len() > loss_limits::CELL_CHARS && text.chars().count() > loss_limits::CELL_CHARS
}

/// What a marketplace pays for a lost or damaged unit, as far as this table computes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Wildberries: the retail price after the seller's own agreed discount (the unit price of the row is that
    /// price) minus WB's commission on it. Not the buyer's price after WB's discount (SPP).
    PriceLessCommission,
    /// Yandex Market, Amazon, MALL: the unit price as the seller claims it; the commission column is ignored.
    /// These marketplaces do not compensate "price minus commission": Market and MALL reimburse the value of
    /// the goods the seller states and documents (for MALL the purchase price of its *dobropis*), and Amazon
    /// sets a reimbursement itself from its own valuation, so the table states the goods' value and leaves any
    /// deduction to the marketplace's decision.
    UnitPrice,
}

impl Basis {
    pub fn for_marketplace(marketplace: Marketplace) -> Basis {
        match marketplace {
            Marketplace::Wildberries => Basis::PriceLessCommission,
            Marketplace::YandexMarket | Marketplace::Amazon | Marketplace::Mall => Basis::UnitPrice,
        }
    }

    /// Whether the commission column takes part in the amount (the UI may grey it out otherwise).
    pub fn uses_commission(self) -> bool {
        self == Basis::PriceLessCommission
    }
}

/// The commission in a row's formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommissionPart {
    /// The percentage it came from, in basis points (none for a per-unit amount).
    pub percent_bp: Option<u32>,
    /// The commission on one unit, in minor units (a percentage already rounded, see [`Commission::per_unit`]).
    pub per_unit: i64,
}

/// A row's amount as numbers only, for the UI to write in the user's language:
/// `quantity × (unit_price − commission.per_unit [= percent of unit_price]) = line_total`, or
/// `quantity × unit_price = line_total` when `commission` is `None` (the basis ignores it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowFormula {
    pub quantity: u32,
    pub unit_price: i64,
    pub commission: Option<CommissionPart>,
    /// What one unit is worth under the basis.
    pub per_unit: i64,
    /// `quantity × per_unit`.
    pub line_total: i64,
}

/// Consecutive rows of the table that go into one claim, with their total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimPart {
    /// Row indices (0-based, end exclusive) in the table.
    pub rows: Range<usize>,
    pub total: i64,
}

/// The most rows (articles) one claim may carry on this marketplace, where it sets a limit.
///
/// Yandex Market: **10** — "no more than 10 orders or SKUs per claim", from Market's Global help
/// (<https://yandex.com/support/global-marketplace/en/communication/claims>). *Uncertain*: that page is the
/// cross-border (Global) seller help; the help for sellers in Russia was not found, and whether two rows of the
/// same SKU count once is not said, so every row counts.
///
/// Wildberries, Amazon, MALL: no limit known (`None`).
pub fn claim_row_limit(marketplace: Marketplace) -> Option<usize> {
    match marketplace {
        Marketplace::YandexMarket => Some(10),
        Marketplace::Wildberries | Marketplace::Amazon | Marketplace::Mall => None,
    }
}

/// The itemised loss of one case. The currency is the case's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LossTable {
    #[serde(default)]
    pub rows: Vec<LossRow>,
}

impl LossTable {
    pub fn new(rows: Vec<LossRow>) -> LossTable {
        LossTable { rows }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every row's formula, in table order.
    pub fn formulas(&self, basis: Basis) -> Vec<RowFormula> {
        self.rows.iter().map(|r| r.formula(basis)).collect()
    }

    /// The sum of the rows' line totals, in minor units.
    pub fn total(&self, basis: Basis) -> i64 {
        sum(&self.rows, basis)
    }

    /// The total number of units.
    pub fn quantity(&self) -> u64 {
        self.rows.iter().map(|r| u64::from(r.quantity)).sum()
    }

    /// Every problem of every row (rows numbered from 1), then [`LossErrorKind::TooManyRows`] at the first row
    /// over [`loss_limits::ROWS`].
    pub fn problems(&self) -> Vec<LossError> {
        let mut out: Vec<LossError> = self.rows.iter().enumerate().flat_map(|(i, row)| row.problems(i + 1)).collect();
        if self.rows.len() > loss_limits::ROWS {
            out.push(LossError { row: loss_limits::ROWS + 1, column: None, kind: LossErrorKind::TooManyRows });
        }
        out
    }

    /// Adds rows at the end (a paste's good rows); refuses all of them when the table would exceed
    /// [`loss_limits::ROWS`], naming the first row over the limit.
    pub fn append(&mut self, rows: Vec<LossRow>) -> Result<(), LossError> {
        if self.rows.len() + rows.len() > loss_limits::ROWS {
            return Err(LossError { row: loss_limits::ROWS + 1, column: None, kind: LossErrorKind::TooManyRows });
        }
        self.rows.extend(rows);
        Ok(())
    }

    /// The rows of one claim part, as a table of their own (for its CSV file or message).
    pub fn part(&self, part: &ClaimPart) -> LossTable {
        let end = part.rows.end.min(self.rows.len());
        LossTable { rows: self.rows[part.rows.start.min(end)..end].to_vec() }
    }

    /// The table cut into consecutive claims of at most `limit` rows, each with its own total (one part for
    /// the whole table when there is no limit; none for an empty table). Use with [`claim_row_limit`].
    pub fn claim_parts(&self, limit: Option<usize>, basis: Basis) -> Vec<ClaimPart> {
        let size = limit.filter(|n| *n > 0).unwrap_or(self.rows.len().max(1));
        (0..self.rows.len())
            .step_by(size)
            .map(|start| {
                let end = (start + size).min(self.rows.len());
                ClaimPart { rows: start..end, total: sum(&self.rows[start..end], basis) }
            })
            .collect()
    }
}

fn sum(rows: &[LossRow], basis: Basis) -> i64 {
    rows.iter().fold(0i64, |acc, r| acc.saturating_add(r.formula(basis).line_total))
}

/// What each marketplace's seller portal calls its own item number: the marketplace column's name in a letter's
/// loss table («Артикул WB», a Market SKU, ASIN / FNSKU, a MALL product code).
pub fn item_number_key(marketplace: Marketplace) -> Key {
    match marketplace {
        Marketplace::Wildberries => Key::LossColItemWb,
        Marketplace::YandexMarket => Key::LossColItemMarket,
        Marketplace::Amazon => Key::LossColItemAmazon,
        Marketplace::Mall => Key::LossColItemMall,
    }
}
