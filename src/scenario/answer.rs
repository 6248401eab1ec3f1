//! A seller's answers to a scenario's questions, as stored with a draft or a case.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Question, QuestionKind};

/// One answer. Yes/no answers are `Choice("yes" | "no")`. Stored as `{"t": "date", "v": "2026-11-20"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Answer {
    Choice(String),
    Date(#[serde(with = "crate::time_text::date")] NaiveDate),
    Money { minor: i64, currency: String },
    Text(String),
}

/// Written by hand: serde's derive cannot read a `with` field of an adjacently tagged variant, and the
/// derived reader would buffer every value. Reads what `Serialize` writes, `t` before `v` or after it.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
        use serde_json::Value;

        #[derive(Deserialize)]
        enum Field {
            #[serde(rename = "t")]
            Tag,
            #[serde(rename = "v")]
            Value,
            #[serde(other)]
            Other,
        }

        #[derive(Clone, Copy, Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Tag {
            Choice,
            Date,
            Money,
            Text,
        }

        #[derive(Deserialize)]
        struct Date(#[serde(with = "crate::time_text::date")] NaiveDate);

        #[derive(Deserialize)]
        struct Money {
            minor: i64,
            currency: String,
        }

        fn read<'de, A: MapAccess<'de>>(tag: Tag, map: &mut A) -> Result<Answer, A::Error> {
            Ok(match tag {
                Tag::Choice => Answer::Choice(map.next_value()?),
                Tag::Date => Answer::Date(map.next_value::<Date>()?.0),
                Tag::Money => {
                    let Money { minor, currency } = map.next_value()?;
                    Answer::Money { minor, currency }
                }
                Tag::Text => Answer::Text(map.next_value()?),
            })
        }

        fn from_value<E: Error>(tag: Tag, value: Value) -> Result<Answer, E> {
            let answer = match tag {
                Tag::Choice => serde_json::from_value(value).map(Answer::Choice),
                Tag::Date => serde_json::from_value::<Date>(value).map(|d| Answer::Date(d.0)),
                Tag::Money => serde_json::from_value::<Money>(value)
                    .map(|Money { minor, currency }| Answer::Money { minor, currency }),
                Tag::Text => serde_json::from_value(value).map(Answer::Text),
            };
            answer.map_err(E::custom)
        }

        struct AnswerVisitor;

        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = Answer;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer {\"t\": kind, \"v\": value}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
                let (mut tag, mut answer, mut early_value) = (None, None, None);
                while let Some(field) = map.next_key::<Field>()? {
                    match (field, tag) {
                        (Field::Tag, _) => tag = Some(map.next_value::<Tag>()?),
                        (Field::Value, Some(known)) => answer = Some(read(known, &mut map)?),
                        // The value came first: keep it until the tag says what it is.
                        (Field::Value, None) => early_value = Some(map.next_value::<Value>()?),
                        (Field::Other, _) => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let tag = tag.ok_or_else(|| A::Error::missing_field("t"))?;
                match (answer, early_value) {
                    (Some(answer), _) => Ok(answer),
                    (None, Some(value)) => from_value(tag, value),
                    (None, None) => Err(A::Error::missing_field("v")),
                }
            }
        }

        deserializer.deserialize_map(AnswerVisitor)
    }
}

impl Answer {
    pub fn as_choice(&self) -> Option<&str> {
        match self {
            Answer::Choice(v) => Some(v),
            _ => None,
        }
    }

    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            Answer::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// Whether this answer has the shape the question expects (guards against stale or hostile stored data).
    pub fn fits(&self, question: &Question) -> bool {
        match (self, question.kind) {
            (Answer::Choice(v), QuestionKind::Choice | QuestionKind::YesNo) => question.values().contains(&v.as_str()),
            (Answer::Date(_), QuestionKind::Date) => true,
            (Answer::Money { minor, .. }, QuestionKind::Money) => *minor >= 0,
            (Answer::Text(t), QuestionKind::Text) => !t.trim().is_empty(),
            _ => false,
        }
    }
}

pub type Answers = BTreeMap<String, Answer>;
