#![cfg(not(target_arch = "wasm32"))]
//! Checks of `amazon-not-received` beyond its path table (content/paths/amazon-not-received.json, run by tests/scenario_paths.rs): the
//! texts each branch gets, the rules' sources and wording.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

mod common;
use common::{answers, date, path_table, scenario};

const ID: &str = "amazon-not-received";

#[test]
fn an_open_claims_information_request_has_48_hours_and_72_hours_only_follow_an_appeal() {
    let s = scenario(ID);
    for id in ["amazon_info", "amazon_info_eu"] {
        let rule = s.deadline(id).expect("information request rule");
        assert!(!rule.uncertain && rule.offset.amount == 48, "{id}: Amazon's G1781 gives 48 hours");
        assert!(rule.when.iter().any(|c| c.question == "status" && c.values == ["claim_open"]), "{id}");
    }
    assert!(s.deadline("amazon_info").is_some_and(|r| r.source.contains("sellercentral.amazon.com")));
    assert!(s.deadline("amazon_info_eu").is_some_and(|r| r.source.contains("sellercentral-europe")));
    let after_appeal = s.deadline("appeal_info_72h").expect("appeal_info_72h");
    assert_eq!(after_appeal.offset.amount, 72);
    assert!(
        after_appeal.when.iter().any(|c| c.question == "fulfilment" && c.values == ["seller_us"]),
        "72 h: US page only"
    );
    let after_appeal_eu = s.deadline("appeal_info_eu").expect("appeal_info_eu");
    assert_eq!(after_appeal_eu.offset.amount, 48, "the European appeal page gives 48 hours");
    assert!(after_appeal_eu.when.iter().any(|c| c.question == "fulfilment" && c.values == ["seller_eu"]));
    assert!(!after_appeal_eu.uncertain && after_appeal_eu.source.contains("sellercentral.amazon.fr"));
    assert!(s.deadline("amazon_info_72h").is_none(), "the 72 h are not a deadline on an open claim");
    let uncertain: Vec<&str> = s.deadlines.iter().filter(|d| d.uncertain).map(|d| d.id.as_str()).collect();
    assert_eq!(
        uncertain,
        [
            "buyer_wait_eu",
            "fc_claim_end",
            "inbound_claim_from",
            "inbound_claim_until",
            "return_claim_from_eu",
            "return_claim_until_eu",
            "removal_claim_from",
            "removal_claim_until",
            "removal_damaged_until",
            "safe_t_end_us",
            "safe_t_end_eu",
        ],
        "only the rules we could not confirm on Amazon's own current page are uncertain"
    );
}

#[test]
fn european_rules_cite_european_pages_and_no_amazon_rule_rolls() {
    let s = scenario(ID);
    for rule in &s.deadlines {
        assert!(rule.country.is_none() && !rule.roll_to_workday, "{}: Amazon's own terms are not moved", rule.id);
        let european = rule.when.iter().any(|c| c.question == "fulfilment" && c.values == ["seller_eu"]);
        if european {
            let host = rule.source.split('/').nth(2).unwrap_or_default();
            assert!(!["www.amazon.com", "sellercentral.amazon.com"].contains(&host), "{} cites {host}", rule.id);
        }
    }
}

#[test]
fn the_store_sets_the_currency_and_the_buyers_language() {
    use claimdesk::scenario::{BuyerLanguage, BuyerText};
    let s = scenario(ID);
    for (store, currency, language) in [
        ("de", "EUR", Some(BuyerLanguage::De)),
        ("pl", "PLN", Some(BuyerLanguage::Pl)),
        ("uk", "GBP", Some(BuyerLanguage::En)),
        ("se", "SEK", Some(BuyerLanguage::Sv)),
        ("other", "EUR", None),
    ] {
        let a = answers(s, &[("fulfilment", "seller_eu"), ("store", store)]);
        assert_eq!(s.currency_for(&a), currency, "{store}");
        assert_eq!(s.buyer_language(&a), language, "{store}");
    }
    let fba_uk = answers(s, &[("fulfilment", "fba"), ("fba_issue", "return_missing"), ("fba_store", "uk")]);
    assert_eq!(s.currency_for(&fba_uk), "GBP", "an FBA claim on amazon.co.uk is in pounds");
    let us = answers(s, &[("fulfilment", "seller_us")]);
    assert_eq!((s.currency_for(&us), s.buyer_language(&us)), ("USD", None));
    // amazon.de buyers get German; amazon.pl buyers the message's own Polish; amazon.fr buyers English, with a note.
    let reply = s.messages.iter().find(|m| m.id == "to_buyer").expect("to_buyer");
    assert!(
        matches!(reply.for_buyer(BuyerLanguage::De), Some(BuyerText::Own(BuyerLanguage::De, text)) if text.starts_with("Guten Tag,\n") && !text.contains("{buyer_name}"))
    );
    assert_eq!(reply.for_buyer(BuyerLanguage::Pl), Some(BuyerText::Interface(Lang::Pl)));
    assert_eq!(reply.for_buyer(BuyerLanguage::Fr), Some(BuyerText::EnglishInstead(BuyerLanguage::Fr)));
    let carrier = s.messages.iter().find(|m| m.id == "to_carrier").expect("to_carrier");
    assert_eq!(carrier.for_buyer(BuyerLanguage::De), None, "the carrier letter is not a buyer message");
}

