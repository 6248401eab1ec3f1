//! Rows pasted from a spreadsheet into the loss table, with a preview before they are added.
//!
//! Excel, LibreOffice and Google Sheets copy a range as tab-separated text: records end with `\n` or `\r\n`,
//! cells are split by `\t`, and a cell holding a tab, a line break or a quote is quoted (`"a ""b"""`, quotes
//! doubled). A first row whose cells are known column titles (Russian, English and Polish words and the titles
//! of the marketplaces' own reports, see [`header_column`]) is a header: the columns may then come in any
//! order, and columns with unknown titles are ignored. Without a header the cells are read in the order of
//! [`LossColumn::ALL`].
//!
//! Rows are numbered as the user sees them in the pasted range: every record counts (a header, a blank line),
//! starting from 1; blank records are skipped. A row with any bad cell is left out of [`PastePreview::rows`]
//! and each bad cell is one [`LossError`].

use super::loss::{loss_limits, too_long, Commission, LossColumn, LossError, LossErrorKind, LossRow};
use crate::i18n::{parse_amount, Lang};

/// What a paste would add: the good rows, an error per bad cell, and how the columns were read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastePreview {
    /// The first record was taken as a header.
    pub header: bool,
    /// What each pasted column was read as (`None`: ignored), in pasted order.
    pub columns: Vec<Option<LossColumn>>,
    /// Required columns a header did not name (for the ids: [`LossColumn::MarketplaceSku`] when none of
    /// marketplace id, seller's article and barcode is there). Empty without a header.
    pub missing: Vec<LossColumn>,
    /// The header's commission title has a `%` («Комиссия, %»): plain numbers in that column are percentages.
    pub commission_in_percent: bool,
    pub rows: Vec<PastedRow>,
    pub errors: Vec<LossError>,
}

impl PastePreview {
    /// Nothing to complain about (and at least one row).
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty() && self.missing.is_empty() && !self.rows.is_empty()
    }

    /// The good rows, for [`super::LossTable::append`].
    pub fn good_rows(&self) -> Vec<LossRow> {
        self.rows.iter().map(|r| r.value.clone()).collect()
    }
}

/// A good row and its number as the user sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedRow {
    pub row: usize,
    pub value: LossRow,
}

