//! Yandex Market findings from the FBY goods-movement report: inventory shortages and write-offs per SKU.

use super::finding::{finding_fingerprint, CellProblem, ClaimWindow, Detection, Finding, FindingKind, WindowUnknown};
use super::kind::Field;
use super::table::ReadReport;
use super::value::units;

/// One finding per line and column with units: «Недостача при инвентаризации» → a shortage, «Утилизация» → a
/// write-off (which the seller may have ordered: the finding asks to check). The report has no prices, so the
/// amount is unknown; the app's content has no rule for claiming a shortage, so the window is unknown too.
pub fn movement(report: &ReadReport) -> Detection {
    let mut out = Detection::default();
    for line in &report.lines {
        for (field, kind) in
            [(Field::InventoryShortage, FindingKind::YmInventoryShortage), (Field::WriteOff, FindingKind::YmWriteOff)]
        {
            let cell = report.cell(line, field);
            if cell.is_empty() {
                continue;
            }
            let Some(n) = units(cell) else {
                out.problems.push(CellProblem { row: line.number, field });
                continue;
            };
            if n == 0 {
                continue;
            }
            let sku = report.cell(line, Field::Sku).to_string();
            out.findings.push(Finding {
                kind,
                report: report.kind(),
                reference: report.cell(line, Field::Warehouse).to_string(),
                units: n.abs(),
                amount: None,
                expected: None,
                paid: None,
                date: None,
                window: ClaimWindow::Unknown(WindowUnknown::NoRule),
                fingerprint: finding_fingerprint(kind, &sku, report, &[line.number]),
                lines: vec![line.number],
                item: sku,
            });
        }
    }
    out
}
