#![cfg(not(target_arch = "wasm32"))]
//! The sender as a letter names it: the business's name by its country's convention, the signature line with
//! the basis of authority in the right grammatical form, and profiles saved when the basis was free text.

use chrono::NaiveDate;
use claimdesk::domain::authority::{gender_of, Gender};
use claimdesk::domain::business_name::formatted_name;
use claimdesk::domain::{AuthorityBasis, BusinessProfile, Jurisdiction, ProfileBook, ProfileField as F, Signatory};
use claimdesk::i18n::Lang;
use claimdesk::scenario::{SellerDetails, SellerField};

#[test]
fn names_follow_the_countrys_convention() {
    let ru = Jurisdiction::Ru;
    assert_eq!(formatted_name(ru, Some("ООО"), "Северный Ветер"), "ООО «Северный Ветер»");
    assert_eq!(formatted_name(ru, Some("ООО"), "«Северный Ветер»"), "ООО «Северный Ветер»");
    assert_eq!(formatted_name(ru, Some("ООО"), "\"Северный Ветер\""), "ООО «Северный Ветер»");
    assert_eq!(formatted_name(ru, Some("АО"), "Дом «Мечта»"), "АО «Дом «Мечта»»");
    assert_eq!(formatted_name(ru, Some("ИП"), "Иванов Иван Иванович"), "ИП Иванов Иван Иванович");
    assert_eq!(
        formatted_name(ru, Some("Индивидуальный предприниматель"), "Иванов И. И."),
        "Индивидуальный предприниматель Иванов И. И."
    );
    assert_eq!(formatted_name(ru, Some("ООО"), "ООО «Ромашка»"), "ООО «Ромашка»", "the form is not doubled");
    assert_eq!(formatted_name(ru, None, "Северный Ветер"), "Северный Ветер");

    let pl = Jurisdiction::Pl;
    assert_eq!(formatted_name(pl, Some("sp. z o.o."), "Nowak Trade"), "Nowak Trade sp. z o.o.");
    assert_eq!(formatted_name(pl, Some("S.A."), "Kowalski"), "Kowalski S.A.");
    assert_eq!(formatted_name(pl, Some("sp. z o.o."), "Nowak Trade sp. z o.o."), "Nowak Trade sp. z o.o.");
    assert_eq!(formatted_name(pl, Some("JDG"), "Jan Nowak Handel"), "Jan Nowak Handel", "a sole trader's name only");
    assert_eq!(formatted_name(Jurisdiction::Other, Some("GmbH"), "Müller"), "Müller GmbH");
}

#[test]
fn the_letter_takes_the_formatted_name() {
    let mut p = BusinessProfile::new("p-nowak".into(), Jurisdiction::Pl);
    p.set(F::LegalForm, "sp. z o.o.");
    p.set(F::LegalName, "Nowak Trade");
    assert_eq!(p.seller_value(SellerField::Name, Lang::Ru).as_deref(), Some("Nowak Trade sp. z o.o."));
    assert_eq!(p.display_name(), "Nowak Trade sp. z o.o.");
}

#[test]
fn gender_comes_from_the_patronymic_or_agreeing_endings() {
    assert_eq!(gender_of("Иванова Мария Сергеевна"), Some(Gender::Female));
    assert_eq!(gender_of("Петров Пётр Ильич"), Some(Gender::Male));
    assert_eq!(gender_of("Иванов И. И."), Some(Gender::Male));
    assert_eq!(gender_of("Мамедов Эльдар Гусейн оглы"), Some(Gender::Male));
    assert_eq!(gender_of("Ким Саша"), None, "nothing in the surname, and a name for either");
    assert_eq!(gender_of("Шевчук В. В."), None);
    assert_eq!(gender_of("Anna Kowalska"), Some(Gender::Female));
    assert_eq!(gender_of("Jan Kowalski"), Some(Gender::Male));
    assert_eq!(gender_of("Jan Nowak"), None);
    assert_eq!(gender_of("Kuba Nowak"), None, "Kuba is a man's name");
}

fn line(position: &str, name: &str, basis: Option<AuthorityBasis>, lang: Lang) -> Option<String> {
    let signatory = Signatory {
        position: Some(position),
        name: Some(name),
        basis: basis.as_ref(),
        registered_in: Jurisdiction::Ru,
    };
    signatory.line(lang)
}

fn power_of_attorney(number: &str, date: Option<NaiveDate>) -> Option<AuthorityBasis> {
    Some(AuthorityBasis::PowerOfAttorney { number: number.into(), date })
}

#[test]
fn russian_signatures_state_the_basis_in_the_genitive_with_the_right_participle() {
    let (director, maria) = ("Генеральный директор", "Иванова Мария Сергеевна");
    assert_eq!(
        line(director, maria, Some(AuthorityBasis::Charter), Lang::Ru).as_deref(),
        Some("Генеральный директор Иванова Мария Сергеевна, действующая на основании Устава")
    );
    let date = NaiveDate::from_ymd_opt(2026, 2, 1);
    assert_eq!(
        line("Менеджер", "Петров Пётр Петрович", power_of_attorney("12", date), Lang::Ru).as_deref(),
        Some("Менеджер Петров Пётр Петрович, действующий на основании доверенности № 12 от 01.02.2026")
    );
    assert_eq!(
        line("Менеджер", "Ким Саша", power_of_attorney("", date), Lang::Ru).as_deref(),
        Some("Менеджер Ким Саша, действует на основании доверенности от 01.02.2026"),
        "no gender known: the finite verb, and no empty number"
    );
    assert_eq!(
        line("Индивидуальный предприниматель", "Иванов Иван Иванович", Some(AuthorityBasis::Registration), Lang::Ru)
            .as_deref(),
        Some("Индивидуальный предприниматель Иванов Иван Иванович, действующий на основании листа записи ЕГРИП")
    );
    assert_eq!(line(director, maria, None, Lang::Ru).as_deref(), Some("Генеральный директор Иванова Мария Сергеевна"));
    let polish_sole_trader = Signatory {
        position: Some("Właściciel"),
        name: Some("Jan Nowak"),
        basis: Some(&AuthorityBasis::Registration),
        registered_in: Jurisdiction::Pl,
    };
    assert_eq!(polish_sole_trader.line(Lang::Ru).as_deref(), Some("Właściciel Jan Nowak"), "no ЕГРИП for a Pole");
    assert_eq!(Signatory::default().line(Lang::Ru), None);
}

