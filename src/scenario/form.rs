//! A question's answer as a form control holds it: read from the control's string values, and written back
//! into them when the seller returns to the question.

use super::answer::Answer;
use super::{Question, QuestionKind};
use crate::i18n::{format_amount_input, parse_amount, Key, Lang};
use crate::time_text;

/// Why a form's values are not an answer to the question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerError {
    BadDate,
    BadAmount,
    /// A required choice without a choice.
    ChooseOne,
    /// A required text, date or amount left empty.
    Required,
}

impl AnswerError {
    pub fn key(self) -> Key {
        match self {
            AnswerError::BadDate => Key::WizardBadDate,
            AnswerError::BadAmount => Key::WizardBadAmount,
            AnswerError::ChooseOne => Key::WizardChooseOne,
            AnswerError::Required => Key::WizardRequired,
        }
    }
}

/// The raw values of a question's controls: the chosen option, the typed text, the chosen currency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormValues {
    pub choice: Option<String>,
    pub text: String,
    pub currency: String,
}

impl Question {
    /// Reads the form's values as an answer (`None`: left empty, allowed for an optional question). Amounts
    /// are read in the language's own style (see [`parse_amount`]).
    pub fn parse_answer(&self, lang: Lang, values: &FormValues) -> Result<Option<Answer>, AnswerError> {
        let text = values.text.trim();
        let answer = match self.kind {
            QuestionKind::Choice | QuestionKind::YesNo => values.choice.clone().map(Answer::Choice),
            QuestionKind::Text => (!text.is_empty()).then(|| Answer::Text(text.to_string())),
            QuestionKind::Date | QuestionKind::Money if text.is_empty() => None,
            QuestionKind::Date => Some(Answer::Date(time_text::parse_date(text).ok_or(AnswerError::BadDate)?)),
            QuestionKind::Money => {
                let minor = parse_amount(lang, text).ok_or(AnswerError::BadAmount)?;
                Some(Answer::Money { minor, currency: values.currency.clone() })
            }
        };
        match answer {
            None if self.required => Err(match self.kind {
                QuestionKind::Choice | QuestionKind::YesNo => AnswerError::ChooseOne,
                _ => AnswerError::Required,
            }),
            other => Ok(other),
        }
    }

    /// The control values showing `existing` (an answer that fits this question, if any); a new amount
    /// starts in `default_currency`.
    pub fn form_values(&self, lang: Lang, existing: Option<&Answer>, default_currency: &str) -> FormValues {
        let existing = existing.filter(|a| a.fits(self));
        let text = match existing {
            Some(Answer::Text(t)) => t.clone(),
            Some(Answer::Date(d)) => time_text::format_date(d),
            Some(Answer::Money { minor, .. }) => format_amount_input(lang, *minor),
            _ => String::new(),
        };
        let currency = match existing {
            Some(Answer::Money { currency, .. }) => currency.clone(),
            _ => default_currency.to_string(),
        };
        FormValues { choice: existing.and_then(Answer::as_choice).map(str::to_string), text, currency }
    }
}
