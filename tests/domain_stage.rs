#![cfg(not(target_arch = "wasm32"))]
//! Stages of a claim moved by the seller's actions: transitions, the deadlines each step adds through the
//! scenario's rules, the status that follows, and the steps stored on the timeline (older data stays readable).

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use claimdesk::domain::stage::{step_answers, step_questions};
use claimdesk::domain::{Case, CaseStatus, Channel, EventKind, Stage, StageError, StageStep};
use claimdesk::scenario::{Answer, QuestionKind};

mod common;
use common::{answers, date, scenario};

fn at(day: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date(day).and_hms_opt(12, 0, 0).expect("valid"))
}

fn step(stage: Stage, on: &str, reference: &str, channel: Channel) -> StageStep {
    StageStep { stage, on: date(on), reference: reference.into(), channel }
}

/// `(rule, due)` of the case's deadlines, sorted by rule.
fn deadlines(case: &Case) -> Vec<(String, NaiveDate)> {
    let mut out: Vec<_> = case.deadlines.iter().map(|d| (d.rule.clone(), d.due)).collect();
    out.sort();
    out
}

fn wb_not_yet_claimed() -> Case {
    let s = scenario("wb-lost-goods");
    let pairs = [("where", "warehouse"), ("fire", "no"), ("found_date", "2026-11-10"), ("claim_sent", "no")];
    Case::from_wizard("c1".into(), s, answers(s, &pairs), at("2026-11-12"))
}

#[test]
fn the_stages_form_one_flow_from_found_to_closed() {
    assert_eq!(Stage::Found.next(), [Stage::ReportedToSupport, Stage::ClaimFiled]);
    assert_eq!(Stage::PartlyPaid.next(), [Stage::Appealed, Stage::InCourt, Stage::Closed]);
    assert!(Stage::Closed.next().is_empty());
    assert!(!Stage::Found.can_move_to(Stage::Paid), "a claim is filed or reported before it is paid");
    assert!(!Stage::Paid.can_move_to(Stage::Appealed), "nothing to appeal when paid in full");
    let mut reached = BTreeSet::from([Stage::Found]);
    let mut queue = vec![Stage::Found];
    while let Some(stage) = queue.pop() {
        assert!(!stage.can_move_to(stage), "{stage:?} to itself");
        assert!(stage == Stage::Closed || !stage.next().is_empty(), "{stage:?} is a dead end");
        for &next in stage.next() {
            if reached.insert(next) {
                queue.push(next);
            }
        }
    }
    assert_eq!(reached.len(), Stage::ALL.len(), "every stage is reachable from found");
    for stage in Stage::ALL {
        assert_eq!(Stage::from_code(stage.code()), Some(stage));
        assert_eq!(serde_json::to_string(&stage).ok(), Some(format!("\"{}\"", stage.code())));
    }
    for channel in Channel::ALL {
        assert_eq!(Channel::from_code(channel.code()), Some(channel));
    }
}

