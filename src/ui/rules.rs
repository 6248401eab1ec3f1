//! The rules page: every deadline rule the app applies, with its source, the day it was last verified, whether it
//! is uncertain or may be out of date, and the wizards that use it; then the holiday calendars behind business
//! days. "Why this date?" links here, to one rule.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use super::base::href;
use super::hash::use_focus_on_fragment;
use super::i18n::{t, use_lang, use_title_key};
use super::plan::source_and_date;
use crate::adapters::clock;
use crate::i18n::{fill, tr, Key};
use crate::scenario::{self, calendar, Country, Marketplace, RuleEntry};

#[component]
pub fn Rules() -> impl IntoView {
    use_title_key(Key::TitleRules);
    use_focus_on_fragment();
    let today = clock::today();
    let book = scenario::shipped_rules();
    let markets = Marketplace::ALL.into_iter().filter_map(move |market| {
        let entries: Vec<&'static RuleEntry> = book.iter().filter(|e| e.marketplace == market).collect();
        (!entries.is_empty()).then(|| view! { <MarketRules market entries today/> })
    });
    view! {
        <section class="page rules-page">
            <h1>{t(Key::TitleRules)}</h1>
            <p class="lead">{t(Key::RulesIntro)}</p>
            {markets.collect_view()}
            <HolidayCalendars/>
        </section>
    }
}

#[component]
fn MarketRules(market: Marketplace, entries: Vec<&'static RuleEntry>, today: NaiveDate) -> impl IntoView {
    let heading_id = format!("rules-{}", market.code());
    let labelled_by = heading_id.clone();
    view! {
        <section class="rules-market" aria-labelledby=labelled_by>
            <h2 id=heading_id>{t(market.key())}</h2>
            <ul class="rule-list">
                {entries.into_iter().map(|entry| view! { <RuleCard entry today/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn RuleCard(entry: &'static RuleEntry, today: NaiveDate) -> impl IntoView {
    let lang = use_lang();
    let rule = entry.rule;
    let used_in = entry
        .scenarios()
        .into_iter()
        .enumerate()
        .map(|(i, id)| {
            view! {
                {(i > 0).then_some(", ")}
                <A href=href(&format!("/wizard/{id}"))>{move || scenario::title_of(id, lang.get())}</A>
            }
        })
        .collect_view();
    view! {
        <li class="rule" id=entry.anchor.clone() tabindex="-1">
            <h3>
                {move || rule.label.get(lang.get()).to_string()}
                {rule.uncertain.then(|| view! { " " <span class="badge uncertain">{t(Key::DeadlineUncertain)}</span> })}
            </h3>
            {entry.is_stale(today).then(|| view! { <p class="stale" role="note">{t(Key::RulesStale)}</p> })}
            <p>{move || rule.rule.get(lang.get()).to_string()}</p>
            {move || source_and_date(lang.get(), &rule.source, rule.verified.date())}
            <p class="used-in">{t(Key::RulesUsedIn)} " " {used_in}</p>
        </li>
    }
}

fn country_key(country: Country) -> Key {
    match country {
        Country::Ru => Key::CountryRu,
        Country::Pl => Key::CountryPl,
        Country::Si => Key::CountrySi,
        Country::Hr => Key::CountryHr,
    }
}

#[component]
fn HolidayCalendars() -> impl IntoView {
    let lang = use_lang();
    let rows = Country::ALL
        .into_iter()
        .map(|country| {
            let cal = calendar(country);
            let coverage = move || {
                let lang = lang.get();
                let name = tr(lang, country_key(country));
                let from = cal.first_year.to_string();
                match cal.last_year {
                    Some(to) => fill(
                        tr(lang, Key::RulesCalendarRange),
                        &[("country", name), ("from", &from), ("to", &to.to_string())],
                    ),
                    None => fill(tr(lang, Key::RulesCalendarFrom), &[("country", name), ("from", &from)]),
                }
            };
            view! {
                <li class="rule" id=format!("calendar-{}", country.code())>
                    <p>{coverage}</p>
                    {move || source_and_date(lang.get(), &cal.source, Some(cal.verified))}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="rules-calendars" aria-labelledby="rules-calendars">
            <h2 id="rules-calendars">{t(Key::RulesCalendars)}</h2>
            <p>{t(Key::RulesCalendarsIntro)}</p>
            <ul class="rule-list">{rows}</ul>
        </section>
    }
}