/// Column titles (lower case, `ё` as `е`, single spaces) and the column each names. Earlier entries win when
/// two pasted columns name the same column (WB's «Цена розничная с учетом согласованной скидки» over «Цена»).
/// Notes: Amazon's "SKU" / "MSKU" and Market's «Ваш SKU» / offer id are the seller's own article; ASIN, FNSKU
/// and «SKU на Маркете» are the marketplace's. WB's «Цена розничная» (before the seller's discount) is not
/// the basis of a WB loss and is deliberately not recognised.
const HEADERS: &[(&str, LossColumn)] = &[
    // marketplace's id
    ("артикул wb", LossColumn::MarketplaceSku),
    ("артикул вб", LossColumn::MarketplaceSku),
    ("nmid", LossColumn::MarketplaceSku),
    ("nm id", LossColumn::MarketplaceSku),
    ("код номенклатуры", LossColumn::MarketplaceSku),
    ("fnsku", LossColumn::MarketplaceSku),
    ("asin", LossColumn::MarketplaceSku),
    ("sku на маркете", LossColumn::MarketplaceSku),
    ("market sku", LossColumn::MarketplaceSku),
    ("marketsku", LossColumn::MarketplaceSku),
    ("артикул маркетплейса", LossColumn::MarketplaceSku),
    ("marketplace sku", LossColumn::MarketplaceSku),
    ("marketplace id", LossColumn::MarketplaceSku),
    ("mall id", LossColumn::MarketplaceSku),
    ("id produktu", LossColumn::MarketplaceSku),
    ("identyfikator produktu", LossColumn::MarketplaceSku),
    // seller's article
    ("артикул продавца", LossColumn::SellerArticle),
    ("артикул поставщика", LossColumn::SellerArticle),
    ("ваш sku", LossColumn::SellerArticle),
    ("seller sku", LossColumn::SellerArticle),
    ("merchant sku", LossColumn::SellerArticle),
    ("msku", LossColumn::SellerArticle),
    ("sku", LossColumn::SellerArticle),
    ("offer id", LossColumn::SellerArticle),
    ("offerid", LossColumn::SellerArticle),
    ("seller article", LossColumn::SellerArticle),
    ("article", LossColumn::SellerArticle),
    ("артикул", LossColumn::SellerArticle),
    ("sku sprzedawcy", LossColumn::SellerArticle),
    ("kod sprzedawcy", LossColumn::SellerArticle),
    ("indeks", LossColumn::SellerArticle),
    // size
    ("размер", LossColumn::Size),
    ("size", LossColumn::Size),
    ("rozmiar", LossColumn::Size),
    // barcode
    ("баркод", LossColumn::Barcode),
    ("штрихкод", LossColumn::Barcode),
    ("штрих-код", LossColumn::Barcode),
    ("barcode", LossColumn::Barcode),
    ("ean", LossColumn::Barcode),
    ("gtin", LossColumn::Barcode),
    ("upc", LossColumn::Barcode),
    ("kod kreskowy", LossColumn::Barcode),
    // quantity
    ("кол-во", LossColumn::Quantity),
    ("количество", LossColumn::Quantity),
    ("кол", LossColumn::Quantity),
    ("quantity", LossColumn::Quantity),
    ("qty", LossColumn::Quantity),
    ("units", LossColumn::Quantity),
    ("ilość", LossColumn::Quantity),
    ("ilosc", LossColumn::Quantity),
    ("liczba sztuk", LossColumn::Quantity),
    // unit price
    ("цена розничная с учетом согласованной скидки", LossColumn::UnitPrice),
    ("цена с учетом скидки продавца", LossColumn::UnitPrice),
    ("цена за единицу", LossColumn::UnitPrice),
    ("цена за шт", LossColumn::UnitPrice),
    ("цена", LossColumn::UnitPrice),
    ("unit price", LossColumn::UnitPrice),
    ("item price", LossColumn::UnitPrice),
    ("price per unit", LossColumn::UnitPrice),
    ("price", LossColumn::UnitPrice),
    ("cena jednostkowa", LossColumn::UnitPrice),
    ("cena za sztukę", LossColumn::UnitPrice),
    ("cena", LossColumn::UnitPrice),
    // commission
    ("комиссия", LossColumn::Commission),
    ("комиссия wb", LossColumn::Commission),
    ("вознаграждение", LossColumn::Commission),
    ("commission", LossColumn::Commission),
    ("referral fee", LossColumn::Commission),
    ("fee", LossColumn::Commission),
    ("prowizja", LossColumn::Commission),
];

fn normalise_title(text: &str) -> String {
    let lower = text.trim().to_lowercase().replace('ё', "е");
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.join(" ").trim_end_matches([':', '.', '*']).trim().to_string()
}

/// The column a title names and its rank in [`HEADERS`] (lower wins), if it is known. A unit or currency after
/// a comma or in brackets is ignored («Цена, руб.», "Price (USD)", «Комиссия, %»).
pub fn header_column(title: &str) -> Option<(LossColumn, usize)> {
    let full = normalise_title(title);
    let find = |t: &str| HEADERS.iter().position(|(name, _)| *name == t).map(|i| (HEADERS[i].1, i));
    find(&full).or_else(|| {
        let head = full.split([',', '(']).next().unwrap_or_default();
        find(&normalise_title(head))
    })
}