#[test]
fn polish_and_english_signatures_give_name_then_function() {
    let date = NaiveDate::from_ymd_opt(2026, 2, 1);
    assert_eq!(
        line("Prezes Zarządu", "Jan Nowak", Some(AuthorityBasis::Charter), Lang::Pl).as_deref(),
        Some("Jan Nowak, Prezes Zarządu"),
        "a board member's authority is in the register: not stated"
    );
    assert_eq!(
        line("Kierownik sprzedaży", "Anna Kowalska", power_of_attorney("3/2026", date), Lang::Pl).as_deref(),
        Some(
            "Anna Kowalska, Kierownik sprzedaży, działająca na podstawie pełnomocnictwa nr 3/2026 z dnia 01.02.2026 r."
        )
    );
    assert_eq!(
        line("Sales manager", "Anna Kowalska", power_of_attorney("3/2026", date), Lang::En).as_deref(),
        Some("Anna Kowalska, Sales manager, acting under power of attorney No. 3/2026 dated Feb 1, 2026")
    );
    assert_eq!(
        line("General Director", "Maria Ivanova", Some(AuthorityBasis::Charter), Lang::En).as_deref(),
        Some("Maria Ivanova, General Director")
    );
}

#[test]
fn older_free_text_is_read_as_a_choice_when_it_says_exactly_that() {
    let date = NaiveDate::from_ymd_opt(2026, 2, 1);
    assert_eq!(AuthorityBasis::from_legacy("Устава"), Some(AuthorityBasis::Charter));
    assert_eq!(AuthorityBasis::from_legacy(" umowy spółki "), Some(AuthorityBasis::Charter));
    assert_eq!(AuthorityBasis::from_legacy("свидетельства о регистрации"), Some(AuthorityBasis::Registration));
    assert_eq!(
        AuthorityBasis::from_legacy("доверенности № 12 от 01.02.2026"),
        Some(AuthorityBasis::PowerOfAttorney { number: "12".into(), date })
    );
    assert_eq!(
        AuthorityBasis::from_legacy("pełnomocnictwa nr 3/2026 z dnia 01.02.2026 r."),
        Some(AuthorityBasis::PowerOfAttorney { number: "3/2026".into(), date })
    );
    // More than a number and a date: kept as written, nothing lost.
    let detailed = "доверенности № 12 от 01.02.2026, выданной сроком на один год";
    assert_eq!(AuthorityBasis::from_legacy(detailed), Some(AuthorityBasis::Legacy { text: detailed.into() }));
    assert_eq!(
        AuthorityBasis::from_legacy("Устава и решения № 3"),
        Some(AuthorityBasis::Legacy { text: "Устава и решения № 3".into() })
    );
    assert_eq!(AuthorityBasis::from_legacy("  "), None);
}

#[test]
fn a_profile_stored_with_a_free_text_basis_reads_as_a_typed_one_and_writes_it_back() {
    let stored = r#"{"profiles":[{"id":"p-romashka","country":"ru","letters":4,"fields":{
        "legal_name":"Ромашка","legal_form":"ООО","signatory_position":"Генеральный директор",
        "signatory_name":"Иванова Мария Сергеевна","signatory_basis":"Устава","future_field":"kept out"}}],
        "current":"p-romashka"}"#;
    let book: ProfileBook = serde_json::from_str(stored).expect("an older profile still reads");
    let p = book.get("p-romashka").expect("there");
    assert_eq!(p.basis, Some(AuthorityBasis::Charter));
    assert_eq!(p.letters, 4);
    assert_eq!(p.fields.len(), 4, "the old text is now the choice; an unknown field does not break the list");
    assert_eq!(
        p.seller_value(SellerField::Signatory, Lang::Ru).as_deref(),
        Some("Генеральный директор Иванова Мария Сергеевна, действующая на основании Устава")
    );
    let json = serde_json::to_value(&book).expect("writes");
    assert_eq!(json["profiles"][0]["basis"], serde_json::json!({"kind": "charter"}));
    assert!(json["profiles"][0]["fields"].get("signatory_basis").is_none());
    let again: ProfileBook = serde_json::from_value(json).expect("reads back");
    assert_eq!(again, book);

    let mut with_date = p.clone();
    with_date.set_basis(power_of_attorney(" 12\u{202e} ", NaiveDate::from_ymd_opt(2026, 2, 1)));
    let json = serde_json::to_value(&with_date).expect("writes");
    assert_eq!(json["basis"], serde_json::json!({"kind": "power_of_attorney", "number": "12", "date": "2026-02-01"}));
    let back: BusinessProfile = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, with_date);
}
