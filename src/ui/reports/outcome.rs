//! What an import found: each sheet as read (or not recognised), each file's error with its row and column,
//! the cells that could not be read, the reports that would complete the findings, and the findings.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::mapping::MappingForm;
use super::texts;
use crate::adapters::clock;
use crate::codec::report::outcome::{FileErrorView, FindingView, ImportOutcome, MoneyView, SheetView, WindowView};
use crate::i18n::{fill, format_money, tr, Key, Lang};
use crate::scenario;
use crate::time_text::parse_date;
use crate::ui::i18n::{t, use_lang};
use crate::ui::pager::Pager;
use crate::ui::plan::{due_view, source_and_date};
use crate::ui::store::{use_store, Command};

/// Findings shown per page: a 100,000-row report can give thousands, and the page must stay quick.
const PER_PAGE: usize = 50;

#[component]
pub fn OutcomeView(
    outcome: ImportOutcome,
    /// Reads the files again, once the seller has mapped a sheet the app did not recognise.
    on_mapped: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let memory = store.prefs.report_findings;
    let ImportOutcome { sheets, errors, findings, problems, companions_wanted } = outcome;
    let unrecognised: Vec<SheetView> = sheets.iter().filter(|s| s.kind.is_none()).cloned().collect();
    let found = findings.len();
    let findings = StoredValue::new(findings);
    // The findings still open (positions in `findings`) and how many were dismissed, now or earlier.
    let open = Memo::new(move |_| {
        let memory = memory.get();
        findings.with_value(|all| memory.still_open(all.iter().map(|f| f.fingerprint.as_str())))
    });
    let total = move || open.with(|(shown, _)| shown.len());
    let pages = Signal::derive(move || total().div_ceil(PER_PAGE));
    let chosen_page = RwSignal::new(0usize);
    // Dismissing the last finding of the last page moves back a page.
    let page = Memo::new(move |_| chosen_page.get().min(pages.get().saturating_sub(1)));
    let today = clock::today();
    let dismiss = Callback::new(move |fingerprint: String| {
        if store.run(Command::DismissFinding { fingerprint }, &[]).is_ok() {
            // The finding and its button are gone: the list's heading keeps the keyboard's place.
            crate::adapters::dom::focus_by_id("report-findings-title");
        }
    });
    let shown = move || {
        let lang = lang.get();
        let first = page.get() * PER_PAGE;
        let positions = open.with(|(shown, _)| shown.iter().skip(first).take(PER_PAGE).copied().collect::<Vec<_>>());
        findings.with_value(|all| {
            positions
                .into_iter()
                .filter_map(|i| all.get(i))
                .map(|f| finding_view(lang, today, f, dismiss))
                .collect_view()
        })
    };
    let range = move || {
        let first = page.get() * PER_PAGE;
        let total = total();
        fill(
            tr(lang.get(), Key::ReportsShowing),
            &[
                ("from", &(first + 1).to_string()),
                ("to", &(first + PER_PAGE).min(total).to_string()),
                ("total", &total.to_string()),
            ],
        )
    };
    let hidden = move || {
        let hidden = open.with(|(_, hidden)| *hidden);
        (hidden > 0).then(|| {
            view! { <p class="findings-hidden">{fill(tr(lang.get(), Key::ReportsHidden), &[("n", &hidden.to_string())])}</p> }
        })
    };
    view! {
        <section class="report-read" aria-labelledby="report-read-title">
            <h2 id="report-read-title">{t(Key::ReportsReadTitle)}</h2>
            <ul class="report-sheets">
                {move || {
                    let lang = lang.get();
                    let sheets = sheets.iter().map(|s| sheet_view(lang, s)).collect_view();
                    let errors = errors.iter().map(|e| error_view(lang, e)).collect_view();
                    (sheets, errors)
                }}
            </ul>
            {unrecognised
                .into_iter()
                .enumerate()
                .map(|(index, sheet)| view! { <MappingForm sheet index on_saved=on_mapped/> })
                .collect_view()}
            {move || {
                let lang = lang.get();
                (!problems.is_empty()).then(|| view! {
                    <div class="notice warning">
                        <p>{tr(lang, Key::ReportsProblems)}</p>
                        <ul>
                            {problems.iter().take(20).map(|p| {
                                let source = p.source.clone().unwrap_or_default();
                                view! { <li>{fill(tr(lang, Key::ReportsProblemAt), &[("source", &source), ("row", &p.row.to_string())])}</li> }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || {
                let lang = lang.get();
                (!companions_wanted.is_empty()).then(|| {
                    let kinds: Vec<&str> = companions_wanted.iter().map(|k| tr(lang, texts::report_kind(*k))).collect();
                    view! { <p class="notice">{fill(tr(lang, Key::ReportsCompanions), &[("kinds", &kinds.join("; "))])}</p> }
                })
            }}
        </section>
        <section class="report-findings" aria-labelledby="report-findings-title">
            <h2 id="report-findings-title" tabindex="-1">{t(Key::ReportsFindingsTitle)}</h2>
            {move || match (found, total()) {
                (0, _) => view! { <p class="findings-none">{t(Key::ReportsNoFindings)}</p> }.into_any(),
                (_, 0) => view! { <p class="findings-none">{t(Key::ReportsNothingNew)}</p> }.into_any(),
                _ => view! { <p class="findings-range">{range}</p> }.into_any(),
            }}
            {hidden}
            <ul class="findings">{shown}</ul>
            <Pager page pages turn=Callback::new(move |n| chosen_page.set(n))/>
        </section>
    }
}

fn sheet_view(lang: Lang, sheet: &SheetView) -> impl IntoView {
    let detail = match sheet.kind {
        Some(kind) => fill(
            tr(lang, Key::ReportsSheetRecognised),
            &[
                ("kind", tr(lang, texts::report_kind(kind))),
                ("rows", &sheet.rows.unwrap_or(0).to_string()),
                ("columns", &sheet.columns.unwrap_or(0).to_string()),
                ("header", &sheet.header_row.unwrap_or(0).to_string()),
            ],
        ),
        None => {
            let closest = sheet.candidates.first().map(|c| {
                fill(
                    tr(lang, Key::ReportsClosestKind),
                    &[("kind", tr(lang, texts::report_kind(c.kind))), ("n", &c.missing.len().to_string())],
                )
            });
            [tr(lang, Key::ReportsSheetNotRecognised).to_string(), closest.unwrap_or_default()]
                .join(" ")
                .trim()
                .to_string()
        }
    };
    let class = if sheet.kind.is_some() { "sheet recognised" } else { "sheet not-recognised" };
    view! { <li class=class><strong>{sheet.source.clone()}</strong> ": " {detail}</li> }
}

fn error_view(lang: Lang, error: &FileErrorView) -> impl IntoView {
    let place = match (error.row, error.column) {
        (Some(row), Some(column)) => {
            Some(fill(tr(lang, Key::ReportErrorAtCell), &[("row", &row.to_string()), ("column", &column.to_string())]))
        }
        (Some(row), None) => Some(fill(tr(lang, Key::ReportErrorAtRow), &[("row", &row.to_string())])),
        _ => None,
    };
    view! {
        <li class="sheet file-error" role="alert">
            <strong>{error.file.clone()}</strong>
            {place.map(|p| format!(" ({p})"))}
            ": " {tr(lang, texts::file_error(&error.kind))}
        </li>
    }
}

fn money(lang: Lang, amount: &MoneyView) -> String {
    format_money(lang, amount.minor, &amount.currency)
}

fn finding_view(lang: Lang, today: NaiveDate, finding: &FindingView, dismiss: Callback<String>) -> impl IntoView {
    let fingerprint = finding.fingerprint.clone();
    let amount = match &finding.amount {
        Some(a) => money(lang, a),
        None => tr(lang, Key::FindingAmountUnknown).to_string(),
    };
    let basis = match (&finding.expected, &finding.paid) {
        (Some(expected), Some(paid)) => Some(fill(
            tr(lang, Key::FindingBasisPaid),
            &[("expected", &money(lang, expected)), ("paid", &money(lang, paid))],
        )),
        _ => None,
    };
    let lines: Vec<String> = finding.lines.iter().map(usize::to_string).collect();
    view! {
        <li class="finding">
            <h3>{tr(lang, texts::finding(&finding.kind))}</h3>
            <dl>
                <dt>{tr(lang, Key::FindingItem)}</dt>
                <dd>{finding.item.clone()}</dd>
                {(!finding.reference.is_empty()).then(|| view! {
                    <dt>{tr(lang, Key::FindingReference)}</dt>
                    <dd>{finding.reference.clone()}</dd>
                })}
                <dt>{tr(lang, Key::FindingUnits)}</dt>
                <dd>{finding.units.to_string()}</dd>
                <dt>{tr(lang, Key::FindingAmount)}</dt>
                <dd><span class="amount">{amount}</span>{basis.map(|b| view! { <br/><span class="basis">{b}</span> })}</dd>
                <dt>{tr(lang, Key::FindingLastDay)}</dt>
                <dd>{window_view(lang, today, &finding.window)}</dd>
                <dt>{tr(lang, Key::FindingRule)}</dt>
                <dd>{rule_view(lang, finding)}</dd>
                <dt>{tr(lang, Key::FindingLines)}</dt>
                <dd>{format!("{}: {}", tr(lang, texts::report_kind(finding.report)), lines.join(", "))}</dd>
            </dl>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| dismiss.run(fingerprint.clone())>
                    {tr(lang, Key::Dismiss)}
                </button>
            </div>
        </li>
    }
}

fn window_view(lang: Lang, today: NaiveDate, window: &WindowView) -> impl IntoView {
    match window {
        WindowView::Known { opens, last_day, uncertain, .. } => {
            let due = parse_date(last_day).map(|day| due_view(lang, today, day));
            let opens = opens
                .as_deref()
                .and_then(parse_date)
                .map(|day| fill(tr(lang, Key::FindingOpens), &[("date", &crate::i18n::format_date(lang, day))]));
            view! {
                {due}
                {uncertain.then(|| view! { " " <span class="badge uncertain">{tr(lang, Key::DeadlineUncertain)}</span> })}
                {opens.map(|o| view! { <br/>{o} })}
            }
            .into_any()
        }
        WindowView::Unknown { unknown } => view! { <span>{tr(lang, texts::window_unknown(unknown))}</span> }.into_any(),
    }
}

/// The deadline rule the window comes from (its name and text from the scenario content, its source and date),
/// or the page the finding's reading comes from when no rule applies.
fn rule_view(lang: Lang, finding: &FindingView) -> impl IntoView {
    match &finding.window {
        WindowView::Known { scenario: id, deadline, source, verified, .. } => {
            let rule = scenario::get(id).and_then(|s| s.deadlines.iter().find(|d| d.id == *deadline));
            let label = rule.map(|r| r.label.get(lang).to_string());
            let text = rule.map(|r| r.rule.get(lang).to_string());
            view! {
                {label.map(|l| view! { <strong>{l}</strong> })}
                {text.map(|t| view! { <p>{t}</p> })}
                {source_and_date(lang, source, parse_date(verified))}
            }
            .into_any()
        }
        WindowView::Unknown { .. } => view! {
            <p class="source">
                {tr(lang, Key::DeadlineSource)} " "
                <a href=finding.source.clone() rel="noopener noreferrer" target="_blank">{finding.source.clone()}</a>
            </p>
        }
        .into_any(),
    }
}
