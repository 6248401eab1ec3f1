//! Registration and bank numbers: their format and check digits, so a mistyped digit is caught in the form
//! rather than by the marketplace's lawyer. Spaces and dashes inside a number are ignored (people write
//! "123-456-32-18"); anything else that is not a digit is refused.
//!
//! Sources of the algorithms (as published; opened 2026-12-07):
//! - ИНН: the control digits of the ФНС's numbering (Приказ ФНС России от 29.06.2012 № ММВ-7-6/435@ fixes the
//!   structure; the weights are those of the ФНС's own check, reproduced in «Идентификационный номер
//!   налогоплательщика», ru.wikipedia.org, section «Вычисление контрольных цифр»).
//! - КПП: Приказ ФНС России от 29.06.2012 № ММВ-7-6/435@, п. 5: NNNN PP XXX, PP digits or capital Latin letters.
//! - ОГРН / ОГРНИП: Постановление Правительства РФ от 19.06.2002 № 438 (ЕГРЮЛ) and от 16.10.2003 № 630
//!   (ЕГРИП): the last digit is the remainder of the preceding number divided by 11 (by 13), last digit taken.
//! - БИК and the account key: Положение Банка России от 08.09.1997 № 515 «О порядке расчета контрольного ключа
//!   в номере лицевого счета» (weights 7, 1, 3 repeated; the sum's last digit is 0); Положение Банка России
//!   № 732-П (БИК: 9 digits, «04» the country code of Russia).
//! - NIP: Rozporządzenie Ministra Finansów z 20.12.2011 w sprawie NIP (weights 6 5 7 2 3 4 5 6 7, mod 11).
//! - REGON: GUS, «Numer identyfikacyjny REGON» (9 digits: weights 8 9 2 3 4 5 6 7; 14 digits: 2 4 8 5 0 9 7 3 6
//!   1 2 4 8; mod 11, a remainder of 10 gives 0).
//! - KRS: Ustawa o Krajowym Rejestrze Sądowym, art. 15: a ten-digit number, no check digit.
//! - IBAN: ISO 13616-1 (mod 97-10 of ISO 7064) and the lengths of SWIFT's IBAN Registry.

/// Why a number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdError {
    /// Not one of the lengths this number has (`expected`), in characters once spaces and dashes are removed.
    Length { expected: &'static [usize], found: usize },
    /// A character other than a digit where only digits belong.
    NotDigits,
    /// Characters in the wrong places (a КПП's letters, a SWIFT code, an IBAN's country letters).
    Format,
    /// The check digit does not match the other digits: one was mistyped, or two were swapped.
    CheckDigit,
    /// A Russian БИК starts with 04, Russia's code.
    BikNotRussian,
    /// The account's control key does not match the БИК: the account or the БИК is mistyped.
    AccountKey,
    /// An IBAN whose first two letters are no country of the IBAN Registry.
    UnknownCountry,
}

/// A ИНН's holder, told by its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InnKind {
    /// 10 digits: an organisation.
    Organisation,
    /// 12 digits: a person, such as an individual entrepreneur.
    Person,
}

/// What a ОГРН-type number registers, told by its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OgrnKind {
    /// 13 digits: ОГРН of an organisation.
    Organisation,
    /// 15 digits: ОГРНИП of an individual entrepreneur.
    Entrepreneur,
}

/// The text without the spaces and dashes people put between groups of digits.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '–')).collect()
}

/// The digits of `text` (spaces and dashes dropped), checked against the allowed lengths.
fn digits(text: &str, expected: &'static [usize]) -> Result<Vec<u32>, IdError> {
    let text = compact(text);
    let digits: Option<Vec<u32>> = text.chars().map(|c| c.to_digit(10)).collect();
    let digits = digits.ok_or(IdError::NotDigits)?;
    if !expected.contains(&digits.len()) {
        return Err(IdError::Length { expected, found: digits.len() });
    }
    Ok(digits)
}

