#![cfg(not(target_arch = "wasm32"))]
//! Public holidays in the shipped scenarios' deadlines: Russian business days, ГК РФ art. 193 moves of an end on a
//! day off, and the flag for a year whose calendar the app does not have yet.

use claimdesk::scenario::ComputedDeadline;

#[macro_use]
mod common;
use common::{answers, date, scenario};

fn find<'a>(list: &'a [ComputedDeadline<'a>], id: &str) -> &'a ComputedDeadline<'a> {
    list.iter().find(|d| d.rule.id == id).unwrap_or_else(|| panic!("no deadline {id}"))
}

#[test]
fn wb_court_date_moves_off_russia_day() {
    let s = scenario("wb-lost-goods");
    let a = answers(
        s,
        &[
            ("where", "fbs"),
            ("order_number", "T-1"),
            ("amount", "100"),
            ("claim_sent", "yes"),
            ("claim_date", "2026-05-13"),
        ],
    );
    let plan = s.plan(&a, date("2026-05-14"));
    let court = find(&plan.deadlines, "court_possible");
    // 13 May + 30 days = Fri 12 Jun 2026, Russia Day: the pretension term ends on Mon 15 Jun.
    assert_eq!(court.due(), Some(date("2026-06-15")));
    assert_eq!(court.rolled_from, Some(date("2026-06-12")));
    assert_eq!(court.uncovered_year, None);
}

#[test]
fn wb_court_date_in_2027_is_flagged_as_not_covered() {
    let s = scenario("wb-lost-goods");
    let a = answers(
        s,
        &[
            ("where", "fbs"),
            ("order_number", "T-1"),
            ("amount", "100"),
            ("claim_sent", "yes"),
            ("claim_date", "2026-12-01"),
        ],
    );
    let plan = s.plan(&a, date("2026-12-02"));
    let court = find(&plan.deadlines, "court_possible");
    // 1 Dec + 30 = Thu 31 Dec 2026 (a day off by decree No. 1466); 1–8 Jan 2027 are holidays by art. 112 and
    // 9–10 Jan a weekend → Mon 11 Jan 2027. The 2027 decree is not in the data: the date is flagged.
    assert_eq!(court.due(), Some(date("2027-01-11")));
    assert_eq!(court.rolled_from, Some(date("2026-12-31")));
    assert_eq!(court.uncovered_year, Some(2027));
}

#[test]
fn ym_business_days_skip_the_may_holidays() {
    let s = scenario("ym-not-delivered");
    let a = answers(
        s,
        &[
            ("model", "fby"),
            ("order_number", "1"),
            ("amount", "100"),
            ("scheduled_on", "2026-03-20"),
            ("status", "cancelled"),
            ("exception", "none"),
            ("cancelled_on", "2026-03-23"),
        ],
    );
    let plan = s.plan(&a, date("2026-03-24"));
    // 23 Mar + 40 days = Sat 2 May; 7 business days skip Mon 11 May (Victory Day moved from Sat 9 May) →
    // Wed 13 May (12 May without the holiday); 7 more → Fri 22 May.
    assert_eq!(find(&plan.deadlines, "auto_review_from").due(), Some(date("2026-05-02")));
    assert_eq!(find(&plan.deadlines, "auto_review_done").due(), Some(date("2026-05-13")));
    assert_eq!(find(&plan.deadlines, "auto_paid").due(), Some(date("2026-05-22")));
    assert!(plan.deadlines.iter().all(|d| d.uncovered_year.is_none() && d.rolled_from.is_none()));
}
