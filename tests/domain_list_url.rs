#![cfg(not(target_arch = "wasm32"))]
//! The case list's URL: every filter, the search text and the page survive a round trip; unknown values read
//! as the defaults.

use claimdesk::domain::list_url::ListState;
use claimdesk::domain::query::{CaseQuery, DueFilter, SortKey, StatusFilter};
use claimdesk::domain::CaseStatus;
use claimdesk::scenario::Marketplace;

fn full() -> ListState {
    ListState {
        query: CaseQuery {
            marketplace: Some(Marketplace::YandexMarket),
            scenario: Some("ym-not-delivered".into()),
            status: StatusFilter::Is(CaseStatus::WaitingMarketplace),
            due: DueFilter::DueSoon,
            text: "Łódź ёжик & 50% =+?#/".into(),
            sort: SortKey::AmountAtStake,
        },
        page: 3,
    }
}

#[test]
fn default_list_has_an_empty_query_string() {
    assert_eq!(ListState::default().to_search(), "");
    assert_eq!(ListState::from_search(""), ListState::default());
    assert_eq!(ListState::from_search("?"), ListState::default());
}

#[test]
fn every_part_survives_a_round_trip() {
    let state = full();
    let search = state.to_search();
    assert!(search.starts_with('?'), "{search}");
    assert!(!search[1..].contains(['?', '#', ' ', '+']), "special characters are escaped: {search}");
    assert_eq!(ListState::from_search(&search), state);
    assert!(search.contains("page=4"), "the URL counts pages from 1: {search}");
}

#[test]
fn each_filter_value_round_trips() {
    for status in StatusFilter::all() {
        let s = ListState::default().with_query(|q| q.status = status);
        assert_eq!(ListState::from_search(&s.to_search()), s, "{status:?}");
    }
    for due in DueFilter::ALL {
        let s = ListState::default().with_query(|q| q.due = due);
        assert_eq!(ListState::from_search(&s.to_search()), s, "{due:?}");
    }
    for sort in SortKey::ALL {
        let s = ListState::default().with_query(|q| q.sort = sort);
        assert_eq!(ListState::from_search(&s.to_search()), s, "{sort:?}");
    }
    for market in Marketplace::ALL {
        let s = ListState::default().with_query(|q| q.marketplace = Some(market));
        assert_eq!(ListState::from_search(&s.to_search()), s, "{market:?}");
    }
}

#[test]
fn unknown_or_malformed_values_read_as_defaults() {
    let state = ListState::from_search("?status=Open&due=later&sort=NextDeadline&market=ebay&page=zero&x=1&q=a%2");
    assert_eq!(state.query.status, StatusFilter::Any);
    assert_eq!(state.query.due, DueFilter::Any);
    assert_eq!(state.query.sort, SortKey::NextDeadline);
    assert_eq!(state.query.marketplace, None);
    assert_eq!(state.page, 0);
    assert_eq!(state.query.text, "a%2", "a broken escape is kept as typed");
    assert_eq!(ListState::from_search("page=0").page, 0);
    assert_eq!(ListState::from_search("q=two+words").query.text, "two words");
}

#[test]
fn a_new_query_starts_at_the_first_page() {
    let state = full();
    assert_eq!(state.with_query(|q| q.text.push('x')).page, 0);
    assert_eq!(state.with_query(|_| {}).page, 3, "an unchanged query keeps its page");
    assert_eq!(state.with_page(1).query, state.query);
}

#[test]
fn codes_are_unique_and_unknown_codes_are_none() {
    let status: Vec<_> = StatusFilter::all().map(StatusFilter::code).collect();
    let mut unique = status.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), status.len(), "{status:?}");
    for f in StatusFilter::all() {
        assert_eq!(StatusFilter::from_code(f.code()), Some(f));
    }
    assert_eq!(StatusFilter::from_code("Active"), None);
    assert_eq!(DueFilter::from_code(""), None);
    assert_eq!(SortKey::from_code("AmountAtStake"), None);
    assert_eq!(Marketplace::from_code("Amazon"), None);
}
