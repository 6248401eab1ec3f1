#![cfg(not(target_arch = "wasm32"))]
//! The Amazon FBA reimbursement claim written for its claim type: the form it goes through, the IDs Amazon lists
//! for that type, the manufacturing-cost basis only before a customer order, and the invoice only when the seller
//! says it is attached.

use std::collections::BTreeMap;

use claimdesk::domain::{BusinessProfile, Jurisdiction, ProfileField as F};
use claimdesk::i18n::Lang;
use claimdesk::scenario::{LetterContext, Message, Scenario};

#[macro_use]
mod common;
use common::{answers, date, scenario};

fn profile() -> BusinessProfile {
    let mut p = BusinessProfile::new("p-amz".into(), Jurisdiction::Other);
    p.set(F::LegalName, "Nordwind Trading Ltd");
    p
}

fn message<'a>(s: &'a Scenario, id: &str) -> &'a Message {
    s.messages.iter().find(|m| m.id == id).unwrap_or_else(|| panic!("{id} exists"))
}

/// Message `id` for `pairs`, with the seller's fields `inputs`.
fn letter(id: &str, pairs: &[(&str, &str)], lang: Lang, inputs: &[(&str, &str)]) -> String {
    let s = scenario("amazon-not-received");
    let eval = s.evaluate(&answers(s, pairs), date("2026-12-07"));
    let profile = profile();
    let inputs: BTreeMap<String, String> = inputs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let context = LetterContext {
        seller: Some(&profile),
        number: None,
        claimed: None,
        facts: None,
        inputs: Some(&inputs),
        dated: Some(date("2026-12-07")),
    };
    let m = message(s, id);
    eval.fill_message(m, m.body.get(lang), lang, &context)
}

#[test]
fn fulfilment_centre_loss_names_contact_us_the_item_id_and_the_cost_basis_with_the_invoice() {
    let text = letter(
        "fba_claim_text",
        &[
            ("fulfilment", "fba"),
            ("fba_issue", "warehouse_lost"),
            ("order_number", "X00ABC1234"),
            ("adjustment_date", "2026-10-01"),
            ("invoice_attached", "yes"),
        ],
        Lang::En,
        &[("fnsku_quantity", "X00ABC1234 × 3")],
    );
    assert_eq!(
        text,
        "Filed through: Contact Us in Seller Central for a lost unit; for a damaged unit, the claim tool on the \
         fulfilment-centre claims help page (Transaction Item ID).\n\n\
         Reimbursement request: unit lost or damaged in an Amazon fulfilment centre\n\
         Transaction Item ID or FNSKU: X00ABC1234\nFNSKU / quantity: X00ABC1234 × 3\n\n\
         The Inventory Ledger records the loss or damage on Oct 1, 2026. The units have not been found or returned \
         to sellable stock since, and the Reimbursements report shows no payment for them.\n\n\
         We are filing inside the claim window of the FBA reimbursement policy. Please replace the units or \
         reimburse them. The units were lost or damaged before any customer order, so we ask for reimbursement at \
         our manufacturing cost. The supplier's invoice for these units is attached.\n\n\
         Nordwind Trading Ltd"
    );
}

#[test]
fn customer_return_gives_the_order_id_and_neither_cost_basis_nor_invoice() {
    let text = letter(
        "fba_claim_text",
        &[
            ("fulfilment", "fba"),
            ("fba_issue", "return_missing"),
            ("fba_store", "us"),
            ("order_number", "114-0000009-0000009"),
            ("refund_date", "2026-11-02"),
            ("invoice_attached", "no"),
        ],
        Lang::En,
        &[("fnsku_quantity", "X00RET0001 × 1")],
    );
    assert_eq!(
        text,
        "Filed through: the claim tool on the FBA customer returns claims help page (customer order ID).\n\n\
         Reimbursement request: customer return not received after the customer was refunded\n\
         Customer order ID: 114-0000009-0000009\nFNSKU / quantity: X00RET0001 × 1\n\n\
         Amazon refunded or replaced the order for the customer on Nov 2, 2026. The returned unit has not reached \
         our inventory, and the Reimbursements report shows no payment for it.\n\n\
         We are filing inside the claim window of the FBA reimbursement policy. Please replace the units or \
         reimburse them.\n\n\
         Nordwind Trading Ltd"
    );
}

