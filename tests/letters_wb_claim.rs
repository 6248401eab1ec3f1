#![cfg(not(target_arch = "wasm32"))]
//! The Wildberries pre-court claim written for the case: the branch's subject and facts, every fact the case
//! knows filled in (supply / task / order number, dates, the ticket and WB's answer, the loss table's size and
//! total), the addressee from `content/addressees/`, and no bracket anywhere once the seller's fields are typed.

use std::collections::BTreeMap;

use claimdesk::i18n::Lang;
use claimdesk::scenario::{LetterContext, Message, Scenario, BLANK};

mod common;
use common::{answers, date, scenario, wb_seller_profile as profile};

fn claim(s: &Scenario) -> &Message {
    s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim exists")
}

/// The claim for `pairs`, with the case's facts `facts` and the seller's fields `inputs`.
fn letter(pairs: &[(&str, &str)], lang: Lang, facts: &[(&str, &str)], inputs: &[(&str, &str)]) -> String {
    let s = scenario("wb-lost-goods");
    let eval = s.evaluate(&answers(s, pairs), date("2026-11-23"));
    let profile = profile();
    let facts: BTreeMap<String, String> = facts.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let inputs: BTreeMap<String, String> = inputs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let context = LetterContext {
        seller: Some(&profile),
        number: Some("7"),
        claimed: Some("8 957,49\u{a0}₽"),
        facts: Some(&facts),
        inputs: Some(&inputs),
        dated: Some(date("2026-12-07")),
    };
    eval.fill_message(claim(s), claim(s).body.get(lang), lang, &context)
}

const TICKET_FACTS: &[(&str, &str)] =
    &[("ticket", "№ 4471 от 01.12.2026"), ("answer", "отказ от 03.12.2026"), ("losses_rows", "3 позиции")];

fn assert_complete(text: &str) {
    assert!(!text.contains('['), "no bracket left:\n{text}");
    // The signature line is drawn for the pen, not left blank for a field.
    let body: String = text.lines().filter(|l| !l.ends_with(": ____________")).collect();
    assert!(!body.contains(BLANK), "no blank left:\n{text}");
    assert!(!text.contains('{'), "no placeholder left:\n{text}");
}

#[test]
fn warehouse_loss_names_the_supply_the_act_the_ticket_and_the_answer() {
    let text = letter(
        &[("where", "warehouse"), ("order_number", "SUP-771203"), ("fire", "no"), ("found_date", "2026-11-16")],
        Lang::Ru,
        TICKET_FACTS,
        &[("act", "№ АП-5521 от 10.10.2026")],
    );
    let expected_head = "Кому: ООО «РВБ»\nОГРН 1247700471919\n\
        (реквизиты указаны по открытым источникам и подлежат сверке с действующей редакцией Оферты)\n\n\
        От кого: ООО «Северный Ветер»\nИНН 7701234560, ОГРН 1027700000008\nг. Москва, ул. Ленина, д. 1\n\
        claims@veter.ru, +7 495 000-00-00\nID продавца Wildberries: 123456\n\n\
        Исх. № 7 от 07.12.2026\n\n\
        ПРЕТЕНЗИЯ\nо возмещении стоимости товара, утраченного на складе Wildberries\n\n";
    assert!(text.starts_with(expected_head), "{text}");
    assert!(text.contains(
        "2. Товар по поставке № SUP-771203 принят вами на склад по акту приёмки № АП-5521 от 10.10.2026. Часть \
         товара впоследствии не была ни продана, ни возвращена нам и отсутствует в отчёте об остатках; утрату мы \
         обнаружили 16.11.2026. Утраченные единицы перечислены в прилагаемом расчёте. Мы обратились в поддержку \
         продавцов (обращение № 4471 от 01.12.2026); ответ поддержки: отказ от 03.12.2026.\n\n"
    ));
    assert!(text.contains("4. Размер убытков составляет 8 957,49\u{a0}₽: по каждой утраченной единице"));
    assert!(text.contains(
        "Приложения:\n1. Расчёт суммы убытков по позициям (3 позиции).\n2. Копия акта приёмки № АП-5521 от \
         10.10.2026.\n3. Отчёт об остатках и отчёты о продажах за период.\n4. Документы о закупке или производстве \
         товара (подтверждают его стоимость).\n5. Скриншоты обращения № 4471 от 01.12.2026 и переписки по нему.\n\n"
    ));
    assert!(text.contains("за вычетом вознаграждения Вайлдберриз."));
    assert!(text.ends_with(
        "Генеральный директор Иванова Мария Сергеевна, действующая на основании Устава\n\nПодпись: ____________\nМ. П."
    ));
    assert_complete(&text);
}