fn weighted(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

fn inn_check(digits: &[u32], weights: &[u32]) -> u32 {
    weighted(digits, weights) % 11 % 10
}

pub fn inn(text: &str) -> Result<InnKind, IdError> {
    const W10: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    const W11: [u32; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    const W12: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    let d = digits(text, &[10, 12])?;
    if d.len() == 10 {
        return if inn_check(&d, &W10) == d[9] { Ok(InnKind::Organisation) } else { Err(IdError::CheckDigit) };
    }
    if inn_check(&d, &W11) == d[10] && inn_check(&d, &W12) == d[11] {
        Ok(InnKind::Person)
    } else {
        Err(IdError::CheckDigit)
    }
}

/// КПП: four digits (the tax office), two digits or capital Latin letters (the reason), three digits.
pub fn kpp(text: &str) -> Result<(), IdError> {
    let text = compact(text);
    let chars: Vec<char> = text.chars().collect();
    if chars.len() != 9 {
        return Err(IdError::Length { expected: &[9], found: chars.len() });
    }
    let digit_at = |i: usize| chars[i].is_ascii_digit();
    let reason_ok = chars[4..6].iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    if (0..4).all(digit_at) && reason_ok && (6..9).all(digit_at) {
        Ok(())
    } else if chars.iter().all(|c| c.is_ascii_alphanumeric()) {
        Err(IdError::Format)
    } else {
        Err(IdError::NotDigits)
    }
}

/// ОГРН (13 digits, remainder by 11) or ОГРНИП (15 digits, remainder by 13); the last digit of the remainder.
pub fn ogrn(text: &str) -> Result<OgrnKind, IdError> {
    let d = digits(text, &[13, 15])?;
    let (body, check) = d.split_at(d.len() - 1);
    let modulus = if d.len() == 13 { 11 } else { 13 };
    // The 12 or 14 leading digits fit a u64; the remainder is taken as the digits are read.
    let remainder = body.iter().fold(0u64, |r, digit| (r * 10 + u64::from(*digit)) % modulus);
    if (remainder % 10) as u32 != check[0] {
        return Err(IdError::CheckDigit);
    }
    Ok(if d.len() == 13 { OgrnKind::Organisation } else { OgrnKind::Entrepreneur })
}

/// A Russian bank's БИК: nine digits starting with 04.
pub fn bik(text: &str) -> Result<(), IdError> {
    let d = digits(text, &[9])?;
    if d[0] == 0 && d[1] == 4 {
        Ok(())
    } else {
        Err(IdError::BikNotRussian)
    }
}

/// The Bank of Russia's key: weights 7, 1, 3 repeated over the 23 digits; the sum ends in 0.
fn key_matches(prefix: &[u32], account: &[u32]) -> bool {
    let weights = [7, 1, 3].iter().cycle();
    let sum: u32 = prefix.iter().chain(account).zip(weights).map(|(d, w)| d * w % 10).sum();
    sum % 10 == 0
}

/// A расчётный счёт (20 digits); with the bank's БИК, its control key is checked against the БИК's last three
/// digits. A БИК that is itself wrong is reported on its own field, so only the account's format counts here.
pub fn settlement_account(account: &str, bank: Option<&str>) -> Result<(), IdError> {
    let d = digits(account, &[20])?;
    match bank.filter(|b| bik(b).is_ok()).map(|b| digits(b, &[9])) {
        Some(Ok(b)) if !key_matches(&b[6..9], &d) => Err(IdError::AccountKey),
        _ => Ok(()),
    }
}

/// A корреспондентский счёт (20 digits): its key is checked against "0" and the БИК's fifth and sixth digits.
pub fn correspondent_account(account: &str, bank: Option<&str>) -> Result<(), IdError> {
    let d = digits(account, &[20])?;
    match bank.filter(|b| bik(b).is_ok()).map(|b| digits(b, &[9])) {
        Some(Ok(b)) if !key_matches(&[0, b[4], b[5]], &d) => Err(IdError::AccountKey),
        _ => Ok(()),
    }
}

/// NIP: ten digits; the weighted sum of the first nine modulo 11 is the tenth (a remainder of 10 is never issued).
pub fn nip(text: &str) -> Result<(), IdError> {
    const W: [u32; 9] = [6, 5, 7, 2, 3, 4, 5, 6, 7];
    let d = digits(text, &[10])?;
    let remainder = weighted(&d, &W) % 11;
    if remainder == d[9] {
        Ok(())
    } else {
        Err(IdError::CheckDigit)
    }
}

/// REGON: 9 digits (a business) or 14 (one of its local units).
pub fn regon(text: &str) -> Result<(), IdError> {
    const W9: [u32; 8] = [8, 9, 2, 3, 4, 5, 6, 7];
    const W14: [u32; 13] = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];
    let d = digits(text, &[9, 14])?;
    let weights: &[u32] = if d.len() == 9 { &W9 } else { &W14 };
    let check = weighted(&d, weights) % 11 % 10;
    if check == d[d.len() - 1] {
        Ok(())
    } else {
        Err(IdError::CheckDigit)
    }
}

/// KRS: ten digits (leading zeros included); the number has no check digit.
pub fn krs(text: &str) -> Result<(), IdError> {
    digits(text, &[10]).map(drop)
}

/// IBAN lengths of SWIFT's IBAN Registry (ISO 13616), by country.
const IBAN_LENGTHS: [(&str, &[usize]); 75] = [
    ("AD", &[24]),
    ("AE", &[23]),
    ("AL", &[28]),
    ("AT", &[20]),
    ("AZ", &[28]),
    ("BA", &[20]),
    ("BE", &[16]),
    ("BG", &[22]),
    ("BH", &[22]),
    ("BR", &[29]),
    ("BY", &[28]),
    ("CH", &[21]),
    ("CR", &[22]),
    ("CY", &[28]),
    ("CZ", &[24]),
    ("DE", &[22]),
    ("DK", &[18]),
    ("DO", &[28]),
    ("EE", &[20]),
    ("EG", &[29]),
    ("ES", &[24]),
    ("FI", &[18]),
    ("FO", &[18]),
    ("FR", &[27]),
    ("GB", &[22]),
    ("GE", &[22]),
    ("GI", &[23]),
    ("GL", &[18]),
    ("GR", &[27]),
    ("GT", &[28]),
    ("HR", &[21]),
    ("HU", &[28]),
    ("IE", &[22]),
    ("IL", &[23]),
    ("IQ", &[23]),
    ("IS", &[26]),
    ("IT", &[27]),
    ("JO", &[30]),
    ("KW", &[30]),
    ("KZ", &[20]),
    ("LB", &[28]),
    ("LC", &[32]),
    ("LI", &[21]),
    ("LT", &[20]),
    ("LU", &[20]),
    ("LV", &[21]),
    ("MC", &[27]),
    ("MD", &[24]),
    ("ME", &[22]),
    ("MK", &[19]),
    ("MR", &[27]),
    ("MT", &[31]),
    ("MU", &[30]),
    ("NL", &[18]),
    ("NO", &[15]),
    ("PK", &[24]),
    ("PL", &[28]),
    ("PS", &[29]),
    ("PT", &[25]),
    ("QA", &[29]),
    ("RO", &[24]),
    ("RS", &[22]),
    // In the registry since 2022; Russian banks still pay by БИК and the 20-digit account, which a Russian
    // business enters instead (the form asks for those).
    ("RU", &[33]),
    ("SA", &[24]),
    ("SC", &[31]),
    ("SE", &[24]),
    ("SI", &[19]),
    ("SK", &[24]),
    ("SM", &[27]),
    ("ST", &[25]),
    ("SV", &[28]),
    ("TN", &[24]),
    ("TR", &[26]),
    ("UA", &[29]),
    ("XK", &[20]),
];

/// The registry's IBAN length for a country code.
fn iban_lengths(country: &str) -> Option<&'static [usize]> {
    IBAN_LENGTHS.iter().find(|(code, _)| *code == country).map(|(_, lengths)| *lengths)
}

