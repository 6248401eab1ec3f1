use leptos::prelude::*;

use crate::domain::stats::{median_days_to_close, money_by_month, results_by_currency, totals_by_currency, Results};
use crate::i18n::{fill, format_decimal, format_money, format_month, format_percent, tr, tr_plural, Key, Lang};
use crate::ui::i18n::{t, use_lang, use_title_key};
use crate::ui::store::use_cases;

fn percent(lang: Lang, rate: Option<f64>) -> String {
    rate.map(|r| format_percent(lang, r, 0)).unwrap_or_else(|| "—".into())
}

/// The finished cases' money in one currency: each part with its amount, share and cases; empty parts left out.
fn results_view(lang: Lang, currency: &str, results: &Results) -> impl IntoView {
    let parts = [
        (Key::StatsWonInFull, results.won),
        (Key::StatsWonInPart, results.partly),
        (Key::MoneyWrittenOff, results.written_off),
        (Key::StatsLost, results.lost),
        (Key::StatsAwaited, results.awaited),
    ];
    let rows = parts
        .into_iter()
        .filter(|(_, part)| part.amount > 0)
        .map(|(key, part)| {
            view! {
                <li>
                    {tr(lang, key)} ": " <span class="amount">{format_money(lang, part.amount, currency)}</span>
                    " (" {percent(lang, results.share(part))} ", " {tr_plural(lang, Key::StatsShareCases, part.cases as u64)} ")"
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="stat results">
            <div>{fill(tr(lang, Key::StatsResultsIn), &[("currency", currency)])}</div>
            <ul>{rows}</ul>
        </div>
    }
}

/// Whole days as a whole number, a median between two days with one decimal.
fn days(lang: Lang, value: Option<f64>) -> String {
    value.map(|d| format_decimal(lang, d, if d.fract() == 0.0 { 0 } else { 1 })).unwrap_or_else(|| "—".into())
}

/// Expected vs received per currency, the finished cases' results per currency and median days to close: the
/// home page's figures.
#[component]
pub fn StatsSummary() -> impl IntoView {
    let lang = use_lang();
    let cases = use_cases();
    let figures = move || {
        let lang = lang.get();
        cases.book.with(|book| {
            if book.is_empty() {
                return None;
            }
            let totals = totals_by_currency(book.iter());
            let results = results_by_currency(book.iter());
            let median = median_days_to_close(book.iter());
            Some(view! {
                <div class="stats-grid">
                    {totals
                        .into_iter()
                        .map(|(currency, m)| {
                            view! {
                                <div class="stat">
                                    <div>{fill(tr(lang, Key::StatsExpectedIn), &[("currency", &currency)])}</div>
                                    <div class="value">{format_money(lang, m.expected, &currency)}</div>
                                    <div>{tr(lang, Key::StatsReceived)} " " {format_money(lang, m.received, &currency)}</div>
                                </div>
                            }
                        })
                        .collect_view()}
                    {results.into_iter().map(|(currency, r)| results_view(lang, &currency, &r)).collect_view()}
                    <div class="stat">
                        <div>{tr(lang, Key::StatsMedianDays)}</div>
                        <div class="value">{days(lang, median)}</div>
                    </div>
                </div>
            })
        })
    };
    view! {
        <Show when=move || cases.book.with(|b| !b.is_empty())>
            <section class="stats-summary" aria-labelledby="stats-summary-title">
                <h2 id="stats-summary-title">{t(Key::TitleStats)}</h2>
                {figures}
            </section>
        </Show>
    }
}

/// Money per marketplace and month (expected vs received), plus the summary figures.
#[component]
pub fn Stats() -> impl IntoView {
    use_title_key(Key::TitleStats);
    let lang = use_lang();
    let cases = use_cases();
    let rows = move || {
        let lang = lang.get();
        cases.book.with(|book| {
            money_by_month(book.iter())
                .into_iter()
                .map(|row| {
                    let c = row.currency.clone();
                    view! {
                        <tr>
                            <td>{format_month(lang, row.month)}</td>
                            <td>{tr(lang, row.marketplace.key())}</td>
                            <td>{row.totals.cases}</td>
                            <td>{format_money(lang, row.totals.expected, &c)}</td>
                            <td>{format_money(lang, row.totals.received, &c)}</td>
                            <td>{format_money(lang, row.totals.written_off, &c)}</td>
                            <td>{format_money(lang, row.totals.outstanding(), &c)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="page">
            <h1>{t(Key::TitleStats)}</h1>
            <StatsSummary/>
            <h2>{t(Key::StatsByMonth)}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="stats-table-caption">
                <table>
                    <caption id="stats-table-caption" class="visually-hidden">{t(Key::StatsByMonth)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::StatsMonth)}</th>
                            <th scope="col">{t(Key::FilterMarketplace)}</th>
                            <th scope="col">{t(Key::StatsCases)}</th>
                            <th scope="col">{t(Key::StatsExpected)}</th>
                            <th scope="col">{t(Key::StatsReceived)}</th>
                            <th scope="col">{t(Key::MoneyWrittenOff)}</th>
                            <th scope="col">{t(Key::StatsOutstanding)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