#[test]
fn each_branch_gets_its_own_subject_facts_and_attachments() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "acceptance",
            "о возмещении стоимости товара, недостающего по акту приёмки",
            "2. По поставке № W-1 мы передали вам товар в полном количестве по УПД № 12 от 01.11.2026. В акте приёмки № АП-9 от 03.11.2026 указано меньше единиц",
            "2. Копия документа о передаче: УПД № 12 от 01.11.2026.\n3. Копия акта приёмки № АП-9 от 03.11.2026.\n4. Видео упаковки коробов.\n5. Количество и вес коробов при сдаче (пропуск, отметка склада).\n6. Документы о закупке или производстве товара (подтверждают его стоимость).\n7. Скриншоты обращения № 4471 от 01.12.2026 и переписки по нему.",
        ),
        (
            "fbs",
            "о возмещении стоимости товара, утраченного по сборочному заданию FBS",
            "2. По сборочному заданию FBS № W-1 мы передали вам товар: в составе поставки № WB-GI-5, принятой 02.11.2026. Заказ не доставлен покупателю",
            "2. Выгрузка сборочных заданий со статусами.\n3. Документы о передаче товара Wildberries.\n4. Документы о закупке или производстве товара (подтверждают его стоимость).\n5. Скриншоты обращения",
        ),
        (
            "transit",
            "о возмещении стоимости товара, утраченного при перевозке",
            "2. Товар по заказу № W-1 находился у вас и утрачен при перевозке: Коледино → Казань, «В пути» с 05.11.2026.",
            "2. Отчёт по заказам или возвратам с последним статусом товара.\n3. Документы о закупке или производстве товара (подтверждают его стоимость).\n4. Скриншоты обращения",
        ),
        (
            "damaged",
            "о возмещении стоимости товара, повреждённого при хранении",
            "2. Товар по поставке № W-1 принят вами без замечаний по акту приёмки № АП-9 от 03.11.2026, а вернулся к нам повреждённым: раздавлена упаковка, видео вскрытия. Повреждение возникло, пока товар хранился у вас; мы обнаружили его 16.11.2026. Повреждённые единицы перечислены в прилагаемом расчёте; повреждённый товар готовы передать вам по требованию. Мы обратились в поддержку продавцов (обращение № 4471 от 01.12.2026); ответ поддержки: отказ от 03.12.2026.\n\n",
            "2. Копия акта приёмки № АП-9 от 03.11.2026.\n3. Причина возврата или акт о браке, указанные Wildberries.\n4. Фото и видео вскрытия повреждённого товара.\n5. Документы о закупке или производстве товара (подтверждают его стоимость).\n6. Скриншоты обращения № 4471 от 01.12.2026 и переписки по нему.\n\n",
        ),
    ];
    let inputs = [
        ("transfer_doc", "УПД № 12 от 01.11.2026"),
        ("act", "№ АП-9 от 03.11.2026"),
        ("handover", "в составе поставки № WB-GI-5, принятой 02.11.2026"),
        ("last_status", "Коледино → Казань, «В пути» с 05.11.2026"),
        ("damage", "раздавлена упаковка, видео вскрытия"),
    ];
    for (branch, subject, facts, attachment) in cases {
        let text = letter(
            &[("where", branch), ("order_number", "W-1"), ("found_date", "2026-11-16")],
            Lang::Ru,
            TICKET_FACTS,
            &inputs,
        );
        assert!(text.contains(&format!("ПРЕТЕНЗИЯ\n{subject}\n")), "{branch}:\n{text}");
        assert!(text.contains(facts), "{branch}:\n{text}");
        assert!(text.contains(attachment), "{branch}:\n{text}");
        assert_complete(&text);
    }
}

#[test]
fn a_swap_names_the_order_the_swap_date_and_what_came_back() {
    let text = letter(
        &[("where", "swapped"), ("order_number", "ORD-55"), ("swap_date", "2026-11-20")],
        Lang::Ru,
        TICKET_FACTS,
        &[("swap", "пустая коробка вместо смартфона (Артикул WB 19283746)")],
    );
    assert!(text.contains("ПРЕТЕНЗИЯ\nо возмещении стоимости подменённого товара\n"));
    assert!(text.contains(
        "2. По заказу № ORD-55 вместо нашего товара нам возвращён другой: пустая коробка вместо смартфона \
         (Артикул WB 19283746). Подмену мы выявили 20.11.2026;"
    ));
    assert!(text.contains("по каждой подменённой единице"));
    assert!(text.contains("5. Документы о закупке или производстве товара (подтверждают его стоимость).\n6. Скриншоты обращения № 4471 от 01.12.2026 и переписки по нему."));
    assert_complete(&text);
}

