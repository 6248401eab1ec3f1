//! The marketplace reports the app reads, the columns each one has, and every caption a column has been seen
//! under. Captions are compared after [`normalise_caption`], so case, spaces, `_`, `-`, punctuation and «ё» do
//! not matter: `amount-per-unit`, `AMOUNT_PER_UNIT`, `amountPerUnit` and `Amount per unit` are one caption.
//!
//! Where each column list comes from (opened 2026-12-07):
//! - Wildberries sales report detail («Отчёт о реализации — детализация»): the fields of `reportDetailByPeriod`
//!   (<https://dev.wildberries.ru/openapi/financial-reports-and-accounting>, the `DetailReportItem` schema: `gi_id`
//!   «Номер поставки», `nm_id` «Артикул WB», `sa_name` «Артикул продавца», `ts_name` «Размер», `barcode`
//!   «Баркод», `supplier_oper_name` «Обоснование для оплаты», `quantity`, `retail_price_withdisc_rub`,
//!   `ppvz_kvw_prc` (commission, %), `ppvz_for_pay` «К перечислению продавцу», `sale_dt`, `currency_name`,
//!   `rrd_id`). The portal's XLSX shows the same fields under the Russian captions listed below; the older
//!   captions («Код номенклатуры», «Артикул поставщика», «Кол-во») come from earlier versions of that file.
//! - Wildberries acceptance of a supply: the portal's supply card («Поставки» → a supply → detail) with
//!   «Указано в поставке» and «Принято» per barcode, as issue 21 quotes it; the English names are those of the
//!   statistics API's supplies (`/api/v1/supplier/incomes`: `incomeId`, `barcode`, `quantity`, `dateClose`,
//!   `nmId`, `supplierArticle`, `techSize`; <https://dev.wildberries.ru/en/openapi/reports>). *Unverified*: no WB
//!   page describing the portal file's exact captions was found.
//! - Amazon FBA Inventory Ledger, detail view (`GET_LEDGER_DETAIL_VIEW_DATA`), Reimbursements
//!   (`GET_FBA_REIMBURSEMENTS_DATA`) and Customer Returns (`GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA`): the
//!   SP-API report attribute lists (<https://developer-docs.amazon.com/sp-api/docs/fba-inventory-reports-attributes>,
//!   <https://developer-docs.amazon.com/sp-api/docs/fba-payments-reports-attributes>,
//!   <https://developer-docs.amazon.com/sp-api/docs/fba-customer-concessions-reports-attributes>). Seller Central's
//!   download of the ledger uses spaced captions («Event Type», «Reference ID», «Fulfillment Center»).
//! - Amazon refunds: the Payments «Date Range Reports» transaction file (columns `date/time`, `type`, `order id`,
//!   `sku`, `quantity`, `marketplace`, `fulfillment`, `total`). *Unverified*: taken from that file's header as
//!   Seller Central writes it; no Amazon page listing the columns was found.
//! - Yandex Market goods movement (FBY), sheet «Отчет по движению товаров» (`movement_by_sku`): the report's column
//!   table (<https://yandex.ru/dev/market/partner-api/doc/ru/reference/reports/generateGoodsMovementReport>): CSV
//!   `SHOP_SKU`, `INVENTORY_SHORTAGE`, `RECYCLING`…, XLSX «SKU», «Недостача при инвентаризации», «Утилизация»….

use serde::{Deserialize, Serialize};

use crate::scenario::Marketplace;

/// A report this version can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Wildberries: units declared in a supply against units accepted, per barcode.
    WbAcceptance,
    /// Wildberries: «Отчёт о реализации», the detail lines.
    WbSalesDetail,
    /// Amazon FBA Inventory Ledger, detail view.
    AmazonLedgerDetail,
    /// Amazon FBA Reimbursements.
    AmazonReimbursements,
    /// Amazon FBA customer returns.
    AmazonCustomerReturns,
    /// Amazon Payments transactions (Date Range Reports): orders and refunds.
    AmazonTransactions,
    /// Yandex Market FBY goods movement per SKU.
    YmGoodsMovement,
}

impl ReportKind {
    pub const ALL: [ReportKind; 7] = [
        ReportKind::WbAcceptance,
        ReportKind::WbSalesDetail,
        ReportKind::AmazonLedgerDetail,
        ReportKind::AmazonReimbursements,
        ReportKind::AmazonCustomerReturns,
        ReportKind::AmazonTransactions,
        ReportKind::YmGoodsMovement,
    ];

