//! Messages to buyers in the language of the shop they bought in. The interface speaks en/ru/pl; a buyer on
//! amazon.de or mimovrste.com reads German or Slovenian. A store answer names the buyer's language, a buyer
//! message may carry texts in such languages (`buyer_texts`), and [`Message::for_buyer`] says which text to offer.

use serde::Deserialize;

use super::Message;
use crate::i18n::Lang;

/// A language a marketplace's buyers read.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum BuyerLanguage {
    En,
    Ru,
    Pl,
    De,
    Fr,
    It,
    Es,
    Nl,
    Sv,
    Cs,
    Sk,
    Hu,
    Hr,
    Sl,
}

impl BuyerLanguage {
    pub fn code(self) -> &'static str {
        match self {
            BuyerLanguage::En => "en",
            BuyerLanguage::Ru => "ru",
            BuyerLanguage::Pl => "pl",
            BuyerLanguage::De => "de",
            BuyerLanguage::Fr => "fr",
            BuyerLanguage::It => "it",
            BuyerLanguage::Es => "es",
            BuyerLanguage::Nl => "nl",
            BuyerLanguage::Sv => "sv",
            BuyerLanguage::Cs => "cs",
            BuyerLanguage::Sk => "sk",
            BuyerLanguage::Hu => "hu",
            BuyerLanguage::Hr => "hr",
            BuyerLanguage::Sl => "sl",
        }
    }

    /// The language's own name: shown as is whatever the interface language, like the language switcher's.
    pub fn native_name(self) -> &'static str {
        match self {
            BuyerLanguage::En => "English",
            BuyerLanguage::Ru => "Русский",
            BuyerLanguage::Pl => "Polski",
            BuyerLanguage::De => "Deutsch",
            BuyerLanguage::Fr => "Français",
            BuyerLanguage::It => "Italiano",
            BuyerLanguage::Es => "Español",
            BuyerLanguage::Nl => "Nederlands",
            BuyerLanguage::Sv => "Svenska",
            BuyerLanguage::Cs => "Čeština",
            BuyerLanguage::Sk => "Slovenčina",
            BuyerLanguage::Hu => "Magyar",
            BuyerLanguage::Hr => "Hrvatski",
            BuyerLanguage::Sl => "Slovenščina",
        }
    }

    /// The interface language that is also this buyer language: its text is the message's own.
    pub fn interface(self) -> Option<Lang> {
        match self {
            BuyerLanguage::En => Some(Lang::En),
            BuyerLanguage::Ru => Some(Lang::Ru),
            BuyerLanguage::Pl => Some(Lang::Pl),
            _ => None,
        }
    }
}

/// The text a buyer message offers to a buyer who reads `language`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuyerText<'m> {
    /// The buyer reads one of the interface languages: the message's own text in it.
    Interface(Lang),
    /// A text written for this buyer language.
    Own(BuyerLanguage, &'m str),
    /// No text in the buyer's language yet: the English text is offered, and the seller is told so.
    EnglishInstead(BuyerLanguage),
}

impl Message {
    /// What to offer a buyer who reads `language`; `None` for a message to someone else (its `language` is set).
    pub fn for_buyer(&self, language: BuyerLanguage) -> Option<BuyerText<'_>> {
        if self.language.is_some() {
            return None;
        }
        Some(match (language.interface(), self.buyer_texts.get(&language)) {
            (Some(lang), _) => BuyerText::Interface(lang),
            (None, Some(text)) => BuyerText::Own(language, text),
            (None, None) => BuyerText::EnglishInstead(language),
        })
    }
}

/// What the answers' chosen store decides: the currency money questions start in and the buyers' language.
impl super::Scenario {
    /// The chosen options of the answers that count, in question order.
    fn chosen_options<'s>(&'s self, answers: &'s super::Answers) -> impl Iterator<Item = &'s super::Choice> + 's {
        let effective = self.effective_answers(answers);
        self.questions.iter().filter_map(move |q| {
            let value = effective.get(q.id.as_str())?.as_choice()?;
            q.options.iter().find(|o| o.id == value)
        })
    }

    /// The currency of the chosen store, else the scenario's.
    pub fn currency_for<'s>(&'s self, answers: &'s super::Answers) -> &'s str {
        self.chosen_options(answers).find_map(|o| o.currency.as_deref()).unwrap_or(&self.currency)
    }

    /// The language of the chosen store's buyers, when an answer names one.
    pub fn buyer_language(&self, answers: &super::Answers) -> Option<BuyerLanguage> {
        self.chosen_options(answers).find_map(|o| o.buyer_language)
    }
}

impl super::Evaluation<'_> {
    /// The language of the chosen store's buyers, from the answers that count.
    pub fn buyer_language(&self) -> Option<BuyerLanguage> {
        self.scenario.questions.iter().find_map(|q| {
            let value = self.answers.get(q.id.as_str())?.as_choice()?;
            q.options.iter().find(|o| o.id == value)?.buyer_language
        })
    }
}