/// Splits pasted text into records of cells (see the module notes on quoting).
fn records(text: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![];
    let mut record = vec![];
    let mut i = 0;
    let at_end_of_cell = |j: usize| j >= chars.len() || matches!(chars[j], '\t' | '\n' | '\r');
    loop {
        // One cell from `i`.
        let mut cell = String::new();
        let mut quoted_ok = false;
        if chars.get(i) == Some(&'"') {
            let mut j = i + 1;
            let mut value = String::new();
            while j < chars.len() {
                if chars[j] == '"' {
                    if chars.get(j + 1) == Some(&'"') {
                        value.push('"');
                        j += 2;
                        continue;
                    }
                    if at_end_of_cell(j + 1) {
                        quoted_ok = true;
                        cell = value;
                        i = j + 1;
                    }
                    break;
                }
                value.push(chars[j]);
                j += 1;
            }
        }
        if !quoted_ok {
            while !at_end_of_cell(i) {
                cell.push(chars[i]);
                i += 1;
            }
        }
        record.push(cell);
        match chars.get(i) {
            Some('\t') => i += 1,
            Some('\r') if chars.get(i + 1) == Some(&'\n') => {
                i += 2;
                out.push(std::mem::take(&mut record));
            }
            Some('\r' | '\n') => {
                i += 1;
                out.push(std::mem::take(&mut record));
            }
            _ => {
                out.push(record);
                return out;
            }
        }
    }
}

/// Currency and unit words and signs that may stand before or after a number in a cell.
const UNITS: &[&str] = &[
    "руб", "р", "rub", "rur", "zł", "zl", "pln", "usd", "us", "eur", "gbp", "czk", "kč", "kc", "шт", "pcs", "pc", "szt",
];
const SIGNS: [char; 7] = ['₽', '$', '€', '£', '¥', '₸', '₴'];

fn is_unit(word: &str) -> bool {
    UNITS.contains(&word.to_lowercase().as_str())
}

/// Drops a currency or unit around a number: `₽`, `руб.`, `zł`, `$`, `PLN`, `шт.` (only these: `12abc` stays
/// as it is and is not a number).
fn strip_units(text: &str) -> &str {
    let mut s = text.trim();
    loop {
        let before = s;
        let t = s.strip_suffix('.').filter(|r| r.ends_with(char::is_alphabetic)).unwrap_or(s);
        if let Some((i, _)) = t.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last() {
            if is_unit(&t[i..]) {
                s = t[..i].trim_end();
            }
        }
        if let Some(rest) = s.strip_suffix(SIGNS) {
            s = rest.trim_end();
        }
        if let Some(rest) = s.strip_prefix(SIGNS) {
            s = rest.trim_start();
        }
        if let Some((i, c)) = s.char_indices().take_while(|(_, c)| c.is_alphabetic()).last() {
            let end = i + c.len_utf8();
            if is_unit(&s[..end]) {
                s = s[end..].trim_start();
            }
        }
        if s == before {
            return s;
        }
    }
}

/// A sign in front of a number: `-`, the minus sign `−`, or accounting brackets `(12,50)`.
fn split_sign(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_prefix(['-', '\u{2212}']) {
        (true, rest.trim())
    } else if let Some(rest) = text.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        (true, strip_units(rest))
    } else {
        (false, text)
    }
}

/// An amount cell in minor units: `1 234,50`, `1234.50`, `1 234,50 ₽` (ordinary, no-break or narrow no-break
/// spaces between thousands), `$12.50`.
pub fn parse_amount_cell(lang: Lang, text: &str) -> Result<i64, LossErrorKind> {
    let (negative, number) = split_sign(strip_units(text));
    let value = match parse_amount(lang, number) {
        Some(v) if !number.contains(char::is_alphabetic) => v,
        _ => return Err(LossErrorKind::NotANumber),
    };
    if negative && value > 0 {
        Err(LossErrorKind::Negative)
    } else if value > loss_limits::AMOUNT_MINOR {
        Err(LossErrorKind::TooLarge)
    } else {
        Ok(value)
    }
}

