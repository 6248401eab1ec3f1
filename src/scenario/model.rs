//! The typed shape of a scenario file (`content/scenarios/<id>.toml`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{BuyerLanguage, Condition, Counting, Country, DeadlineOrder};
use crate::i18n::Lang;

/// A text in all three languages.
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    /// A text of the shipped scenarios: build.rs moves it into the language packs and leaves its number here.
    Packed(u32),
    /// A text written in place, in English, Russian and Polish (scenarios built by tests).
    Inline(Box<[String; 3]>),
}

impl Text {
    pub fn inline(en: &str, ru: &str, pl: &str) -> Text {
        Text::Inline(Box::new([en.to_string(), ru.to_string(), pl.to_string()]))
    }

    /// The text in `lang`; empty when that language's pack is not installed (the app installs it before use).
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Packed(number) => crate::i18n::pack::text(lang, *number),
            Text::Inline(texts) => &texts[lang.index()],
        }
    }

    pub fn all(&self) -> [(Lang, &str); 3] {
        Lang::BY_INDEX.map(|lang| (lang, self.get(lang)))
    }

    /// The text in any language whose pack is installed: for what every language's version shares, such as
    /// its placeholders (the validator checks that they match).
    pub fn in_any_language(&self) -> &str {
        self.all().into_iter().map(|(_, text)| text).find(|text| !text.is_empty()).unwrap_or_default()
    }
}

/// A text's number, or a table of exactly `en`, `ru` and `pl`: a missing language is a parse error. Written by
/// hand because serde's untagged enums add buffering code to the wasm.
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a text number or a table of en, ru and pl texts")
    }

    fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<Text, E> {
        u32::try_from(number).map(Text::Packed).map_err(|_| E::custom("text number out of range"))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut texts: [Option<String>; 3] = Default::default();
        while let Some(key) = map.next_key::<String>()? {
            let lang =
                Lang::from_code(&key).ok_or_else(|| serde::de::Error::unknown_field(&key, &["en", "ru", "pl"]))?;
            texts[lang.index()] = Some(map.next_value()?);
        }
        let [Some(en), Some(ru), Some(pl)] = texts else {
            return Err(serde::de::Error::custom("a text needs en, ru and pl"));
        };
        Ok(Text::Inline(Box::new([en, ru, pl])))
    }
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Marketplace {
    Wildberries,
    YandexMarket,
    Amazon,
    Mall,
}

impl Marketplace {
    pub const ALL: [Marketplace; 4] =
        [Marketplace::Wildberries, Marketplace::YandexMarket, Marketplace::Amazon, Marketplace::Mall];

    pub fn key(self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            Marketplace::Wildberries => Key::MarketWildberries,
            Marketplace::YandexMarket => Key::MarketYandex,
            Marketplace::Amazon => Key::MarketAmazon,
            Marketplace::Mall => Key::MarketMall,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Marketplace::Wildberries => "wildberries",
            Marketplace::YandexMarket => "yandex-market",
            Marketplace::Amazon => "amazon",
            Marketplace::Mall => "mall",
        }
    }

    pub fn from_code(code: &str) -> Option<Marketplace> {
        Marketplace::ALL.into_iter().find(|m| m.code() == code)
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub marketplace: Marketplace,
    /// ISO 4217 code preselected in money questions.
    pub currency: String,
    pub title: Text,
    pub summary: Text,
    pub questions: Vec<Question>,
    #[serde(default)]
    pub plan: Vec<PlanItem>,
    #[serde(default)]
    pub messages: Vec<Message>,
    #[serde(default)]
    pub deadlines: Vec<DeadlineRule>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Choice,
    YesNo,
    Date,
    Money,
    Text,
}

/// What a question's answer means to the case tracker.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    OrderNumber,
    BuyerName,
    AmountAtStake,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub label: Text,
    /// A short name used when the answer is missing from a message: `[order number]`.
    pub short: Text,
    pub help: Option<Text>,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    pub when: Vec<Condition>,
    #[serde(default)]
    pub options: Vec<Choice>,
    pub role: Option<Role>,
}

fn yes() -> bool {
    true
}

