#![cfg(not(target_arch = "wasm32"))]
//! The case list query: filters, faceted counts, accent-insensitive search, sort orders.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use claimdesk::domain::query::{fold_for_search, run, CaseQuery, DueFilter, SortKey, StatusFilter};
use claimdesk::domain::{sample_cases, Case, CaseBook, CaseDeadline, CaseStatus, Record};
use claimdesk::scenario::Marketplace;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid")
}

/// A case with a chosen marketplace, status, next deadline (days from today) and searchable texts.
fn case(id: &str, market: Marketplace, status: CaseStatus, due_in: Option<i64>, order: &str, note: &str) -> Case {
    let mut c = sample_cases(1, id.len() as u64).remove(0);
    c.id = id.into();
    c.marketplace = market;
    c.scenario = match market {
        Marketplace::Wildberries => "wb-lost-goods",
        Marketplace::YandexMarket => "ym-not-delivered",
        Marketplace::Amazon => "amazon-not-received",
        Marketplace::Mall => "mall-incomplete-order",
    }
    .into();
    c.status = status;
    c.order_number = order.into();
    c.buyer = String::new();
    c.deadlines = due_in
        .map(|d| CaseDeadline { rule: "claim".into(), due: today() + Duration::days(d), done: false })
        .into_iter()
        .collect();
    c.timeline.retain(|e| !matches!(e.kind, claimdesk::domain::EventKind::Note { .. }));
    c.add_note(note, c.updated_at + Duration::minutes(1));
    c
}

fn book() -> CaseBook {
    CaseBook::from_records(
        [
            case("a", Marketplace::Wildberries, CaseStatus::Open, Some(-2), "WB-100", "Склад потерял коробку, ёлки"),
            case("b", Marketplace::Wildberries, CaseStatus::WaitingMarketplace, Some(3), "WB-200", "ждём ответ"),
            case("c", Marketplace::Amazon, CaseStatus::WaitingBuyer, Some(30), "114-55", "buyer in Łódź"),
            case("d", Marketplace::Mall, CaseStatus::ResolvedWon, Some(-10), "MALL-7", "zwrot przyznany"),
            case("e", Marketplace::Amazon, CaseStatus::Open, None, "114-66", "no deadline yet"),
            case("f", Marketplace::YandexMarket, CaseStatus::Closed, None, "YM-9", "закрыто"),
        ]
        .into_iter()
        .map(Record::Live),
    )
}

#[test]
fn default_query_lists_everything_by_next_deadline() {
    let result = run(&book(), &CaseQuery::default(), today());
    assert_eq!(result.total, 6);
    assert_eq!(
        &result.ids[..4],
        &["b", "c", "a", "e"],
        "by the next date that can still be met, then those with only missed ones, then without a deadline"
    );
    let mut finished = result.ids[4..].to_vec();
    finished.sort();
    assert_eq!(finished, ["d", "f"]);
}

#[test]
fn filters_combine_and_counts_ignore_their_own_filter() {
    let q =
        CaseQuery { marketplace: Some(Marketplace::Wildberries), status: StatusFilter::Active, ..CaseQuery::default() };
    let result = run(&book(), &q, today());
    assert_eq!(result.ids, ["b", "a"]);
    let counts = &result.counts;
    assert_eq!(
        counts.marketplace.get(&Marketplace::Amazon),
        Some(&2),
        "other marketplaces counted with the status filter on"
    );
    assert_eq!(counts.marketplace.get(&Marketplace::Mall), None, "the Mall case is resolved");
    assert_eq!(counts.active, 2);
    assert_eq!(counts.finished, 0);
    assert_eq!(counts.overdue, 1);
    assert_eq!(counts.due_soon, 1);
    assert_eq!(counts.any_due, 2);

    let overdue = CaseQuery { due: DueFilter::Overdue, ..CaseQuery::default() };
    assert_eq!(run(&book(), &overdue, today()).ids, ["a"], "a resolved case is never overdue");
    let soon = CaseQuery { due: DueFilter::DueSoon, ..CaseQuery::default() };
    assert_eq!(run(&book(), &soon, today()).ids, ["b"]);
    let finished = CaseQuery { status: StatusFilter::Finished, ..CaseQuery::default() };
    assert_eq!(run(&book(), &finished, today()).ids.len(), 2);
    let exact = CaseQuery { status: StatusFilter::Is(CaseStatus::WaitingBuyer), ..CaseQuery::default() };
    assert_eq!(run(&book(), &exact, today()).ids, ["c"]);
    let scenario = CaseQuery { scenario: Some("ym-not-delivered".into()), ..CaseQuery::default() };
    assert_eq!(run(&book(), &scenario, today()).ids, ["f"]);
    let all = run(&book(), &CaseQuery::default(), today());
    assert_eq!(all.counts.scenario.get("amazon-not-received"), Some(&2));
    assert_eq!(all.counts.status.values().sum::<usize>(), 6);
}