#[test]
fn filing_a_wb_claim_adds_the_court_date_and_the_claim_goes_through_to_court_and_closed() {
    let s = scenario("wb-lost-goods");
    let mut c = wb_not_yet_claimed();
    assert_eq!(c.stage(), Stage::Found);
    assert_eq!(deadlines(&c), [("limitation".to_string(), date("2029-11-12"))]);

    let filed = step(Stage::ClaimFiled, "2026-11-20", " WB-77123 ", Channel::Portal);
    assert_eq!(c.advance(s, filed, date("2026-11-25"), at("2026-11-25")), Ok(()));
    assert_eq!(c.stage(), Stage::ClaimFiled);
    assert_eq!(c.answers.get("claim_sent"), Some(&Answer::Choice("yes".into())));
    assert_eq!(c.answers.get("claim_date"), Some(&Answer::Date(date("2026-11-20"))));
    // Claim 20 Nov + 30 days = Sun 20 Dec, moved to Mon 21 Dec for WB's answer; court possible from the day
    // after, a "from" date ahead.
    assert_eq!(
        deadlines(&c),
        [
            ("claim_answer_term".to_string(), date("2026-12-21")),
            ("court_possible".to_string(), date("2026-12-22")),
            ("limitation".to_string(), date("2029-11-12"))
        ]
    );
    assert_eq!(
        c.agenda(date("2026-11-25")).opening.iter().map(|d| d.rule.as_str()).collect::<Vec<_>>(),
        ["court_possible"]
    );
    assert_eq!(c.status, CaseStatus::WaitingMarketplace);
    let recorded = c.stage_steps().last().cloned().expect("recorded");
    assert_eq!(recorded, step(Stage::ClaimFiled, "2026-11-20", "WB-77123", Channel::Portal), "the number is trimmed");
    let kinds: Vec<&str> = c.timeline.iter().rev().take(2).map(|e| e.kind.wire_name()).collect();
    assert_eq!(kinds, ["status_changed", "stage_changed"]);

    // Partly paid, appealed, to court, paid: the status follows each result and the appeal.
    for (stage, on, status) in [
        (Stage::PartlyPaid, "2026-12-10", CaseStatus::ResolvedPartly),
        (Stage::Appealed, "2026-12-15", CaseStatus::WaitingMarketplace),
        (Stage::InCourt, "2026-12-22", CaseStatus::WaitingMarketplace),
        (Stage::Paid, "2027-02-01", CaseStatus::ResolvedWon),
        (Stage::Closed, "2027-02-02", CaseStatus::Closed),
    ] {
        assert_eq!(c.advance(s, step(stage, on, "", Channel::Court), date("2027-02-02"), at(on)), Ok(()), "{stage:?}");
        assert_eq!((c.stage(), c.status), (stage, status));
    }
    assert_eq!(c.outcome(), Some(CaseStatus::ResolvedWon), "closed with the result it had");
    assert_eq!(c.stage_steps().count(), 6);
    assert_eq!(c.validate(), Ok(()));
}

#[test]
fn a_step_that_does_not_fit_is_refused_and_changes_nothing() {
    let s = scenario("wb-lost-goods");
    let mut c = wb_not_yet_claimed();
    let before = c.clone();
    let today = date("2026-11-25");
    let now = at("2026-11-25");
    assert_eq!(
        c.advance(s, step(Stage::Paid, "2026-11-20", "", Channel::Portal), today, now),
        Err(StageError::NotFromHere { from: Stage::Found })
    );
    assert_eq!(
        c.advance(s, step(Stage::ClaimFiled, "2026-11-26", "", Channel::Portal), today, now),
        Err(StageError::InFuture)
    );
    assert_eq!(
        c.advance(s, step(Stage::ClaimFiled, "2026-11-20", "WB\u{202E}77", Channel::Portal), today, now),
        Err(StageError::BadReference)
    );
    assert_eq!(
        c.advance(s, step(Stage::ClaimFiled, "2026-11-20", &"7".repeat(1_001), Channel::Portal), today, now),
        Err(StageError::BadReference)
    );
    assert_eq!(c, before);

    assert_eq!(c.advance(s, step(Stage::ClaimFiled, "2026-11-20", "", Channel::Portal), today, now), Ok(()));
    assert_eq!(
        c.advance(s, step(Stage::InReview, "2026-11-19", "", Channel::Portal), today, now),
        Err(StageError::BeforePreviousStep { previous: date("2026-11-20") })
    );
    assert_eq!(
        c.advance(s, step(Stage::InReview, "2026-11-20", "", Channel::Chat), today, now),
        Ok(()),
        "same day is fine"
    );
}

#[test]
fn an_amazon_claim_decided_against_the_seller_opens_the_appeal_window() {
    let s = scenario("amazon-not-received");
    let pairs = [
        ("fulfilment", "seller_us"),
        ("order_number", "114-0000001-0000001"),
        ("tracking", "transit"),
        ("multi_package", "no"),
        ("buy_shipping", "no"),
        ("status", "claim_open"),
        ("first_message", "2026-11-02"),
        ("claim_date", "2026-11-05"),
    ];
    let mut c = Case::from_wizard("a1".into(), s, answers(s, &pairs), at("2026-11-05"));
    assert_eq!(c.stage(), Stage::Found, "the wizard has no claim date of the seller's for Amazon");
    let today = date("2026-11-25");
    assert_eq!(
        c.advance(s, step(Stage::ClaimFiled, "2026-11-05", "A-to-z 42", Channel::Portal), today, at("2026-11-05")),
        Ok(())
    );
    assert_eq!(c.advance(s, step(Stage::Refused, "2026-11-20", "", Channel::Email), today, at("2026-11-20")), Ok(()));
    // Debited 20 Nov: appeal until 20 Dec; the request-for-information dates of the open claim are gone.
    assert_eq!(deadlines(&c), [("appeal_end".to_string(), date("2026-12-20"))]);
    assert_eq!(c.status, CaseStatus::ResolvedLost);
    assert_eq!(c.advance(s, step(Stage::Appealed, "2026-11-24", "", Channel::Portal), today, at("2026-11-24")), Ok(()));
    assert_eq!(c.status, CaseStatus::WaitingMarketplace);
}

