#![cfg(not(target_arch = "wasm32"))]
//! Money totals per marketplace × month × currency, outcomes, median days to a result, due-soon list.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use claimdesk::domain::stats::{
    due_soon, median_days_to_close, money_by_month, results_by_currency, totals_by_currency, Results, Share,
};
use claimdesk::domain::{sample_cases, Case, CaseDeadline, CaseStatus, Money};
use claimdesk::scenario::Marketplace;

fn at(month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, 9, 0, 0).single().expect("valid")
}

fn case(id: &str, market: Marketplace, created: DateTime<Utc>, money: (&str, i64, i64, i64, i64)) -> Case {
    let mut c = sample_cases(1, 5).remove(0);
    c.id = id.into();
    c.marketplace = market;
    c.created_at = created;
    c.updated_at = created;
    c.status = CaseStatus::Open;
    c.timeline.truncate(1);
    let (currency, at_stake, claimed, received, written_off) = money;
    c.money = Money { currency: currency.into(), at_stake, claimed, received, written_off, claimed_by_hand: false };
    c
}

#[test]
fn money_is_summed_per_marketplace_month_and_currency_never_across_currencies() {
    let cases = [
        case("a", Marketplace::Wildberries, at(10, 3), ("RUB", 10_000, 10_000, 10_000, 0)),
        case("b", Marketplace::Wildberries, at(10, 28), ("RUB", 5_000, 0, 0, 0)),
        case("c", Marketplace::Wildberries, at(11, 1), ("RUB", 700, 700, 0, 700)),
        case("d", Marketplace::Amazon, at(10, 5), ("USD", 2_500, 2_000, 1_000, 0)),
        case("e", Marketplace::Amazon, at(10, 6), ("EUR", 900, 900, 0, 0)),
    ];
    let rows = money_by_month(&cases);
    let row = |market, month: u32, currency: &str| {
        rows.iter()
            .find(|r| {
                r.marketplace == market
                    && r.month == NaiveDate::from_ymd_opt(2026, month, 1).expect("valid")
                    && r.currency == currency
            })
            .map(|r| r.totals.clone())
            .unwrap_or_else(|| panic!("no row {market:?} {month} {currency}"))
    };
    let wb_october = row(Marketplace::Wildberries, 10, "RUB");
    assert_eq!((wb_october.cases, wb_october.at_stake, wb_october.claimed), (2, 15_000, 10_000));
    assert_eq!(wb_october.expected, 15_000, "an unclaimed case expects its amount at stake");
    assert_eq!(wb_october.received, 10_000);
    assert_eq!(wb_october.outstanding(), 5_000);
    assert_eq!(row(Marketplace::Wildberries, 11, "RUB").written_off, 700);
    assert_eq!(row(Marketplace::Amazon, 10, "USD").expected, 2_000);
    assert_eq!(row(Marketplace::Amazon, 10, "EUR").cases, 1);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].month, NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid"), "newest month first");

    let totals = totals_by_currency(&cases);
    assert_eq!(totals.keys().collect::<Vec<_>>(), ["EUR", "RUB", "USD"]);
    assert_eq!(totals["RUB"].at_stake, 15_700);
    assert_eq!(totals["RUB"].outstanding(), 5_000);
}

#[test]
fn results_and_median_days_to_a_result() {
    let mut cases = Vec::new();
    for (i, (result, days)) in [
        (CaseStatus::ResolvedWon, 4),
        (CaseStatus::ResolvedPartly, 10),
        (CaseStatus::ResolvedLost, 20),
        (CaseStatus::ResolvedWon, 6),
    ]
    .into_iter()
    .enumerate()
    {
        let mut c = case(&format!("r{i}"), Marketplace::Mall, at(9, 1), ("PLN", 100, 100, 0, 0));
        assert!(c.set_status(CaseStatus::WaitingMarketplace, at(9, 2)));
        assert!(c.set_status(result, at(9, 1) + Duration::days(days)));
        cases.push(c);
    }
    // Closing keeps the result; a case still open counts as active.
    assert!(cases[3].set_status(CaseStatus::Closed, at(10, 30)));
    cases.push(case("open", Marketplace::Mall, at(9, 1), ("PLN", 1, 1, 0, 0)));

    let results = &results_by_currency(&cases)["PLN"];
    let cases_behind = |share: Share| share.cases;
    assert_eq!(
        (cases_behind(results.awaited), cases_behind(results.lost), results.total()),
        (2, 2, 400),
        "two won and unpaid (one closed since), one partly and one lost with nothing received; the open case has no result"
    );
    assert_eq!(median_days_to_close(&cases), Some(8.0), "median of 4, 6, 10, 20");
    assert_eq!(median_days_to_close(&cases[..3]), Some(10.0));
    assert!(results_by_currency(&[]).is_empty());
    assert_eq!(median_days_to_close(&[]), None);
}