/// A quantity cell: a whole number (`3`, `3 шт.`, `1 000`, `2,00`).
pub fn parse_quantity_cell(lang: Lang, text: &str) -> Result<u32, LossErrorKind> {
    let minor = parse_amount_cell(lang, text)?;
    if minor % 100 != 0 {
        return Err(LossErrorKind::NotWhole);
    }
    match minor / 100 {
        0 => Err(LossErrorKind::ZeroQuantity),
        n if n > i64::from(loss_limits::QUANTITY) => Err(LossErrorKind::TooLarge),
        n => Ok(n as u32),
    }
}

/// A commission cell: `12%`, `12,5 %` (a share of the unit price) or an amount per unit; empty is none.
pub fn parse_commission_cell(lang: Lang, text: &str) -> Result<Commission, LossErrorKind> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Commission::default());
    }
    match text.strip_suffix('%') {
        Some(number) => {
            let (negative, number) = split_sign(number.trim());
            let hundredths = match parse_amount(lang, number) {
                Some(v) => v,
                None => return Err(LossErrorKind::NotANumber),
            };
            if negative && hundredths > 0 {
                return Err(LossErrorKind::Negative);
            }
            match u32::try_from(hundredths) {
                Ok(bp) if bp <= loss_limits::PERCENT_BP => Ok(Commission::Percent(bp)),
                _ => Err(LossErrorKind::TooLarge),
            }
        }
        None => parse_amount_cell(lang, text).map(Commission::PerUnit),
    }
}

/// Text of an id, article, size or barcode cell: trimmed, line breaks and tabs as spaces.
fn text_cell(text: &str) -> Result<String, LossErrorKind> {
    let clean: String = text.trim().chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if too_long(&clean) {
        Err(LossErrorKind::TooLong)
    } else {
        Ok(clean)
    }
}

fn is_number(lang: Lang, text: &str) -> bool {
    parse_amount_cell(lang, text).is_ok() || parse_commission_cell(lang, text).is_ok_and(|c| !c.is_zero())
}

/// Reads pasted spreadsheet text (amounts as typed in `lang`; a lone `,` or `.` before one or two digits is a
/// decimal point in any language) into a preview.
pub fn parse_pasted(text: &str, lang: Lang) -> PastePreview {
    let records = records(text);
    let blank = |r: &Vec<String>| r.iter().all(|c| c.trim().is_empty());
    let mut preview = PastePreview::default();
    let first = records.iter().position(|r| !blank(r));
    let mut columns: Vec<Option<LossColumn>> = LossColumn::ALL.iter().copied().map(Some).collect();
    let mut data_from = 0;
    if let Some(first) = first {
        let found: Vec<Option<(LossColumn, usize)>> = records[first].iter().map(|c| header_column(c)).collect();
        let known = found.iter().flatten().count();
        let numbers = records[first].iter().any(|c| is_number(lang, c));
        if known >= 2 || (known == 1 && !numbers) {
            preview.header = true;
            data_from = first + 1;
            // Each column from its best-ranked title; other cells naming it are ignored.
            columns = found
                .iter()
                .map(|f| {
                    f.filter(|(col, rank)| !found.iter().flatten().any(|(c, r)| c == col && r < rank))
                        .map(|(col, _)| col)
                })
                .collect();
            // Two cells with the same title: the first one.
            for i in 0..columns.len() {
                if columns[i].is_some() && columns[..i].contains(&columns[i]) {
                    columns[i] = None;
                }
            }
            preview.commission_in_percent = columns
                .iter()
                .zip(&records[first])
                .any(|(c, title)| *c == Some(LossColumn::Commission) && title.contains('%'));
            let has = |c: LossColumn| columns.contains(&Some(c));
            if ![LossColumn::MarketplaceSku, LossColumn::SellerArticle, LossColumn::Barcode].into_iter().any(has) {
                preview.missing.push(LossColumn::MarketplaceSku);
            }
            for required in [LossColumn::Quantity, LossColumn::UnitPrice] {
                if !has(required) {
                    preview.missing.push(required);
                }
            }
        }
    }
    let mut count = 0;
    for (index, record) in records.iter().enumerate().skip(data_from) {
        if blank(record) {
            continue;
        }
        let row = index + 1;
        count += 1;
        if count > loss_limits::ROWS {
            preview.errors.push(LossError { row, column: None, kind: LossErrorKind::TooManyRows });
            break;
        }
        match read_row(lang, record, &columns, preview.commission_in_percent, row) {
            Ok(value) => preview.rows.push(PastedRow { row, value }),
            Err(errors) => preview.errors.extend(errors),
        }
    }
    preview.columns = if preview.header { columns } else { columns_for_width(&records) };
    preview
}