#[test]
fn steps_are_stored_on_the_timeline_and_a_case_without_them_reads_its_stage_from_its_answers() {
    let s = scenario("wb-lost-goods");
    let mut c = wb_not_yet_claimed();
    assert_eq!(
        c.advance(
            s,
            step(Stage::ClaimFiled, "2026-11-20", "WB-1", Channel::Post),
            date("2026-11-25"),
            at("2026-11-25")
        ),
        Ok(())
    );
    let json = serde_json::to_value(&c).expect("serialises");
    let stored = json["timeline"].as_array().and_then(|t| t.iter().find(|e| e["type"] == "stage_changed")).cloned();
    assert_eq!(
        stored.map(|e| e["step"].clone()),
        Some(serde_json::json!({ "stage": "claim_filed", "on": "2026-11-20", "reference": "WB-1", "channel": "post" }))
    );
    let back: Case = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, c);

    // A case saved before stages existed: the claim date entered in the wizard makes it "claim filed".
    let older = {
        let pairs =
            [("where", "fbs"), ("found_date", "2026-11-10"), ("claim_sent", "yes"), ("claim_date", "2026-11-12")];
        Case::from_wizard("c2".into(), s, answers(s, &pairs), at("2026-11-12"))
    };
    let text = serde_json::to_string(&older).expect("serialises");
    assert!(!text.contains("stage"), "nothing new is written for a case without steps");
    let read: Case = serde_json::from_str(&text).expect("reads");
    assert_eq!(read.stage(), Stage::ClaimFiled);
    assert!(read.timeline.iter().all(|e| !matches!(e.kind, EventKind::StageChanged { .. })));
}

#[test]
fn every_answer_a_step_gives_fits_its_scenarios_question() {
    let mut seen = 0;
    for (scenario_id, stage, question) in step_questions() {
        let s = scenario(scenario_id);
        let q = s.question(question).unwrap_or_else(|| panic!("{scenario_id}: no question {question}"));
        for (id, answer) in step_answers(scenario_id, stage, date("2026-11-20")) {
            if id == question {
                assert!(answer.fits(q), "{scenario_id}: {question} does not take {answer:?}");
                seen += 1;
            }
        }
        if q.kind == QuestionKind::Date {
            assert!(
                s.deadlines
                    .iter()
                    .any(|r| matches!(&r.anchor, claimdesk::scenario::Anchor::Answer(a) if a == question)),
                "{scenario_id}: no rule counts from {question}"
            );
        }
    }
    assert_eq!(seen, 6);
}

/// The deadlines a step adds to a case built from `pairs`: `(rule, due)` present after the step and not before.
fn added_by(scenario_id: &str, pairs: &[(&str, &str)], stage: Stage, on: &str) -> Vec<(String, NaiveDate)> {
    let s = scenario(scenario_id);
    let mut c = Case::from_wizard("x".into(), s, answers(s, pairs), at("2026-11-02"));
    let before = deadlines(&c);
    let today = date("2026-11-30");
    assert_eq!(c.advance(s, step(stage, on, "", Channel::Portal), today, at("2026-11-30")), Ok(()), "{scenario_id}");
    deadlines(&c).into_iter().filter(|d| !before.contains(d)).collect()
}

fn rules(pairs: &[(&str, &str)]) -> Vec<(String, NaiveDate)> {
    pairs.iter().map(|(rule, due)| (rule.to_string(), date(due))).collect()
}