#[test]
fn a_missed_deadline_does_not_hide_one_due_today_or_tomorrow() {
    // The case of issue 23: a last day passed five days ago, two more fall today and tomorrow.
    let mut missed = case("m", Marketplace::Wildberries, CaseStatus::Open, Some(-5), "WB-300", "");
    for (rule, days) in [("reply", 0), ("objection", 1)] {
        missed.deadlines.push(CaseDeadline { rule: rule.into(), due: today() + Duration::days(days), done: false });
    }
    let later = case("l", Marketplace::Wildberries, CaseStatus::Open, Some(2), "WB-400", "");
    let book = CaseBook::from_records([missed.clone(), later].into_iter().map(Record::Live));

    let all = run(&book, &CaseQuery::default(), today());
    assert_eq!(all.ids, ["m", "l"], "sorted by today, not by the date five days ago");
    assert_eq!((all.counts.due_soon, all.counts.overdue), (2, 1));
    let soon = CaseQuery { due: DueFilter::DueSoon, ..CaseQuery::default() };
    assert_eq!(run(&book, &soon, today()).ids, ["m", "l"]);
    let overdue = CaseQuery { due: DueFilter::Overdue, ..CaseQuery::default() };
    assert_eq!(run(&book, &overdue, today()).ids, ["m"]);

    let agenda = missed.agenda(today());
    assert_eq!(agenda.next_due(), Some(today()));
    assert_eq!(agenda.missed.iter().map(|d| d.due).collect::<Vec<_>>(), [today() - Duration::days(5)]);
}

#[test]
fn search_ignores_case_accents_and_yo_and_needs_every_word() {
    let search = |text: &str| run(&book(), &CaseQuery { text: text.into(), ..CaseQuery::default() }, today()).ids;
    assert_eq!(search("wb-100"), ["a"]);
    assert_eq!(search("ЕЛКИ"), ["a"], "ё folds to е");
    assert_eq!(search("lodz"), ["c"], "Polish letters fold");
    assert_eq!(search("ŁÓDŹ"), ["c"]);
    assert_eq!(search("склад коробку"), ["a"]);
    assert!(search("склад zwrot").is_empty(), "all words must match");
    assert_eq!(search("   ").len(), 6);
    assert_eq!(fold_for_search("Żółć ЁЖ"), "zolc еж");
}

#[test]
fn search_counts_follow_the_text() {
    let q = CaseQuery { text: "114".into(), ..CaseQuery::default() };
    let result = run(&book(), &q, today());
    assert_eq!(result.ids.len(), 2);
    assert_eq!(result.counts.marketplace.get(&Marketplace::Amazon), Some(&2));
    assert_eq!(result.counts.marketplace.get(&Marketplace::Wildberries), None);
}

