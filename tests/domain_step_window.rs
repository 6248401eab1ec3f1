#![cfg(not(target_arch = "wasm32"))]
//! A plan step whose window has passed says so and names what is still open (issue 23): WB's "object to the
//! acceptance act within 7 days" after the 7 days points at the claim and court, bounded by the limitation.

use claimdesk::domain::step_window::closed_window;
use claimdesk::i18n::Lang;
use claimdesk::scenario::PlanItem;

mod common;
use common::{answers, date, scenario};

fn item(scenario_id: &str, id: &str) -> &'static PlanItem {
    let s = scenario(scenario_id);
    s.plan.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("{scenario_id}: no plan item {id}"))
}

#[test]
fn wb_acceptance_objection_after_its_7_days_says_so_and_names_the_limitation() {
    let s = scenario("wb-lost-goods");
    // Act published 10 Nov: objections until 17 Nov; the 3 years end Sat 10 Nov 2029, moved to Mon 12 Nov.
    let a = answers(s, &[("where", "acceptance"), ("found_date", "2026-11-10"), ("claim_sent", "no")]);
    let plan = s.plan(&a, date("2026-11-10"));
    let step = item("wb-lost-goods", "check_acceptance");
    assert!(plan.items.iter().any(|i| i.id == step.id));
    for lang in [Lang::En, Lang::Ru, Lang::Pl] {
        assert!(closed_window(step, &plan, date("2026-11-17"), lang).is_none(), "the last day itself is still in time");
        let closed = closed_window(step, &plan, date("2026-11-18"), lang).expect("closed the day after");
        assert_eq!(closed.closed_on, date("2026-11-17"));
        let open = closed.still_open.expect("the limitation is still open");
        assert_eq!((open.rule.id.as_str(), open.due), ("limitation", date("2029-11-12")));
    }
}

#[test]
fn a_step_waiting_for_wbs_answer_points_at_the_limitation_once_the_30_days_are_over() {
    let s = scenario("wb-lost-goods");
    let pairs = [
        ("where", "warehouse"),
        ("fire", "no"),
        ("found_date", "2026-11-10"),
        ("claim_sent", "yes"),
        ("claim_date", "2026-11-20"),
    ];
    let plan = s.plan(&answers(s, &pairs), date("2026-11-10"));
    let step = item("wb-lost-goods", "claim_wait");
    // WB's 30 days end Mon 21 Dec (the court date it also names is a "from" date, never a window).
    assert!(closed_window(step, &plan, date("2026-12-21"), Lang::En).is_none());
    let closed = closed_window(step, &plan, date("2026-12-22"), Lang::En).expect("closed");
    assert_eq!(closed.closed_on, date("2026-12-21"));
    let open = closed.still_open.expect("limitation");
    assert_eq!((open.rule.id.as_str(), open.due), ("limitation", date("2029-11-12")));
}

#[test]
fn with_every_last_day_past_a_from_date_ahead_is_what_remains_and_then_nothing() {
    let s = scenario("ym-not-delivered");
    // Scheduled 1 Nov: a loss claim until 1 Feb 2027; filed on the case page 24 Nov: court from Fri 25 Dec.
    let pairs = [
        ("model", "fbs"),
        ("order_number", "YM-1"),
        ("scheduled_on", "2026-11-01"),
        ("status", "ready"),
        ("stage-claim_filed", "2026-11-24"),
    ];
    let plan = s.plan(&answers(s, &pairs), date("2026-11-01"));
    let step = item("ym-not-delivered", "claim_file");
    assert!(closed_window(step, &plan, date("2027-02-01"), Lang::Ru).is_none());
    // Market's 30 days ended 24 Dec and the claim window 1 Feb: nothing to meet, the court is open since 25 Dec
    // and stays so (a "from" date in the past opens no window and is not listed).
    let closed = closed_window(step, &plan, date("2027-02-02"), Lang::Ru).expect("closed");
    assert_eq!(closed.closed_on, date("2027-02-01"));
    assert!(closed.still_open.is_none());
    // Before that the step's own window (1 Feb) is open, whatever else has passed.
    assert!(closed_window(step, &plan, date("2026-12-26"), Lang::Ru).is_none());
}

#[test]
fn outcomes_and_steps_without_a_named_date_never_close() {
    let s = scenario("wb-lost-goods");
    let a = answers(s, &[("where", "acceptance"), ("found_date", "2026-11-10"), ("claim_sent", "no")]);
    let plan = s.plan(&a, date("2026-11-10"));
    let far = date("2030-01-01");
    for planned in &plan.items {
        let names_a_date = planned.body.as_ref().is_some_and(|b| b.get(Lang::En).contains("{deadline."));
        if !names_a_date {
            assert!(closed_window(planned, &plan, far, Lang::En).is_none(), "{}", planned.id);
        }
    }
}
