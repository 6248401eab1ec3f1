//! The words for the codes an import sends back: report kinds, file errors, findings, unknown windows.

use crate::domain::report::{Field, ReportKind};
use crate::i18n::Key;

pub fn report_kind(kind: ReportKind) -> Key {
    match kind {
        ReportKind::WbAcceptance => Key::ReportKindWbAcceptance,
        ReportKind::WbSalesDetail => Key::ReportKindWbSalesDetail,
        ReportKind::AmazonLedgerDetail => Key::ReportKindAmazonLedger,
        ReportKind::AmazonReimbursements => Key::ReportKindAmazonReimbursements,
        ReportKind::AmazonCustomerReturns => Key::ReportKindAmazonReturns,
        ReportKind::AmazonTransactions => Key::ReportKindAmazonTransactions,
        ReportKind::YmGoodsMovement => Key::ReportKindYmMovement,
    }
}

/// A file error's code (`ReportErrorKind::code`).
pub fn file_error(code: &str) -> Key {
    match code {
        "empty" => Key::ReportErrorEmpty,
        "unknown_format" => Key::ReportErrorUnknownFormat,
        "legacy_xls" => Key::ReportErrorLegacyXls,
        "archives_not_supported" => Key::ReportErrorArchivesNotSupported,
        "file_too_large" => Key::ReportErrorFileTooLarge,
        "unpacked_too_large" => Key::ReportErrorUnpackedTooLarge,
        "suspicious_compression" => Key::ReportErrorSuspiciousCompression,
        "too_many_entries" => Key::ReportErrorTooManyEntries,
        "nested_archive" => Key::ReportErrorNestedArchive,
        "no_report_in_archive" => Key::ReportErrorNoReportInArchive,
        "damaged_archive" => Key::ReportErrorDamagedArchive,
        "damaged_workbook" => Key::ReportErrorDamagedWorkbook,
        "too_many_rows" => Key::ReportErrorTooManyRows,
        "too_many_columns" => Key::ReportErrorTooManyColumns,
        "cell_too_long" => Key::ReportErrorCellTooLong,
        "unterminated_quote" => Key::ReportErrorUnterminatedQuote,
        _ => Key::ReportErrorOther,
    }
}

/// A finding's kind (`FindingKind::code`).
pub fn finding(code: &str) -> Key {
    match code {
        "wb_acceptance_shortfall" => Key::FindingWbAcceptanceShortfall,
        "wb_compensation_paid" => Key::FindingWbCompensationPaid,
        "wb_compensation_underpaid" => Key::FindingWbCompensationUnderpaid,
        "amazon_warehouse_lost" => Key::FindingAmazonWarehouseLost,
        "amazon_warehouse_damaged" => Key::FindingAmazonWarehouseDamaged,
        "amazon_refund_not_returned" => Key::FindingAmazonRefundNotReturned,
        "amazon_reimbursement_reversal" => Key::FindingAmazonReimbursementReversal,
        "ym_inventory_shortage" => Key::FindingYmInventoryShortage,
        "ym_write_off" => Key::FindingYmWriteOff,
        _ => Key::FindingOther,
    }
}

/// Why a finding has no last day (`WindowUnknown::code`).
pub fn window_unknown(code: &str) -> Key {
    match code {
        "no_date" => Key::FindingUnknownNoDate,
        "store_unknown" => Key::FindingUnknownStore,
        "nothing_to_claim" => Key::FindingUnknownNothing,
        _ => Key::FindingUnknownNoRule,
    }
}

pub fn field(field: Field) -> Key {
    match field {
        Field::SupplyId => Key::FieldSupplyId,
        Field::Barcode => Key::FieldBarcode,
        Field::DeclaredUnits => Key::FieldDeclaredUnits,
        Field::AcceptedUnits => Key::FieldAcceptedUnits,
        Field::AcceptanceDate => Key::FieldAcceptanceDate,
        Field::PaymentReason => Key::FieldPaymentReason,
        Field::Quantity => Key::FieldQuantity,
        Field::Payout => Key::FieldPayout,
        Field::Date => Key::FieldDate,
        Field::Fnsku => Key::FieldFnsku,
        Field::EventType => Key::FieldEventType,
        Field::Reason => Key::FieldReason,
        Field::ReimbursementId => Key::FieldReimbursementId,
        Field::Currency => Key::FieldCurrency,
        Field::AmountTotal => Key::FieldAmountTotal,
        Field::OrderId => Key::FieldOrderId,
        Field::TransactionType => Key::FieldTransactionType,
        Field::Sku => Key::FieldSku,
        Field::Total => Key::FieldTotal,
        Field::InventoryShortage => Key::FieldInventoryShortage,
        Field::WriteOff => Key::FieldWriteOff,
        // Optional columns are not asked for in the mapping step.
        _ => Key::FieldOther,
    }
}
