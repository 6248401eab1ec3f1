#![cfg(not(target_arch = "wasm32"))]
//! The MALL letters written for the case: the dispute prints only the evidence the seller said they have and
//! answers the customer's photos either way; an optional answer (the customer's name) or a partner ID missing
//! from Settings never prints a bracket; MALL's reference opens the reply when the seller has it.

use std::collections::BTreeMap;

use claimdesk::domain::{BusinessProfile, Jurisdiction, ProfileField as F};
use claimdesk::i18n::Lang;
use claimdesk::scenario::LetterContext;

#[macro_use]
mod common;
use common::{answers, date, scenario};

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// A Polish seller's profile, with or without the MALL partner ID in Settings.
fn profile(mall_id: Option<&str>) -> BusinessProfile {
    let mut p = BusinessProfile::new("p-nowak".into(), Jurisdiction::Pl);
    p.set(F::LegalForm, "sp. z o.o.");
    p.set(F::LegalName, "Nowak Trade");
    if let Some(id) = mall_id {
        p.set(F::MallPartnerId, id);
    }
    p
}

/// Message `id` of the MALL scenario for `pairs`, in `lang`, with the seller's fields `inputs`.
fn letter(id: &str, pairs: &[(&str, &str)], inputs: &[(&str, &str)], mall_id: Option<&str>, lang: Lang) -> String {
    let s = scenario("mall-incomplete-order");
    let message = s.messages.iter().find(|m| m.id == id).expect("message exists");
    let eval = s.evaluate(&answers(s, pairs), date("2026-12-05"));
    let inputs = map(inputs);
    let profile = profile(mall_id);
    let context = LetterContext { seller: Some(&profile), inputs: Some(&inputs), ..LetterContext::default() };
    eval.fill_message(message, message.body.get(lang), lang, &context)
}

const DISPUTE_FIELDS: &[(&str, &str)] = &[
    ("missing", "USB-C cable, product code KAB-2, 1 pc"),
    ("packed_weight", "2.4 kg"),
    ("full_weight", "2.4 kg"),
    ("carrier", "GLS, 123456789"),
];

fn dispute(media: &str, stock: &str, photos: &str, extra: &[(&str, &str)], inputs: &[(&str, &str)]) -> String {
    let mut pairs = vec![
        ("shop", "si"),
        ("found", "after_delivery"),
        ("order_number", "MV-5512"),
        ("shortage_confirmed", "no"),
        ("missing_value", "49.90"),
        ("purchase_price", "31.20"),
        ("reported_on", "2026-12-03"),
        ("customer_photos", photos),
        ("packing_media", media),
        ("stock_checked", stock),
    ];
    pairs.extend_from_slice(extra);
    let mut fields = DISPUTE_FIELDS.to_vec();
    fields.extend_from_slice(inputs);
    letter("to_mall_dispute", &pairs, &fields, Some("P-77"), Lang::En)
}

#[test]
fn the_dispute_with_every_piece_of_evidence_quotes_malls_reference_and_the_customers_photos() {
    let text = dispute(
        "yes",
        "yes",
        "yes",
        &[("buyer_name", "Ana Novak")],
        &[("mall_ref", "HC-4410"), ("carrier_weight", "2.4 kg")],
    );
    assert_eq!(
        text,
        "Hello,\n\nYour reference: HC-4410.\n\n\
         This concerns order MV-5512, customer Ana Novak. MALL partner: Nowak Trade sp. z o.o., partner ID P-77. On \
         Dec 3, 2026 you passed on to us the customer's report that an item was missing: USB-C cable, product code \
         KAB-2, 1 pc. Our records show that the parcel was shipped complete:\n\
         - weight at packing: 2.4 kg; weight of the complete order: 2.4 kg; weight recorded by the carrier: 2.4 kg.\n\
         - packing photos or video showing the order number: attached.\n\
         - our stock records confirm that the item was shipped.\n\n\
         We have received the customer's photos of the parcel and its contents. Please also send us any damage \
         report made at delivery and tell us whether the carrier recorded the parcel as damaged.\n\n\
         Please do not issue a return document until the dispute is decided. If the box was opened in transit, we \
         will file the claim with our carrier (GLS, 123456789) ourselves.\n\nKind regards\nNowak Trade sp. z o.o."
    );
}