#[test]
fn other_sort_orders() {
    let mut b = book();
    let ids: Vec<String> = b.iter().map(|c| c.id.clone()).collect();
    for (i, id) in ids.iter().enumerate() {
        let mut c = b.get(id).cloned().expect("present");
        c.created_at = Utc.with_ymd_and_hms(2026, 1, 1 + i as u32, 0, 0, 0).single().expect("valid");
        c.money.at_stake = (i as i64 + 1) * 1000;
        c.updated_at += Duration::days(10 - i as i64);
        b.accept(Record::Live(c));
    }
    let sorted = |sort| run(&b, &CaseQuery { sort, ..CaseQuery::default() }, today()).ids;
    assert_eq!(sorted(SortKey::NewestFirst), ["f", "e", "d", "c", "b", "a"]);
    assert_eq!(sorted(SortKey::OldestFirst), ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(sorted(SortKey::AmountAtStake), ["f", "e", "d", "c", "b", "a"]);
    assert_eq!(sorted(SortKey::RecentlyUpdated), ["a", "b", "c", "d", "e", "f"]);
}

#[test]
fn ten_thousand_cases_query_and_every_match_is_real() {
    let book = CaseBook::from_records(sample_cases(10_000, 77).into_iter().map(Record::Live));
    let q = CaseQuery { text: "склад".into(), status: StatusFilter::Active, ..CaseQuery::default() };
    let started = std::time::Instant::now();
    let result = run(&book, &q, today());
    println!("10,000 cases, search + filter: {:?} (debug build)", started.elapsed());
    assert!(!result.ids.is_empty());
    for id in &result.ids {
        let c = book.get(id).expect("listed ids exist");
        assert!(c.status.is_active());
        assert!(fold_for_search(&c.search_text()).contains("склад"));
    }
    let expected = book.iter().filter(|c| c.status.is_active() && c.search_text().contains("склад")).count();
    assert_eq!(result.ids.len(), expected);
}

#[test]
fn search_text_prepared_in_steps_gives_the_same_results() {
    let cases = sample_cases(300, 11);
    let lazy = CaseBook::from_records(cases.iter().cloned().map(Record::Live));
    let prepared = CaseBook::from_records(cases.into_iter().map(Record::Live));
    let mut steps = 0;
    while !prepared.prepare_search(64) {
        steps += 1;
        assert!(steps < 10, "300 cases in steps of 64 must finish");
    }
    assert_eq!(steps, 4, "64 × 4 = 256 leave 44 for the fifth step");
    assert!(prepared.prepare_search(64), "nothing left to prepare");
    for text in ["склад", "lodz", "carrier", "zz-no-such-word", ""] {
        let query = CaseQuery { text: text.into(), ..CaseQuery::default() };
        assert_eq!(run(&lazy, &query, today()), run(&prepared, &query, today()), "{text:?}");
    }
    // A case changed after preparing gets a fresh search text.
    let mut book = prepared;
    let mut changed = book.iter().next().cloned().expect("a case");
    changed.add_note("уникальнаяметка", changed.updated_at + Duration::minutes(1));
    book.upsert(changed.clone()).expect("newer revision");
    let found = run(&book, &CaseQuery { text: "УНИКАЛЬНАЯМЕТКА".into(), ..CaseQuery::default() }, today());
    assert_eq!(found.ids, vec![changed.id]);
}

#[test]
fn folding_lowers_every_letter_as_unicode_does_and_drops_polish_marks() {
    let marks = |c: char| match c {
        'ё' => 'е',
        'ą' => 'a',
        'ć' => 'c',
        'ę' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ó' => 'o',
        's' | 'ś' => 's',
        'ź' | 'ż' => 'z',
        other => other,
    };
    // ASCII, Latin-1, Latin Extended-A/B, Greek, Cyrillic and a block beyond.
    for c in ('\u{0}'..='\u{5ff}').chain('\u{1e00}'..='\u{1fff}') {
        let expected: String = c.to_lowercase().map(marks).collect();
        assert_eq!(fold_for_search(&c.to_string()), expected, "{c:?} (U+{:04X})", u32::from(c));
    }
    assert_eq!(fold_for_search("ŁÓDŹ Ёлка Straße"), "lodz елка straße");
}
