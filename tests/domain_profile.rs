#![cfg(not(target_arch = "wasm32"))]
//! Business profiles: the sender of a letter in each language, what shows while a detail is missing, letter
//! numbers that never repeat, and profiles merged from a backup.

use claimdesk::domain::{AuthorityBasis, BusinessProfile, Jurisdiction, ProfileBook, ProfileError, ProfileField as F};
use claimdesk::i18n::Lang;
use claimdesk::scenario::{validate, LetterContext, Scenario};

mod common;
use common::{answers, date, scenario};

const LETTER: &str = "From: {seller.name}, {seller.ids}, {seller.address}\nBank: {seller.bank}\n{seller.signatory}, {seller.contacts}\nNo. {letter.number}";

fn romashka() -> BusinessProfile {
    let mut p = BusinessProfile::new("p-romashka".into(), Jurisdiction::Ru);
    for (field, value) in [
        (F::LegalForm, "ООО"),
        (F::LegalName, "«Ромашка»"),
        (F::Inn, "7701234560"),
        (F::Kpp, "770101001"),
        (F::Ogrn, "1027700000008"),
        (F::Nip, "5250000009"), // not asked for a Russian business: never shown
        (F::Address, "г. Москва, ул. Ленина, д. 1"),
        (F::BankName, "ПАО Сбербанк"),
        (F::Bic, "044525225"),
        (F::Account, "40702810200000000001"),
        (F::CorrAccount, "30101810400000000225"),
        (F::SignatoryPosition, "Генеральный директор"),
        (F::SignatoryName, "Иванов И. И."),
        (F::Email, "claims@romashka.ru"),
        (F::Phone, " "),
    ] {
        p.set(field, value);
    }
    p
}

fn fill(text: &str, lang: Lang, letter: &LetterContext) -> String {
    let s: &Scenario = scenario("wb-lost-goods");
    s.evaluate(&answers(s, &[("where", "warehouse")]), date("2026-12-07")).fill_letter(text, lang, letter)
}

#[test]
fn a_russian_profile_fills_the_sender_in_the_letters_language() {
    let profile = romashka();
    let letter =
        LetterContext { seller: Some(&profile), number: Some("12"), claimed: None, ..LetterContext::default() };
    assert_eq!(
        fill(LETTER, Lang::Ru, &letter),
        "From: ООО «Ромашка», ИНН 7701234560, КПП 770101001, ОГРН 1027700000008, г. Москва, ул. Ленина, д. 1\n\
         Bank: ПАО Сбербанк, БИК 044525225, р/с 40702810200000000001, к/с 30101810400000000225\n\
         Генеральный директор Иванов И. И., claims@romashka.ru\nNo. 12"
    );
    let en = fill("{seller.ids}; {seller.bank}", Lang::En, &letter);
    assert_eq!(
        en,
        "INN 7701234560, KPP 770101001, OGRN 1027700000008; ПАО Сбербанк, BIC 044525225, account 40702810200000000001, corr. account 30101810400000000225"
    );
}

#[test]
fn a_missing_detail_shows_its_name_in_brackets() {
    let none = LetterContext::default();
    assert_eq!(
        fill("{seller.name} / {seller.inn} / {seller.bank} / {letter.number}", Lang::En, &none),
        "[seller's legal name] / [tax number (INN)] / [bank details: bank, BIC, account] / [number given when you copy or print]"
    );
    assert_eq!(fill("{seller.inn}", Lang::Ru, &none), "[ИНН]");
    // Bank details without the account cannot be paid to: still missing. A blank phone is no contact.
    let mut partial = romashka();
    partial.set(F::Account, "");
    partial.set(F::Email, "");
    let letter = LetterContext { seller: Some(&partial), number: None, claimed: None, ..LetterContext::default() };
    assert_eq!(
        fill("{seller.bank} | {seller.contacts}", Lang::Pl, &letter),
        "[dane bankowe: bank, BIC, numer rachunku] | [e-mail i telefon]"
    );
}

