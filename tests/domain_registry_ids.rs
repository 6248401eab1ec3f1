#![cfg(not(target_arch = "wasm32"))]
//! Registration and bank numbers: real-shaped valid numbers pass (published numbers of a real bank where one is
//! public, otherwise numbers whose check digits were computed by the published rule), and every kind of mistake
//! is named.

use claimdesk::domain::registry_ids::{self as ids, InnKind, OgrnKind};
use claimdesk::domain::IdError;

#[test]
fn inn_has_ten_digits_for_an_organisation_and_twelve_for_a_person() {
    // ПАО Сбербанк's ИНН, as printed on its site.
    assert_eq!(ids::inn("7707083893"), Ok(InnKind::Organisation));
    assert_eq!(ids::inn("7701234560"), Ok(InnKind::Organisation));
    assert_eq!(ids::inn("770123456703"), Ok(InnKind::Person));
    assert_eq!(ids::inn(" 7707 083 893 "), Ok(InnKind::Organisation), "spaces between groups are fine");
    assert_eq!(ids::inn("770708389"), Err(IdError::Length { expected: &[10, 12], found: 9 }));
    assert_eq!(ids::inn("77070838931"), Err(IdError::Length { expected: &[10, 12], found: 11 }));
    assert_eq!(ids::inn("7707083894"), Err(IdError::CheckDigit));
    assert_eq!(ids::inn("7707038893"), Err(IdError::CheckDigit), "two digits swapped");
    assert_eq!(ids::inn("770123456713"), Err(IdError::CheckDigit), "the eleventh digit is wrong");
    assert_eq!(ids::inn("770123456704"), Err(IdError::CheckDigit), "the twelfth digit is wrong");
    assert_eq!(ids::inn("77O7083893"), Err(IdError::NotDigits), "a letter O for a zero");
}

#[test]
fn kpp_is_four_digits_a_reason_code_and_three_digits() {
    assert_eq!(ids::kpp("773601001"), Ok(()));
    assert_eq!(ids::kpp("7736AB001"), Ok(()), "the reason code may be capital Latin letters");
    assert_eq!(ids::kpp("77360100"), Err(IdError::Length { expected: &[9], found: 8 }));
    assert_eq!(ids::kpp("77A601001"), Err(IdError::Format), "letters only in the fifth and sixth places");
    assert_eq!(ids::kpp("7736ab001"), Err(IdError::Format), "lower-case letters are not used");
    assert_eq!(ids::kpp("7736/1001"), Err(IdError::NotDigits));
}

#[test]
fn ogrn_and_ogrnip_end_in_the_remainder_of_the_rest() {
    // ПАО Сбербанк's ОГРН.
    assert_eq!(ids::ogrn("1027700132195"), Ok(OgrnKind::Organisation));
    assert_eq!(ids::ogrn("1027700000008"), Ok(OgrnKind::Organisation));
    // ОГРНИП: the remainder by 13 (14 digits), here 304770000000000 % 13 = 8.
    assert_eq!(ids::ogrn("304770000000008"), Ok(OgrnKind::Entrepreneur));
    assert_eq!(ids::ogrn("1027700132196"), Err(IdError::CheckDigit));
    assert_eq!(ids::ogrn("304770000000007"), Err(IdError::CheckDigit));
    assert_eq!(ids::ogrn("10277001321"), Err(IdError::Length { expected: &[13, 15], found: 11 }));
    assert_eq!(ids::ogrn("1027700132x95"), Err(IdError::NotDigits));
}

#[test]
fn bik_is_a_russian_bank_code() {
    assert_eq!(ids::bik("044525225"), Ok(()));
    assert_eq!(ids::bik("044030653"), Ok(()));
    assert_eq!(ids::bik("054525225"), Err(IdError::BikNotRussian));
    assert_eq!(ids::bik("04452522"), Err(IdError::Length { expected: &[9], found: 8 }));
    assert_eq!(ids::bik("04452522S"), Err(IdError::NotDigits));
}

#[test]
fn accounts_carry_the_key_of_their_bank() {
    // Сбербанк's correspondent accounts in Moscow and in Saint Petersburg, with their БИК.
    assert_eq!(ids::correspondent_account("30101810400000000225", Some("044525225")), Ok(()));
    assert_eq!(ids::correspondent_account("30101810500000000653", Some("044030653")), Ok(()));
    assert_eq!(ids::correspondent_account("30101810500000000225", Some("044525225")), Err(IdError::AccountKey));
    assert_eq!(ids::correspondent_account("30101810400000000225", Some("044030653")), Err(IdError::AccountKey));
    // Key digit (the ninth) computed by the rule for each bank.
    assert_eq!(ids::settlement_account("40702810200000000001", Some("044525225")), Ok(()));
    assert_eq!(ids::settlement_account("40702810000000000002", Some("044030653")), Ok(()));
    assert_eq!(ids::settlement_account("40702810300000000001", Some("044525225")), Err(IdError::AccountKey));
    assert_eq!(ids::settlement_account("40702810200000000001", Some("044030653")), Err(IdError::AccountKey));
    // Without a БИК, or with a wrong one (reported on its own field), only the format can be checked.
    assert_eq!(ids::settlement_account("40702810300000000001", None), Ok(()));
    assert_eq!(ids::settlement_account("40702810300000000001", Some("0445")), Ok(()));
    assert_eq!(
        ids::settlement_account("4070281020000000001", None),
        Err(IdError::Length { expected: &[20], found: 19 })
    );
    assert_eq!(ids::settlement_account("40702.810200000000001", None), Err(IdError::NotDigits));
    assert_eq!(
        ids::correspondent_account("3010181040000000022", None),
        Err(IdError::Length { expected: &[20], found: 19 })
    );
}

