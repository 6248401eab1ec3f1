#![cfg(not(target_arch = "wasm32"))]
//! `Scenario::evaluate` computes the path, the answers that count and the plan in one go: it must agree with
//! the separate engine calls on every path of every shipped scenario, and every placeholder of a message on
//! the path is filled from it.

use chrono::NaiveDate;
use claimdesk::i18n::Lang;
use claimdesk::scenario::{self, all_paths, placeholders};

#[test]
fn evaluation_agrees_with_the_engine_on_every_path() {
    let created = NaiveDate::from_ymd_opt(2026, 11, 20).expect("valid");
    for s in scenario::all() {
        for answers in all_paths(s) {
            let eval = s.evaluate(&answers, created);
            let ids = |qs: Vec<&scenario::Question>| qs.into_iter().map(|q| q.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(eval.path.clone()), ids(s.active_questions(&answers)), "{}", s.id);
            let effective: Vec<&str> = s.effective_answers(&answers).into_keys().collect();
            assert_eq!(eval.answers.keys().copied().collect::<Vec<_>>(), effective, "{}", s.id);
            let plan = s.plan(&answers, created);
            let items = |p: &scenario::Plan| p.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
            assert_eq!(items(&eval.plan), items(&plan), "{}", s.id);
            let dues = |p: &scenario::Plan| {
                p.deadlines.iter().map(|d| (d.rule.id.clone(), d.status.clone())).collect::<Vec<_>>()
            };
            assert_eq!(dues(&eval.plan), dues(&plan), "{}", s.id);
            for m in &eval.plan.messages {
                for lang in Lang::ALL {
                    let filled = eval.fill(m.body.get(lang), lang);
                    assert!(placeholders(&filled).is_empty(), "{} {}: {filled}", s.id, m.id);
                }
            }
            assert_eq!(eval, s.evaluate(&answers, created), "the same answers evaluate equal");
            assert_ne!(eval, s.evaluate(&answers, created.succ_opt().expect("valid")), "another day is another plan");
        }
    }
}
