#![cfg(not(target_arch = "wasm32"))]
//! Checks of `wb-buyer-refusal` beyond its path table (content/paths/wb-buyer-refusal.json, run by tests/scenario_paths.rs): the
//! texts each branch gets, the rules' sources and wording.

use claimdesk::i18n::Lang;
use claimdesk::scenario::{fill_template, Verified};

mod common;
use common::{answers, date, scenario};

const ID: &str = "wb-buyer-refusal";

#[test]
fn return_ticket_names_the_order_and_the_amount() {
    let s = scenario(ID);
    let ticket = s.messages.iter().find(|m| m.id == "return_ticket").expect("return_ticket exists");
    let a = answers(
        s,
        &[
            ("model", "fbs"),
            ("refusal", "at_pickup"),
            ("order_number", "WB-301128"),
            ("amount", "3100"),
            ("returned_state", "swapped"),
        ],
    );
    let ru = fill_template(s, ticket.body.get(Lang::Ru), &a, Lang::Ru, date("2026-11-23"));
    for expected in ["по заказу WB-301128", "3\u{a0}100,00\u{a0}₽", "23.11.2026"] {
        assert!(ru.contains(expected), "{expected:?} missing in:\n{ru}");
    }
    let unanswered = answers(s, &[("model", "fbs"), ("refusal", "at_pickup"), ("returned_state", "damaged")]);
    let en = fill_template(s, ticket.body.get(Lang::En), &unanswered, Lang::En, date("2026-11-23"));
    assert!(en.contains("order [order number]") && en.contains("loss: [amount]"), "{en}");
}

#[test]
fn storage_rules_are_marked_as_resting_on_a_blog_and_the_limitation_rolls() {
    let s = scenario(ID);
    for id in ["return_free_storage", "return_pickup_last"] {
        let rule = s.deadline(id).unwrap_or_else(|| panic!("{id} exists"));
        assert!(rule.uncertain && !rule.roll_to_workday, "{id}: a WB service term from a blog: uncertain, no roll");
        assert!(
            rule.rule.get(Lang::En).contains("undated trade-blog")
                || rule.rule.get(Lang::En).contains("undated trade blog"),
            "{id} says its source is an undated blog"
        );
        assert_eq!(rule.verified, Verified::Undated, "{id}: an undated source gets no fresh verified stamp");
    }
    let limitation = s.deadline("limitation_return").expect("limitation_return exists");
    assert!(!limitation.uncertain && limitation.roll_to_workday, "the Civil Code period rolls under art. 193");
    assert!(s.question("delivered_on").is_none() && s.question("terms_given").is_none());
}

#[test]
fn the_return_decisions_name_all_four_answers_in_every_language() {
    let s = scenario(ID);
    let item = s.plan.iter().find(|p| p.id == "return_decisions").expect("return_decisions exists");
    let body = item.body.as_ref().expect("the decisions are explained");
    let buttons =
        ["«Одобрить с проверкой брака»", "«Одобрить и забрать товар»", "«Одобрить без возврата товара»", "«Отклонить»"];
    for lang in [Lang::En, Lang::Ru, Lang::Pl] {
        let text = body.get(lang);
        for button in buttons {
            assert!(text.contains(button), "{lang:?}: the portal's button {button:?} missing");
        }
        assert!(!text.contains("electronic") && !text.contains("электроник") && !text.contains("elektronik"));
    }
    // approve2 sends the unit to the seller; approve1 sends it only when WB confirms the defect.
    let ru = body.get(Lang::Ru);
    assert!(ru.contains(
        "«Одобрить и забрать товар»: деньги покупателю вернут после возврата товара, а единицу отправят вам"
    ));
    assert!(ru.contains("отправит её вам, только если брак подтвердится"));
}