#[test]
fn what_the_case_does_not_know_is_a_blank_line_never_a_bracket() {
    let text =
        letter(&[("where", "warehouse"), ("order_number", "SUP-1"), ("found_date", "2026-11-16")], Lang::Ru, &[], &[]);
    assert!(text.contains(&format!("по акту приёмки {BLANK}.")), "{text}");
    // No request recorded or typed: the sentence about it and its attachment are left out, not left blank.
    assert!(text.contains("Утраченные единицы перечислены в прилагаемом расчёте.\n\n3. Согласно"), "{text}");
    assert!(!text.contains("обращени"), "{text}");
    assert!(text.contains("(подтверждают его стоимость).\n\nГенеральный"), "{text}");
    assert!(!text.contains('['), "{text}");
}

#[test]
fn the_polish_and_english_claims_read_as_such() {
    let pairs = [("where", "warehouse"), ("order_number", "SUP-771203"), ("found_date", "2026-11-16")];
    let pl_facts =
        [("ticket", "nr 4471 z 01.12.2026"), ("answer", "odmowa z 03.12.2026"), ("losses_rows", "3 pozycje")];
    let pl = letter(&pairs, Lang::Pl, &pl_facts, &[("act", "nr АП-5521 z 10.10.2026")]);
    assert!(pl.contains("Adresat: ООО «РВБ»\nOGRN 1247700471919\n(dane według źródeł publicznych, do sprawdzenia z aktualną wersją Oferty)\n\nNadawca: ООО «Северный Ветер»"), "{pl}");
    assert!(pl.contains("Nr pisma: 7 z 07.12.2026\n\nPRZEDSĄDOWE WEZWANIE DO ZAPŁATY\nodszkodowania za towar utracony w magazynie Wildberries\n"), "{pl}");
    assert!(
        pl.contains(
            "Zwróciliśmy się do działu wsparcia sprzedawców (zgłoszenie nr 4471 z 01.12.2026); odpowiedź: odmowa z \
             03.12.2026."
        ),
        "{pl}"
    );
    assert!(pl.contains("zwrot kosztów postępowania"), "{pl}");
    assert!(pl.contains("rosyjskiego sądu gospodarczego (арбитражный суд)"), "{pl}");
    for wrong in ["arbitrażow", "artykuł", "reklamac"] {
        assert!(!pl.to_lowercase().contains(wrong), "{wrong} in:\n{pl}");
    }
    assert_complete(&pl);
    let en_facts =
        [("ticket", "No. 4471 of 12/01/2026"), ("answer", "a refusal of 12/03/2026"), ("losses_rows", "3 items")];
    let en = letter(&pairs, Lang::En, &en_facts, &[("act", "No. АП-5521 of 10/10/2026")]);
    assert!(en.contains("PRE-COURT CLAIM\nfor the value of goods lost at a Wildberries warehouse\n"), "{en}");
    assert!(en.contains("1. Calculation of the damages by item (3 items)."), "{en}");
    assert_complete(&en);
}

#[test]
fn the_fields_asked_for_follow_the_branch() {
    let s = scenario("wb-lost-goods");
    let ids = |pairs: &[(&str, &str)]| -> Vec<String> {
        let eval = s.evaluate(&answers(s, pairs), date("2026-11-23"));
        claim(s).inputs_for(&eval).iter().map(|i| i.id.clone()).collect()
    };
    assert_eq!(ids(&[("where", "acceptance")]), ["rows", "transfer_doc", "act", "ticket", "answer"]);
    assert_eq!(ids(&[("where", "warehouse")]), ["rows", "act", "ticket", "answer"]);
    assert_eq!(ids(&[("where", "fbs")]), ["rows", "ticket", "answer", "handover"]);
    assert_eq!(ids(&[("where", "transit")]), ["rows", "ticket", "answer", "last_status"]);
    assert_eq!(ids(&[("where", "damaged")]), ["rows", "act", "ticket", "answer", "damage"]);
    assert_eq!(ids(&[("where", "swapped")]), ["rows", "ticket", "answer", "swap"]);
}

#[test]
fn a_request_without_an_answer_says_so_instead_of_printing_one() {
    let text = letter(
        &[("where", "transit"), ("order_number", "W-2"), ("found_date", "2026-11-16")],
        Lang::Ru,
        &[("ticket", "№ 4480 от 02.12.2026"), ("losses_rows", "1 позиция")],
        &[("last_status", "Коледино → Казань, «В пути» с 05.11.2026")],
    );
    assert!(text.contains(
        "Утраченные единицы перечислены в прилагаемом расчёте. Мы обратились в поддержку продавцов (обращение № 4480 \
         от 02.12.2026), ответ не получен.\n\n"
    ));
    assert!(text.contains("4. Скриншоты обращения № 4480 от 02.12.2026 и переписки по нему.\n\n"), "{text}");
    assert_complete(&text);
}
