#![cfg(not(target_arch = "wasm32"))]
//! Checks of `mall-incomplete-order` beyond its path table (content/paths/mall-incomplete-order.json, run by tests/scenario_paths.rs): the
//! texts each branch gets, the rules' sources and wording.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

mod common;
use common::{answers, date, path_table, scenario};

const ID: &str = "mall-incomplete-order";

#[test]
fn the_dispute_path_never_presumes_the_sellers_fault() {
    let s = scenario(ID);
    let table = path_table(ID);
    let case = table.cases.iter().find(|c| c.name == "customer reports an item missing, seller packed it complete: dispute, evidence due 14 days after the report").expect("row exists");
    let a = case.answers(s);
    let plan = s.plan(&a, date(&case.created));
    let ids: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
    for presumed in ["reship_step", "credit_note", "withdraw_step", "packing_evidence"] {
        assert!(!ids.contains(&presumed), "{presumed} is not part of a dispute: {ids:?}");
    }
    assert!(s.question("customer_choice").is_some_and(|q| !s.active_questions(&a).iter().any(|x| x.id == q.id)));
    let rule = s.deadline("dispute_answer").expect("dispute_answer");
    assert!(rule.uncertain, "MALL publishes no dispute term: the date is our inference and says so");
    let outcome = s.plan.iter().find(|i| i.id == "outcome_dispute").and_then(|i| i.body.as_ref()).expect("body");
    let en = fill_template(s, outcome.get(Lang::En), &a, Lang::En, date(&case.created));
    assert!(en.contains("€41.20") && en.contains("€59.90"), "both prices, the credit note on MALL's: {en}");
}

#[test]
fn purchase_price_help_says_the_credit_note_uses_it() {
    let s = scenario(ID);
    let help = s.question("purchase_price").and_then(|q| q.help.as_ref()).expect("purchase_price help");
    assert!(help.get(Lang::En).contains("credit note") && help.get(Lang::En).contains("not for the customer price"));
    assert!(help.get(Lang::Pl).contains("Dobropis") && help.get(Lang::Ru).contains("dobropis"));
}

#[test]
fn the_credit_note_is_a_dobropis_in_euro_and_lists_what_mall_requires() {
    let s = scenario(ID);
    let item = s.plan.iter().find(|i| i.id == "credit_note").expect("credit_note step");
    let body = item.body.as_ref().expect("credit_note has a body");
    assert!(
        body.get(Lang::Pl).contains("dobropis")
            && body.get(Lang::En).contains("dobropis")
            && body.get(Lang::Ru).contains("dobropis")
    );
    // A Polish VAT payer issues a faktura korygująca (art. 106j); MALL calls it a dobropis.
    assert!(body.get(Lang::En).contains("euro") && body.get(Lang::Pl).contains("fakturę korygującą (art. 106j"));
    assert_eq!(s.currency, "EUR");
    for shop in ["si", "hr"] {
        assert_eq!(s.currency_for(&answers(s, &[("shop", shop)])), "EUR", "{shop} sells in euro");
    }
    let checklist: Vec<&str> = item.checklist.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(checklist, ["cn_order", "cn_return", "cn_items", "cn_shipping", "cn_price", "cn_separate", "cn_small"]);
}

#[test]
fn messages_fill_every_placeholder_in_every_language() {
    let s = scenario(ID);
    let table = path_table(ID);
    let case = table.cases.iter().find(|c| c.name == "Mimovrste, customer keeps the rest: 14 days end on Prešeren Day, Mon 8 Feb 2027, and move to Tue 9 Feb").expect("row exists");
    let a = case.answers(s);
    let plan = s.plan(&a, date(&case.created));
    for message in plan.messages {
        for (lang, body) in message.body.all() {
            let filled = fill_template(s, body, &a, lang, date(&case.created));
            assert!(!filled.contains('{'), "{} {lang:?}: {filled}", message.id);
            assert!(
                filled.contains("1234567893") && filled.contains("Ana Kranjc"),
                "{} {lang:?}: {filled}",
                message.id
            );
        }
    }
    let to_mall = s.messages.iter().find(|m| m.id == "to_mall").expect("to_mall");
    let en = fill_template(s, to_mall.body.get(Lang::En), &a, Lang::En, date(&case.created));
    assert!(
        en.contains("€129.99") && en.contains("€89.50") && en.contains("The customer keeps the items delivered"),
        "{en}"
    );
}

#[test]
fn letters_to_mall_are_in_english_and_name_the_partner() {
    let s = scenario(ID);
    for id in ["to_mall", "to_operations", "to_mall_dispute"] {
        let m = s.messages.iter().find(|m| m.id == id).expect("letter");
        assert_eq!(m.language, Some(Lang::En), "{id}: MALL's partner help and teams work in Czech and English");
        assert!(m.body.get(Lang::En).contains("{seller.mall_id}"), "{id} gives the partner ID");
        assert!(m.recipient.get(Lang::En).contains("Help Centre"), "{id} names the channel");
    }
}