#[test]
fn lost_removal_asks_for_every_id_amazon_lists_and_the_photos() {
    let text = letter(
        "fba_claim_text",
        &[
            ("fulfilment", "fba"),
            ("fba_issue", "removal_lost"),
            ("order_number", "RMV-20261220"),
            ("removal_created", "2026-10-20"),
            ("invoice_attached", "no"),
        ],
        Lang::Pl,
        &[
            ("fnsku_quantity", "X00RMV0001 × 12"),
            ("removal_shipment_id", "S-123"),
            ("removal_tracking_id", "1Z999"),
            ("lpn", "LPN0001"),
        ],
    );
    assert_eq!(
        text,
        "Gdzie złożyć: przez narzędzie na stronie pomocy o wnioskach dotyczących usunięć (numer zlecenia \
         usunięcia).\n\n\
         Wniosek o zwrot kosztów: przesyłka zlecenia usunięcia zaginęła w transporcie\n\
         Numer zlecenia usunięcia (Removal Order ID): RMV-20261220\nShipment ID: S-123\n\
         Numer przesyłki (Tracking ID): 1Z999\nLPN: LPN0001\nFNSKU / liczba sztuk: X00RMV0001 × 12\n\n\
         Przesyłkę zlecenia usunięcia utworzono 20.10.2026 i nie została doręczona na nasz adres zwrotów; \
         śledzenie nie pokazuje doręczenia. Raport Reimbursements nie pokazuje wypłaty za te sztuki.\n\n\
         Składamy wniosek w terminie przewidzianym w zasadach zwrotu kosztów FBA. Prosimy o wymianę sztuk lub \
         zwrot ich wartości. Sztuki zaginęły lub zostały uszkodzone przed jakimkolwiek zamówieniem klienta, \
         dlatego prosimy o zwrot według kosztu wytworzenia.\n\n\
         W załączeniu: zdjęcia sztuk, których dotyczy wniosek, ich opakowań i kartonu wysyłkowego.\n\n\
         Nordwind Trading Ltd"
    );
}

#[test]
fn inbound_shortfall_points_to_the_reconcile_tab_and_gives_the_shipment_id() {
    let text = letter(
        "fba_claim_text",
        &[
            ("fulfilment", "fba"),
            ("fba_issue", "inbound_short"),
            ("order_number", "FBA15ABCDEF"),
            ("inbound_delivered", "2026-11-20"),
            ("invoice_attached", "no"),
        ],
        Lang::Ru,
        &[("fnsku_quantity", "X00INB0001 × 4"), ("units_sent_received", "X00INB0001: 40 / 36")],
    );
    assert!(
        text.starts_with(
            "Куда подаётся: недостающие единицы — на вкладке Reconcile этой поставки в Seller Central; единицы, \
         принятые повреждёнными, — через Contact Us.\n\n\
         Запрос на возмещение: недостача в поставке на склад Amazon\n\
         Номер поставки (Shipment ID): FBA15ABCDEF\nFNSKU / количество: X00INB0001 × 4\n\n\
         Поставка доставлена на склад 20.11.2026, принято меньше единиц, чем мы отправили: отправлено / принято: \
         X00INB0001: 40 / 36.\n\n"
        ),
        "{text}"
    );
    assert!(!text.contains("Inventory Ledger"), "{text}");
    assert!(!text.contains("Счёт поставщика"), "{text}");
}

const APPEAL_CASE: &[(&str, &str)] = &[
    ("order_number", "114-1234567-1234567"),
    ("tracking", "delivered"),
    ("tracking_number", "1Z999AA10123456784"),
    ("carrier", "UPS"),
    ("status", "claim_granted"),
];

#[test]
fn us_appeal_says_the_documents_are_uploaded_and_asks_no_messaging_date() {
    let mut pairs = vec![("fulfilment", "seller_us")];
    pairs.extend_from_slice(APPEAL_CASE);
    let text = letter(
        "appeal_text",
        &pairs,
        Lang::Ru,
        &[("proof", "подпись покупателя в подтверждении вручения UPS"), ("documents", "POD от UPS")],
    );
    assert!(
        text.contains(
            "Отправление: UPS, трек-номер 1Z999AA10123456784.\nЗагружено вместе с апелляцией: POD от UPS.\n\n\
         Просим отменить списание и исключить эту заявку из расчёта ODR."
        ),
        "{text}"
    );
    assert!(!text.contains("Buyer-Seller"), "{text}");
}

