#![cfg(not(target_arch = "wasm32"))]
//! Bad and hostile files give a typed error naming the file (and row and column where they apply), never a
//! panic and never a huge allocation.

mod report_support;

use claimdesk::codec::report::{read_file, Limits, ReportError, ReportErrorKind};
use report_support::bytes;

fn error_of(name: &str, limits: &Limits) -> ReportError {
    match read_file(name, &bytes(name), limits) {
        Ok(sheets) => panic!("{name} was read: {} sheets", sheets.len()),
        Err(e) => e,
    }
}

fn kind_of(name: &str) -> ReportErrorKind {
    let e = error_of(name, &Limits::default());
    assert!(e.file.starts_with(name), "{name}: the error names {:?}", e.file);
    e.kind
}

#[test]
fn an_empty_file() {
    assert_eq!(kind_of("empty.csv"), ReportErrorKind::Empty);
    let blank = read_file("blank.csv", b" \r\n\t\r\n", &Limits::default());
    assert_eq!(blank.map_err(|e| e.kind), Err(ReportErrorKind::Empty));
}

#[test]
fn a_file_that_is_not_a_report() {
    assert_eq!(kind_of("unknown.png"), ReportErrorKind::UnknownFormat);
    assert_eq!(kind_of("legacy.xls"), ReportErrorKind::LegacyXls);
}

#[test]
fn a_truncated_zip() {
    assert_eq!(kind_of("truncated.zip"), ReportErrorKind::DamagedArchive);
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    // 20 MiB of zeros packed into about 20 KB: within the unpacked-size limit, far beyond the ratio.
    assert_eq!(kind_of("bomb.zip"), ReportErrorKind::SuspiciousCompression);
}

#[test]
fn a_zip_declaring_200_mb_is_refused_from_its_directory() {
    assert_eq!(kind_of("declared_200mb.zip"), ReportErrorKind::UnpackedTooLarge);
}

#[test]
fn a_bomb_that_lies_about_its_size_stops_at_what_it_really_unpacks() {
    // Its directory declares 1,000 bytes, so the checks before unpacking pass; unpacking stops at the limit.
    let limits = Limits { max_unpacked_bytes: 5 * 1024 * 1024, ..Limits::default() };
    let e = error_of("lying_bomb.zip", &limits);
    assert_eq!((e.kind, e.file.as_str()), (ReportErrorKind::UnpackedTooLarge, "lying_bomb.zip"));
}

#[test]
fn an_archive_in_an_archive() {
    let e = error_of("nested.zip", &Limits::default());
    assert_eq!((e.kind, e.file.as_str()), (ReportErrorKind::NestedArchive, "nested.zip/inner.zip"));
}

#[test]
fn an_archive_without_a_report() {
    assert_eq!(kind_of("no_report.zip"), ReportErrorKind::NoReportInArchive);
}

#[test]
fn a_file_over_the_size_limit() {
    let limits = Limits { max_file_bytes: 1000, ..Limits::default() };
    assert_eq!(error_of("wide_row.csv", &limits).kind, ReportErrorKind::FileTooLarge);
}

#[test]
fn a_row_with_too_many_columns_names_row_and_column() {
    let e = error_of("wide_row.csv", &Limits::default());
    assert_eq!((e.kind, e.row, e.column), (ReportErrorKind::TooManyColumns, Some(1), Some(501)));
}

#[test]
fn a_billion_column_row_stops_at_the_limit_without_reading_on() {
    // A row of separators streamed lazily: the parser must stop at column 501, not collect a billion cells.
    let text = ",".repeat(2_000_000);
    let e = read_file("commas.csv", text.as_bytes(), &Limits::default()).expect_err("refused");
    assert_eq!((e.kind, e.row, e.column), (ReportErrorKind::TooManyColumns, Some(1), Some(501)));
}

#[test]
fn a_cell_too_long_names_row_and_column() {
    let text = format!("a;b\r\n1;{}\r\n", "x".repeat(40_000));
    let e = read_file("long.csv", text.as_bytes(), &Limits::default()).expect_err("refused");
    assert_eq!((e.kind, e.row, e.column), (ReportErrorKind::CellTooLong, Some(2), Some(2)));
}

#[test]
fn too_many_rows() {
    let limits = Limits { max_rows: 3, ..Limits::default() };
    let e = read_file("rows.csv", b"a\r\n1\r\n2\r\n3\r\n4\r\n", &limits).expect_err("refused");
    assert_eq!((e.kind, e.row), (ReportErrorKind::TooManyRows, Some(4)));
}

#[test]
fn a_quote_never_closed_names_where_it_opened() {
    let e = error_of("open_quote.csv", &Limits::default());
    assert_eq!((e.kind, e.row, e.column), (ReportErrorKind::UnterminatedQuote, Some(2), Some(2)));
}

#[test]
fn random_bytes_never_panic() {
    // A fixed pseudo-random sequence (xorshift), cut at many lengths, with and without a ZIP signature.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    for len in (0..noise.len()).step_by(97) {
        let _ = read_file("noise.bin", &noise[..len], &Limits::default());
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&noise[..len]);
        let _ = read_file("noise.zip", &zipped, &Limits::default());
    }
    let good = bytes("wb_reports.zip");
    for cut in (0..good.len()).step_by(53) {
        let _ = read_file("cut.zip", &good[..cut], &Limits::default());
    }
}