#[test]
fn a_polish_profile_shows_polish_numbers_only() {
    let mut p = BusinessProfile::new("p-nowak".into(), Jurisdiction::Pl);
    p.set(F::LegalName, "Nowak sp. z o.o.");
    p.set(F::Nip, "5250000009");
    p.set(F::Regon, "012345675");
    p.set(F::Inn, "7701234560");
    p.set(F::SignatoryName, "Jan Nowak");
    p.basis = AuthorityBasis::from_legacy("pełnomocnictwa nr 3/2026");
    let letter = LetterContext { seller: Some(&p), number: None, claimed: None, ..LetterContext::default() };
    assert_eq!(
        fill("{seller.name}, {seller.ids}", Lang::Pl, &letter),
        "Nowak sp. z o.o., NIP 5250000009, REGON 012345675"
    );
    assert_eq!(fill("{seller.signatory}", Lang::Pl, &letter), "Jan Nowak, na podstawie pełnomocnictwa nr 3/2026");
    assert_eq!(fill("{seller.inn}", Lang::Pl, &letter), "[numer podatkowy (INN)]");
}

#[test]
fn letter_numbers_count_per_profile_and_never_go_back() {
    let mut book = ProfileBook::default();
    book.upsert(romashka()).expect("valid");
    let mut second = BusinessProfile::new("p-second".into(), Jurisdiction::Pl);
    second.set(F::LegalName, "Second");
    book.upsert(second.clone()).expect("valid");
    assert_eq!(book.current().map(|p| p.id.as_str()), Some("p-second"), "the profile saved last is used");
    // A letter is numbered as the app does it: the next number, counted once the letter has left.
    let send = |book: &mut ProfileBook, id: &str| {
        let n = book.next_letter_number(id)?;
        assert!(book.mark_letter_number(id, n));
        Some(n)
    };
    assert_eq!(send(&mut book, "p-romashka"), Some(1));
    assert_eq!(send(&mut book, "p-romashka"), Some(2));
    assert_eq!(send(&mut book, "p-second"), Some(1));
    // A form opened before letter 2 was numbered saves with the old count: the count stays at 2.
    let stale = romashka();
    book.upsert(stale).expect("valid");
    assert_eq!(send(&mut book, "p-romashka"), Some(3));
    assert_eq!(send(&mut book, "p-missing"), None);
    assert!(book.select("p-romashka"));
    assert!(!book.select("p-missing"));
    book.remove("p-romashka");
    assert_eq!(book.current().map(|p| p.id.as_str()), Some("p-second"), "removing the current one falls back");
}

#[test]
fn bad_profiles_are_refused() {
    let mut book = ProfileBook::default();
    assert_eq!(book.upsert(BusinessProfile::new("not an id!".into(), Jurisdiction::Ru)), Err(ProfileError::BadId));
    let mut long = romashka();
    long.set(F::Address, &"д".repeat(301));
    assert_eq!(book.upsert(long), Err(ProfileError::TooLong(F::Address)));
    for i in 0..50 {
        book.upsert(BusinessProfile::new(format!("p-{i}"), Jurisdiction::Other)).expect("under the limit");
    }
    assert_eq!(book.upsert(BusinessProfile::new("p-50".into(), Jurisdiction::Other)), Err(ProfileError::TooMany));
}

#[test]
fn merging_a_backup_adds_new_profiles_and_keeps_the_higher_letter_count() {
    let mut here = ProfileBook::default();
    here.upsert(romashka()).expect("valid");
    assert!(here.mark_letter_number("p-romashka", 1));
    let mut incoming = ProfileBook::default();
    let mut theirs = romashka();
    theirs.set(F::Address, "changed in the backup");
    theirs.letters = 7;
    incoming.upsert(theirs).expect("valid");
    incoming.upsert(BusinessProfile::new("p-new".into(), Jurisdiction::Pl)).expect("valid");
    incoming.profiles.push(BusinessProfile::new("bad id".into(), Jurisdiction::Pl));
    assert_eq!(here.merge(incoming), 1, "one new profile; the invalid one is skipped");
    let kept = here.get("p-romashka").expect("kept");
    assert_eq!(kept.get(F::Address), Some("г. Москва, ул. Ленина, д. 1"), "the profile here keeps its fields");
    assert_eq!(kept.letters, 7, "numbers already used elsewhere are not reused");
}

