//! The plan of a case (steps, evidence, warnings, outcome, deadlines, messages), shared by the wizard's
//! summary and the case page.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use super::base::href;
use super::i18n::{t, use_lang};
use crate::adapters::clock;
use crate::domain::step_window::closed_window;
use crate::i18n::{fill, format_date, tr, Countdown, Key, Lang};
use crate::scenario::{self, Answers, DeadlineStatus, PlanItem, PlanKind, Scenario};
use crate::ui::message::{CaseLetters, Evaluated, MessageCard};

/// Checklist ticks and how to change them; `None` shows the checklist read-only (in the wizard).
#[derive(Clone, Copy)]
pub struct Ticks {
    pub state: Signal<BTreeMap<String, bool>>,
    pub set: Callback<(String, bool)>,
    /// The items an attached file proves: shown with a paperclip.
    pub proof: Signal<BTreeSet<String>>,
}

fn kind_key(kind: PlanKind) -> Key {
    match kind {
        PlanKind::Warning => Key::PlanWarnings,
        PlanKind::Step => Key::PlanSteps,
        PlanKind::Evidence => Key::PlanEvidence,
        PlanKind::Outcome => Key::PlanOutcome,
        PlanKind::Insight => Key::PlanInsights,
    }
}

const SECTION_ORDER: [PlanKind; 5] =
    [PlanKind::Warning, PlanKind::Outcome, PlanKind::Step, PlanKind::Evidence, PlanKind::Insight];

/// A due date and how far it is from today, the overdue ones marked: the same wherever a deadline is shown.
pub fn due_view(lang: Lang, today: NaiveDate, due: NaiveDate) -> impl IntoView {
    let countdown = Countdown::between(today, due);
    view! {
        <span class="due-date">{format_date(lang, due)}</span>
        " "
        <span class=if countdown.is_overdue() { "countdown overdue" } else { "countdown" }>{countdown.text(lang)}</span>
    }
}

/// Where a rule or calendar comes from and when it was last checked: the same under "Why this date?" and on
/// the rules page.
/// `verified` is `None` for a source that carries no date.
pub fn source_and_date(lang: Lang, source: &str, verified: Option<NaiveDate>) -> impl IntoView {
    let when = match verified {
        Some(day) => crate::i18n::fill(tr(lang, Key::DeadlineVerified), &[("date", &format_date(lang, day))]),
        None => tr(lang, Key::DeadlineSourceUndated).to_string(),
    };
    view! {
        <p class="source">
            {tr(lang, Key::DeadlineSource)} " "
            <a href=source.to_string() rel="noopener noreferrer" target="_blank">{source.to_string()}</a>
        </p>
        <p class="verified">{when}</p>
    }
}

#[component]
pub fn PlanView(
    scenario: &'static Scenario,
    #[prop(into)] answers: Signal<Answers>,
    created: NaiveDate,
    #[prop(optional)] ticks: Option<Ticks>,
    /// On a case page: messages are numbered, recorded and printable as letters.
    #[prop(optional)]
    case: Option<CaseLetters>,
) -> impl IntoView {
    let eval: Evaluated = Memo::new(move |_| answers.with(|a| scenario.evaluate(a, created)));
    let items = Memo::new(move |_| eval.with(|e| e.plan.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>()));
    let sections = move || {
        let ids = items.get();
        SECTION_ORDER
            .into_iter()
            .filter_map(|kind| {
                let list: Vec<&'static PlanItem> =
                    scenario.plan.iter().filter(|i| i.kind == kind && ids.contains(&i.id)).collect();
                (!list.is_empty()).then(|| {
                    view! {
                        <section class=format!("plan-section plan-{}", kind.code())>
                            <h3>{t(kind_key(kind))}</h3>
                            <ol class="plan-list">
                                {list.into_iter().map(|item| view! { <PlanEntry item eval ticks/> }).collect_view()}
                            </ol>
                        </section>
                    }
                })
            })
            .collect_view()
    };
    view! {
        <div class="plan">
            <DeadlineList scenario eval/>
            {sections}
            <MessageList scenario eval case/>
        </div>
    }
}

