//! The case's itemised loss table: the rows with each amount and the total on the marketplace's basis (with the
//! formula), rows pasted from a spreadsheet after a preview with an error per bad cell, the CSV file to attach
//! to the claim, and the split into several claims where the marketplace limits one claim's rows.

use leptos::prelude::*;

use crate::adapters::{clock, files};
use crate::codec::csv::CsvStyle;
use crate::codec::loss_csv::{loss_file_name, loss_table_csv, LossCsvTexts, LOSS_COLUMNS};
use crate::domain::{
    claim_row_limit, parse_pasted, Basis, Case, Commission, LossColumn, LossError, LossErrorKind, LossRow, LossTable,
    PastePreview,
};
use crate::i18n::{fill, format_decimal, format_money, tr, Key, Lang};
use crate::ui::announcer::announce;
use crate::ui::i18n::{t, use_lang};
use crate::ui::store::{use_store, Command};

pub(crate) fn column_key(column: LossColumn) -> Key {
    match column {
        LossColumn::MarketplaceSku => Key::LossColMarketplaceSku,
        LossColumn::SellerArticle => Key::LossColSellerArticle,
        LossColumn::Size => Key::LossColSize,
        LossColumn::Barcode => Key::LossColBarcode,
        LossColumn::Quantity => Key::LossColQuantity,
        LossColumn::UnitPrice => Key::LossColUnitPrice,
        LossColumn::Commission => Key::LossColCommission,
    }
}

fn problem_key(kind: LossErrorKind) -> Key {
    match kind {
        LossErrorKind::EmptyRequired => Key::LossProblemEmpty,
        LossErrorKind::NotANumber => Key::LossProblemNotANumber,
        LossErrorKind::Negative => Key::LossProblemNegative,
        LossErrorKind::ZeroQuantity => Key::LossProblemZero,
        LossErrorKind::NotWhole => Key::LossProblemNotWhole,
        LossErrorKind::TooLarge => Key::LossProblemTooLarge,
        LossErrorKind::TooLong => Key::LossProblemTooLong,
        LossErrorKind::CommissionAbovePrice => Key::LossProblemCommission,
        LossErrorKind::TooManyRows => Key::LossProblemTooManyRows,
    }
}

/// "Row 3, Quantity: not a number".
pub(crate) fn error_text(lang: Lang, error: &LossError) -> String {
    let row = error.row.to_string();
    let problem = tr(lang, problem_key(error.kind));
    match error.column {
        Some(column) => fill(
            tr(lang, Key::LossErrorCell),
            &[("row", &row), ("column", tr(lang, column_key(column))), ("problem", problem)],
        ),
        None => fill(tr(lang, Key::LossErrorRow), &[("row", &row), ("problem", problem)]),
    }
}

fn commission_text(lang: Lang, commission: Commission, currency: &str) -> String {
    match commission {
        Commission::PerUnit(0) | Commission::Percent(0) => "—".to_string(),
        Commission::PerUnit(minor) => format_money(lang, minor, currency),
        Commission::Percent(bp) => {
            let decimals = if bp % 100 == 0 {
                0
            } else if bp % 10 == 0 {
                1
            } else {
                2
            };
            format!("{}\u{a0}%", format_decimal(lang, f64::from(bp) / 100.0, decimals))
        }
    }
}

/// The cells of one row in column order, then its amount: the same in the editor and in a letter.
fn row_cells(lang: Lang, row: &LossRow, basis: Basis, currency: &str) -> impl IntoView {
    let line_total = row.formula(basis).line_total;
    view! {
        <td>{row.marketplace_sku.clone()}</td>
        <td>{row.seller_article.clone()}</td>
        <td>{row.size.clone()}</td>
        <td>{row.barcode.clone()}</td>
        <td class="num">{row.quantity}</td>
        <td class="num">{format_money(lang, row.unit_price, currency)}</td>
        <td class="num">{commission_text(lang, row.commission, currency)}</td>
        <td class="num">{format_money(lang, line_total, currency)}</td>
    }
}