#[test]
fn profiles_round_trip_through_json_by_field_code() {
    let mut book = ProfileBook::default();
    book.upsert(romashka()).expect("valid");
    let json = serde_json::to_value(&book).expect("serialises");
    assert_eq!(json["profiles"][0]["fields"]["inn"], "7701234560");
    assert_eq!(json["profiles"][0]["country"], "ru");
    let back: ProfileBook = serde_json::from_value(json).expect("parses");
    assert_eq!(back, book);
}

#[test]
fn shipped_letters_only_use_known_seller_placeholders() {
    for s in claimdesk::scenario::all() {
        assert_eq!(validate(s), Vec::<String>::new(), "{}", s.id);
    }
}

#[test]
fn letters_to_a_marketplace_default_to_the_language_it_works_in() {
    let expected = [
        ("wb-lost-goods", "precourt_claim", Some(Lang::Ru)),
        ("ym-not-delivered", "claim_outline", Some(Lang::Ru)),
        ("ym-not-delivered", "to_buyer", None),
        ("mall-incomplete-order", "to_mall", Some(Lang::En)),
        ("mall-incomplete-order", "to_customer", None),
        ("amazon-not-received", "fba_claim_text", Some(Lang::En)),
        ("amazon-not-received", "to_buyer", None),
    ];
    for (id, message, language) in expected {
        let m = scenario(id).messages.iter().find(|m| m.id == message).expect("message exists");
        assert_eq!(m.language, language, "{id}:{message}");
    }
    // Every letter that names its sender's bank is a formal letter to a marketplace, in a fixed language.
    for s in claimdesk::scenario::all() {
        for m in s.messages.iter().filter(|m| m.body.get(Lang::En).contains("{seller.bank}")) {
            assert!(m.language.is_some(), "{}:{} has no addressee language", s.id, m.id);
        }
    }
}

#[test]
fn a_case_keeps_its_profile_and_numbers_are_marked_as_used() {
    let mut book = ProfileBook::default();
    book.upsert(romashka()).expect("valid");
    let mut other = BusinessProfile::new("p-other".into(), Jurisdiction::Pl);
    other.set(F::LegalName, "Other");
    book.upsert(other).expect("valid");
    assert_eq!(book.for_case(Some("p-romashka")).map(|p| p.id.as_str()), Some("p-romashka"));
    assert_eq!(book.for_case(Some("p-deleted")).map(|p| p.id.as_str()), Some("p-other"), "falls back to the current");
    assert_eq!(book.next_letter_number("p-romashka"), Some(1));
    assert!(book.mark_letter_number("p-romashka", 5));
    assert!(book.mark_letter_number("p-romashka", 2), "an older number never lowers the count");
    assert_eq!(book.next_letter_number("p-romashka"), Some(6));
    assert!(!book.mark_letter_number("p-deleted", 1));
}

#[test]
fn the_loss_table_total_fills_the_claimed_amount() {
    let s = scenario("wb-lost-goods");
    let a = answers(s, &[("where", "warehouse"), ("amount", "100.00 RUB")]);
    let eval = s.evaluate(&a, date("2026-12-07"));
    assert_eq!(eval.fill_letter("{amount}", Lang::Ru, &LetterContext::default()), "100,00\u{a0}₽");
    let letter = LetterContext { claimed: Some("3 441,00\u{a0}₽"), ..LetterContext::default() };
    assert_eq!(
        eval.fill_letter("{amount} / {order_number}", Lang::Ru, &letter),
        "3 441,00\u{a0}₽ / [номер поставки или заказа]"
    );
}
