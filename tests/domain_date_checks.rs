#![cfg(not(target_arch = "wasm32"))]
//! Dates that contradict each other or the calendar are questioned with a warning naming both questions.

use claimdesk::domain::date_checks::{date_problems, is_past_event, ordered_pairs, DateProblem};
use claimdesk::i18n::Lang;
use claimdesk::scenario::{all, QuestionKind};

mod common;
use common::{answers, date, scenario};

#[test]
fn a_claim_before_the_loss_was_found_is_questioned() {
    let s = scenario("wb-lost-goods");
    let today = date("2026-11-25");
    let claim_first = answers(
        s,
        &[("where", "warehouse"), ("found_date", "2026-11-12"), ("claim_sent", "yes"), ("claim_date", "2026-11-10")],
    );
    let problems = date_problems(s, &claim_first, today);
    assert_eq!(
        problems,
        [DateProblem::OutOfOrder {
            earlier: "found_date".into(),
            earlier_date: date("2026-11-12"),
            later: "claim_date".into(),
            later_date: date("2026-11-10"),
        }]
    );
    assert_eq!(
        problems[0].text(s, Lang::En),
        "The claim date (Nov 10, 2026) is earlier than the date the loss was found (Nov 12, 2026). Check both dates."
    );
    assert_eq!(
        problems[0].text(s, Lang::Ru),
        "Дата претензии (10.11.2026) указана раньше, чем дата обнаружения утраты (12.11.2026). Проверьте обе даты."
    );
    assert_eq!(
        problems[0].text(s, Lang::Pl),
        "Data wezwania (10.11.2026) jest wcześniejsza niż data stwierdzenia utraty (12.11.2026). Sprawdź obie daty."
    );

    let same_day = answers(
        s,
        &[("where", "warehouse"), ("found_date", "2026-11-12"), ("claim_sent", "yes"), ("claim_date", "2026-11-12")],
    );
    assert_eq!(date_problems(s, &same_day, today), [], "a claim on the day the loss was found is fine");
    let no_claim = answers(s, &[("where", "warehouse"), ("found_date", "2026-11-12"), ("claim_sent", "no")]);
    assert_eq!(date_problems(s, &no_claim, today), []);
}

#[test]
fn a_past_event_dated_after_today_is_questioned_a_scheduled_one_is_not() {
    let s = scenario("wb-lost-goods");
    let found_tomorrow = answers(s, &[("where", "fbs"), ("found_date", "2026-11-26")]);
    let problems = date_problems(s, &found_tomorrow, date("2026-11-25"));
    assert_eq!(problems, [DateProblem::InFuture { question: "found_date".into(), date: date("2026-11-26") }]);
    assert_eq!(
        problems[0].text(s, Lang::En),
        "Date the loss was found: Nov 26, 2026 is a date in the future. Check it."
    );
    assert_eq!(problems[0].text(s, Lang::Ru), "Дата обнаружения утраты: 26.11.2026 — дата в будущем. Проверьте её.");
    assert_eq!(date_problems(s, &found_tomorrow, date("2026-11-26")), [], "today itself is not the future");

    let amazon = scenario("amazon-not-received");
    let edd_ahead = answers(
        amazon,
        &[("fulfilment", "seller_us"), ("tracking", "transit"), ("status", "none"), ("max_edd", "2026-12-10")],
    );
    assert_eq!(date_problems(amazon, &edd_ahead, date("2026-11-25")), [], "a delivery estimate may lie ahead");
}

#[test]
fn an_answer_off_the_path_is_not_compared() {
    let s = scenario("wb-lost-goods");
    // The claim date stays stored when "claim sent" changes to no, but no longer counts.
    let mut stale = answers(
        s,
        &[("where", "warehouse"), ("found_date", "2026-11-12"), ("claim_sent", "yes"), ("claim_date", "2026-11-01")],
    );
    stale.insert("claim_sent".into(), claimdesk::scenario::Answer::Choice("no".into()));
    assert_eq!(date_problems(s, &stale, date("2026-11-25")), []);
}

#[test]
fn every_pair_and_past_event_names_date_questions_and_the_later_reads_as_a_feminine_date() {
    let mut pairs = 0;
    for s in all() {
        for (earlier, later) in ordered_pairs(&s.id) {
            pairs += 1;
            for id in [earlier, later] {
                let q = s.question(id).unwrap_or_else(|| panic!("{}: no question {id}", s.id));
                assert_eq!(q.kind, QuestionKind::Date, "{}: {id}", s.id);
            }
            // The Russian and Polish warnings agree in gender with "дата" / "data".
            let short = &s.question(later).expect("checked above").short;
            assert!(short.get(Lang::Ru).starts_with("дата"), "{}: {later}", s.id);
            assert!(short.get(Lang::Pl).starts_with("data"), "{}: {later}", s.id);
        }
    }
    assert_eq!(pairs, 6);
    let dates: Vec<&str> = all()
        .iter()
        .flat_map(|s| &s.questions)
        .filter(|q| q.kind == QuestionKind::Date)
        .map(|q| q.id.as_str())
        .collect();
    for id in ["found_date", "claim_date", "act_date", "cancelled_on"] {
        assert!(is_past_event(id) && dates.contains(&id), "{id}");
    }
    assert!(!is_past_event("max_edd") && !is_past_event("scheduled_on"));
}
