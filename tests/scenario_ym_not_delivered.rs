#![cfg(not(target_arch = "wasm32"))]
//! Checks of `ym-not-delivered` beyond its path table (content/paths/ym-not-delivered.json, run by tests/scenario_paths.rs): the
//! texts each branch gets, the rules' sources and wording.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

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

#[test]
fn claim_outline_names_order_date_and_amount() {
    let s = scenario(ID);
    let claim = s.messages.iter().find(|m| m.id == "claim_outline").expect("claim_outline exists");
    let a = answers(
        s,
        &[("model", "express"), ("order_number", "81234574"), ("amount", "1990"), ("scheduled_on", "2026-12-01")],
    );
    let ru = fill_template(s, claim.body.get(Lang::Ru), &a, Lang::Ru, date("2026-12-02"));
    for expected in ["Заказ 81234574", "доставки — 01.12.2026", "продан за 1\u{a0}990,00\u{a0}₽", "Дата: 02.12.2026"]
    {
        assert!(ru.contains(expected), "{expected:?} missing in:\n{ru}");
    }
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