    /// A stable code for translation keys, stored column mappings and logs.
    pub fn code(self) -> &'static str {
        match self {
            ReportKind::WbAcceptance => "wb_acceptance",
            ReportKind::WbSalesDetail => "wb_sales_detail",
            ReportKind::AmazonLedgerDetail => "amazon_ledger_detail",
            ReportKind::AmazonReimbursements => "amazon_reimbursements",
            ReportKind::AmazonCustomerReturns => "amazon_customer_returns",
            ReportKind::AmazonTransactions => "amazon_transactions",
            ReportKind::YmGoodsMovement => "ym_goods_movement",
        }
    }

    pub fn marketplace(self) -> Marketplace {
        match self {
            ReportKind::WbAcceptance | ReportKind::WbSalesDetail => Marketplace::Wildberries,
            ReportKind::AmazonLedgerDetail
            | ReportKind::AmazonReimbursements
            | ReportKind::AmazonCustomerReturns
            | ReportKind::AmazonTransactions => Marketplace::Amazon,
            ReportKind::YmGoodsMovement => Marketplace::YandexMarket,
        }
    }

    /// The columns of this report: the field, whether the findings need it, and its captions.
    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            ReportKind::WbAcceptance => WB_ACCEPTANCE,
            ReportKind::WbSalesDetail => WB_SALES_DETAIL,
            ReportKind::AmazonLedgerDetail => AMAZON_LEDGER_DETAIL,
            ReportKind::AmazonReimbursements => AMAZON_REIMBURSEMENTS,
            ReportKind::AmazonCustomerReturns => AMAZON_CUSTOMER_RETURNS,
            ReportKind::AmazonTransactions => AMAZON_TRANSACTIONS,
            ReportKind::YmGoodsMovement => YM_GOODS_MOVEMENT,
        }
    }

    /// The fields this report cannot be read without.
    pub fn required(self) -> impl Iterator<Item = Field> {
        self.columns().iter().filter(|c| c.required).map(|c| c.field)
    }
}

/// What a column means, whatever report it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    SupplyId,
    Barcode,
    WbArticle,
    SellerArticle,
    Size,
    DeclaredUnits,
    AcceptedUnits,
    AcceptanceDate,
    LineId,
    PaymentReason,
    Quantity,
    /// Wildberries: the retail price after the seller's agreed discount, per unit.
    RetailPriceAfterDiscount,
    /// Wildberries: WB's commission, percent of the price.
    CommissionPercent,
    /// Wildberries: what WB transfers to the seller for the line.
    Payout,
    SaleDate,
    Currency,
    Date,
    Fnsku,
    Asin,
    Sku,
    EventType,
    ReferenceId,
    FulfillmentCenter,
    Disposition,
    Reason,
    Country,
    ReimbursementId,
    CaseId,
    OrderId,
    AmountPerUnit,
    AmountTotal,
    QuantityCash,
    QuantityInventory,
    OriginalReimbursementId,
    OriginalReimbursementType,
    Status,
    TransactionType,
    Marketplace,
    Fulfillment,
    Total,
    InventoryShortage,
    WriteOff,
    Warehouse,
}

/// One column of a report.
#[derive(Clone, Copy, Debug)]
pub struct ColumnSpec {
    pub field: Field,
    pub required: bool,
    /// Every caption seen for it, as written (normalised before comparing).
    pub captions: &'static [&'static str],
}

const fn req(field: Field, captions: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { field, required: true, captions }
}

const fn opt(field: Field, captions: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { field, required: false, captions }
}

const BARCODE: &[&str] = &["Баркод", "Штрихкод", "Штрих-код", "barcode", "Barcode (EAN)"];
const WB_ARTICLE: &[&str] = &["Артикул WB", "Код номенклатуры", "Номенклатура (код 1С)", "nm_id", "nmId", "WB article"];
const SELLER_ARTICLE: &[&str] =
    &["Артикул продавца", "Артикул поставщика", "sa_name", "supplierArticle", "Vendor code", "Seller article"];
const SIZE: &[&str] = &["Размер", "Размер товара", "ts_name", "techSize", "Size"];
const SUPPLY: &[&str] = &["Номер поставки", "№ поставки", "Поставка", "ID поставки", "gi_id", "incomeId", "Supply ID"];

const WB_ACCEPTANCE: &[ColumnSpec] = &[
    req(Field::SupplyId, SUPPLY),
    req(Field::Barcode, BARCODE),
    req(
        Field::DeclaredUnits,
        &["Указано в поставке", "Указано в поставке, шт", "Заявлено", "Заявлено, шт", "Кол-во по заявке", "Declared"],
    ),
    req(Field::AcceptedUnits, &["Принято", "Принято, шт", "Фактически принято", "Принято на склад", "Accepted"]),
    opt(Field::AcceptanceDate, &["Дата приёмки", "Дата приемки", "Дата закрытия", "dateClose", "Acceptance date"]),
    opt(Field::WbArticle, WB_ARTICLE),
    opt(Field::SellerArticle, SELLER_ARTICLE),
    opt(Field::Size, SIZE),
];

