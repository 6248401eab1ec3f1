#![cfg(not(target_arch = "wasm32"))]
//! Buyer messages in the store's language and the store's currency, on a small inline scenario: what the store
//! answer selects, and what the validator refuses in buyer texts.

use claimdesk::i18n::Lang;
use claimdesk::scenario::{validate, BuyerLanguage, BuyerText, Scenario};

mod common;
use common::answers;

fn t(s: &str) -> serde_json::Value {
    serde_json::json!({ "en": s, "ru": format!("ru {s}"), "pl": format!("pl {s}") })
}

fn sample(buyer_texts: serde_json::Value) -> Scenario {
    let json = serde_json::json!({
        "id": "stores", "marketplace": "amazon", "currency": "USD", "title": t("Stores"), "summary": t("Stores"),
        "questions": [
            { "id": "store", "kind": "choice", "label": t("Store?"), "short": t("store"), "options": [
                { "id": "de", "label": t("amazon.de"), "currency": "EUR", "buyer_language": "de" },
                { "id": "fr", "label": t("amazon.fr"), "currency": "EUR", "buyer_language": "fr" },
                { "id": "pl", "label": t("amazon.pl"), "currency": "PLN", "buyer_language": "pl" },
                { "id": "com", "label": t("amazon.com") } ] },
            { "id": "order", "kind": "text", "role": "order_number", "label": t("Order?"), "short": t("order number") },
            { "id": "sent", "kind": "date", "label": t("Sent?"), "short": t("sent date") }
        ],
        "plan": [ { "id": "out", "kind": "outcome", "title": t("Done") } ],
        "messages": [ { "id": "buyer", "title": t("To the buyer"), "recipient": t("Buyer"),
            "body": { "en": "Hello, order {order}. {seller.name}", "ru": "Здравствуйте, заказ {order}. {seller.name}", "pl": "Dzień dobry, zamówienie {order}. {seller.name}" },
            "buyer_texts": buyer_texts } ]
    });
    serde_json::from_value(json).expect("sample scenario parses")
}

fn german() -> serde_json::Value {
    serde_json::json!({ "de": "Guten Tag, Bestellung {order}. {seller.name}" })
}

#[test]
fn the_chosen_store_sets_the_currency_and_the_buyers_language() {
    let s = sample(german());
    assert_eq!(validate(&s), Vec::<String>::new());
    let pick = |store: &str| answers(&s, &[("store", store)]);
    assert_eq!((s.currency_for(&pick("de")), s.buyer_language(&pick("de"))), ("EUR", Some(BuyerLanguage::De)));
    assert_eq!((s.currency_for(&pick("pl")), s.buyer_language(&pick("pl"))), ("PLN", Some(BuyerLanguage::Pl)));
    // A store without a currency or language keeps the scenario's currency and the interface language.
    assert_eq!((s.currency_for(&pick("com")), s.buyer_language(&pick("com"))), ("USD", None));
    assert_eq!((s.currency_for(&answers(&s, &[])), s.buyer_language(&answers(&s, &[]))), ("USD", None));
    let eval = s.evaluate(&pick("de"), common::date("2026-12-07"));
    assert_eq!(eval.buyer_language(), Some(BuyerLanguage::De));
}

#[test]
fn a_buyer_message_offers_the_buyers_text_the_interface_text_or_english_with_a_note() {
    let s = sample(german());
    let m = &s.messages[0];
    assert_eq!(
        m.for_buyer(BuyerLanguage::De),
        Some(BuyerText::Own(BuyerLanguage::De, "Guten Tag, Bestellung {order}. {seller.name}"))
    );
    assert_eq!(m.for_buyer(BuyerLanguage::Pl), Some(BuyerText::Interface(Lang::Pl)));
    assert_eq!(m.for_buyer(BuyerLanguage::Fr), Some(BuyerText::EnglishInstead(BuyerLanguage::Fr)));
    assert_eq!(BuyerLanguage::Fr.native_name(), "Français");
}

#[test]
fn the_validator_refuses_buyer_texts_that_would_break_or_mislead() {
    let mismatch = sample(serde_json::json!({ "de": "Guten Tag, Bestellung {sent}." }));
    let problems = validate(&mismatch).join("\n");
    assert!(problems.contains("buyer text in `de` uses placeholders"), "{problems}");

    let empty_and_interface = sample(serde_json::json!({ "cs": " ", "pl": "Dzień dobry {order}. {seller.name}" }));
    let problems = validate(&empty_and_interface).join("\n");
    assert!(problems.contains("empty buyer text in `cs`") && problems.contains("an interface language"), "{problems}");

    // A date would be written in the interface language inside a German text.
    let mut dated = sample(serde_json::json!({ "de": "Versandt am {sent}, Bestellung {order}. {seller.name}" }));
    dated.messages[0].body = claimdesk::scenario::Text::inline(
        "Sent {sent}, order {order}. {seller.name}",
        "Отправлено {sent}, заказ {order}. {seller.name}",
        "Wysłano {sent}, zamówienie {order}. {seller.name}",
    );
    let problems = validate(&dated).join("\n");
    assert!(problems.contains("placeholder `{sent}` would be written in the interface language"), "{problems}");

    // An optional answer left empty would print "[customer's name]" inside the German text.
    let mut optional = sample(german());
    optional
        .questions
        .iter_mut()
        .filter(|q| q.kind == claimdesk::scenario::QuestionKind::Text)
        .for_each(|q| q.required = false);
    let problems = validate(&optional).join("\n");
    assert!(problems.contains("would print a bracket in a buyer text when left empty"), "{problems}");
    assert!(validate(&sample(german())).is_empty(), "the same texts with required answers are valid");

    let mut to_support = sample(german());
    to_support.messages[0].language = Some(Lang::En);
    assert!(validate(&to_support).join("\n").contains("buyer texts on a message to someone other than a buyer"));

    let mut bad_currency = sample(german());
    bad_currency.questions[0].options[0].currency = Some("euro".into());
    assert!(validate(&bad_currency).join("\n").contains("currency `euro` is not an ISO 4217 code"));
}