#[test]
fn european_appeal_sends_the_documents_through_buyer_seller_messages() {
    let mut pairs = vec![("fulfilment", "seller_eu"), ("store", "de")];
    pairs.extend_from_slice(APPEAL_CASE);
    let text = letter(
        "appeal_text",
        &pairs,
        Lang::En,
        &[
            ("proof", "the buyer's signature on UPS's proof of delivery"),
            ("documents", "UPS's POD"),
            ("sent_on", "3 Dec 2026"),
        ],
    );
    assert!(text.contains(
        "Shipment: UPS, tracking number 1Z999AA10123456784.\nThe form takes no attachments, so we sent UPS's POD to \
         the buyer through Buyer-Seller Messages on 3 Dec 2026.\n\n"
    ), "{text}");
}

#[test]
fn claim_response_on_a_protected_delivered_label_states_delivery_the_scan_and_the_documents() {
    let text = letter(
        "claim_response_text",
        &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-1234567-1234567"),
            ("order_value", "59.00 USD"),
            ("tracking", "delivered"),
            ("tracking_number", "1Z999AA10123456784"),
            ("carrier", "UPS"),
            ("buy_shipping", "yes"),
            ("first_scan", "yes"),
            ("status", "claim_open"),
            ("documents_sent", "yes"),
        ],
        Lang::En,
        &[
            ("delivered_on", "Dec 1, 2026, 14:05"),
            ("first_scan_on", "Nov 27, 2026"),
            ("dates_our_replies_to", "replied to the buyer on Dec 2, 2026"),
            ("proof_of_delivery_tracking", "UPS's signed proof of delivery"),
            ("sent_on", "Dec 3, 2026"),
        ],
    );
    assert_eq!(
        text,
        "Order 114-1234567-1234567. The order was shipped with UPS, tracking number 1Z999AA10123456784. The carrier \
         records delivery on Dec 1, 2026, 14:05 to the address on the order.\n\n\
         The label was bought through Buy Shipping (Claims Protected), and the carrier's first scan on Nov 27, 2026 \
         was on or before the ship-by date.\n\n\
         What we have done: replied to the buyer on Dec 2, 2026.\n\
         The text box takes no files, so we have sent UPS's signed proof of delivery to the buyer through \
         Buyer-Seller Messages on Dec 3, 2026.\n\n\
         Nordwind Trading Ltd"
    );
}

#[test]
fn claim_response_without_protection_or_documents_says_neither() {
    let text = letter(
        "claim_response_text",
        &[
            ("fulfilment", "seller_eu"),
            ("store", "pl"),
            ("order_number", "028-0000005-0000005"),
            ("order_value", "35.00 PLN"),
            ("tracking", "transit"),
            ("tracking_number", "TRK004"),
            ("carrier", "DHL"),
            ("multi_package", "no"),
            ("buy_shipping", "no"),
            ("status", "claim_open"),
            ("documents_sent", "no"),
        ],
        Lang::Pl,
        &[("dates_our_replies_to", "odpowiedź dla kupującego 02.12.2026")],
    );
    assert_eq!(
        text,
        "Zamówienie 028-0000005-0000005. Zamówienie wysłano przez DHL, numer przesyłki TRK004. W systemie śledzenia \
         przewoźnika przesyłka ma obecnie status: W drodze.\n\n\
         Co zrobiliśmy: odpowiedź dla kupującego 02.12.2026.\n\n\
         Nordwind Trading Ltd"
    );
}

const REFUNDED_CASE: &[(&str, &str)] = &[
    ("order_number", "114-0000013-0000013"),
    ("order_value", "80.00 USD"),
    ("tracking", "returning"),
    ("tracking_number", "TRK008"),
    ("carrier", "DHL"),
    ("buy_shipping", "no"),
    ("status", "amazon_refunded"),
];

fn offered(pairs: &[(&str, &str)]) -> Vec<String> {
    let s = scenario("amazon-not-received");
    let eval = s.evaluate(&answers(s, pairs), date("2026-12-07"));
    eval.plan.messages.iter().map(|m| m.id.clone()).collect()
}

