//! Who signs a letter and on what authority: the basis as a typed choice, and the signature line each language
//! writes — Russian «Генеральный директор Иванова Мария Сергеевна, действующая на основании Устава», Polish and
//! English the name, then the function, then a power of attorney when there is one («Jan Nowak, Prezes Zarządu»).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::profile::Jurisdiction;
use crate::i18n::{fill, format_date, tr, Key, Lang};

/// On what authority the signatory signs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuthorityBasis {
    /// The company's charter (устав, umowa spółki / statut): a director or board member.
    Charter,
    /// A power of attorney, with its number and date when the seller gives them.
    PowerOfAttorney {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        number: String,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "optional_date")]
        date: Option<NaiveDate>,
    },
    /// The entrepreneur's own registration (ЕГРИП, CEIDG): the individual entrepreneur signs for themself.
    Registration,
    /// Text saved before the basis was a choice, which matched none of them: kept as typed.
    Legacy { text: String },
}

impl AuthorityBasis {
    /// The stored code of each kind (the form's options).
    pub fn code(&self) -> &'static str {
        match self {
            AuthorityBasis::Charter => "charter",
            AuthorityBasis::PowerOfAttorney { .. } => "power_of_attorney",
            AuthorityBasis::Registration => "registration",
            AuthorityBasis::Legacy { .. } => "legacy",
        }
    }

    /// The free text of a profile saved before the basis was a choice («Устава», «доверенности № 12 от
    /// 01.02.2026»): a choice when the text says exactly that, else kept as [`AuthorityBasis::Legacy`] so that
    /// no detail of it is lost.
    pub fn from_legacy(text: &str) -> Option<AuthorityBasis> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let lower = text.to_lowercase();
        let has_digits = lower.chars().any(|c| c.is_ascii_digit());
        let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
        if !has_digits && says(&["устав", "charter", "statut", "umow", "umów", "articles of association"]) {
            return Some(AuthorityBasis::Charter);
        }
        if !has_digits && says(&["егрип", "свидетельств", "ceidg"]) {
            return Some(AuthorityBasis::Registration);
        }
        if says(&["доверенн", "pełnomocn", "power of attorney"]) {
            if let Some(basis) = legacy_power_of_attorney(text) {
                return Some(basis);
            }
        }
        Some(AuthorityBasis::Legacy { text: text.to_string() })
    }

    /// The basis as the object of "on the basis of", in the letter's language; `None` where that language's
    /// letters do not state it (a Polish or English signature names the function, not the charter; only a
    /// Russian entrepreneur's registration is the ЕГРИП's).
    fn phrase(&self, lang: Lang, registered_in: Jurisdiction) -> Option<String> {
        let phrase = match self {
            AuthorityBasis::Charter if lang == Lang::Ru => tr(lang, Key::SignBasisCharter).to_string(),
            AuthorityBasis::Registration if lang == Lang::Ru && registered_in == Jurisdiction::Ru => {
                tr(lang, Key::SignBasisRegistration).to_string()
            }
            AuthorityBasis::Charter | AuthorityBasis::Registration => return None,
            AuthorityBasis::PowerOfAttorney { number, date } => {
                let mut parts = vec![tr(lang, Key::SignBasisPowerOfAttorney).to_string()];
                if !number.trim().is_empty() {
                    parts.push(fill(tr(lang, Key::SignNumber), &[("number", number.trim())]));
                }
                if let Some(date) = date {
                    parts.push(fill(tr(lang, Key::SignDated), &[("date", &format_date(lang, *date))]));
                }
                parts.join(" ")
            }
            AuthorityBasis::Legacy { text } => text.clone(),
        };
        Some(phrase)
    }
}

/// «доверенности № 12 от 01.02.2026», "pełnomocnictwo nr 3/2026 z dnia 01.02.2026": the number after №/nr/No.,
/// the date written dd.mm.yyyy; `None` when the text has no number (then it is kept as written).
fn legacy_power_of_attorney(text: &str) -> Option<AuthorityBasis> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let marker = words.iter().position(|w| matches!(w.to_lowercase().as_str(), "№" | "nr" | "no." | "no"))?;
    let number = words.get(marker + 1)?.trim_end_matches([',', ';']).to_string();
    let date = words.iter().find_map(|w| parse_dotted_date(w.trim_end_matches(['.', ',', ';'])));
    // Anything else in the text (who issued it, until when) would be lost: keep such a text as written.
    let known = ["доверенности", "доверенность", "pełnomocnictwo", "pełnomocnictwa", "power", "of", "attorney"];
    let dated = ["от", "z", "dnia", "dated", "of", "r."];
    let all_known = words.iter().enumerate().all(|(i, w)| {
        let w = w.to_lowercase();
        i == marker
            || i == marker + 1
            || known.contains(&w.as_str())
            || dated.contains(&w.as_str())
            || parse_dotted_date(w.trim_end_matches(['.', ',', ';'])).is_some()
    });
    all_known.then_some(AuthorityBasis::PowerOfAttorney { number, date })
}

