use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;

use super::i18n::{set_lang, t, use_i18n};
use crate::i18n::{Key, Lang};

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <header class="site-header">
            <A href=href("/") attr:class="brand">
                <span class="brand-name">{t(Key::AppName)}</span>
            </A>
            <nav aria-label=t(Key::NavMain)>
                <ul>
                    <li><A href=href("/") exact=true>{t(Key::NavHome)}</A></li>
                    <li><A href=href("/cases")>{t(Key::NavCases)}</A></li>
                    <li><A href=href("/reports")>{t(Key::NavReports)}</A></li>
                    <li><A href=href("/rules")>{t(Key::NavRules)}</A></li>
                    <li><A href=href("/settings")>{t(Key::NavSettings)}</A></li>
                </ul>
            </nav>
            <div class="lang-switch">
                <label for="lang-select">{t(Key::LanguageLabel)}</label>
                <select
                    id="lang-select"
                    prop:value=move || lang.get().code()
                    on:change=move |ev| {
                        if let Some(l) = Lang::from_code(&event_target_value(&ev)) {
                            set_lang(i18n, l);
                        }
                    }
                >
                    {Lang::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.code() lang=l.code() selected=move || lang.get() == l>
                                    {l.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </header>
    }
}
