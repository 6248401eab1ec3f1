#![cfg(not(target_arch = "wasm32"))]
//! Path tests for `amazon-not-received`: answers → questions asked, plan, messages and deadlines with exact dates.

use claimdesk::i18n::Lang;
use claimdesk::scenario::fill_template;

#[macro_use]
mod common;
use common::{answers, date, scenario, PathCase as Case};

const ID: &str = "amazon-not-received";

const CASES: &[Case] = &[
    Case {
        name: "FBA order: Amazon's job, nothing else is asked",
        created: "2026-11-23",
        answers: &[
            ("fulfilment", "fba"),
            ("fba_issue", "buyer_missing"),
            ("order_number", "114-0000001-0000001"),
            ("buyer_name", "Jane Doe"),
        ],
        path: &["fulfilment", "fba_issue", "order_number", "buyer_name"],
        plan: &["outcome_amazon"],
        messages: &["fba_to_buyer"],
        deadlines: &[],
    },
    Case {
        name: "EU store, delivered, protected label; 2 business days from a Friday skip the weekend",
        created: "2026-11-27",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("store", "de"),
            ("order_number", "305-0000002-0000002"),
            ("buyer_name", "Max Muster"),
            ("order_value", "89.90 EUR"),
            ("tracking", "delivered"),
            ("tracking_number", "TRK001"),
            ("carrier", "DHL"),
            ("multi_package", "no"),
            ("buy_shipping", "yes"),
            ("first_scan", "yes"),
            ("status", "none"),
            ("first_message", "2026-11-27"),
            ("max_edd", "2026-11-25"),
        ],
        path: &["fulfilment", "store", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "first_scan", "status", "first_message", "max_edd"],
        plan: &["evidence_pack", "delivered_checks", "refund_warning", "eu_protection_warning", "outcome_protected", "prevention"],
        messages: &["to_buyer", "to_carrier"],
        // First message Fri 27 Nov: 24 h end with that day at the latest (the message may have come at 00:00);
        // + 48 h = Sun 29 Nov (the European seller pages' 48 h, earlier than amazon.de's 2 Werktage). Delivered: no
        // "3 days after EDD" rule; the 90-day window is amazon.de's.
        deadlines: &[("reply_buyer", "2026-11-27"), ("buyer_wait_eu", "2026-11-29"), ("claim_window_end_eu", "2027-02-23")],
    },
    Case {
        name: "US store, in transit, several boxes, no protection; EDD on a month end",
        created: "2026-11-30",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000003-0000003"),
            ("order_value", "240.00"),
            ("tracking", "transit"),
            ("tracking_number", "TRK002"),
            ("carrier", "DHL"),
            ("multi_package", "yes"),
            ("buy_shipping", "no"),
            ("status", "none"),
            ("first_message", "2026-11-29"),
            ("max_edd", "2026-11-30"),
        ],
        path: &["fulfilment", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "status", "first_message", "max_edd"],
        plan: &["evidence_pack", "transit_step", "multi_package_step", "outcome_settle", "prevention"],
        messages: &["to_buyer", "to_carrier"],
        // The buyer wrote on 29 Nov, a day before the case was opened: the reply and wait count from that day
        // (reply by the end of 29 Nov to be safe; the buyer may file from 1 Dec, never earlier).
        // 30 Nov + 90 days lands on the last day of February.
        deadlines: &[("reply_buyer", "2026-11-29"), ("buyer_wait_us", "2026-12-01"), ("claim_eligible", "2026-12-03"), ("claim_window_end", "2027-02-28")],
    },
    Case {
        name: "US store, returning to sender, protected, open claim; the 48 h answer ends on 31 December",
        created: "2026-12-31",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000004-0000004"),
            ("order_value", "59.00"),
            ("tracking", "returning"),
            ("tracking_number", "TRK003"),
            ("carrier", "DHL"),
            ("buy_shipping", "yes"),
            ("first_scan", "yes"),
            ("status", "claim_open"),
            ("first_message", "2026-12-24"),
            ("claim_date", "2026-12-30"),
        ],
        path: &["fulfilment", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "buy_shipping", "first_scan", "status", "first_message", "claim_date"],
        plan: &["evidence_pack", "returning_step", "refund_warning", "claim_answer", "outcome_claim", "prevention"],
        messages: &["to_buyer", "to_carrier", "claim_response_text"],
        // Claim notice 30 Dec: 48 h end with 31 Dec at the latest; the 72 h of the appeal page do not apply here.
        deadlines: &[("reply_buyer", "2026-12-24"), ("amazon_info", "2026-12-31")],
    },
    Case {
        name: "EU store, in transit, unprotected, open claim without a date yet",
        created: "2026-11-23",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("store", "pl"),
            ("order_number", "028-0000005-0000005"),
            ("order_value", "35.00 GBP"),
            ("tracking", "transit"),
            ("tracking_number", "TRK004"),
            ("carrier", "DHL"),
            ("multi_package", "no"),
            ("buy_shipping", "no"),
            ("status", "claim_open"),
        ],
        path: &["fulfilment", "store", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "status", "first_message", "claim_date"],
        plan: &["evidence_pack", "transit_step", "claim_answer", "outcome_claim", "prevention"],
        messages: &["to_buyer", "to_carrier", "claim_response_text"],
        deadlines: &[("reply_buyer", "waiting:WaitingFor(\"first_message\")"), ("amazon_info_eu", "waiting:WaitingFor(\"claim_date\")")],
    },
    Case {
        name: "EU store, held in customs, granted and debited on 31 January: appeal window ends 2 March",
        created: "2027-02-01",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("store", "uk"),
            ("order_number", "171-0000006-0000006"),
            ("order_value", "420.00 EUR"),
            ("tracking", "customs"),
            ("tracking_number", "TRK005"),
            ("carrier", "DHL"),
            ("buy_shipping", "no"),
            ("status", "claim_granted"),
            ("debit_date", "2027-01-31"),
        ],
        path: &["fulfilment", "store", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "buy_shipping", "status", "debit_date", "appeal_request"],
        plan: &["evidence_pack", "customs_step", "appeal_step", "outcome_appeal", "prevention"],
        messages: &["to_carrier", "appeal_text"],
        deadlines: &[("appeal_end_eu", "2027-03-02"), ("appeal_info_eu", "waiting:WaitingFor(\"appeal_request\")")],
    },
    Case {
        name: "US store, delivered in several boxes, protected label but the seller already refunded",
        created: "2026-11-23",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000007-0000007"),
            ("order_value", "120.00"),
            ("tracking", "delivered"),
            ("tracking_number", "TRK006"),
            ("carrier", "DHL"),
            ("multi_package", "yes"),
            ("buy_shipping", "yes"),
            ("first_scan", "no"),
            ("status", "refunded"),
        ],
        path: &["fulfilment", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "first_scan", "status"],
        plan: &["evidence_pack", "delivered_checks", "multi_package_step", "outcome_carrier", "prevention"],
        messages: &["to_carrier"],
        deadlines: &[],
    },
    Case {
        name: "US store, in transit, Claims Protected label but a late first scan: no protection promised",
        created: "2027-02-26",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000008-0000008"),
            ("order_value", "75.00"),
            ("tracking", "transit"),
            ("tracking_number", "TRK007"),
            ("carrier", "DHL"),
            ("multi_package", "no"),
            ("buy_shipping", "yes"),
            ("first_scan", "no"),
            ("status", "none"),
            ("first_message", "2027-02-26"),
            ("max_edd", "2027-02-25"),
        ],
        path: &["fulfilment", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "first_scan", "status", "first_message", "max_edd"],
        plan: &["evidence_pack", "transit_step", "outcome_late_scan", "prevention"],
        messages: &["to_buyer", "to_carrier"],
        // Fri 26 Feb 2027: reply within 24 h = by the end of 26 Feb to be safe; the buyer may file from
        // 28 Feb (48 h, counted so it is never earlier); EDD 25 Feb + 3 days = 28 Feb, + 90 days = 26 May.
        deadlines: &[("reply_buyer", "2027-02-26"), ("buyer_wait_us", "2027-02-28"), ("claim_eligible", "2027-02-28"), ("claim_window_end", "2027-05-26")],
    },
    Case {
        name: "FBA unit lost in a fulfilment centre: 60 days from the ledger entry, across the new year",
        created: "2026-12-02",
        answers: &[
            ("fulfilment", "fba"),
            ("fba_issue", "warehouse_lost"),
            ("order_number", "X00ABC1234"),
            ("adjustment_date", "2026-11-30"),
        ],
        path: &["fulfilment", "fba_issue", "order_number", "buyer_name", "adjustment_date"],
        plan: &["fba_reports", "fc_claim_step", "outcome_fba_claim", "fba_insight"],
        messages: &["fba_claim_text"],
        deadlines: &[("fc_claim_end", "2027-01-29")],
    },
    Case {
        name: "FBA customer return never came back, amazon.com: window opens at day 60 and closes at day 120",
        created: "2026-12-02",
        answers: &[
            ("fulfilment", "fba"),
            ("fba_issue", "return_missing"),
            ("fba_store", "us"),
            ("order_number", "114-0000009-0000009"),
            ("refund_date", "2026-11-02"),
        ],
        path: &["fulfilment", "fba_issue", "fba_store", "order_number", "buyer_name", "refund_date"],
        plan: &["fba_reports", "return_claim_step", "outcome_fba_claim", "fba_insight"],
        messages: &["fba_claim_text"],
        // 2 Nov + 60 days = 1 Jan 2027; + 120 days = 2 Mar 2027.
        deadlines: &[("return_claim_from_us", "2027-01-01"), ("return_claim_until_us", "2027-03-02")],
    },
    Case {
        name: "FBA customer return never came back, EU store, leap year: days 45 to 105",
        created: "2028-02-10",
        answers: &[
            ("fulfilment", "fba"),
            ("fba_issue", "return_missing"),
            ("fba_store", "eu"),
            ("order_number", "302-0000010-0000010"),
            ("refund_date", "2028-02-10"),
        ],
        path: &["fulfilment", "fba_issue", "fba_store", "order_number", "buyer_name", "refund_date"],
        plan: &["fba_reports", "return_claim_step", "outcome_fba_claim", "fba_insight"],
        messages: &["fba_claim_text"],
        // 10 Feb 2028 + 45 days passes 29 Feb: 26 Mar; + 105 days: 25 May.
        deadlines: &[("return_claim_from_eu", "2028-03-26"), ("return_claim_until_eu", "2028-05-25")],
    },
    Case {
        name: "FBA removal order lost in transit: days 15 to 75 from the shipment, across the new year",
        created: "2026-12-28",
        answers: &[
            ("fulfilment", "fba"),
            ("fba_issue", "removal_lost"),
            ("order_number", "RMV-20261220"),
            ("removal_created", "2026-12-20"),
        ],
        path: &["fulfilment", "fba_issue", "order_number", "buyer_name", "removal_created"],
        plan: &["fba_reports", "removal_claim_step", "outcome_fba_claim", "fba_insight"],
        messages: &["fba_claim_text"],
        deadlines: &[("removal_claim_from", "2027-01-04"), ("removal_claim_until", "2027-03-05")],
    },
    Case {
        name: "US store, no valid tracking, no protection: settle now, not the usual settle outcome",
        created: "2026-12-02",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000011-0000011"),
            ("order_value", "64.00"),
            ("tracking", "none"),
            ("buy_shipping", "no"),
            ("status", "none"),
            ("first_message", "2026-12-01"),
            ("max_edd", "2026-11-28"),
        ],
        path: &["fulfilment", "order_number", "buyer_name", "order_value", "tracking", "buy_shipping", "status", "first_message", "max_edd"],
        plan: &["evidence_pack", "prevention", "no_tracking_warning", "outcome_no_tracking"],
        messages: &["to_buyer"],
        deadlines: &[("reply_buyer", "2026-12-01"), ("buyer_wait_us", "2026-12-03"), ("claim_eligible", "2026-12-01"), ("claim_window_end", "2027-02-26")],
    },
    Case {
        name: "EU store, a Buy Shipping label that was never scanned: no first-scan question, no protection promised",
        created: "2026-12-02",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("store", "fr"),
            ("order_number", "305-0000012-0000012"),
            ("order_value", "49.00 EUR"),
            ("tracking", "none"),
            ("buy_shipping", "yes"),
            ("status", "claim_open"),
            ("first_message", "2026-11-25"),
            ("claim_date", "2026-12-01"),
        ],
        path: &["fulfilment", "store", "order_number", "buyer_name", "order_value", "tracking", "buy_shipping", "status", "first_message", "claim_date"],
        plan: &["evidence_pack", "eu_protection_warning", "claim_answer", "outcome_claim", "prevention", "no_tracking_warning"],
        messages: &["to_buyer"],
        deadlines: &[("reply_buyer", "2026-11-25"), ("amazon_info_eu", "2026-12-02")],
    },
    Case {
        name: "US store, Amazon refunded a delivered order on the seller's behalf: SAFE-T within 30 days",
        created: "2027-02-01",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000013-0000013"),
            ("order_value", "80.00"),
            ("tracking", "delivered"),
            ("tracking_number", "TRK008"),
            ("carrier", "DHL"),
            ("multi_package", "no"),
            ("buy_shipping", "no"),
            ("status", "amazon_refunded"),
            ("safe_t_reason", "delivered_proof"),
            ("safe_t_start", "2027-01-30"),
        ],
        path: &["fulfilment", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "status", "safe_t_reason", "safe_t_start"],
        plan: &["evidence_pack", "delivered_checks", "prevention", "safe_t_step", "prepaid_label_warning", "outcome_safe_t"],
        messages: &["to_carrier", "safe_t_text"],
        // 30 Jan + 30 days runs over the short February: 1 Mar.
        deadlines: &[("safe_t_end_us", "2027-03-01")],
    },
    Case {
        name: "EU store, a return came back swapped after Amazon's refund: conservative 30-day SAFE-T date",
        created: "2026-12-16",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("store", "it"),
            ("order_number", "305-0000014-0000014"),
            ("order_value", "130.00 EUR"),
            ("tracking", "returning"),
            ("tracking_number", "TRK009"),
            ("carrier", "DHL"),
            ("buy_shipping", "yes"),
            ("first_scan", "yes"),
            ("status", "amazon_refunded"),
            ("safe_t_reason", "return_problem"),
            ("safe_t_start", "2026-12-15"),
        ],
        path: &["fulfilment", "store", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "buy_shipping", "first_scan", "status", "safe_t_reason", "safe_t_start"],
        plan: &["evidence_pack", "returning_step", "eu_protection_warning", "prevention", "safe_t_step", "safe_t_transit_eu", "outcome_safe_t"],
        messages: &["to_carrier", "safe_t_text"],
        deadlines: &[("safe_t_end_eu", "2027-01-14")],
    },
    Case {
        name: "amazon.es, no tracking, refunded by the seller: euro store, nothing left to count",
        created: "2026-12-07",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("store", "es"),
            ("order_number", "404-0000016-0000016"),
            ("order_value", "45.00"),
            ("tracking", "none"),
            ("buy_shipping", "no"),
            ("status", "refunded"),
        ],
        path: &["fulfilment", "store", "order_number", "buyer_name", "order_value", "tracking", "buy_shipping", "status"],
        plan: &["evidence_pack", "outcome_carrier", "prevention", "no_tracking_warning"],
        messages: &[],
        deadlines: &[],
    },
    Case {
        name: "amazon.nl, granted and debited: appeal within 30 days; Amazon's request after the appeal answered within 48 hours (European page)",
        created: "2027-01-04",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("store", "nl"),
            ("order_number", "404-0000017-0000017"),
            ("order_value", "120.00"),
            ("tracking", "delivered"),
            ("tracking_number", "TRK017"),
            ("carrier", "PostNL"),
            ("multi_package", "no"),
            ("buy_shipping", "yes"),
            ("first_scan", "yes"),
            ("status", "claim_granted"),
            ("debit_date", "2026-12-04"),
            ("appeal_request", "2027-01-02"),
        ],
        path: &["fulfilment", "store", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "first_scan", "status", "debit_date", "appeal_request"],
        plan: &["evidence_pack", "delivered_checks", "eu_protection_warning", "appeal_step", "outcome_appeal", "prevention"],
        messages: &["to_carrier", "appeal_text"],
        // Request Sat 2 Jan 2027: 48 h from the start of that day end on Sun 3 Jan (the US page's 72 h would say 4 Jan).
        deadlines: &[("appeal_end_eu", "2027-01-03"), ("appeal_info_eu", "2027-01-03")],
    },
    Case {
        name: "amazon.se, Amazon refunded a delivered order: SAFE-T date not confirmed for Europe",
        created: "2026-12-07",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("store", "se"),
            ("order_number", "404-0000018-0000018"),
            ("order_value", "900.00"),
            ("tracking", "delivered"),
            ("tracking_number", "TRK018"),
            ("carrier", "PostNord"),
            ("multi_package", "no"),
            ("buy_shipping", "no"),
            ("status", "amazon_refunded"),
            ("safe_t_reason", "delivered_proof"),
            ("safe_t_start", "2026-12-01"),
        ],
        path: &["fulfilment", "store", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "status", "safe_t_reason", "safe_t_start"],
        plan: &["evidence_pack", "delivered_checks", "prevention", "safe_t_step", "safe_t_transit_eu", "outcome_safe_t"],
        messages: &["to_carrier", "safe_t_text"],
        deadlines: &[("safe_t_end_eu", "2026-12-31")],
    },
    Case {
        name: "another European store, in transit, protected label: EU pages' 3 days after the EDD and 90-day window",
        created: "2026-12-07",
        answers: &[
            ("fulfilment", "seller_eu"),
            ("store", "other"),
            ("order_number", "404-0000019-0000019"),
            ("buyer_name", "Aoife Byrne"),
            ("order_value", "60.00"),
            ("tracking", "transit"),
            ("tracking_number", "TRK019"),
            ("carrier", "An Post"),
            ("multi_package", "no"),
            ("buy_shipping", "yes"),
            ("first_scan", "yes"),
            ("status", "none"),
            ("first_message", "2026-12-05"),
            ("max_edd", "2026-12-03"),
        ],
        path: &["fulfilment", "store", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "first_scan", "status", "first_message", "max_edd"],
        plan: &["evidence_pack", "transit_step", "refund_warning", "eu_protection_warning", "outcome_protected", "prevention"],
        messages: &["to_buyer", "to_carrier"],
        deadlines: &[("reply_buyer", "2026-12-05"), ("buyer_wait_eu", "2026-12-07"), ("claim_eligible_eu", "2026-12-06"), ("claim_window_end_eu", "2027-03-03")],
    },
    Case {
        name: "amazon.com, granted: Amazon's request after the appeal on 31 Dec is due by 2 Jan (72 h)",
        created: "2027-01-04",
        answers: &[
            ("fulfilment", "seller_us"),
            ("order_number", "114-0000020-0000020"),
            ("order_value", "75.00"),
            ("tracking", "delivered"),
            ("tracking_number", "1Z020"),
            ("carrier", "UPS"),
            ("multi_package", "no"),
            ("buy_shipping", "no"),
            ("status", "claim_granted"),
            ("debit_date", "2026-12-20"),
            ("appeal_request", "2026-12-31"),
        ],
        path: &["fulfilment", "order_number", "buyer_name", "order_value", "tracking", "tracking_number", "carrier", "multi_package", "buy_shipping", "status", "debit_date", "appeal_request"],
        plan: &["evidence_pack", "delivered_checks", "appeal_step", "outcome_appeal", "prevention"],
        messages: &["to_carrier", "appeal_text"],
        deadlines: &[("appeal_end", "2027-01-19"), ("appeal_info_72h", "2027-01-02")],
    },
    Case {
        name: "FBA removal delivered damaged: 30 days from delivery, the shorter of Amazon's figures",
        created: "2026-12-14",
        answers: &[
            ("fulfilment", "fba"),
            ("fba_issue", "removal_damaged"),
            ("order_number", "RMV-0021"),
            ("removal_delivered", "2026-12-10"),
        ],
        path: &["fulfilment", "fba_issue", "order_number", "buyer_name", "removal_delivered"],
        plan: &["fba_reports", "removal_damaged_step", "outcome_fba_claim", "fba_insight"],
        messages: &["fba_claim_text"],
        deadlines: &[("removal_damaged_until", "2027-01-09")],
    },
    Case {
        name: "FBA shipment to Amazon short: claim from day 15 to day 60 after delivery",
        created: "2026-12-07",
        answers: &[
            ("fulfilment", "fba"),
            ("fba_issue", "inbound_short"),
            ("order_number", "FBA15XYZ0022"),
            ("inbound_delivered", "2026-11-20"),
        ],
        path: &["fulfilment", "fba_issue", "order_number", "buyer_name", "inbound_delivered"],
        plan: &["fba_reports", "inbound_step", "outcome_fba_claim", "fba_insight"],
        messages: &["fba_claim_text"],
        deadlines: &[("inbound_claim_from", "2026-12-05"), ("inbound_claim_until", "2027-01-19")],
    },
    Case {
        name: "FBA customer return never came back, amazon.co.uk: Amazon Europe's days 45 to 105, not confirmed",
        created: "2026-12-07",
        answers: &[
            ("fulfilment", "fba"),
            ("fba_issue", "return_missing"),
            ("fba_store", "uk"),
            ("order_number", "203-0000023-0000023"),
            ("refund_date", "2026-11-16"),
        ],
        path: &["fulfilment", "fba_issue", "fba_store", "order_number", "buyer_name", "refund_date"],
        plan: &["fba_reports", "return_claim_step", "outcome_fba_claim", "fba_insight"],
        messages: &["fba_claim_text"],
        // 16 Nov + 45 days = 31 Dec; + 105 days = 1 Mar 2027.
        deadlines: &[("return_claim_from_eu", "2026-12-31"), ("return_claim_until_eu", "2027-03-01")],
    },
];

