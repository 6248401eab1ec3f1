#![cfg(not(target_arch = "wasm32"))]
//! A report of 100,000 lines goes through reading, recognition and every detector in linear time, with exact
//! results (the bench measures the time; this checks nothing degrades into a per-line scan of the whole file).

use std::time::Instant;

use claimdesk::codec::report::{read_file, Limits};
use claimdesk::domain::report::{analyse, FindingKind, ReadReport};

const LINES: usize = 100_000;

/// A WB sales report detail: sales, and every 1,000th line a compensation of 850.00 for a unit whose basis is
/// 1 000,00 less 15 % = 850.00, except every 5,000th, paid 800,00.
fn sales_detail() -> Vec<u8> {
    let mut text = String::from(
        "№;Номер поставки;Баркод;Обоснование для оплаты;Кол-во;Цена розничная с учетом согласованной скидки;\
         Размер кВВ, %;К перечислению Продавцу за реализованный Товар\r\n",
    );
    for i in 1..=LINES {
        let (reason, payout) = match i {
            i if i % 5_000 == 0 => ("Компенсация ущерба", "800,00"),
            i if i % 1_000 == 0 => ("Оплата потерянного товара", "850,00"),
            _ => ("Продажа", "850,00"),
        };
        text.push_str(&format!("{i};1;46{i:011};{reason};1;1 000,00;15;{payout}\r\n"));
    }
    text.into_bytes()
}

#[test]
fn a_hundred_thousand_lines() {
    let started = Instant::now();
    let bytes = sales_detail();
    let sheet = read_file("detail.csv", &bytes, &Limits::default()).expect("read").remove(0);
    assert_eq!(sheet.rows.len(), LINES + 1);
    let report = ReadReport::recognise(&sheet.rows).expect("recognised");
    let analysis = analyse(&[report]);
    let count = |kind| analysis.findings.iter().filter(|f| f.kind == kind).count();
    assert_eq!(count(FindingKind::WbCompensationPaid), 80);
    assert_eq!(count(FindingKind::WbCompensationUnderpaid), 20);
    let underpaid: i64 = analysis
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::WbCompensationUnderpaid)
        .filter_map(|f| f.amount.as_ref().map(|a| a.minor))
        .sum();
    assert_eq!(underpaid, 20 * 5_000);
    // Generous even for a debug build on a busy machine; a quadratic step would take minutes.
    assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
}
