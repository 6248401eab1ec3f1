#![cfg(not(target_arch = "wasm32"))]
//! The Wildberries claim for a buyer's refusal or return that came back spoiled or swapped, written for the case:
//! what the buyer did (`refusal`) and what came back (`returned_state`) choose the facts and the attachments; a
//! return request is named only when the buyer took the goods and returned them; "accepted with no note of
//! damage" is stated only on the seller's "yes"; the support sentence follows the case's facts.

use std::collections::BTreeMap;

use claimdesk::i18n::Lang;
use claimdesk::scenario::{LetterContext, Message, Scenario};

mod common;
use common::{answers, date, scenario, wb_seller_profile as profile};

fn claim(s: &Scenario) -> &Message {
    s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim exists")
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

const FIELDS: &[(&str, &str)] = &[
    ("handed_over", "поставка № 771, акт приёмки № АП-3 от 01.10.2026"),
    ("what_came_back", "разбит экран"),
    ("report", "31337"),
    ("report_line", "12"),
];

fn letter(pairs: &[(&str, &str)], facts: &[(&str, &str)], extra: &[(&str, &str)]) -> String {
    let s = scenario("wb-buyer-refusal");
    let mut all =
        vec![("model", "fbs"), ("order_number", "WB-301125"), ("amount", "15990"), ("received_date", "2026-11-02")];
    all.extend_from_slice(pairs);
    let eval = s.evaluate(&answers(s, &all), date("2026-11-03"));
    let profile = profile();
    let facts = map(facts);
    let mut fields = FIELDS.to_vec();
    fields.extend_from_slice(extra);
    let inputs = map(&fields);
    let context = LetterContext {
        seller: Some(&profile),
        number: Some("9"),
        claimed: None,
        facts: Some(&facts),
        inputs: Some(&inputs),
        dated: Some(date("2026-12-07")),
    };
    eval.fill_message(claim(s), claim(s).body.get(Lang::Ru), Lang::Ru, &context)
}

/// Point 2 of the letter and everything from "Приложения:" to the signature.
fn point_two_and_attachments(text: &str) -> (String, String) {
    let two = text.split("\n\n").find(|p| p.starts_with("2. ")).unwrap_or_default().to_string();
    let from = text.find("Приложения:").unwrap_or_default();
    let to = text.find("\n\nГенеральный").unwrap_or(text.len());
    (two, text[from..to].to_string())
}

#[test]
fn a_refusal_at_the_pickup_point_names_no_return_request_and_rests_on_wbs_possession() {
    let text = letter(&[("refusal", "at_pickup"), ("returned_state", "damaged"), ("at_point", "no")], &[], &[]);
    assert!(
        text.contains("ПРЕТЕНЗИЯ\nо возмещении стоимости товара, повреждённого при возврате от покупателя\n\n"),
        "{text}"
    );
    let (two, attachments) = point_two_and_attachments(&text);
    assert_eq!(
        two,
        "2. Покупатель отказался от товара при получении в пункте выдачи, и товар был возвращён нам силами \
         Вайлдберриз. При получении возврата 02.11.2026 обнаружено, что товар повреждён: разбит экран. Товар не \
         выходил из владения Вайлдберриз; следовательно, он повреждён в период нахождения во владении Вайлдберриз."
    );
    assert_eq!(
        attachments,
        "Приложения:\n1. Расчёт суммы претензии.\n2. Видео вскрытия возврата.\n3. Фото повреждений.\n\
         4. Еженедельный отчёт с логистикой возврата.\n5. Документы о закупке или производстве товара (подтверждают \
         его стоимость)."
    );
    assert!(
        text.contains("4. Размер убытков составляет 15\u{a0}990,00\u{a0}₽: по каждой повреждённой единице"),
        "{text}"
    );
    assert!(!text.contains('['), "{text}");
    assert!(!text.contains("заявк"), "{text}");
}

#[test]
fn a_return_after_receipt_names_the_buyers_request_and_states_a_clean_intake_only_on_yes() {
    let facts = [("ticket", "№ 4471 от 01.11.2026")];
    let extra = [("return_request", "R-55"), ("accepted_on", "28.10.2026")];
    let clean =
        letter(&[("refusal", "after_receipt"), ("returned_state", "swapped"), ("intake_clean", "yes")], &facts, &extra);
    let (two, attachments) = point_two_and_attachments(&clean);
    assert_eq!(
        two,
        "2. Покупатель получил товар, а затем вернул его (заявка покупателя на возврат № R-55); возврат принят \
         пунктом выдачи 28.10.2026 и доставлен нам силами Вайлдберриз. При получении возврата 02.11.2026 \
         обнаружено, что вместо нашего товара возвращён другой: разбит экран. Возврат принят пунктом выдачи от \
         покупателя без отметок о повреждении или несоответствии; принимая возврат от своего имени и за наш счёт, \
         Вайлдберриз должен был проверить, что возвращается наш товар в надлежащем виде (ст. 998, 393 ГК РФ). Мы \
         обратились в поддержку продавцов (обращение № 4471 от 01.11.2026), ответ не получен."
    );
    assert_eq!(
        attachments,
        "Приложения:\n1. Расчёт суммы претензии.\n2. Видео вскрытия возврата.\n3. Фото вернувшегося товара рядом с \
         нашим оригиналом.\n4. Заявка покупателя на возврат и история её статусов.\n5. Еженедельный отчёт с \
         логистикой возврата.\n6. Документы о закупке или производстве товара (подтверждают его стоимость).\n7. \
         Скриншоты обращения № 4471 от 01.11.2026 и переписки по нему."
    );
    assert!(clean.contains("ПРЕТЕНЗИЯ\nо возмещении стоимости товара, подменённого при возврате от покупателя\n"));
    let unclear =
        letter(&[("refusal", "after_receipt"), ("returned_state", "swapped"), ("intake_clean", "no")], &facts, &extra);
    assert!(!unclear.contains("без отметок"), "{unclear}");
    assert!(unclear.contains(
        "Принимая возврат от покупателя от своего имени и за наш счёт, Вайлдберриз отвечает за его проверку и \
         сохранность до передачи нам (ст. 998 ГК РФ)."
    ));
}

#[test]
fn the_return_ticket_names_the_buyers_request_only_when_there_is_one() {
    let s = scenario("wb-buyer-refusal");
    let ticket = s.messages.iter().find(|m| m.id == "return_ticket").expect("return_ticket exists");
    let text = |refusal: &str| {
        let pairs = [
            ("model", "fbs"),
            ("refusal", refusal),
            ("order_number", "WB-7"),
            ("amount", "990"),
            ("returned_state", "damaged"),
            ("received_date", "2026-11-02"),
        ];
        let eval = s.evaluate(&answers(s, &pairs), date("2026-11-03"));
        let inputs = map(&[("request_number", "R-55"), ("describe_the_damage_the", "разбит экран")]);
        let context = LetterContext { inputs: Some(&inputs), ..LetterContext::default() };
        eval.fill_message(ticket, ticket.body.get(Lang::Ru), Lang::Ru, &context)
    };
    assert!(text("after_receipt").contains(
        "Возврат по заказу WB-7 (заявка покупателя на возврат № R-55), полученный мной 02.11.2026, поступил в \
         состоянии, не соответствующем переданному: разбит экран."
    ));
    assert!(text("not_collected").contains(
        "Возврат по заказу WB-7, полученный мной 02.11.2026, поступил в состоянии, не соответствующем переданному: \
         разбит экран."
    ));
}

#[test]
fn the_where_is_my_return_tickets_say_what_the_buyer_did() {
    let s = scenario("wb-buyer-refusal");
    let text = |id: &str, model: &str, refusal: &str, lang: Lang| {
        let message = s.messages.iter().find(|m| m.id == id).expect("message exists");
        let pairs = [("model", model), ("refusal", refusal), ("order_number", "WB-8"), ("returned_state", "not_back")];
        let eval = s.evaluate(&answers(s, &pairs), date("2026-11-30"));
        eval.fill_message(message, message.body.get(lang), lang, &LetterContext::default())
    };
    assert!(text("return_where", "fbs", "at_pickup", Lang::Ru)
        .contains("Покупатель отказался от заказа WB-8 при получении, но товар до меня не дошёл"));
    assert!(text("return_where", "fbs", "after_receipt", Lang::Ru)
        .contains("Покупатель получил заказ WB-8 и вернул его, но товар до меня не дошёл"));
    assert!(text("return_where_fbo", "fbo", "not_collected", Lang::Ru)
        .contains("Покупатель не забрал заказ WB-8 (FBO), но единица не появилась"));
    assert!(text("return_where", "fbs", "not_collected", Lang::Pl)
        .contains("Dzień dobry,\n\nkupujący nie odebrał zamówienia WB-8, ale towar do mnie nie dotarł"));
}
