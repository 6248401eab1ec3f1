#![cfg(not(target_arch = "wasm32"))]
//! Checks of `wb-lost-goods` beyond its path table (content/paths/wb-lost-goods.json, run by tests/scenario_paths.rs): the
//! texts each branch gets, the rules' sources and wording.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

mod common;
use common::{answers, date, scenario};

const ID: &str = "wb-lost-goods";

#[test]
fn swap_ticket_carries_the_order_and_the_dates() {
    let s = scenario(ID);
    let ticket = s.messages.iter().find(|m| m.id == "swap_ticket").expect("swap_ticket exists");
    let a = answers(
        s,
        &[("where", "swapped"), ("order_number", "ORD-4410"), ("amount", "12500"), ("swap_date", "2026-11-14")],
    );
    let en = fill_template(s, ticket.body.get(Lang::En), &a, Lang::En, date("2026-11-23"));
    for expected in ["ORD-4410", "detected on Nov 14, 2026", "12,500.00"] {
        assert!(en.contains(expected), "{expected:?} missing in:\n{en}");
    }
    let ru = fill_template(s, ticket.body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-23"));
    assert!(ru.contains("выявлена 14.11.2026") && ru.contains("Прошу зафиксировать подмену"), "{ru}");

    let without_date = answers(s, &[("where", "swapped"), ("order_number", "ORD-4410")]);
    let pl = fill_template(s, ticket.body.get(Lang::Pl), &without_date, Lang::Pl, date("2026-11-23"));
    assert!(pl.contains("[data wykrycia podmiany]") && pl.contains("[kwota]"), "{pl}");
}

#[test]
fn fire_warning_and_price_basis_are_spelled_out() {
    let s = scenario(ID);
    let warn = s.plan.iter().find(|p| p.id == "warn_report").expect("warn_report exists");
    let body = warn.body.as_ref().expect("warn_report has a body");
    assert!(
        body.get(Lang::En).contains("Shushary")
            && body.get(Lang::Ru).contains("Шушар")
            && body.get(Lang::Pl).contains("Szuszar")
    );
    let amount = s.question("amount").expect("amount question");
    let help = amount.help.as_ref().expect("amount help");
    assert!(
        help.get(Lang::En).contains("SPP") && help.get(Lang::Ru).contains("СПП") && help.get(Lang::Pl).contains("SPP")
    );
    let claim = s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim");
    assert!(claim.body.get(Lang::Ru).contains("через портал продавца"), "{}", claim.body.get(Lang::Ru));
}

#[test]
fn the_acceptance_objection_names_the_supply_and_the_act_date() {
    let s = scenario(ID);
    let objection = s.messages.iter().find(|m| m.id == "acceptance_dispute").expect("acceptance_dispute exists");
    let a = answers(
        s,
        &[("where", "acceptance"), ("order_number", "SUP-905511"), ("amount", "17400"), ("found_date", "2026-11-27")],
    );
    let ru = fill_template(s, objection.body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-27"));
    assert!(ru.contains("SUP-905511") && ru.contains("опубликованным 27.11.2026"), "{ru}");
    let limitation = s.deadline("limitation").expect("limitation rule");
    assert!(
        limitation.rule.get(Lang::Ru).contains("196") && limitation.rule.get(Lang::Ru).contains("200"),
        "{}",
        limitation.rule.get(Lang::Ru)
    );
    assert!(!limitation.uncertain, "the Civil Code rule is confirmed");
    assert!(s.deadline("acceptance_objection").is_some_and(|r| r.uncertain), "the 7 days come from trade news only");
}

#[test]
fn the_precourt_claim_states_its_grounds_and_the_counterparty_to_check() {
    let s = scenario(ID);
    let claim = s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim exists");
    assert_eq!(claim.language, Some(Lang::Ru), "WB works in Russian");
    let ru = claim.body.get(Lang::Ru);
    for expected in [
        "ДОСУДЕБНАЯ ПРЕТЕНЗИЯ",
        "ст. 1011 ГК РФ",
        "ст. 998 ГК РФ",
        "ст. 15, 393 ГК РФ",
        "п. ___ Оферты",
        "ООО «РВБ» или ООО «Вайлдберриз»",
        "{seller.wb_id}",
        "по истечении 30 календарных дней",
    ] {
        assert!(ru.contains(expected), "{expected:?} missing in:\n{ru}");
    }
    let pl = claim.body.get(Lang::Pl);
    assert!(pl.contains("PRZEDSĄDOWE WEZWANIE DO ZAPŁATY") && pl.contains("rosyjskiego sądu gospodarczego"), "{pl}");
    assert!(!pl.contains("arbitrażow") && !pl.contains("reklamac"), "Polish false friends are gone:\n{pl}");
}

#[test]
fn polish_texts_avoid_the_false_friends_of_issue_20() {
    let wrong =
        ["sąd arbitrażow", "sądu arbitrażow", "sądzie arbitrażow", "artykuł", "wezwanie (reklamac", "arbitrażowego"];
    common::assert_no_text_contains(scenario(ID), Lang::Pl, &wrong);
}

#[test]
fn the_fire_warning_shows_the_limitation_date_for_a_january_2024_loss() {
    let s = scenario(ID);
    let warn = s.plan.iter().find(|p| p.id == "warn_report").expect("warn_report exists");
    let body = warn.body.as_ref().expect("the warning explains itself");
    let a = answers(s, &[("where", "warehouse"), ("fire", "yes"), ("found_date", "2024-01-15"), ("offered", "yes")]);
    // Three years from Mon 15 Jan 2024 end Fri 15 Jan 2027: the suit date, weeks away on 7 Dec 2026.
    let ru = fill_template(s, body.get(Lang::Ru), &a, Lang::Ru, date("2026-12-07"));
    assert!(ru.contains("иск нужно подать до 15.01.2027"), "{ru}");
    let en = fill_template(s, body.get(Lang::En), &a, Lang::En, date("2026-12-07"));
    assert!(en.contains("a suit must be filed by Jan 15, 2027"), "{en}");
}

#[test]
fn the_precourt_claim_covers_a_swap_and_a_shortfall_at_acceptance() {
    let s = scenario(ID);
    let claim = s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim exists");
    let ru = claim.body.get(Lang::Ru);
    assert!(ru.contains("либо вместо нашего товара нам возвращён другой (подмена)"), "{ru}");
    assert!(ru.contains("товар передан по УПД № … в количестве …, а в акте приёмки указано …"), "{ru}");
    let swap = answers(s, &[("where", "swapped"), ("claim_sent", "no")]);
    assert_eq!(
        common::message_ids(s, &swap, "2026-11-23"),
        vec!["precourt_claim".to_string(), "swap_ticket".to_string()]
    );
}

#[test]
fn the_support_ticket_names_a_supply_or_an_order_by_branch() {
    let s = scenario(ID);
    let body = |id: &str| s.messages.iter().find(|m| m.id == id).map(|m| m.body.get(Lang::Ru)).unwrap_or_default();
    assert!(body("to_support").contains("по поставке {order_number}") && !body("to_support").contains("заказу"));
    assert!(body("to_support_order").contains("по сборочному заданию / заказу {order_number}"));
    let fbs = answers(s, &[("where", "fbs"), ("claim_sent", "no")]);
    assert_eq!(
        common::message_ids(s, &fbs, "2026-11-23"),
        vec!["to_support_order".to_string(), "precourt_claim".to_string()]
    );
}

#[test]
fn the_swap_claim_lists_attachments_the_swap_seller_has() {
    let s = scenario(ID);
    let claim = s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim exists");
    let ru = claim.body.get(Lang::Ru);
    assert!(ru.contains(
        "Приложения [при подмене; оставьте одну подходящую строку]: расчёт суммы претензии; видео вскрытия возврата; \
         фото вернувшегося товара рядом с нашим оригиналом; карточка товара и заказ; скриншоты обращения в поддержку; \
         документы о закупке или производстве товара."
    ));
    assert!(ru.contains("Приложения [при утрате, недостаче или порче]: таблица утраченных товаров;"));
    let amount =
        s.plan.iter().flat_map(|p| p.checklist.iter()).find(|c| c.id == "clm_amount").expect("clm_amount exists");
    assert_eq!(
        amount.label.get(Lang::Ru),
        "Укажите сумму и порядок расчёта, приложите расчёт (при утрате — таблицу утраченных товаров)"
    );
    let swap_limit = s.deadline("limitation_swap").expect("limitation_swap exists").rule.get(Lang::Pl);
    assert!(swap_limit.contains("Czekanie na rekompensatę WB nie wstrzymuje") && !swap_limit.contains("automatyczn"));
}
