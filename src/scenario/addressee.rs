//! Whom a letter to a marketplace is addressed to: the company a seller contracts with in a country, with its
//! registration numbers, legal address and the channel the contract names (`content/addressees/*.toml`). Like a
//! deadline rule, each entry carries its source and the day it was verified, and what to check before sending
//! when the entry may be out of date.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Marketplace, Text, Verified};
use crate::i18n::Lang;

/// A registration number and its name in each language ("ИНН" / "INN").
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrationId {
    pub label: Text,
    pub value: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addressee {
    pub id: String,
    pub marketplace: Marketplace,
    /// Where the company is registered, as a two-letter country code ("ru", "lu").
    pub country: String,
    /// The company's registered name; the same in every language when the letter names a company.
    pub name: Text,
    #[serde(default)]
    pub ids: Vec<RegistrationId>,
    /// The legal address, when a source gave it.
    pub address: Option<Text>,
    /// How the contract says letters reach the company.
    pub channel: Text,
    pub source: String,
    pub verified: Verified,
    #[serde(default)]
    pub uncertain: bool,
    /// What the seller should check before sending, and why; required when the entry is uncertain.
    pub check: Option<Text>,
    /// The line printed under the addressee block while the entry is uncertain, so the printed letter itself says
    /// its details are to be checked against the contract (the on-screen notice is not printed).
    pub printed: Option<Text>,
}

impl Addressee {
    /// The addressee block of a letter in `lang`: name, numbers, address, one per line.
    pub fn block(&self, lang: Lang) -> String {
        let mut lines = vec![self.name.get(lang).to_string()];
        let ids: Vec<String> = self.ids.iter().map(|id| format!("{} {}", id.label.get(lang), id.value)).collect();
        if !ids.is_empty() {
            lines.push(ids.join(", "));
        }
        if let Some(address) = &self.address {
            lines.push(address.get(lang).to_string());
        }
        if let Some(printed) = self.printed.as_ref().filter(|_| self.uncertain) {
            lines.push(printed.get(lang).to_string());
        }
        lines.join("\n")
    }
}

/// The shipped entries (build.rs gathers every file of `content/addressees/` into one list).
pub const ADDRESSEES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/addressees.json"));

/// Every shipped addressee. A list that does not parse gives none, so letters show no addressee instead of the
/// app failing; the native tests make sure the shipped files parse.
pub fn addressees() -> &'static [Addressee] {
    static PARSED: OnceLock<Vec<Addressee>> = OnceLock::new();
    PARSED.get_or_init(|| serde_json::from_str(ADDRESSEES_JSON).unwrap_or_default())
}

pub fn addressee(id: &str) -> Option<&'static Addressee> {
    addressees().iter().find(|a| a.id == id)
}

/// What is wrong with the shipped addressees: parse errors, duplicate ids, bad sources or dates, an uncertain
/// entry that does not say what to check, an empty text.
pub fn validate_addressees(json: &str) -> Vec<String> {
    let list: Vec<Addressee> = match serde_json::from_str(json) {
        Ok(list) => list,
        Err(e) => return vec![format!("addressees do not parse: {e}")],
    };
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for a in &list {
        let what = format!("addressee `{}`", a.id);
        if !seen.insert(a.id.as_str()) {
            problems.push(format!("{what}: duplicate id"));
        }
        if a.country.len() != 2 || !a.country.chars().all(|c| c.is_ascii_lowercase()) {
            problems.push(format!("{what}: country `{}` is not a two-letter code", a.country));
        }
        // Some offers are only found as copies on plain-http document sites: the address is kept as found.
        if !(a.source.starts_with("https://") || a.source.starts_with("http://")) {
            problems.push(format!("{what}: source must be a URL"));
        }
        if a.verified.date().is_none() && !a.uncertain {
            problems.push(format!("{what}: an undated source makes the entry uncertain"));
        }
        if a.uncertain && a.check.is_none() {
            problems.push(format!("{what}: an uncertain entry must say what to check"));
        }
        let texts = [Some(&a.name), Some(&a.channel), a.address.as_ref(), a.check.as_ref(), a.printed.as_ref()];
        for text in texts.into_iter().flatten().chain(a.ids.iter().map(|id| &id.label)) {
            if text.all().iter().any(|(_, t)| t.trim().is_empty()) {
                problems.push(format!("{what}: a text is empty in some language"));
            }
        }
        if a.ids.iter().any(|id| id.value.trim().is_empty()) {
            problems.push(format!("{what}: a registration number has no value"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_addressees_are_valid() {
        assert_eq!(validate_addressees(ADDRESSEES_JSON), Vec::<String>::new());
        assert_eq!(addressees().len(), 6);
    }

    #[test]
    fn every_marketplace_has_an_addressee() {
        for marketplace in Marketplace::ALL {
            assert!(addressees().iter().any(|a| a.marketplace == marketplace), "{marketplace:?}");
        }
    }

    #[test]
    fn the_block_names_the_company_and_its_numbers_in_the_letter_language() {
        let wb = addressee("wb-ru").expect("shipped");
        assert_eq!(
            wb.block(Lang::Ru),
            "ООО «РВБ»\nОГРН 1247700471919\n(реквизиты указаны по открытым источникам и подлежат сверке с действующей редакцией Оферты)"
        );
        assert_eq!(
            wb.block(Lang::Pl),
            "ООО «РВБ»\nOGRN 1247700471919\n(dane według źródeł publicznych, do sprawdzenia z aktualną wersją Oferty)"
        );
        let market = addressee("market-ru").expect("shipped");
        assert_eq!(
            market.block(Lang::Ru),
            "ООО «Яндекс Маркет»\nИНН 9704254424\n(реквизиты указаны по открытым источникам и подлежат сверке с договором в кабинете партнёра)"
        );
        assert!(wb.uncertain);
        assert_eq!(wb.verified.date().map(|d| d.to_string()), Some("2026-12-07".to_string()));
    }

    #[test]
    fn refuses_an_uncertain_entry_without_a_check_and_a_bad_country() {
        let json = r#"[{"id":"x","marketplace":"mall","country":"SI","name":{"en":"A","ru":"A","pl":"A"},
            "channel":{"en":"c","ru":"c","pl":""},"source":"ftp://x","verified":"2026-12-07","uncertain":true}]"#;
        assert_eq!(
            validate_addressees(json),
            vec![
                "addressee `x`: country `SI` is not a two-letter code".to_string(),
                "addressee `x`: source must be a URL".to_string(),
                "addressee `x`: an uncertain entry must say what to check".to_string(),
                "addressee `x`: a text is empty in some language".to_string(),
            ]
        );
    }
}