#[test]
fn nip_regon_and_krs() {
    assert_eq!(ids::nip("5250000009"), Ok(()));
    assert_eq!(ids::nip("123-456-32-18"), Ok(()), "written with dashes");
    assert_eq!(ids::nip("5250000000"), Err(IdError::CheckDigit));
    assert_eq!(ids::nip("5250000080"), Err(IdError::CheckDigit), "a remainder of 10 is never issued");
    assert_eq!(ids::nip("525000000"), Err(IdError::Length { expected: &[10], found: 9 }));
    assert_eq!(ids::nip("PL5250000009"), Err(IdError::NotDigits), "the VAT prefix belongs in the VAT field");

    assert_eq!(ids::regon("012345675"), Ok(()));
    assert_eq!(ids::regon("123456800"), Ok(()), "a remainder of 10 gives 0");
    assert_eq!(ids::regon("12345678901235"), Ok(()), "a local unit's 14 digits");
    assert_eq!(ids::regon("012345678"), Err(IdError::CheckDigit));
    assert_eq!(ids::regon("12345678901234"), Err(IdError::CheckDigit));
    assert_eq!(ids::regon("0123456"), Err(IdError::Length { expected: &[9, 14], found: 7 }));

    assert_eq!(ids::krs("0000123456"), Ok(()));
    assert_eq!(ids::krs("123456"), Err(IdError::Length { expected: &[10], found: 6 }));
    assert_eq!(ids::krs("00001234S6"), Err(IdError::NotDigits));
}

#[test]
fn ibans_of_each_country_have_its_length_and_mod_97() {
    // The IBAN Registry's example for each country.
    for iban in [
        "PL61 1090 1014 0000 0712 1981 2874",
        "DE89370400440532013000",
        "CZ6508000000192000145399",
        "SK3112000000198742637541",
        "HU42117730161111101800000000",
        "HR1210010051863000160",
        "SI56263300012039086",
        "gb29 nwbk 6016 1331 9268 19",
    ] {
        assert_eq!(ids::iban(iban), Ok(()), "{iban}");
    }
    assert_eq!(ids::iban("PL61109010140000071219812875"), Err(IdError::CheckDigit));
    assert_eq!(ids::iban("DE89370400440523013000"), Err(IdError::CheckDigit), "two digits swapped");
    assert_eq!(ids::iban("DE8937040044053201300"), Err(IdError::Length { expected: &[22], found: 21 }));
    assert_eq!(ids::iban("SI562633000120390861"), Err(IdError::Length { expected: &[19], found: 20 }));
    assert_eq!(ids::iban("XX89370400440532013000"), Err(IdError::UnknownCountry));
    assert_eq!(ids::iban("8937040044053201300022"), Err(IdError::Format), "no country letters");
    assert_eq!(ids::iban("DEXX370400440532013000"), Err(IdError::Format), "no check digits");
    assert_eq!(ids::iban("DE89-3704/0044"), Err(IdError::Format));
}

#[test]
fn a_polish_account_may_be_written_without_pl() {
    assert_eq!(ids::polish_account("61 1090 1014 0000 0712 1981 2874"), Ok(()));
    assert_eq!(ids::polish_account("PL61109010140000071219812874"), Ok(()));
    assert_eq!(ids::polish_account("62 1090 1014 0000 0712 1981 2874"), Err(IdError::CheckDigit));
    assert_eq!(
        ids::polish_account("61 1090 1014 0000 0712 1981 287"),
        Err(IdError::Length { expected: &[26], found: 25 })
    );
}

#[test]
fn swift_codes_and_vat_numbers() {
    assert_eq!(ids::swift_bic("BPKOPLPW"), Ok(()));
    assert_eq!(ids::swift_bic("bpkoplpwxxx"), Ok(()));
    assert_eq!(ids::swift_bic("BPKOPLP"), Err(IdError::Length { expected: &[8, 11], found: 7 }));
    assert_eq!(ids::swift_bic("BPK0PLPW"), Err(IdError::Format), "a zero among the bank's letters");

    assert_eq!(ids::vat_id("PL5250000009"), Ok(()));
    assert_eq!(ids::vat_id("PL5250000000"), Err(IdError::CheckDigit), "a Polish VAT number is its NIP");
    assert_eq!(ids::vat_id("DE123456789"), Ok(()));
    assert_eq!(ids::vat_id("123456789"), Err(IdError::Format));
    assert_eq!(ids::vat_id("DE1"), Err(IdError::Format));
}
