#![cfg(not(target_arch = "wasm32"))]
//! Checks of `ym-not-delivered` beyond its path table (content/paths/ym-not-delivered.json, run by tests/scenario_paths.rs): the
//! texts each branch gets, the rules' sources and wording.

use claimdesk::i18n::Lang;
use claimdesk::scenario::{fill_template, LetterContext};

mod common;
use common::{answers, date, path_table, scenario};

const ID: &str = "ym-not-delivered";

#[test]
fn automatic_timeline_is_written_out_in_the_plan() {
    let s = scenario(ID);
    let wait = s.plan.iter().find(|i| i.id == "auto_wait").and_then(|i| i.body.as_ref()).expect("auto_wait has a body");
    let table = path_table(ID);
    let row = table
        .cases
        .iter()
        .find(|c| c.name == "FBY, cancelled, private buyer: automatic compensation timeline")
        .expect("row exists");
    let a = row.answers(s);
    let en = fill_template(s, wait.get(Lang::En), &a, Lang::En, date(&row.created));
    for expected in ["(Nov 10, 2026)", "(Nov 19, 2026)", "(Nov 30, 2026)"] {
        assert!(en.contains(expected), "{expected:?} missing in:\n{en}");
    }
    let pl = fill_template(s, wait.get(Lang::Pl), &a, Lang::Pl, date(&row.created));
    assert!(pl.contains("(10.11.2026)") && pl.contains("(30.11.2026)"), "{pl}");
}

/// The loss claim for `pairs`, in Russian, with the seller's fields `inputs` and the case's facts `facts`.
fn loss_claim(pairs: &[(&str, &str)], inputs: &[(&str, &str)], facts: &[(&str, &str)]) -> String {
    let s = scenario(ID);
    let claim = s.messages.iter().find(|m| m.id == "claim_outline").expect("claim_outline exists");
    let map = |p: &[(&str, &str)]| -> std::collections::BTreeMap<String, String> {
        p.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    };
    let (inputs, facts) = (map(inputs), map(facts));
    let letter = LetterContext { inputs: Some(&inputs), facts: Some(&facts), ..LetterContext::default() };
    let eval = s.evaluate(&answers(s, pairs), date("2026-12-02"));
    eval.fill_message(claim, claim.body.get(Lang::Ru), Lang::Ru, &letter)
}

/// The letter from its title to the signature.
fn from_title(text: &str) -> &str {
    let from = text.find("ПРЕТЕНЗИЯ").unwrap_or_default();
    let to = text.find("\n\n[").unwrap_or(text.len());
    &text[from..to]
}

#[test]
fn an_fby_order_lost_at_the_pickup_point_cites_the_supply_not_packing_it_never_did() {
    let text = loss_claim(
        &[
            ("model", "fby"),
            ("order_number", "81234574"),
            ("amount", "1990"),
            ("scheduled_on", "2026-12-01"),
            ("status", "ready"),
        ],
        &[("supply", "№ 5501 от 10.11.2026"), ("last_status", "«Готов к выдаче» с 25.11.2026")],
        &[("ticket", "№ 77 от 28.11.2026"), ("answer", "отказ от 30.11.2026")],
    );
    assert_eq!(
        from_title(&text),
        "ПРЕТЕНЗИЯ\nоб утрате заказа в пункте выдачи\n\n\
         1. Товар по заказу № 81234574 хранился на складе Маркета (поставка № 5501 от 10.11.2026) и отгружен \
         покупателю Маркетом; плановая дата доставки — 01.12.2026.\n\n\
         2. Заказ поступил в пункт выдачи в статусе «Готов к выдаче», но покупателю не выдан и нам не возвращён: он \
         утрачен в пункте выдачи («Готов к выдаче» с 25.11.2026). Мы обратились в поддержку Маркета (обращение № 77 \
         от 28.11.2026); ответ Маркета: отказ от 30.11.2026.\n\n\
         3. Просим возместить стоимость утраченного заказа — 1\u{a0}990,00\u{a0}₽ (цена продажи) — и перечислить её \
         по реквизитам: [банковские реквизиты: банк, БИК, расчётный счёт].\n\n\
         Приложения:\n1. Скриншоты карточки заказа и истории статусов.\n2. Акт приёмки поставки № 5501 от \
         10.11.2026.\n3. Подтверждение цены продажи.\n4. Скриншоты обращения № 77 от 28.11.2026 и переписки по нему."
    );
}

#[test]
fn an_order_still_in_delivery_gets_a_request_to_find_it_not_a_demand() {
    let text = loss_claim(
        &[
            ("model", "fbs"),
            ("order_number", "81234575"),
            ("amount", "1990"),
            ("scheduled_on", "2026-12-01"),
            ("status", "in_delivery"),
        ],
        &[
            ("handover", "02.11.2026, отгрузка № S-9"),
            ("handover_act", "№ 14 от 02.11.2026"),
            ("last_status", "«В доставке» с 03.11.2026"),
        ],
        &[],
    );
    assert_eq!(
        from_title(&text),
        "ПРЕТЕНЗИЯ\nо заказе, задержанном в доставке\n\n\
         1. Заказ № 81234575 передан нами Маркету для доставки: 02.11.2026, отгрузка № S-9, акт приёма-передачи № 14 \
         от 02.11.2026; плановая дата доставки — 01.12.2026.\n\n\
         2. Заказ покупателю не доставлен и находится в статусе «В доставке» без движения: «В доставке» с 03.11.2026.\n\n\
         3. Просим установить местонахождение заказа, а если он утрачен — подтвердить утрату; после подтверждения \
         утраты мы потребуем возместить его стоимость — 1\u{a0}990,00\u{a0}₽.\n\n\
         Приложения:\n1. Скриншоты карточки заказа и истории статусов.\n2. Акт приёма-передачи № 14 от 02.11.2026.\n\
         3. Фото и видео упаковки и передачи.\n4. Подтверждение цены продажи."
    );
}

#[test]
fn claim_rules_name_their_global_source_and_the_seller_cabinet() {
    let s = scenario(ID);
    let rule = s.deadlines.iter().find(|d| d.id == "claim_window").expect("claim_window exists");
    assert!(rule.uncertain);
    assert!(
        rule.rule.get(Lang::En).contains("Global")
            && rule.rule.get(Lang::Ru).contains("Global")
            && rule.rule.get(Lang::Pl).contains("Global")
    );
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/scenarios/ym-not-delivered.toml"))
        .expect("scenario file readable");
    assert!(
        !text.contains("кабинет партнёра") && !text.contains("кабинета партнёра") && !text.contains("panelu partnera")
    );
}

#[test]
fn texts_avoid_false_friends_and_the_refund_mistranslation() {
    common::assert_no_text_contains(scenario(ID), Lang::Pl, &["artykuł", "kierownika firmy", "klient prywatn"]);
    common::assert_no_text_contains(scenario(ID), Lang::Ru, &["уже вернули деньги", "службу доставки его найти"]);
    assert!(scenario(ID).question("exception").is_some_and(|q| !q.values().contains(&"refunded")));
}