#[test]
fn every_claim_window_has_both_ends_counted_from_the_same_date() {
    let s = scenario(ID);
    for (from, until) in [
        ("return_claim_from_us", "return_claim_until_us"),
        ("return_claim_from_eu", "return_claim_until_eu"),
        ("removal_claim_from", "removal_claim_until"),
    ] {
        let start = s.deadline(from).expect("window start");
        let end = s.deadline(until).expect("window end");
        assert_eq!(start.anchor, end.anchor, "{from} and {until} count from the same answer");
        assert_eq!(start.when, end.when, "{from} and {until} apply together");
        assert!(start.offset.amount < end.offset.amount && start.source == end.source, "{from} opens before {until}");
    }
}

#[test]
fn messages_fill_every_placeholder_in_every_language() {
    let s = scenario(ID);
    let table = path_table(ID);
    let case = table
        .cases
        .iter()
        .find(|c| c.name == "EU store, delivered, protected label; 2 business days from a Friday skip the weekend")
        .expect("row exists");
    let a = case.answers(s);
    let plan = s.plan(&a, date(&case.created));
    for message in plan.messages {
        for (lang, body) in message.body.all() {
            let filled = fill_template(s, body, &a, lang, date(&case.created));
            assert!(!filled.contains('{'), "{} {lang:?}: {filled}", message.id);
            assert!(filled.contains("305-0000002-0000002"), "{} {lang:?} names the order", message.id);
        }
    }
    let to_buyer = s.messages.iter().find(|m| m.id == "to_buyer").expect("to_buyer");
    let en = fill_template(s, to_buyer.body.get(Lang::En), &a, Lang::En, date(&case.created));
    assert!(en.starts_with("Hello,\n") && !en.contains("Delivered"), "no app label reaches the buyer: {en}");
    // The buyer's name is optional: with it left empty no "[buyer's name]" may reach the buyer in any text.
    let nameless: Vec<(&str, &str)> =
        case.answers.iter().map(|(q, v)| (q.as_str(), v.as_str())).filter(|(q, _)| *q != "buyer_name").collect();
    let nameless = answers(s, &nameless);
    for text in to_buyer.body.all().into_iter().map(|(_, t)| t).chain(to_buyer.buyer_texts.values().map(String::as_str))
    {
        let filled = fill_template(s, text, &nameless, Lang::Pl, date(&case.created));
        assert!(!filled.contains('['), "{filled}");
    }
    let carrier_pl = s.messages.iter().find(|m| m.id == "to_carrier").expect("to_carrier").body.get(Lang::Pl);
    assert!(carrier_pl.contains("Wartość deklarowana lub ubezpieczona"), "liability follows the declared value");
    let carrier = s.messages.iter().find(|m| m.id == "to_carrier").expect("to_carrier");
    let en = fill_template(s, carrier.body.get(Lang::En), &a, Lang::En, date(&case.created));
    assert!(en.contains("DHL, tracking number TRK001") && !en.contains("[tracking number]"), "{en}");
}

#[test]
fn the_damaged_removal_step_title_gives_the_rules_30_days() {
    let s = scenario(ID);
    let rule = s.deadline("removal_damaged_until").expect("removal_damaged_until");
    assert_eq!(rule.offset.amount, 30);
    let step = s.plan.iter().find(|p| p.id == "removal_damaged_step").expect("removal_damaged_step");
    for lang in [Lang::En, Lang::Ru, Lang::Pl] {
        let title = step.title.get(lang);
        assert!(title.contains("30") && !title.contains("60"), "{lang:?}: {title}");
    }
}

#[test]
fn a_us_return_lost_under_amazons_label_is_filed_as_safe_t_and_only_europe_sends_it_to_seller_support() {
    let s = scenario(ID);
    let plan = |id: &str| s.plan.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id}"));
    let body = |id: &str| plan(id).body.as_ref().map(|b| b.get(Lang::En).to_string()).unwrap_or_default();
    let shown_for = |id: &str, fulfilment: &str| {
        plan(id).when.iter().any(|c| c.question == "fulfilment" && c.values == [fulfilment])
    };
    assert!(shown_for("safe_t_transit_eu", "seller_eu") && shown_for("prepaid_label_warning", "seller_us"));
    assert!(!body("safe_t_step").contains("Seller Support"), "the shared step names no channel");
    assert!(body("safe_t_transit_eu").contains("ask Seller Support"));
    assert!(body("prepaid_label_warning").contains("lost in transit under Amazon's prepaid label is a SAFE-T claim"));
}
