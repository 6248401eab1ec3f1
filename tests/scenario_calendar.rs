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
    let term = find(&plan.deadlines, "claim_answer_term");
    // 13 May + 30 days = Fri 12 Jun 2026, Russia Day: the claim term ends on Mon 15 Jun (ГК РФ art. 193), and a
    // suit is possible only after it, from Tue 16 Jun (АПК РФ art. 4 part 5: «по истечении»).
    assert_eq!(term.due(), Some(date("2026-06-15")));
    assert_eq!(term.rolled_from, Some(date("2026-06-12")));
    assert_eq!(term.uncovered_year, None);
    let court = find(&plan.deadlines, "court_possible");
    assert_eq!(court.due(), Some(date("2026-06-16")));
    assert_eq!(court.rolled_from, None);
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
    let term = find(&plan.deadlines, "claim_answer_term");
    // 1 Dec + 30 = Thu 31 Dec 2026 (a day off by decree No. 1466); 1–8 Jan 2027 are holidays by art. 112 and
    // 9–10 Jan a weekend → the term ends Mon 11 Jan 2027, so court is possible from Tue 12 Jan. The 2027 decree
    // is not in the data: both dates are flagged, the court date through its chain.
    assert_eq!(term.due(), Some(date("2027-01-11")));
    assert_eq!(term.rolled_from, Some(date("2026-12-31")));
    assert_eq!(term.uncovered_year, Some(2027));
    let court = find(&plan.deadlines, "court_possible");
    assert_eq!(court.due(), Some(date("2027-01-12")));
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

#[test]
fn ym_returns_business_days_skip_the_new_year_holidays() {
    let s = scenario("ym-return-problem");
    let a = answers(
        s,
        &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("order_number", "1"),
            ("amount", "100"),
            ("model", "fbs"),
            ("scheduled_on", "2025-11-20"),
            ("cancelled_on", "2025-11-25"),
        ],
    );
    let plan = s.plan(&a, date("2025-11-26"));
    // 25 Nov 2025 + 40 days = Sun 4 Jan 2026. Russian working days: 5–9 Jan are days off (9 Jan moved by decree
    // No. 1466) and 10–11 Jan a weekend, so 7 business days end Tue 20 Jan (Tue 13 Jan counting Monday to Friday
    // only); 7 more → Thu 29 Jan.
    assert_eq!(find(&plan.deadlines, "auto_review_from").due(), Some(date("2026-01-04")));
    assert_eq!(find(&plan.deadlines, "auto_review_done").due(), Some(date("2026-01-20")));
    assert_eq!(find(&plan.deadlines, "auto_paid").due(), Some(date("2026-01-29")));
    assert!(plan.deadlines.iter().all(|d| d.uncovered_year.is_none() && d.rolled_from.is_none()));
}

#[test]
fn a_date_chained_to_a_flagged_date_is_flagged_too() {
    let s = scenario("ym-return-problem");
    let a = answers(
        s,
        &[
            ("return_kind", "refusal"),
            ("problem", "not_arrived"),
            ("order_number", "1"),
            ("amount", "100"),
            ("model", "fbs"),
            ("scheduled_on", "2026-11-20"),
            ("cancelled_on", "2026-11-25"),
        ],
    );
    let plan = s.plan(&a, date("2026-11-26"));
    // 25 Nov 2026 + 40 days = Mon 4 Jan 2027, a fixed holiday; 5–8 Jan fixed holidays, 9–10 Jan a weekend:
    // 7 working days end Tue 19 Jan 2027, 7 more Thu 28 Jan; 2027 has no decree yet, so both are flagged.
    assert_eq!(find(&plan.deadlines, "auto_review_from").uncovered_year, None);
    let done = find(&plan.deadlines, "auto_review_done");
    assert_eq!((done.due(), done.uncovered_year), (Some(date("2027-01-19")), Some(2027)));
    let paid = find(&plan.deadlines, "auto_paid");
    assert_eq!((paid.due(), paid.uncovered_year), (Some(date("2027-01-28")), Some(2027)));
}