fn parse_dotted_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// The grammatical gender of a signatory, when the name tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a name shows: a Russian patronymic decides (…вич / …вна, оглы / кызы); otherwise Russian surname
/// endings (…ов / …ова, …ин / …ина, …ский / …ская), Polish ones (…ski / …ska) and a Polish first name ending in
/// "a" count, and only when they agree. `None` when nothing tells (Ким, Шевчук, a company name).
pub fn gender_of(name: &str) -> Option<Gender> {
    let words: Vec<String> =
        name.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase()).collect();
    for word in &words {
        if word.ends_with("вич") || (word.ends_with("ич") && word.chars().count() > 4) || word == "оглы" {
            return Some(Gender::Male);
        }
        if word.ends_with("вна") || word.ends_with("чна") || word.ends_with("шна") || word == "кызы" {
            return Some(Gender::Female);
        }
    }
    let votes: Vec<Gender> = words.iter().enumerate().filter_map(|(i, w)| word_gender(w, i == 0)).collect();
    let first = *votes.first()?;
    votes.iter().all(|g| *g == first).then_some(first)
}

fn word_gender(word: &str, first: bool) -> Option<Gender> {
    const FEMALE: [&str; 9] = ["ова", "ева", "ёва", "ина", "ская", "цкая", "ska", "cka", "dzka"];
    const MALE: [&str; 9] = ["ов", "ев", "ёв", "ин", "ский", "цкий", "ski", "cki", "dzki"];
    // Polish men's first names that end in "a".
    const POLISH_MEN_IN_A: [&str; 5] = ["kuba", "barnaba", "bonawentura", "kosma", "jarema"];
    if word.chars().count() < 3 {
        return None;
    }
    if FEMALE.iter().any(|e| word.ends_with(e)) {
        return Some(Gender::Female);
    }
    if MALE.iter().any(|e| word.ends_with(e)) {
        return Some(Gender::Male);
    }
    // A Polish first name (written first) ending in "a" is a woman's; a surname in "a" (Zawisza) tells nothing.
    let latin = word.chars().all(|c| c.is_ascii_alphabetic() || "ąćęłńóśźż".contains(c));
    if first && latin && word.ends_with('a') && !POLISH_MEN_IN_A.contains(&word) {
        return Some(Gender::Female);
    }
    None
}

/// Who signs: position, name and basis as the profile has them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Signatory<'a> {
    pub position: Option<&'a str>,
    pub name: Option<&'a str>,
    pub basis: Option<&'a AuthorityBasis>,
    /// Where the business is registered (it names the register an entrepreneur's authority comes from).
    pub registered_in: Jurisdiction,
}

impl Signatory<'_> {
    /// The signature line in the letter's language; `None` without a position or a name.
    pub fn line(&self, lang: Lang) -> Option<String> {
        let who: Vec<&str> = match lang {
            // Russian: position, then the name (nominative, as typed).
            Lang::Ru => [self.position, self.name].into_iter().flatten().collect(),
            // Polish and English: the name, then the function.
            Lang::Pl | Lang::En => [self.name, self.position].into_iter().flatten().collect(),
        };
        if who.is_empty() {
            return None;
        }
        let separator = if lang == Lang::Ru { " " } else { ", " };
        let who = who.join(separator);
        let Some(basis) = self.basis.and_then(|b| b.phrase(lang, self.registered_in)) else {
            return Some(who);
        };
        let acting = match self.name.and_then(gender_of) {
            Some(Gender::Male) => Key::SignActingMale,
            Some(Gender::Female) => Key::SignActingFemale,
            None => Key::SignActingUnknown,
        };
        Some(format!("{who}, {} {basis}", tr(lang, acting)))
    }
}

/// `Option<NaiveDate>` as "YYYY-MM-DD" text, like every date the app stores.
mod optional_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(date) => serializer.serialize_str(&crate::time_text::format_date(date)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        let text = Option::<String>::deserialize(deserializer)?;
        text.map(|t| crate::time_text::parse_date(&t).ok_or_else(|| serde::de::Error::custom("not a date"))).transpose()
    }
}
