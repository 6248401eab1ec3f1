#![cfg(not(target_arch = "wasm32"))]
//! The generated cases are deterministic, varied and as realistic as the capacity figures claim.

use std::collections::BTreeSet;

use claimdesk::domain::{sample_cases, EventKind};

#[test]
fn same_seed_same_cases_other_seed_other_cases() {
    assert_eq!(sample_cases(50, 1), sample_cases(50, 1));
    assert_ne!(sample_cases(50, 1), sample_cases(50, 2));
    assert_eq!(sample_cases(10, 1)[..], sample_cases(50, 1)[..10], "a longer run starts the same");
}

#[test]
fn cases_are_mixed_and_shaped_like_real_ones() {
    let cases = sample_cases(2_000, 5);
    let ids: BTreeSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), cases.len(), "unique ids");
    let scenarios: BTreeSet<&str> = cases.iter().map(|c| c.scenario.as_str()).collect();
    assert_eq!(
        scenarios,
        ["amazon-not-received", "mall-incomplete-order", "wb-buyer-refusal", "wb-lost-goods", "ym-not-delivered"]
            .into()
    );
    for scenario in &scenarios {
        assert!(claimdesk::scenario::get(scenario).is_some(), "{scenario} is a shipped scenario");
    }
    assert_eq!(cases.iter().map(|c| c.status).collect::<BTreeSet<_>>().len(), 7, "every status occurs");
    assert!(cases.iter().map(|c| c.money.currency.as_str()).collect::<BTreeSet<_>>().len() >= 5);

    let notes: Vec<&str> = cases
        .iter()
        .flat_map(|c| c.timeline.iter())
        .filter_map(|e| match &e.kind {
            EventKind::Note { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(notes.iter().any(|n| n.chars().any(|c| ('а'..='я').contains(&c))), "Cyrillic notes");
    assert!(notes.iter().any(|n| n.chars().any(|c| "ąćęłńóśźż".contains(c))), "Polish notes");
    let average = notes.iter().map(|n| n.chars().count()).sum::<usize>() / notes.len();
    assert!((60..=110).contains(&average), "notes of about 80 characters, got {average}");

    for c in &cases {
        assert!((5..=8).contains(&c.answers.len()), "{} answers", c.answers.len());
        assert!((3..=6).contains(&c.timeline.len()), "{} events", c.timeline.len());
        let note_count = c.timeline.iter().filter(|e| matches!(e.kind, EventKind::Note { .. })).count();
        assert!((1..=2).contains(&note_count));
        assert!((2..=4).contains(&c.deadlines.len()));
        assert!((6..=12).contains(&c.checklist.len()));
        assert!(c.timeline.windows(2).all(|w| w[0].at <= w[1].at), "timeline in order");
        assert_eq!(c.timeline.last().map(|e| e.at), Some(c.updated_at));
        c.validate().unwrap_or_else(|p| panic!("{}: {p}", c.id));
    }
}
