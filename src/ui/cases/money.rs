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
use crate::i18n::{format_amount_field, tr, Key};
use crate::ui::i18n::{t, use_lang};

/// Edits the four amounts of a case (at stake, claimed, received, written off) in its currency.
#[component]
pub fn MoneyEditor(money: Money, on_save: Callback<Money>) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let [at_stake, claimed, received, written_off] =
        money.amounts().map(|minor| RwSignal::new(format_amount_field(l, minor)));
    let fields = [
        (Key::MoneyAtStake, "money-stake", at_stake),
        (Key::MoneyClaimed, "money-claimed", claimed),
        (Key::MoneyReceived, "money-received", received),
        (Key::MoneyWrittenOff, "money-written-off", written_off),
    ];
    let error = RwSignal::new(None::<&'static str>);
    let currency = money.currency.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let texts = fields.map(|(_, _, value)| value.get_untracked());
        match Money::from_fields(&currency, lang.get_untracked(), texts.each_ref().map(String::as_str)) {
            Ok(money) => {
                error.set(None);
                on_save.run(money);
            }
            Err(field) => error.set(Some(fields[field].1)),
        }
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