#[test]
fn a_return_that_never_came_back_gets_a_safe_t_text_in_the_us_only() {
    let mut us = vec![("fulfilment", "seller_us"), ("safe_t_reason", "return_lost")];
    us.extend_from_slice(REFUNDED_CASE);
    let mut eu = vec![("fulfilment", "seller_eu"), ("store", "de"), ("safe_t_reason", "return_lost")];
    eu.extend_from_slice(REFUNDED_CASE);
    assert!(offered(&us).contains(&"safe_t_lost_return_text".to_string()));
    let eu_messages = offered(&eu);
    assert!(!eu_messages.iter().any(|m| m.starts_with("safe_t")), "{eu_messages:?}");
}

#[test]
fn damaged_return_claim_states_the_reason_in_our_words_and_lists_the_photos() {
    let mut pairs = vec![("fulfilment", "seller_eu"), ("store", "de"), ("safe_t_reason", "return_damaged")];
    pairs.extend_from_slice(REFUNDED_CASE);
    let text = letter(
        "safe_t_text",
        &pairs,
        Lang::Ru,
        &[("short_facts_with_dates", "возврат получен 01.12.2026 пустым"), ("amount_refunded", "80,00 €")],
    );
    assert!(text.starts_with(
        "Заказ 114-0000013-0000013: Amazon вернул деньги покупателю от нашего имени. Возврат покупателя пришёл к нам \
         повреждённым, с другим товаром или пустым.\n\n\
         Что произошло: возврат получен 01.12.2026 пустым\n\
         Во вложении: фото вернувшегося товара со всех четырёх сторон, его упаковки и возвратной этикетки.\n\n"
    ), "{text}");
    assert!(text.contains("и заявка по гарантии A-to-z по этому заказу в пользу покупателя не удовлетворялась."));
}

fn carrier_letter(tracking: &str, lang: Lang) -> String {
    let mut pairs = vec![
        ("fulfilment", "seller_eu"),
        ("store", "pl"),
        ("order_number", "028-0000005-0000005"),
        ("order_value", "35.00 PLN"),
        ("tracking", tracking),
        ("tracking_number", "TRK004"),
        ("carrier", "InPost"),
        ("buy_shipping", "no"),
        ("status", "none"),
    ];
    if matches!(tracking, "delivered" | "transit") {
        pairs.push(("multi_package", "no"));
    }
    letter("to_carrier", &pairs, lang, &[("declared_or_insured_value", "35,00 zł")])
}

#[test]
fn a_returning_parcel_asks_the_carrier_to_stop_the_return_not_to_trace_it() {
    let text = carrier_letter("returning", Lang::Pl);
    assert!(
        text.starts_with("Temat: Prośba o wstrzymanie zwrotu i ponowne doręczenie, InPost, numer przesyłki TRK004\n\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Prosimy:\n1. o wstrzymanie zwrotu do nas i doręczenie paczki na adres podany w zamówieniu albo o \
         informację, dlaczego nie jest to możliwe;\n2. o informację, dlaczego paczka jest zwracana (nieudane próby \
         doręczenia, problem z adresem, odmowa przyjęcia).\n\n"
        ),
        "{text}"
    );
    assert!(!text.contains("poszukiw"), "{text}");
}

#[test]
fn a_parcel_in_customs_asks_which_documents_are_missing() {
    let text = carrier_letter("customs", Lang::Ru);
    assert!(text.starts_with("Тема: Посылка задержана на таможне, InPost, трек-номер TRK004\n\n"), "{text}");
    assert!(
        text.contains(
            "по данным вашего отслеживания: Задержано на таможне. Объявленная ценность или страховая сумма: 35,00 zł."
        ),
        "{text}"
    );
    assert!(
        text.contains("1. сообщить, каких документов или платежей ждёт таможня и от кого: от нас или от получателя;")
    );
}

#[test]
fn a_parcel_in_transit_gets_a_trace_and_the_claim_question() {
    let text = carrier_letter("transit", Lang::En);
    assert!(text.starts_with("Subject: Trace request, InPost tracking number TRK004\n\n"), "{text}");
    assert!(
        text.contains(
            "Please:\n1. open a trace and tell us where the parcel is now and when it will be delivered;\n2. if it \
         cannot be found, confirm in writing that it is lost and tell us how and by when to file a loss claim.\n\n"
        ),
        "{text}"
    );
}