impl Question {
    /// The answer values this question can take when it branches (choice and yes/no).
    pub fn values(&self) -> Vec<&str> {
        match self.kind {
            QuestionKind::YesNo => vec!["yes", "no"],
            QuestionKind::Choice => self.options.iter().map(|o| o.id.as_str()).collect(),
            _ => Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    /// Offered only when these hold for the earlier answers (a refused order cannot "come back intact").
    #[serde(default)]
    pub when: Vec<Condition>,
    /// ISO 4217 code this answer implies (a store's currency): money questions then start in it.
    pub currency: Option<String>,
    /// The language of the buyers of the store this answer names: buyer messages are offered in it.
    pub buyer_language: Option<BuyerLanguage>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    Step,
    Evidence,
    Warning,
    Outcome,
    /// Analysis / prevention advice (what to change so it does not happen again).
    Insight,
}

impl PlanKind {
    /// The kind as written in the scenario files, also the CSS class suffix (`plan-warning`, `kind-warning`).
    pub fn code(self) -> &'static str {
        match self {
            PlanKind::Step => "step",
            PlanKind::Evidence => "evidence",
            PlanKind::Warning => "warning",
            PlanKind::Outcome => "outcome",
            PlanKind::Insight => "insight",
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    pub id: String,
    pub kind: PlanKind,
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Orders of computed deadlines that must all hold too (`"auto_paid>claim_window"`).
    #[serde(default)]
    pub when_dates: Vec<DeadlineOrder>,
    pub title: Text,
    pub body: Option<Text>,
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub label: Text,
}

/// A ready-to-send message; `{question_id}` placeholders are filled from the answers.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub id: String,
    #[serde(default)]
    pub when: Vec<Condition>,
    pub title: Text,
    pub recipient: Text,
    /// The language the addressee works in (a marketplace's support: Russian, Polish, English); the text is
    /// offered in it first whatever the interface language. `None`: a buyer, written in the language of the store
    /// the answers name (see `buyer_texts`), else in the interface language.
    pub language: Option<Lang>,
    pub body: Text,
    /// A buyer message's text in buyer languages other than en/ru/pl, with the English body's placeholders. They
    /// stay in the scenario (not in the interface language packs): a buyer's language does not follow the
    /// interface's, and a pack per buyer language would be fetched for a few hundred bytes.
    #[serde(default)]
    pub buyer_texts: std::collections::BTreeMap<BuyerLanguage, String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    CalendarDays,
    BusinessDays,
    Hours,
    Months,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Offset {
    pub amount: u32,
    pub unit: OffsetUnit,
}

/// What a deadline counts from: a date answer, another deadline, the day the case is created, or the day the
/// seller recorded a stage of the claim on the case page (`stage:claim_filed`) where no question asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    Answer(String),
    Deadline(String),
    CaseCreated,
    Stage(String),
}

/// The stage codes a deadline may count from (`domain::Stage::code`; a domain test keeps the two lists equal).
pub const STAGE_CODES: [&str; 10] = [
    "found",
    "reported_to_support",
    "claim_filed",
    "in_review",
    "paid",
    "partly_paid",
    "refused",
    "appealed",
    "in_court",
    "closed",
];

/// The answer a stage's date is kept under in a case's answers: `stage-claim_filed` (question ids are snake_case,
/// so it cannot collide with one).
pub fn stage_answer_key(code: &str) -> String {
    format!("{STAGE_ANSWER_PREFIX}{code}")
}

pub(crate) const STAGE_ANSWER_PREFIX: &str = "stage-";

impl<'de> Deserialize<'de> for Anchor {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Ok(if raw == "case_created" {
            Anchor::CaseCreated
        } else if let Some(id) = raw.strip_prefix("deadline:") {
            Anchor::Deadline(id.to_string())
        } else if let Some(code) = raw.strip_prefix("stage:") {
            Anchor::Stage(code.to_string())
        } else {
            Anchor::Answer(raw)
        })
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    pub id: String,
    #[serde(default)]
    pub when: Vec<Condition>,
    pub label: Text,
    pub anchor: Anchor,
    pub offset: Offset,
    /// The rule in words, shown under "Why?".
    pub rule: Text,
    pub source: String,
    pub verified: Verified,
    #[serde(default)]
    pub uncertain: bool,
    /// Whose public holidays business days skip, and whose law moves an end on a day off.
    pub country: Option<Country>,
    /// The law behind the rule moves an end on a Saturday, Sunday or holiday to the next working day.
    #[serde(default)]
    pub roll_to_workday: bool,
    /// The date is the first day something becomes possible ("buyer may file from"), not a last day: an hours count
    /// must then never give a date earlier than the truth.
    #[serde(default)]
    pub earliest: bool,
}

/// When a rule's source was last opened and found to support it, or `Undated`: its only source carries no date
/// (a blog post, an undated news item), so no day can honestly be given. Written `verified = "2026-12-07"` or
/// `verified = "undated"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verified {
    On(NaiveDate),
    Undated,
}

impl Verified {
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Verified::On(date) => Some(date),
            Verified::Undated => None,
        }
    }
}

impl<'de> Deserialize<'de> for Verified {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text == "undated" {
            return Ok(Verified::Undated);
        }
        crate::time_text::parse_date(&text)
            .map(Verified::On)
            .ok_or_else(|| serde::de::Error::custom(format!("`verified` must be a date or \"undated\": {text}")))
    }
}

impl DeadlineRule {
    pub fn counting(&self) -> Counting {
        Counting { country: self.country, roll_to_workday: self.roll_to_workday, earliest: self.earliest }
    }

    /// A "from" date (the first day something becomes possible): it opens a door and never expires.
    pub fn is_from(&self) -> bool {
        self.earliest
    }

    /// Both rules give an uncertain last day counted from the same date under the same conditions, each from a
    /// source of its own: two sources disagree on one term (Amazon's 48 h and 72 h to answer a request), so the
    /// earlier date is the safe one and the other is named beside it. Two last days from one source are two
    /// different things (WB's free storage of a return and the last day to collect it).
    pub fn same_term(&self, other: &DeadlineRule) -> bool {
        self.id != other.id
            && self.uncertain
            && other.uncertain
            && self.source != other.source
            && !self.is_from()
            && !other.is_from()
            && self.anchor == other.anchor
            && self.when == other.when
    }
}