#[test]
fn the_refusal_claim_names_the_return_and_the_day_it_came_back() {
    let s = scenario(ID);
    let claim = s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim exists");
    let a = answers(
        s,
        &[
            ("model", "fbs"),
            ("refusal", "after_receipt"),
            ("order_number", "WB-301125"),
            ("amount", "15990"),
            ("returned_state", "swapped"),
            ("received_date", "2026-11-02"),
        ],
    );
    let ru = fill_template(s, claim.body.get(Lang::Ru), &a, Lang::Ru, date("2026-12-07"));
    for expected in ["по заказу WB-301125", "02.11.2026 он передан нам испорченным или подменённым", "ст. 998 ГК РФ"]
    {
        assert!(ru.contains(expected), "{expected:?} missing in:\n{ru}");
    }
}

#[test]
fn fbo_sellers_get_no_pickup_point_questions_or_ticket() {
    let s = scenario(ID);
    let fbo = answers(s, &[("model", "fbo"), ("refusal", "not_collected"), ("returned_state", "not_back")]);
    let asked = common::path(s, &fbo);
    assert!(!asked.iter().any(|q| q == "at_point" || q == "ready_date"), "{asked:?}");
    assert_eq!(common::message_ids(s, &fbo, "2026-11-30"), vec!["return_where_fbo".to_string()]);
}

#[test]
fn polish_texts_avoid_the_false_friends_of_issue_20() {
    common::assert_no_text_contains(scenario(ID), Lang::Pl, &["arbitrażow", "artykuł", "reklamac"]);
    common::assert_no_text_contains(scenario(ID), Lang::Ru, &["претензия обоснована"]);
}

#[test]
fn the_claimed_amount_is_defined_the_same_way_everywhere() {
    let s = scenario(ID);
    let help = s.question("amount").and_then(|q| q.help.as_ref()).expect("amount has help");
    assert!(help
        .get(Lang::Ru)
        .starts_with("Цена после скидки продавца за вычетом комиссии WB плюс начисленная вам логистика возврата."));
    let rc_amount =
        s.plan.iter().flat_map(|p| p.checklist.iter()).find(|c| c.id == "rc_amount").expect("rc_amount exists");
    assert!(rc_amount.label.get(Lang::Ru).contains("за вычетом комиссии плюс логистика возврата"));
    let ticket = s.messages.iter().find(|m| m.id == "return_ticket").expect("return_ticket exists");
    assert!(ticket.body.get(Lang::Ru).contains("за вычетом комиссии плюс начисленная мне логистика возврата"));
    let claim = s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim exists").body.get(Lang::Ru);
    assert!(claim.contains(
        "за вычетом комиссии, плюс начисленная нам логистика возврата по заказу (еженедельный отчёт № [номер отчёта], \
         строка [номер строки]); расчёт прилагается."
    ));
    assert!(claim.contains("Приложения: расчёт суммы претензии; видео вскрытия возврата;"));
}

#[test]
fn the_refusal_claim_rests_on_wbs_acceptance_of_the_return() {
    let s = scenario(ID);
    let claim = s.messages.iter().find(|m| m.id == "precourt_claim").expect("precourt_claim exists");
    let ru = claim.body.get(Lang::Ru);
    assert!(ru.contains(
        "Возврат принят вашим пунктом выдачи от покупателя [дата приёмки возврата] без отметок о повреждении или \
         несоответствии; принимая возврат от своего имени за наш счёт, вы должны были проверить, что возвращается наш \
         товар в надлежащем виде (ст. 998, 393 ГК РФ)."
    ));
    // The transit reasoning is only the alternative, offered inside the seller's brackets.
    assert!(ru.contains(
        "вместо предыдущего предложения: Следовательно, товар повреждён или утрачен, пока находился у вас, на пути от \
         покупателя к нам.]"
    ));
    assert!(claim
        .body
        .get(Lang::Pl)
        .contains("Państwa punkt odbioru przyjął zwrot od kupującego [data przyjęcia zwrotu]"));
}

#[test]
fn the_polish_stage_for_a_filed_claim_is_not_a_consumer_complaint() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales/pl.txt");
    let pl = std::fs::read_to_string(path).expect("the Polish locale is readable");
    // The stage is shared by every marketplace (a WB претензия, an A-to-z claim, a Market claim): a claim, not a
    // «reklamacja» (a complaint about defective goods in Polish law).
    assert!(pl.lines().any(|l| l == "stage.claim_filed = Roszczenie zgłoszone"), "a filed claim is a roszczenie");
}
