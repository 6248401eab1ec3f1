//! The top of a case page: marketplace and scenario, the case's name, its facts and its next deadline.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::case_name;
use super::money::money_text;
use crate::domain::{Agenda, Case};
use crate::i18n::{fill, format_date, tr, Key};
use crate::scenario::Scenario;
use crate::ui::i18n::use_lang;
use crate::ui::plan::due_view;

#[component]
pub fn CaseHeader(case: Memo<Option<Case>>, scenario: &'static Scenario, today: NaiveDate) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        case.get().map(|c| {
            let label = |rule: &str| scenario.deadline(rule).map(|r| r.label.get(lang).to_string()).unwrap_or_default();
            let agenda = if c.status.is_active() { c.agenda(today) } else { Agenda::default() };
            let next = agenda.next.as_ref().map(|next| {
                let later = next.alternatives.iter().map(|d| {
                    let text = fill(tr(lang, Key::DeadlineLaterSource), &[("label", &label(&d.rule)), ("date", &format_date(lang, d.due))]);
                    view! { <p class="later-source">{text}</p> }
                }).collect_view();
                view! {
                    <p class="next-deadline">
                        <strong>{tr(lang, Key::CaseNextDeadline)}</strong> " " {label(&next.deadline.rule)} ": "
                        {due_view(lang, today, next.deadline.due)}
                    </p>
                    {later}
                }
            });
            let missed = agenda.missed.iter().map(|d| view! {
                <p class="missed-deadline">
                    <strong>{tr(lang, Key::CaseMissed)}</strong> " " {label(&d.rule)} ": " {due_view(lang, today, d.due)}
                </p>
            }).collect_view();
            view! {
                <p class="eyebrow"><span class="market-tag">{tr(lang, c.marketplace.key())}</span> " · " {scenario.title.get(lang).to_string()}</p>
                <h1>{case_name(&c, lang)}</h1>
                <dl class="case-facts">
                    <div><dt>{tr(lang, Key::CaseStatusLabel)}</dt><dd class="case-status">{tr(lang, c.status.key())}</dd></div>
                    {(!c.buyer.is_empty()).then(|| view! { <div><dt>{tr(lang, Key::CaseBuyer)}</dt><dd>{c.buyer.clone()}</dd></div> })}
                    <div><dt>{tr(lang, Key::MoneyAtStake)}</dt><dd>{money_text(lang, c.money.at_stake, &c.money.currency)}</dd></div>
                    <div><dt>{tr(lang, Key::MoneyClaimed)}</dt><dd>{money_text(lang, c.money.claimed, &c.money.currency)}</dd></div>
                    <div><dt>{tr(lang, Key::MoneyReceived)}</dt><dd>{money_text(lang, c.money.received, &c.money.currency)}</dd></div>
                    <div><dt>{tr(lang, Key::CaseOpened)}</dt><dd>{format_date(lang, c.created_at.date_naive())}</dd></div>
                </dl>
                {next}
                {missed}
            }
        })
    }
}
