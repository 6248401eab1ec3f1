#![cfg(not(target_arch = "wasm32"))]
//! No letter leaves a bracket for the seller to fill in its text: what only the seller knows is a field next to
//! the letter (`{input.<id>}`), and the Market and MALL letters come out whole from the case's answers and fields.

use std::collections::BTreeMap;

use claimdesk::i18n::Lang;
use claimdesk::scenario::{all, LetterContext, BLANK};

#[macro_use]
mod common;
use common::{answers, date, scenario};

/// The text without its signature line, which is drawn for the pen rather than left blank for a field.
fn without_signature_line(text: &str) -> String {
    text.lines().filter(|l| !l.contains(": ____________")).collect::<Vec<_>>().join("\n")
}

#[test]
fn no_message_template_has_a_bracket_to_fill() {
    for s in all() {
        for m in &s.messages {
            for lang in Lang::ALL {
                let texts = std::iter::once(m.body.get(lang)).chain(m.parts.iter().map(|p| p.text.get(lang)));
                for text in texts {
                    let bracket = text.find('[').map(|at| &text[at..text.len().min(at + 60)]);
                    assert_eq!(bracket, None, "{} / {} / {}", s.id, m.id, lang.code());
                }
            }
        }
    }
}

#[test]
fn the_market_claim_names_the_return_the_certificate_and_what_was_found_per_branch() {
    let s = scenario("ym-return-problem");
    let claim = s.messages.iter().find(|m| m.id == "claim_return").expect("claim_return exists");
    let inputs: BTreeMap<String, String> = [
        ("return_number", "R-88123"),
        ("act", "АПП-17"),
        ("act_time", "14:20"),
        ("found", "кружка «Север» (SKU CUP-01), 1 шт., скол на ручке"),
        ("accepted_on", "01.12.2026"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let facts = BTreeMap::new();
    let text = |problem: &str, kind: &str| {
        let a = answers(
            s,
            &[
                ("return_kind", kind),
                ("problem", problem),
                ("order_number", "YM-70002"),
                ("amount", "1290"),
                ("act_date", "2026-12-05"),
            ],
        );
        let eval = s.evaluate(&a, date("2026-12-05"));
        let letter = LetterContext {
            number: Some("3"),
            facts: Some(&facts),
            inputs: Some(&inputs),
            dated: Some(date("2026-12-07")),
            ..LetterContext::default()
        };
        eval.fill_message(claim, claim.body.get(Lang::Ru), Lang::Ru, &letter)
    };
    let damaged = text("damaged", "return");
    assert!(
        damaged.starts_with(
            "Кому: ООО «Яндекс Маркет»\nИНН 9704254424\n(реквизиты указаны по открытым источникам и подлежат сверке с \
             договором в кабинете партнёра)\n\n"
        ),
        "{damaged}"
    );
    assert!(damaged.contains(
        "Исх. № 3 от 07.12.2026\n\nПРЕТЕНЗИЯ\nо возмещении стоимости товара, повреждённого при возврате\n\n"
    ));
    assert!(damaged.contains(
        "1. Возврат № R-88123 по заказу № YM-70002, принятый от покупателя в пункте выдачи 01.12.2026, передан нам \
         по акту приёма-передачи № АПП-17 от 05.12.2026, подписанному в 14:20."
    ));
    assert!(damaged.contains(
        "2. При вскрытии возврата обнаружено, что товар повреждён: кружка «Север» (SKU CUP-01), 1 шт., скол на ручке."
    ));
    assert!(damaged.contains(
        "3. С момента приёма возврата от покупателя в пункте выдачи и до передачи нам товар находился у Маркета, \
         который отвечает за его состояние в этот период; карточка возврата с фото покупателя прилагается."
    ));
    assert!(
        damaged.contains("4. Просим возместить 1\u{a0}290,00\u{a0}₽ — цену продажи повреждённых единиц товара —"),
        "{damaged}"
    );
    assert!(damaged.contains(
        "Приложения:\n1. Акт приёма-передачи № АПП-17 от 05.12.2026.\n2. Непрерывная видеозапись вскрытия упаковки \
         возврата.\n3. Фото повреждений.\n4. Скриншот карточки возврата с фото покупателя.\n\n"
    ));
    assert!(!without_signature_line(&damaged).contains(BLANK), "{damaged}");
    let short = text("short", "return");
    assert!(short.contains("ПРЕТЕНЗИЯ\nо возмещении стоимости недостающего товара в возврате\n"));
    assert!(short.contains("2. При вскрытии возврата обнаружена недостача: кружка"));
    assert!(short.contains("3. Фото содержимого возврата."));
    let swapped = text("swapped", "return");
    assert!(swapped.contains("вместо нашего товара вернули другой: кружка"));
    assert!(swapped.contains("3. Фото вернувшегося товара рядом с нашим."));
    // A non-purchase is «невыкуп», and the packing at shipment proves the state: the buyer never had it.
    let refusal = text("damaged", "refusal");
    assert!(
        refusal.contains(
            "1. Невыкуп по заказу № YM-70002 (невыкуп № R-88123) передан нам по акту приёма-передачи № АПП-17 от \
         05.12.2026, подписанному в 14:20."
        ),
        "{refusal}"
    );
    assert!(refusal.contains(
        "3. Товар был отгружен целым и в полной комплектации, что подтверждают прилагаемые фото и видео упаковки, а \
         покупатель его не получал; следовательно, выявленное расхождение возникло, пока заказ находился у Маркета."
    ));
    assert!(refusal.contains("4. Фото и видео упаковки при отгрузке.\n\n"), "{refusal}");
}

#[test]
fn the_mall_letter_fills_the_missing_items_and_the_reason_from_the_fields() {
    let s = scenario("mall-incomplete-order");
    let message = s.messages.iter().find(|m| m.id == "to_mall").expect("to_mall exists");
    let a = answers(
        s,
        &[
            ("shop", "si"),
            ("found", "after_delivery"),
            ("order_number", "MV-5512"),
            ("buyer_name", "Ana Novak"),
            ("shortage_confirmed", "yes"),
            ("missing_value", "49.90 EUR"),
            ("purchase_price", "31.20 EUR"),
            ("customer_choice", "keep"),
            ("delivered_on", "2026-12-01"),
        ],
    );
    let eval = s.evaluate(&a, date("2026-12-05"));
    let eval_inputs = message.inputs_for(&eval).iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(eval_inputs, ["missing", "reason", "partner_id"]);
    let inputs: BTreeMap<String, String> =
        [("missing", "USB-C cable, product code KAB-2, 1 pc"), ("reason", "a packing error"), ("partner_id", "P-1")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
    let letter = LetterContext { inputs: Some(&inputs), ..LetterContext::default() };
    let en = eval.fill_message(message, message.body.get(Lang::En), Lang::En, &letter);
    assert!(
        en.contains(
            "Missing from the parcel: USB-C cable, product code KAB-2, 1 pc (value €49.90); reason: a packing error."
        ),
        "{en}"
    );
    assert!(!en.contains(BLANK));
}