#[component]
fn PlanEntry(item: &'static PlanItem, eval: Evaluated, ticks: Option<Ticks>) -> impl IntoView {
    let lang = use_lang();
    let body = item.body.as_ref().map(|b| {
        view! { <p class="plan-body">{move || eval.with(|e| e.fill(b.get(lang.get()), lang.get()))}</p> }
    });
    let checklist = (!item.checklist.is_empty()).then(|| {
        view! {
            <ul class="checklist">
                {item
                    .checklist
                    .iter()
                    .map(|c| {
                        let label = move || c.label.get(lang.get()).to_string();
                        match ticks {
                            Some(ticks) => {
                                let id = c.id.clone();
                                let input_id = format!("check-{}", c.id);
                                let checked = {
                                    let id = id.clone();
                                    move || ticks.state.with(|s| s.get(&id).copied().unwrap_or(false))
                                };
                                let proof = {
                                    let id = id.clone();
                                    move || {
                                        ticks.proof.with(|p| p.contains(&id)).then(|| view! {
                                            <span class="proof-mark" role="img" aria-label=move || tr(lang.get(), Key::EvidenceProofMark)>"📎"</span>
                                        })
                                    }
                                };
                                view! {
                                    <li class="check-item">
                                        <input
                                            type="checkbox"
                                            id=input_id.clone()
                                            prop:checked=checked
                                            on:change=move |ev| ticks.set.run((id.clone(), event_target_checked(&ev)))
                                        />
                                        <label for=input_id>{label}</label>
                                        {proof}
                                    </li>
                                }
                                .into_any()
                            }
                            None => view! { <li class="check-item static">{label}</li> }.into_any(),
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    let today = clock::today();
    let closed = move || {
        let lang = lang.get();
        eval.with(|e| closed_window(item, &e.plan, today, lang)).map(|window| {
            let open = match window.still_open {
                Some(open) => {
                    let key = if open.rule.is_from() { Key::PlanStillPossibleFrom } else { Key::PlanStillOpenUntil };
                    let label = open.rule.label.get(lang).to_string();
                    fill(tr(lang, key), &[("label", &label), ("date", &format_date(lang, open.due))])
                }
                None => tr(lang, Key::PlanNothingOpen).to_string(),
            };
            view! {
                <p class="window-closed">
                    <strong>{fill(tr(lang, Key::PlanWindowClosed), &[("date", &format_date(lang, window.closed_on))])}</strong>
                    " " {open}
                </p>
            }
        })
    };
    view! {
        <li class=format!("plan-item kind-{}", item.kind.code())>
            <h4>{move || item.title.get(lang.get()).to_string()}</h4>
            {closed}
            {body}
            {checklist}
        </li>
    }
}

#[component]
fn DeadlineList(scenario: &'static Scenario, eval: Evaluated) -> impl IntoView {
    let lang = use_lang();
    let today = clock::today();
    let rows = move || {
        let lang = lang.get();
        eval.with(|e| {
            e.plan
                .deadlines
                .iter()
                .map(|d| {
                    let rule = d.rule;
                    let when = match &d.status {
                        DeadlineStatus::Due(due) => due_view(lang, today, *due).into_any(),
                        DeadlineStatus::WaitingFor(what) => {
                            let name = scenario
                                .question(what)
                                .map(|q| q.short.get(lang).to_string())
                                .or_else(|| scenario.deadlines.iter().find(|r| &r.id == what).map(|r| r.label.get(lang).to_string()))
                                .unwrap_or_else(|| what.clone());
                            view! { <span class="countdown waiting">{crate::i18n::fill(tr(lang, Key::DeadlineWaiting), &[("what", &name)])}</span> }
                                .into_any()
                        }
                    };
                    let rolled = d.rolled_from.map(|day| {
                        view! { <p class="deadline-moved">{crate::i18n::fill(tr(lang, Key::DeadlineRolled), &[("date", &format_date(lang, day))])}</p> }
                    });
                    let uncovered = d.uncovered_year.map(|year| {
                        view! { <p class="deadline-moved">{crate::i18n::fill(tr(lang, Key::DeadlineUncovered), &[("year", &year.to_string())])}</p> }
                    });
                    let on_rules_page = scenario::anchor_of(scenario::shipped_rules(), &scenario.id, &rule.id)
                        .map(|anchor| href(&format!("/rules#{anchor}")));
                    view! {
                        <li class="deadline">
                            <div class="deadline-head">
                                <strong>{rule.label.get(lang).to_string()}</strong>
                                {when}
                                {rule.uncertain.then(|| view! { <span class="badge uncertain">{tr(lang, Key::DeadlineUncertain)}</span> })}
                            </div>
                            {rolled}
                            {uncovered}
                            <details class="why">
                                <summary>{tr(lang, Key::DeadlineWhy)}</summary>
                                <p>{rule.rule.get(lang).to_string()}</p>
                                {source_and_date(lang, &rule.source, rule.verified.date())}
                                {on_rules_page.map(|link| view! { <p class="all-rules"><A href=link>{tr(lang, Key::DeadlineAllRules)}</A></p> })}
                            </details>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let any = move || eval.with(|e| !e.plan.deadlines.is_empty());
    view! {
        <Show when=any>
            <section class="plan-section deadlines">
                <h3>{t(Key::PlanDeadlines)}</h3>
                <ul class="deadline-list">{rows}</ul>
            </section>
        </Show>
    }
}

#[component]
fn MessageList(scenario: &'static Scenario, eval: Evaluated, case: Option<CaseLetters>) -> impl IntoView {
    let messages = move || eval.with(|e| e.plan.messages.iter().map(|m| m.id.clone()).collect::<Vec<_>>());
    view! {
        <Show when=move || !messages().is_empty()>
            <section class="plan-section messages">
                <h3>{t(Key::PlanMessages)}</h3>
                {move || {
                    let ids = messages();
                    scenario
                        .messages
                        .iter()
                        .filter(|m| ids.contains(&m.id))
                        .map(|message| view! { <MessageCard message eval case/> })
                        .collect_view()
                }}
            </section>
        </Show>
    }
}