path_table_tests!(ID, CASES);

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
    let case = &CASES[1];
    let a = answers(s, case.answers);
    let plan = s.plan(&a, date(case.created));
    for message in plan.messages {
        for (lang, body) in message.body.all() {
            let filled = fill_template(s, body, &a, lang, date(case.created));
            assert!(!filled.contains('{'), "{} {lang:?}: {filled}", message.id);
            assert!(filled.contains("305-0000002-0000002"), "{} {lang:?} names the order", message.id);
        }
    }
    let to_buyer = s.messages.iter().find(|m| m.id == "to_buyer").expect("to_buyer");
    let en = fill_template(s, to_buyer.body.get(Lang::En), &a, Lang::En, date(case.created));
    assert!(en.starts_with("Hello,\n") && !en.contains("Delivered"), "no app label reaches the buyer: {en}");
    // The buyer's name is optional: with it left empty no "[buyer's name]" may reach the buyer in any text.
    let nameless: Vec<(&str, &str)> = case.answers.iter().copied().filter(|(q, _)| *q != "buyer_name").collect();
    let nameless = answers(s, &nameless);
    for text in to_buyer.body.all().into_iter().map(|(_, t)| t).chain(to_buyer.buyer_texts.values().map(String::as_str))
    {
        let filled = fill_template(s, text, &nameless, Lang::Pl, date(case.created));
        assert!(!filled.contains('['), "{filled}");
    }
    let carrier_pl = s.messages.iter().find(|m| m.id == "to_carrier").expect("to_carrier").body.get(Lang::Pl);
    assert!(carrier_pl.contains("Wartość deklarowana lub ubezpieczona"), "liability follows the declared value");
    let carrier = s.messages.iter().find(|m| m.id == "to_carrier").expect("to_carrier");
    let en = fill_template(s, carrier.body.get(Lang::En), &a, Lang::En, date(case.created));
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