/// An IBAN: country letters, check digits, the country's length, then mod 97 of the rearranged number is 1.
/// Lower-case letters are accepted (people copy them so).
pub fn iban(text: &str) -> Result<(), IdError> {
    let text = compact(text).to_ascii_uppercase();
    if !text.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(IdError::Format);
    }
    let country = text.get(0..2).filter(|c| c.chars().all(|c| c.is_ascii_uppercase())).ok_or(IdError::Format)?;
    let expected = iban_lengths(country).ok_or(IdError::UnknownCountry)?;
    if !expected.contains(&text.len()) {
        return Err(IdError::Length { expected, found: text.len() });
    }
    if !text[2..4].chars().all(|c| c.is_ascii_digit()) {
        return Err(IdError::Format);
    }
    // Letters count as 10..35; the remainder is carried digit by digit so no big number is needed.
    let remainder = text[4..].chars().chain(text[..4].chars()).fold(0u32, |r, c| match c.to_digit(36) {
        Some(v) if v >= 10 => (r * 100 + v) % 97,
        Some(v) => (r * 10 + v) % 97,
        None => r,
    });
    if remainder == 1 {
        Ok(())
    } else {
        Err(IdError::CheckDigit)
    }
}

/// A Polish account: an IBAN, or the 26-digit NRB written without "PL" (checked as the IBAN it is).
pub fn polish_account(text: &str) -> Result<(), IdError> {
    let compacted = compact(text);
    if compacted.starts_with(|c: char| c.is_ascii_digit()) {
        digits(&compacted, &[26])?;
        return iban(&format!("PL{compacted}"));
    }
    iban(&compacted)
}

/// A SWIFT code (BIC, ISO 9362): 4 letters (bank), 2 letters (country), 2 letters or digits (place), optionally 3
/// letters or digits (branch).
pub fn swift_bic(text: &str) -> Result<(), IdError> {
    let text = compact(text).to_ascii_uppercase();
    let chars: Vec<char> = text.chars().collect();
    if chars.len() != 8 && chars.len() != 11 {
        return Err(IdError::Length { expected: &[8, 11], found: chars.len() });
    }
    let letters = chars[..6].iter().all(|c| c.is_ascii_uppercase());
    if letters && chars[6..].iter().all(|c| c.is_ascii_alphanumeric()) {
        Ok(())
    } else {
        Err(IdError::Format)
    }
}

/// An EU VAT number: the country's letters, then 2–12 letters or digits; a Polish one ("PL" + NIP) is checked
/// as the NIP it is.
pub fn vat_id(text: &str) -> Result<(), IdError> {
    let text = compact(text).to_ascii_uppercase();
    if let Some(nip_part) = text.strip_prefix("PL") {
        return nip(nip_part);
    }
    let country_ok = text.get(0..2).is_some_and(|c| c.chars().all(|c| c.is_ascii_uppercase()));
    let rest = text.get(2..).unwrap_or("");
    if !country_ok || !rest.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(IdError::Format);
    }
    if (2..=12).contains(&rest.len()) {
        Ok(())
    } else {
        Err(IdError::Format)
    }
}