/// The CSV of `table` (or of one claim part) in the language's spreadsheet style.
fn csv_of(lang: Lang, table: &LossTable, basis: Basis) -> String {
    let headers = [
        Key::LossColMarketplaceSku,
        Key::LossColSellerArticle,
        Key::LossColSize,
        Key::LossColBarcode,
        Key::LossColQuantity,
        Key::LossColUnitPrice,
        Key::LossColCommission,
        Key::LossColCommissionPerUnit,
        Key::LossColPerUnit,
        Key::LossColAmount,
    ]
    .map(|k| tr(lang, k));
    debug_assert_eq!(headers.len(), LOSS_COLUMNS.len());
    loss_table_csv(table, basis, &LossCsvTexts { headers, total: tr(lang, Key::LossTotal) }, CsvStyle::for_lang(lang))
}

#[component]
pub fn LossTableEditor(id: String, case: Memo<Option<Case>>) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let marketplace = case.with_untracked(|c| c.as_ref().map(|c| c.marketplace));
    let Some(marketplace) = marketplace else { return ().into_any() };
    let basis = Basis::for_marketplace(marketplace);
    let limit = claim_row_limit(marketplace);
    let table = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.losses.clone()).unwrap_or_default()));
    let currency = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.money.currency.clone()).unwrap_or_default()));

    // Stored, so the closures below stay `Copy` and can be used inside `<Show>`.
    let id = StoredValue::new(id);
    let save = Callback::new(move |losses: LossTable| {
        let _ = store.run(Command::SetLosses { case: id.get_value(), losses }, &[]);
    });
    let remove_row = move |index: usize| {
        let mut next = table.get_untracked();
        if index < next.rows.len() {
            next.rows.remove(index);
            save.run(next);
        }
    };
    let claim_total = move |_| {
        let _ = store.run(Command::ClaimTableTotal { case: id.get_value() }, &[]);
    };
    let export = move |part: Option<(usize, usize, LossTable)>| {
        let lang = lang.get_untracked();
        let id = id.get_value();
        let (name, text) = match part {
            Some((k, n, rows)) => (loss_file_name(&id, clock::today(), Some((k, n))), csv_of(lang, &rows, basis)),
            None => (loss_file_name(&id, clock::today(), None), csv_of(lang, &table.get_untracked(), basis)),
        };
        let ok = files::download(&name, "text/csv;charset=utf-8", &text);
        announce(tr(lang, if ok { Key::ExportDone } else { Key::ExportFailed }));
    };

    let rows = move || {
        let lang = lang.get();
        let currency = currency.get();
        table.with(|t| {
            t.rows
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let remove_label = fill(tr(lang, Key::LossRemoveRow), &[("n", &(i + 1).to_string())]);
                    view! {
                        <tr>
                            {row_cells(lang, row, basis, &currency)}
                            <td class="no-print">
                                <button type="button" class="button" aria-label=remove_label on:click=move |_| remove_row(i)>"×"</button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let total = move || format_money(lang.get(), table.with(|t| t.total(basis)), &currency.get());
    let claimed_line = move || {
        let lang = lang.get();
        case.with(|c| {
            let c = c.as_ref()?;
            let table_total = c.losses_total()?;
            let amount = format_money(lang, table_total, &c.money.currency);
            Some(if c.money.claimed_by_hand && c.money.claimed != table_total {
                let claimed = format_money(lang, c.money.claimed, &c.money.currency);
                view! {
                    <p class="claimed-by-hand">
                        {fill(tr(lang, Key::LossClaimedByHand), &[("claimed", &claimed), ("amount", &amount)])} " "
                        <button type="button" class="button" on:click=claim_total>{tr(lang, Key::LossUseTotal)}</button>
                    </p>
                }
                .into_any()
            } else {
                view! { <p class="claimed-follows">{fill(tr(lang, Key::LossClaimedFollows), &[("amount", &amount)])}</p> }.into_any()
            })
        })
    };
    let parts = move || {
        let lang = lang.get();
        let currency = currency.get();
        let limit = limit?;
        let parts = table.with(|t| t.claim_parts(Some(limit), basis));
        (parts.len() > 1).then(|| {
            let count = parts.len();
            let items = parts
                .into_iter()
                .enumerate()
                .map(|(k, part)| {
                    let text = fill(
                        tr(lang, Key::LossPart),
                        &[
                            ("k", &(k + 1).to_string()),
                            ("n", &count.to_string()),
                            ("from", &(part.rows.start + 1).to_string()),
                            ("to", &part.rows.end.to_string()),
                            ("amount", &format_money(lang, part.total, &currency)),
                        ],
                    );
                    let rows = table.with_untracked(|t| t.part(&part));
                    let label = fill(tr(lang, Key::LossExportPart), &[("k", &(k + 1).to_string())]);
                    view! {
                        <li>
                            {text} " "
                            <button type="button" class="button no-print" on:click=move |_| export(Some((k + 1, count, rows.clone())))>{label}</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="notice warning loss-parts">
                    <p>{fill(tr(lang, Key::LossPartsNote), &[("limit", &limit.to_string()), ("n", &count.to_string())])}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    };
    let formula = move || {
        let lang = lang.get();
        match basis.uses_commission() {
            true => format!("{} {}", tr(lang, Key::LossFormulaWb), tr(lang, Key::LossPriceHintWb)),
            false => tr(lang, Key::LossFormulaPrice).to_string(),
        }
    };

    view! {
        <section class="losses" aria-labelledby="losses-title">
            <p class="muted">{formula}</p>
            <Show when=move || !table.with(LossTable::is_empty) fallback=move || view! { <p>{t(Key::LossEmpty)}</p> }>
                <div class="table-scroll">
                    <table class="loss-table">
                        <caption class="visually-hidden">{t(Key::CaseLosses)}</caption>
                        <thead>
                            <tr>
                                {LossColumn::ALL.into_iter().map(|c| view! { <th scope="col">{t(column_key(c))}</th> }).collect_view()}
                                <th scope="col">{t(Key::LossColAmount)}</th>
                                <th scope="col" class="no-print"><span class="visually-hidden">{t(Key::LossRemove)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                        <tfoot>
                            <tr>
                                <th scope="row" colspan="7">{t(Key::LossTotal)}</th>
                                <td class="num total">{total}</td>
                                <td class="no-print"></td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
                {claimed_line}
                {parts}
                <div class="actions no-print">
                    <button type="button" class="button" on:click=move |_| export(None)>{t(Key::LossExportCsv)}</button>
                </div>
            </Show>
            <LossPaste table currency save/>
        </section>
    }
    .into_any()
}

/// The paste box: rows from a spreadsheet are checked first, and only the good ones are added.
#[component]
fn LossPaste(table: Memo<LossTable>, currency: Memo<String>, save: Callback<LossTable>) -> impl IntoView {
    let lang = use_lang();
    let text = RwSignal::new(String::new());
    let preview = RwSignal::new(None::<PastePreview>);
    let refused = RwSignal::new(None::<String>);
    let check = move |_| {
        refused.set(None);
        preview.set(Some(parse_pasted(&text.get_untracked(), lang.get_untracked())));
    };
    let add = move |_| {
        let Some(p) = preview.get_untracked() else { return };
        let mut next = table.get_untracked();
        match next.append(p.good_rows()) {
            Ok(()) => {
                save.run(next);
                preview.set(None);
                text.set(String::new());
            }
            Err(e) => refused.set(Some(error_text(lang.get_untracked(), &e))),
        }
    };
    let preview_view = move || {
        let lang = lang.get();
        preview.with(|p| {
            p.as_ref().map(|p| {
                let good = p.rows.len();
                let missing = p
                    .missing
                    .iter()
                    .map(|c| view! { <li>{fill(tr(lang, Key::LossMissingColumn), &[("column", tr(lang, column_key(*c)))])}</li> })
                    .collect_view();
                let errors = p.errors.iter().map(|e| view! { <li>{error_text(lang, e)}</li> }).collect_view();
                let has_problems = !p.errors.is_empty() || !p.missing.is_empty();
                let currency = currency.get();
                let good_rows = p
                    .rows
                    .iter()
                    .map(|r| {
                        let row = &r.value;
                        view! {
                            <tr>
                                <td class="num">{r.row}</td>
                                <td>{[row.marketplace_sku.as_str(), row.seller_article.as_str(), row.barcode.as_str()].into_iter().find(|t| !t.is_empty()).unwrap_or_default().to_string()}</td>
                                <td class="num">{row.quantity}</td>
                                <td class="num">{format_money(lang, row.unit_price, &currency)}</td>
                                <td class="num">{commission_text(lang, row.commission, &currency)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="paste-preview" role="status">
                        <p>{fill(tr(lang, Key::LossReady), &[("n", &good.to_string())])}</p>
                        {(good > 0).then(|| view! {
                            <div class="table-scroll">
                                <table class="loss-table preview">
                                    <thead>
                                        <tr>
                                            <th scope="col">{tr(lang, Key::LossPastedRow)}</th>
                                            <th scope="col">{tr(lang, Key::LossColArticle)}</th>
                                            <th scope="col">{tr(lang, Key::LossColQuantity)}</th>
                                            <th scope="col">{tr(lang, Key::LossColUnitPrice)}</th>
                                            <th scope="col">{tr(lang, Key::LossColCommission)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{good_rows}</tbody>
                                </table>
                            </div>
                        })}
                        {has_problems.then(|| view! {
                            <div class="paste-errors" role="alert">
                                <p>{tr(lang, Key::LossErrorsTitle)}</p>
                                <ul>{missing}{errors}</ul>
                            </div>
                        })}
                        {(good > 0).then(|| view! {
                            <button type="button" class="button primary" on:click=add>{tr(lang, Key::LossAddRows)}</button>
                        })}
                    </div>
                }
            })
        })
    };
    view! {
        <div class="loss-paste no-print">
            <div class="field">
                <label for="loss-paste">{t(Key::LossPasteLabel)}</label>
                <p class="muted" id="loss-paste-help">{t(Key::LossPasteHelp)}</p>
                <textarea
                    id="loss-paste"
                    aria-describedby="loss-paste-help"
                    rows="4"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="actions">
                <button type="button" class="button" on:click=check>{t(Key::LossCheck)}</button>
            </div>
            {preview_view}
            {move || refused.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
        </div>
    }
}

/// The case's loss table as a letter's attachment, in the letter's language: every row, its amount, the total
/// and the formula, with nothing to edit.
pub fn loss_rows_for_letter(lang: Lang, case: &Case) -> impl IntoView {
    let basis = Basis::for_marketplace(case.marketplace);
    let currency = case.money.currency.clone();
    let rows = case
        .losses
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            view! {
                <tr>
                    <td class="num">{i + 1}</td>
                    {row_cells(lang, row, basis, &currency)}
                </tr>
            }
        })
        .collect_view();
    let total = format_money(lang, case.losses.total(basis), &case.money.currency);
    let formula = tr(lang, if basis.uses_commission() { Key::LossFormulaWb } else { Key::LossFormulaPrice });
    view! {
        <table class="loss-table">
            <thead>
                <tr>
                    <th scope="col">"№"</th>
                    {LossColumn::ALL.into_iter().map(|c| view! { <th scope="col">{tr(lang, column_key(c))}</th> }).collect_view()}
                    <th scope="col">{tr(lang, Key::LossColAmount)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr>
                    <th scope="row" colspan="8">{tr(lang, Key::LossTotal)}</th>
                    <td class="num total">{total}</td>
                </tr>
            </tfoot>
        </table>
        <p class="muted">{formula}</p>
    }
}
