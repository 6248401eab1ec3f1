//! The sender of a letter: `{seller.<field>}` placeholders filled from the seller's business profile, and
//! `{letter.number}`, the letter's outgoing number. Without a profile (or with the field empty) a placeholder
//! shows its name in brackets, `[tax number (INN)]`, so the seller sees what is still to add.

use std::collections::BTreeMap;

use crate::i18n::{Key, Lang};

/// What a letter can say about its sender.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SellerField {
    /// Legal form and name: «ООО «Ромашка»», "Nowak sp. z o.o.".
    Name,
    /// Every tax and registration number present, each with its name: "ИНН 7700000000, ОГРН 1027700000000".
    Ids,
    Inn,
    Ogrn,
    Nip,
    Address,
    /// Bank name, BIC, account (and correspondent account where the country uses one) on one line.
    Bank,
    /// Position and name of whoever signs, with the basis of their authority when given.
    Signatory,
    /// E-mail and phone.
    Contacts,
    WbSupplierId,
    MarketId,
    AmazonMerchantToken,
    MallPartnerId,
}

impl SellerField {
    pub const ALL: [SellerField; 13] = [
        SellerField::Name,
        SellerField::Ids,
        SellerField::Inn,
        SellerField::Ogrn,
        SellerField::Nip,
        SellerField::Address,
        SellerField::Bank,
        SellerField::Signatory,
        SellerField::Contacts,
        SellerField::WbSupplierId,
        SellerField::MarketId,
        SellerField::AmazonMerchantToken,
        SellerField::MallPartnerId,
    ];

    /// The name after `seller.` in a template.
    pub fn code(self) -> &'static str {
        match self {
            SellerField::Name => "name",
            SellerField::Ids => "ids",
            SellerField::Inn => "inn",
            SellerField::Ogrn => "ogrn",
            SellerField::Nip => "nip",
            SellerField::Address => "address",
            SellerField::Bank => "bank",
            SellerField::Signatory => "signatory",
            SellerField::Contacts => "contacts",
            SellerField::WbSupplierId => "wb_id",
            SellerField::MarketId => "market_id",
            SellerField::AmazonMerchantToken => "amazon_token",
            SellerField::MallPartnerId => "mall_id",
        }
    }

    pub fn from_code(code: &str) -> Option<SellerField> {
        SellerField::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The bracketed text shown while the value is missing.
    pub fn missing_key(self) -> Key {
        match self {
            SellerField::Name => Key::SellerMissingName,
            SellerField::Ids => Key::SellerMissingIds,
            SellerField::Inn => Key::SellerMissingInn,
            SellerField::Ogrn => Key::SellerMissingOgrn,
            SellerField::Nip => Key::SellerMissingNip,
            SellerField::Address => Key::SellerMissingAddress,
            SellerField::Bank => Key::SellerMissingBank,
            SellerField::Signatory => Key::SellerMissingSignatory,
            SellerField::Contacts => Key::SellerMissingContacts,
            SellerField::WbSupplierId => Key::SellerMissingWbId,
            SellerField::MarketId => Key::SellerMissingMarketId,
            SellerField::AmazonMerchantToken => Key::SellerMissingAmazonToken,
            SellerField::MallPartnerId => Key::SellerMissingMallId,
        }
    }
}

/// Whatever knows the sender's details (a business profile); `None` or an empty text counts as missing.
pub trait SellerDetails {
    fn seller_value(&self, field: SellerField, lang: Lang) -> Option<String>;
}

/// The sender and number of one letter, for [`super::Evaluation::fill_letter`].
#[derive(Clone, Copy, Default)]
pub struct LetterContext<'a> {
    pub seller: Option<&'a dyn SellerDetails>,
    /// The outgoing number, once the letter has one (it is given when the letter is copied or printed).
    pub number: Option<&'a str>,
    /// The amount claimed, formatted, when it comes from the case's loss table rather than the wizard's answer:
    /// it fills the placeholder of the question whose role is the amount at stake.
    pub claimed: Option<&'a str>,
    /// What the case knows for `{fact.<name>}` and for the inputs that name a fact, already in the letter's
    /// language (see `domain::letter_facts`).
    pub facts: Option<&'a BTreeMap<String, String>>,
    /// What the seller typed next to the letter, by input id.
    pub inputs: Option<&'a BTreeMap<String, String>>,
    /// The letter's date for `{today}`: the day it was numbered, or today; `None` keeps the case's opening day.
    pub dated: Option<chrono::NaiveDate>,
}

/// The placeholder names this module fills: `seller.<code>` and `letter.number`.
pub fn is_letter_placeholder(name: &str) -> bool {
    name == LETTER_NUMBER || name.strip_prefix("seller.").and_then(SellerField::from_code).is_some()
}

pub const LETTER_NUMBER: &str = "letter.number";