#[test]
fn each_marketplace_s_stages_add_their_own_deadlines() {
    // Wildberries, a spoiled buyer return: the claim's portal date starts WB's 30 days (20 Nov + 30 = Sun 20 Dec,
    // moved to Mon 21 Dec) and the court from the day after.
    let wb_return = [
        ("model", "fbs"),
        ("refusal", "after_receipt"),
        ("order_number", "WB-9"),
        ("request", "approved"),
        ("returned_state", "damaged"),
        ("received_date", "2026-11-12"),
        ("claim_sent", "no"),
        ("reason", "defect"),
    ];
    let wb_claim = rules(&[("claim_answer_term", "2026-12-21"), ("court_possible", "2026-12-22")]);
    assert_eq!(added_by("wb-buyer-refusal", &wb_return, Stage::ClaimFiled, "2026-11-20"), wb_claim);

    // Yandex Market has no question for the claim's date: the step's own date starts Market's 30 days under
    // АПК ст. 4 ч. 5 (24 Nov + 30 = Thu 24 Dec) and the court from Fri 25 Dec.
    let ym_lost = [("model", "fbs"), ("order_number", "YM-1"), ("scheduled_on", "2026-11-01"), ("status", "ready")];
    let ym_claim = rules(&[("claim_answer_term", "2026-12-24"), ("court_possible", "2026-12-25")]);
    assert_eq!(added_by("ym-not-delivered", &ym_lost, Stage::ClaimFiled, "2026-11-24"), ym_claim);
    let ym_return = [
        ("return_kind", "return"),
        ("problem", "damaged"),
        ("order_number", "YM-2"),
        ("act_date", "2026-11-20"),
        ("disagree", "yes"),
        ("back_at_point", "2026-11-19"),
    ];
    assert_eq!(added_by("ym-return-problem", &ym_return, Stage::ClaimFiled, "2026-11-24"), ym_claim);
    // Reporting to support or an answer from Market adds nothing: only the claim starts a term.
    assert_eq!(added_by("ym-not-delivered", &ym_lost, Stage::ReportedToSupport, "2026-11-24"), []);

    // Amazon: a claim granted against the seller (debited 20 Nov) opens 30 days to appeal; filing adds nothing.
    let amazon = [
        ("fulfilment", "seller_us"),
        ("order_number", "114-0000001-0000002"),
        ("tracking", "transit"),
        ("multi_package", "no"),
        ("buy_shipping", "no"),
        ("status", "none"),
        ("first_message", "2026-11-02"),
        ("max_edd", "2026-11-04"),
    ];
    assert_eq!(added_by("amazon-not-received", &amazon, Stage::ClaimFiled, "2026-11-05"), []);

    // MALL: no stage of the seller's starts a term of its own (the credit-note and refund dates come from the
    // wizard's dates); recording one changes no deadline.
    let mall = [
        ("shop", "si"),
        ("found", "after_delivery"),
        ("order_number", "MALL-1"),
        ("shortage_confirmed", "yes"),
        ("customer_choice", "keep"),
        ("delivered_on", "2026-11-09"),
        ("mall_request", "2026-11-10"),
    ];
    assert_eq!(added_by("mall-incomplete-order", &mall, Stage::ReportedToSupport, "2026-11-12"), []);
    assert_eq!(added_by("mall-incomplete-order", &mall, Stage::ClaimFiled, "2026-11-12"), []);
}

#[test]
fn a_rule_counting_from_a_stage_stays_out_of_the_plan_until_the_stage_is_recorded() {
    let s = scenario("ym-not-delivered");
    let pairs = [("model", "fbs"), ("order_number", "YM-1"), ("scheduled_on", "2026-11-01"), ("status", "ready")];
    let plan = s.plan(&answers(s, &pairs), date("2026-11-02"));
    let ids: Vec<&str> = plan.deadlines.iter().map(|d| d.rule.id.as_str()).collect();
    assert_eq!(ids, ["claim_window"], "no 'waiting for' line for a step only the case page records");

    let mut c = Case::from_wizard("y".into(), s, answers(s, &pairs), at("2026-11-02"));
    let filed = step(Stage::ClaimFiled, "2026-11-24", "", Channel::Portal);
    assert_eq!(c.advance(s, filed, date("2026-11-30"), at("2026-11-30")), Ok(()));
    assert_eq!(c.answers.get("stage-claim_filed"), Some(&Answer::Date(date("2026-11-24"))));
    // The stored answer passes the case's own validation (a backup of it imports).
    assert_eq!(c.validate(), Ok(()));
}

#[test]
fn the_scenario_layer_knows_the_same_stage_codes_as_the_domain() {
    let domain: Vec<&str> = Stage::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(domain, claimdesk::scenario::STAGE_CODES);
}