const WB_SALES_DETAIL: &[ColumnSpec] = &[
    opt(Field::LineId, &["№", "Номер строки", "rrd_id"]),
    opt(Field::SupplyId, SUPPLY),
    opt(Field::WbArticle, WB_ARTICLE),
    opt(Field::SellerArticle, SELLER_ARTICLE),
    opt(Field::Size, SIZE),
    req(Field::Barcode, BARCODE),
    req(Field::PaymentReason, &["Обоснование для оплаты", "supplier_oper_name", "Payment reason"]),
    req(Field::Quantity, &["Кол-во", "Количество", "quantity"]),
    opt(
        Field::RetailPriceAfterDiscount,
        &[
            "Цена розничная с учетом согласованной скидки",
            "Цена розничная с учётом согласованной скидки",
            "retail_price_withdisc_rub",
        ],
    ),
    opt(Field::CommissionPercent, &["Размер кВВ, %", "Размер кВВ", "ppvz_kvw_prc"]),
    req(
        Field::Payout,
        &[
            "К перечислению Продавцу за реализованный Товар",
            "К перечислению продавцу за реализованный товар",
            "К перечислению продавцу",
            "ppvz_for_pay",
        ],
    ),
    opt(Field::SaleDate, &["Дата продажи", "sale_dt"]),
    opt(Field::Currency, &["Валюта", "currency_name"]),
];

const AMAZON_LEDGER_DETAIL: &[ColumnSpec] = &[
    req(Field::Date, &["Date", "Date and Time", "date_and_time"]),
    req(Field::Fnsku, &["FNSKU"]),
    opt(Field::Asin, &["ASIN"]),
    opt(Field::Sku, &["MSKU", "Merchant SKU", "SKU"]),
    req(Field::EventType, &["Event Type", "EventType"]),
    opt(Field::ReferenceId, &["Reference ID", "ReferenceID"]),
    req(Field::Quantity, &["Quantity"]),
    opt(Field::FulfillmentCenter, &["Fulfillment Center", "FulfillmentCenter"]),
    opt(Field::Disposition, &["Disposition"]),
    req(Field::Reason, &["Reason", "Reason (if available)"]),
    opt(Field::Country, &["Country", "Location"]),
];

const AMAZON_REIMBURSEMENTS: &[ColumnSpec] = &[
    req(Field::Date, &["approval-date"]),
    req(Field::ReimbursementId, &["reimbursement-id"]),
    opt(Field::CaseId, &["case-id"]),
    opt(Field::OrderId, &["amazon-order-id"]),
    req(Field::Reason, &["reason"]),
    opt(Field::Sku, &["sku"]),
    req(Field::Fnsku, &["fnsku"]),
    opt(Field::Asin, &["asin"]),
    req(Field::Currency, &["currency-unit"]),
    opt(Field::AmountPerUnit, &["amount-per-unit"]),
    req(Field::AmountTotal, &["amount-total"]),
    opt(Field::QuantityCash, &["quantity-reimbursed-cash"]),
    opt(Field::QuantityInventory, &["quantity-reimbursed-inventory"]),
    req(Field::Quantity, &["quantity-reimbursed-total"]),
    opt(Field::OriginalReimbursementId, &["original-reimbursement-id"]),
    opt(Field::OriginalReimbursementType, &["original-reimbursement-type"]),
];

const AMAZON_CUSTOMER_RETURNS: &[ColumnSpec] = &[
    req(Field::Date, &["return-date"]),
    req(Field::OrderId, &["order-id"]),
    opt(Field::Sku, &["sku"]),
    opt(Field::Asin, &["asin"]),
    req(Field::Fnsku, &["fnsku"]),
    req(Field::Quantity, &["quantity"]),
    opt(Field::FulfillmentCenter, &["fulfillment-center-id"]),
    opt(Field::Disposition, &["detailed-disposition"]),
    opt(Field::Reason, &["reason"]),
    opt(Field::Status, &["status"]),
];

const AMAZON_TRANSACTIONS: &[ColumnSpec] = &[
    req(Field::Date, &["date/time"]),
    req(Field::TransactionType, &["type"]),
    req(Field::OrderId, &["order id"]),
    req(Field::Sku, &["sku"]),
    req(Field::Quantity, &["quantity"]),
    opt(Field::Marketplace, &["marketplace"]),
    opt(Field::Fulfillment, &["fulfillment", "fulfilment"]),
    req(Field::Total, &["total"]),
];

const YM_GOODS_MOVEMENT: &[ColumnSpec] = &[
    req(Field::Sku, &["SKU", "SHOP_SKU", "shopSku", "Ваш SKU"]),
    req(Field::InventoryShortage, &["Недостача при инвентаризации", "INVENTORY_SHORTAGE", "inventoryShortage"]),
    req(Field::WriteOff, &["Утилизация", "RECYCLING", "recycling"]),
    opt(Field::Warehouse, &["Склад", "WAREHOUSE_NAME", "warehouseName"]),
];

/// A caption reduced to lower-case letters and digits («ё» read as «е»): `Reference ID`, `reference-id` and
/// `REFERENCE_ID` all give `referenceid`.
pub fn normalise_caption(caption: &str) -> String {
    caption
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || *c == '№')
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}