#[test]
fn the_dispute_claims_no_evidence_the_seller_lacks_and_prints_no_bracket_for_an_unanswered_name() {
    let text = dispute("no", "no", "no", &[], &[]);
    assert_eq!(
        text,
        "Hello,\n\n\
         This concerns order MV-5512. MALL partner: Nowak Trade sp. z o.o., partner ID P-77. On Dec 3, 2026 you \
         passed on to us the customer's report that an item was missing: USB-C cable, product code KAB-2, 1 pc. Our \
         records show that the parcel was shipped complete:\n\
         - weight at packing: 2.4 kg; weight of the complete order: 2.4 kg.\n\n\
         Please ask the customer for photos of the box, tape, label and contents and send them to us, with any \
         damage report made at delivery.\n\n\
         Please do not issue a return document until the dispute is decided. If the box was opened in transit, we \
         will file the claim with our carrier (GLS, 123456789) ourselves.\n\nKind regards\nNowak Trade sp. z o.o."
    );
}

#[test]
fn a_partner_id_missing_from_settings_is_a_field_next_to_the_letter_not_a_bracket() {
    let pairs = [
        ("shop", "hr"),
        ("found", "after_delivery"),
        ("order_number", "MH-88"),
        ("shortage_confirmed", "yes"),
        ("missing_value", "20.00"),
        ("purchase_price", "14.00"),
        ("customer_choice", "keep"),
        ("delivered_on", "2026-12-01"),
    ];
    let fields = [("missing", "Mug, M-1, 1 pc"), ("reason", "a packing error")];
    let blank = letter("to_mall", &pairs, &fields, None, Lang::En);
    assert!(blank.contains("This concerns order MH-88, delivered on Dec 1, 2026. MALL partner: Nowak Trade sp. z o.o., partner ID ________. Missing from the parcel: Mug, M-1, 1 pc (value €20.00); reason: a packing error."), "{blank}");
    assert!(!blank.contains('['), "{blank}");
    let typed = [("missing", "Mug, M-1, 1 pc"), ("reason", "a packing error"), ("partner_id", "P-9")];
    let filled = letter("to_mall", &pairs, &typed, None, Lang::En);
    assert!(filled.contains("MALL partner: Nowak Trade sp. z o.o., partner ID P-9."), "{filled}");
    let from_settings = letter("to_mall", &pairs, &typed, Some("P-77"), Lang::En);
    assert!(from_settings.contains("MALL partner: Nowak Trade sp. z o.o., partner ID P-77."), "{from_settings}");
}

#[test]
fn the_withdrawal_letter_dates_the_notice_and_sends_the_real_return_to_complaints() {
    let pairs = [
        ("shop", "si"),
        ("found", "after_delivery"),
        ("order_number", "MV-90"),
        ("buyer_name", "Ana Novak"),
        ("shortage_confirmed", "yes"),
        ("missing_value", "20.00"),
        ("purchase_price", "14.00"),
        ("customer_choice", "withdraw"),
        ("delivered_on", "2026-11-20"),
        ("withdrawal_date", "2026-11-28"),
    ];
    let fields = [("missing", "Mug, M-1, 1 pc"), ("reason", "out of stock")];
    let text = letter("to_mall_withdraw", &pairs, &fields, Some("P-77"), Lang::En);
    assert!(text.contains("This concerns order MV-90, customer Ana Novak, delivered on Nov 20, 2026. MALL partner: Nowak Trade sp. z o.o., partner ID P-77. Missing from the parcel: Mug, M-1, 1 pc (value €20.00); reason: out of stock; our packing records confirm the shortfall."), "{text}");
    assert!(text.contains("The customer has withdrawn from the purchase (OOKS); MALL received the notice on Nov 28, 2026. Any return of the items the customer received goes through your Complaints team"), "{text}");
}

#[test]
fn the_note_in_the_parcel_is_signed_as_the_shops_partner() {
    use claimdesk::scenario::BuyerLanguage;
    let s = scenario("mall-incomplete-order");
    let note = s.messages.iter().find(|m| m.id == "to_customer").expect("to_customer exists");
    let sl = note.buyer_texts.get(&BuyerLanguage::Sl).expect("Slovenian text");
    assert!(sl.contains("Manjkajoči izdelek vam pošiljamo v ločenem paketu; stroške pošiljanja krijemo mi."), "{sl}");
    assert!(sl.ends_with("Lep pozdrav\n{seller.name}, partner spletne trgovine Mimovrste"), "{sl}");
    let hr = note.buyer_texts.get(&BuyerLanguage::Hr).expect("Croatian text");
    assert!(hr.ends_with("{seller.name}, partner web-trgovine mall.hr"), "{hr}");
}