fn columns_for_width(records: &[Vec<String>]) -> Vec<Option<LossColumn>> {
    let width = records.iter().map(Vec::len).max().unwrap_or(0);
    (0..width).map(|i| LossColumn::ALL.get(i).copied()).collect()
}

fn read_row(
    lang: Lang,
    record: &[String],
    columns: &[Option<LossColumn>],
    commission_in_percent: bool,
    row: usize,
) -> Result<LossRow, Vec<LossError>> {
    let cell = |column: LossColumn| -> &str {
        columns.iter().position(|c| *c == Some(column)).and_then(|i| record.get(i)).map_or("", |s| s.as_str())
    };
    let mut errors = Vec::new();
    let mut fail = |column: LossColumn, kind: LossErrorKind| errors.push(LossError { row, column: Some(column), kind });
    let mut text = |column: LossColumn| match text_cell(cell(column)) {
        Ok(t) => t,
        Err(kind) => {
            fail(column, kind);
            String::new()
        }
    };
    let marketplace_sku = text(LossColumn::MarketplaceSku);
    let seller_article = text(LossColumn::SellerArticle);
    let size = text(LossColumn::Size);
    let barcode = text(LossColumn::Barcode);
    let ids_empty = [LossColumn::MarketplaceSku, LossColumn::SellerArticle, LossColumn::Barcode]
        .iter()
        .all(|c| cell(*c).trim().is_empty());
    if ids_empty {
        fail(LossColumn::MarketplaceSku, LossErrorKind::EmptyRequired);
    }
    let required = |column: LossColumn| {
        let text = cell(column);
        if text.trim().is_empty() {
            Err(LossErrorKind::EmptyRequired)
        } else {
            Ok(text)
        }
    };
    let quantity = required(LossColumn::Quantity).and_then(|t| parse_quantity_cell(lang, t));
    let unit_price = required(LossColumn::UnitPrice).and_then(|t| parse_amount_cell(lang, t));
    let commission_text = cell(LossColumn::Commission).trim();
    let commission = if commission_in_percent && !commission_text.is_empty() && !commission_text.ends_with('%') {
        parse_commission_cell(lang, &format!("{commission_text}%"))
    } else {
        parse_commission_cell(lang, commission_text)
    };
    let quantity = quantity.unwrap_or_else(|kind| {
        fail(LossColumn::Quantity, kind);
        0
    });
    let unit_price = unit_price.unwrap_or_else(|kind| {
        fail(LossColumn::UnitPrice, kind);
        0
    });
    let commission = match commission {
        Ok(Commission::PerUnit(minor)) if minor > unit_price && unit_price > 0 => {
            fail(LossColumn::Commission, LossErrorKind::CommissionAbovePrice);
            Commission::default()
        }
        Ok(c) => c,
        Err(kind) => {
            fail(LossColumn::Commission, kind);
            Commission::default()
        }
    };
    errors.sort_by_key(|e| e.column);
    if errors.is_empty() {
        Ok(LossRow { marketplace_sku, seller_article, size, barcode, quantity, unit_price, commission })
    } else {
        Err(errors)
    }
}
