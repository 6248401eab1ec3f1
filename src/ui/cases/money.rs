use crate::i18n::{format_money, Lang};

/// An amount, or a dash when nothing was entered.
pub(crate) fn money_text(lang: Lang, minor: i64, currency: &str) -> String {
    if minor == 0 {
        "—".to_string()
    } else {
        format_money(lang, minor, currency)
    }
}

use leptos::prelude::*;

use crate::domain::Money;
use crate::i18n::{format_amount_input, parse_amount, tr, Key};
use crate::ui::i18n::{t, use_lang};

/// The field's starting text: empty for nothing entered yet.
fn input_text(lang: Lang, minor: i64) -> String {
    if minor == 0 {
        String::new()
    } else {
        format_amount_input(lang, minor)
    }
}

/// Edits the four amounts of a case (at stake, claimed, received, written off) in its currency.
#[component]
pub fn MoneyEditor(money: Money, on_save: Callback<Money>) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let fields = [
        (Key::MoneyAtStake, "money-stake", RwSignal::new(input_text(l, money.at_stake))),
        (Key::MoneyClaimed, "money-claimed", RwSignal::new(input_text(l, money.claimed))),
        (Key::MoneyReceived, "money-received", RwSignal::new(input_text(l, money.received))),
        (Key::MoneyWrittenOff, "money-written-off", RwSignal::new(input_text(l, money.written_off))),
    ];
    let error = RwSignal::new(None::<&'static str>);
    let currency = money.currency.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let mut values = [0i64; 4];
        for (i, (_, id, value)) in fields.iter().enumerate() {
            let text = value.get_untracked();
            if text.trim().is_empty() {
                continue;
            }
            match parse_amount(lang, &text) {
                Some(v) => values[i] = v,
                None => {
                    error.set(Some(id));
                    return;
                }
            }
        }
        error.set(None);
        on_save.run(Money {
            currency: currency.clone(),
            at_stake: values[0],
            claimed: values[1],
            received: values[2],
            written_off: values[3],
        });
    };
    view! {
        <form class="money-form" on:submit=submit novalidate>
            <div class="toolbar">
                {fields
                    .into_iter()
                    .map(|(key, id, value)| {
                        let err_id = format!("{id}-error");
                        let has_error = move || error.get() == Some(id);
                        view! {
                            <div class="field">
                                <label for=id>{t(key)} " (" {money.currency.clone()} ")"</label>
                                <input
                                    type="text"
                                    inputmode="decimal"
                                    id=id
                                    prop:value=move || value.get()
                                    on:input=move |ev| value.set(event_target_value(&ev))
                                    aria-invalid=move || has_error().then_some("true")
                                    aria-describedby=move || has_error().then(|| err_id.clone())
                                />
                                <Show when=has_error>
                                    <p class="field-error" id=format!("{id}-error")>{move || tr(lang.get(), Key::WizardBadAmount)}</p>
                                </Show>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            <button type="submit" class="button">{t(Key::MoneySave)}</button>
        </form>
    }
}