#[test]
fn due_soon_lists_open_deadlines_of_active_cases_soonest_first() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid");
    let deadline =
        |rule: &str, days: i64, done: bool| CaseDeadline { rule: rule.into(), due: today + Duration::days(days), done };
    let mut a = case("a", Marketplace::Wildberries, at(11, 1), ("RUB", 1, 1, 0, 0));
    a.deadlines = vec![deadline("claim", 5, false), deadline("court", 40, false), deadline("reply", -1, false)];
    let mut b = case("b", Marketplace::Amazon, at(11, 2), ("USD", 1, 1, 0, 0));
    b.deadlines = vec![deadline("claim", 2, true), deadline("appeal", 7, false)];
    let mut c = case("c", Marketplace::Mall, at(11, 3), ("PLN", 1, 1, 0, 0));
    c.status = CaseStatus::ResolvedWon;
    c.deadlines = vec![deadline("claim", 1, false)];

    let items = due_soon(&[a, b, c], today, 7);
    let summary: Vec<(&str, &str, i64)> =
        items.iter().map(|i| (i.case_id.as_str(), i.rule.as_str(), i.days_left)).collect();
    assert_eq!(summary, [("a", "reply", -1), ("a", "claim", 5), ("b", "appeal", 7)]);
}

fn resolved(id: &str, result: CaseStatus, money: (&str, i64, i64, i64, i64)) -> Case {
    let mut c = case(id, Marketplace::Wildberries, at(9, 1), money);
    assert!(c.set_status(result, at(9, 20)));
    c
}

#[test]
fn a_case_won_in_part_is_partly_won_and_partly_lost_and_the_parts_add_up() {
    let cases = [
        // Claimed 10 000, got 4 000, nothing written off: 4 000 partly won, 6 000 lost.
        resolved("partly", CaseStatus::ResolvedPartly, ("RUB", 12_000, 10_000, 4_000, 0)),
        // Won in full and paid.
        resolved("won", CaseStatus::ResolvedWon, ("RUB", 5_000, 5_000, 5_000, 0)),
        // Won, half paid so far: the rest is awaited, not lost.
        resolved("won-unpaid", CaseStatus::ResolvedWon, ("RUB", 2_000, 2_000, 1_000, 0)),
        // Lost; 1 500 of the 3 000 at stake written off, nothing claimed.
        resolved("lost", CaseStatus::ResolvedLost, ("RUB", 3_000, 0, 0, 1_500)),
        // Another currency never mixes in; an open case has no result yet.
        resolved("eur", CaseStatus::ResolvedPartly, ("EUR", 900, 900, 300, 600)),
        case("open", Marketplace::Wildberries, at(9, 1), ("RUB", 99_000, 99_000, 0, 0)),
    ];
    let results = results_by_currency(&cases);
    assert_eq!(results.keys().collect::<Vec<_>>(), ["EUR", "RUB"]);
    let share = |cases, amount| Share { cases, amount };
    let rub = &results["RUB"];
    assert_eq!(
        rub,
        &Results {
            won: share(2, 6_000),
            partly: share(1, 4_000),
            written_off: share(1, 1_500),
            lost: share(2, 7_500),
            awaited: share(1, 1_000),
        }
    );
    assert_eq!(rub.total(), 20_000, "10 000 + 5 000 + 2 000 + 3 000 at issue");
    assert_eq!(rub.share(rub.won), Some(0.3));
    assert_eq!(rub.share(rub.partly), Some(0.2));
    assert_eq!(rub.share(rub.lost), Some(0.375));

    // The case of issue 23: one case marked "partly" is not a 100 % win.
    let only_partly = results_by_currency(&cases[..1]);
    let partly = &only_partly["RUB"];
    assert_eq!((partly.share(partly.partly), partly.share(partly.lost)), (Some(0.4), Some(0.6)));
    assert_eq!(partly.share(partly.won), Some(0.0));

    let eur = &results["EUR"];
    assert_eq!((eur.partly, eur.written_off, eur.lost, eur.total()), (share(1, 300), share(1, 600), share(0, 0), 900));
    // More received than claimed widens what was at issue instead of going over 100 %.
    let windfall = results_by_currency([&resolved("w", CaseStatus::ResolvedWon, ("USD", 100, 100, 130, 0))]);
    assert_eq!((windfall["USD"].total(), windfall["USD"].share(windfall["USD"].won)), (130, Some(1.0)));
    assert_eq!(Results::default().share(Share::default()), None);
}