#[test]
fn the_note_to_the_customer_is_offered_in_the_shops_language() {
    use claimdesk::scenario::{BuyerLanguage, BuyerText};
    let s = scenario(ID);
    let note = s.messages.iter().find(|m| m.id == "to_customer").expect("to_customer");
    for (shop, language, greeting) in
        [("si", BuyerLanguage::Sl, "Pozdravljeni"), ("hr", BuyerLanguage::Hr, "Dobar dan")]
    {
        let a = answers(
            s,
            &[
                ("shop", shop),
                ("found", "after_delivery"),
                ("order_number", "77"),
                ("buyer_name", "Ana"),
                ("shortage_confirmed", "yes"),
                ("customer_choice", "reship"),
                ("reship_tracking", "T-1"),
            ],
        );
        assert_eq!(s.buyer_language(&a), Some(language));
        let Some(BuyerText::Own(got, text)) = note.for_buyer(language) else {
            panic!("{shop}: no text in the customer's language");
        };
        assert_eq!(got, language);
        let filled = fill_template(s, text, &a, Lang::En, date("2026-12-07"));
        // No name and no tracking number in a note that travels inside the parcel: nothing optional, no bracket.
        assert!(filled.starts_with(&format!("{greeting},\n")) && filled.contains("77"), "{filled}");
        assert!(!filled.contains("T-1") && !filled.contains("Ana"), "{filled}");
        assert!(!filled.contains("[customer’s name]") && !filled.contains("[tracking number]"), "{filled}");
    }
    // A language without a text gets English, and the seller is told.
    assert_eq!(note.for_buyer(BuyerLanguage::Cs), Some(BuyerText::EnglishInstead(BuyerLanguage::Cs)));
}

#[test]
fn consumer_terms_roll_off_the_shops_days_off_and_say_which_day_they_left() {
    let s = scenario(ID);
    let table = path_table(ID);
    let case = table.cases.iter().find(|c| c.name == "Mimovrste, customer keeps the rest: 14 days end on Prešeren Day, Mon 8 Feb 2027, and move to Tue 9 Feb").expect("row exists");
    let plan = s.plan(&case.answers(s), date(&case.created));
    let withdrawal = plan.deadlines.iter().find(|d| d.rule.id == "withdrawal_end_si").expect("withdrawal_end_si");
    assert_eq!(withdrawal.rolled_from, Some(date("2027-02-08")), "Prešeren Day");
    let credit = plan.deadlines.iter().find(|d| d.rule.id == "credit_note_due").expect("credit_note_due");
    assert_eq!(credit.rolled_from, None, "MALL's contract term is not moved");
    for rule in &s.deadlines {
        let consumer = rule.id.starts_with("withdrawal_end") || rule.id.starts_with("refund_due");
        assert_eq!(rule.roll_to_workday, consumer, "{}: only the consumer terms roll", rule.id);
    }
}

#[test]
fn withdrawal_uses_malls_ooks_term_and_no_polish_only_law() {
    let s = scenario(ID);
    let q = s.question("customer_choice").expect("customer_choice");
    let withdraw = q.options.iter().find(|o| o.id == "withdraw").expect("withdraw option");
    assert!(
        withdraw.label.get(Lang::En).contains("OOKS")
            && withdraw.label.get(Lang::Pl).contains("OOKS")
            && withdraw.label.get(Lang::Ru).contains("OOKS")
    );
    for rule in &s.deadlines {
        assert!(!rule.source.contains("isap.sejm.gov.pl"), "{} still cites Polish law", rule.id);
    }
}

#[test]
fn a_withdrawal_gets_two_separate_credit_notes_and_mall_refunds_after_checking_the_goods() {
    let s = scenario(ID);
    let body = |id: &str, lang: Lang| {
        let step = s.plan.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id}"));
        step.body.as_ref().map(|b| b.get(lang).to_string()).unwrap_or_default()
    };
    let ooks = body("ooks_step", Lang::En);
    assert!(ooks.contains("two different corrections") && ooks.contains("return document 47… for the missing item"));
    assert!(ooks.contains("proposal for compensation") && !ooks.contains("do not need to ask for a return document"));
    let withdraw = body("withdraw_step", Lang::En);
    assert!(
        withdraw.contains("after checking the returned goods")
            && !withdraw.contains("only once it has your credit note")
    );
    // Operations' 14 days are sourced; the complaints team's are assumed and anchored on their own request.
    let sourced = s.deadline("credit_note_due").expect("credit_note_due");
    assert!(!sourced.uncertain && sourced.when.iter().any(|c| c.values == ["keep", "withdraw"]));
    let assumed = s.deadline("credit_note_due_withdraw").expect("credit_note_due_withdraw");
    assert!(
        assumed.uncertain
            && matches!(&assumed.anchor, claimdesk::scenario::Anchor::Answer(q) if q == "complaints_request")
    );
    assert!(body("credit_note", Lang::Pl).contains("w KSeF"), "Polish VAT payers correct through KSeF since 2026");
    for lang in [Lang::En, Lang::Ru, Lang::Pl] {
        let all: String = s.messages.iter().map(|m| m.recipient.get(lang)).collect();
        assert!(all.contains("Orders → Order Status Entry → Problem Order"), "{lang:?}: MALL's own help-centre path");
    }
}

#[test]
fn the_ooks_credit_note_term_is_the_contracts_counted_from_the_return_or_the_request() {
    let s = scenario(ID);
    let rule = s.deadline("credit_note_due_withdraw").expect("credit_note_due_withdraw");
    assert_eq!(rule.source, "https://knowledgebase.mallgroup.com/en/credit-notes-in-self-billing-automated-billing/");
    assert!(rule.uncertain);
    let en = rule.rule.get(Lang::En);
    assert!(en.contains("within the term agreed in your Business Cooperation Agreement") && en.contains("placeholder"));
    assert!(!en.contains("We found no term"));
    let question = s.question("complaints_request").expect("complaints_request");
    assert_eq!(
        question.label.get(Lang::En),
        "When did the goods the customer sent back (OOKS) reach you with their return document 47…, or MALL's \
         complaints team ask you for the credit note, whichever came first?"
    );
    let ooks = s.plan.iter().find(|p| p.id == "ooks_step").and_then(|p| p.body.as_ref()).expect("ooks_step body");
    assert!(ooks
        .get(Lang::En)
        .contains("the term for this return's credit note is the one in your Business Cooperation Agreement"));
}
