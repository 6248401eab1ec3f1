//! The seller's business profiles (Settings → "Your business"): who sends the claims. A seller with several
//! legal entities, or an agency, keeps several; each letter is numbered per profile.
//!
//! Every field is optional text, stored by its code, so adding a field later needs no migration; a letter shows a
//! missing one as `[its name]` (see `scenario::SellerField`). Registration and bank numbers are checked with their
//! check digits before a profile is saved ([`BusinessProfile::check`]). The signatory's basis of authority is a
//! typed choice ([`AuthorityBasis`]); a profile saved when it was free text is read into that choice.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::authority::{AuthorityBasis, Signatory};
use super::business_name::formatted_name;
use super::registry_ids::{self as ids, IdError};
use crate::i18n::{tr, Key, Lang};
use crate::scenario::{SellerDetails, SellerField};

/// Longest text kept in one field (an address or a bank name is far shorter).
pub const MAX_FIELD_CHARS: usize = 300;
/// More profiles than any agency needs; keeps a hostile backup from filling the storage.
pub const MAX_PROFILES: usize = 50;

/// Where the business is registered: it decides which numbers the form asks for and the letters show.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Jurisdiction {
    #[default]
    Ru,
    Pl,
    Other,
}

impl Jurisdiction {
    pub const ALL: [Jurisdiction; 3] = [Jurisdiction::Ru, Jurisdiction::Pl, Jurisdiction::Other];

    pub fn code(self) -> &'static str {
        match self {
            Jurisdiction::Ru => "ru",
            Jurisdiction::Pl => "pl",
            Jurisdiction::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Jurisdiction> {
        Jurisdiction::ALL.into_iter().find(|j| j.code() == code)
    }

    pub fn key(self) -> Key {
        match self {
            Jurisdiction::Ru => Key::CountryRu,
            Jurisdiction::Pl => Key::CountryPl,
            Jurisdiction::Other => Key::ProfileCountryOther,
        }
    }
}

/// The form's sections, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldGroup {
    Company,
    Registration,
    Bank,
    Signatory,
    Contacts,
    Marketplaces,
}

impl FieldGroup {
    pub const ALL: [FieldGroup; 6] = [
        FieldGroup::Company,
        FieldGroup::Registration,
        FieldGroup::Bank,
        FieldGroup::Signatory,
        FieldGroup::Contacts,
        FieldGroup::Marketplaces,
    ];

    pub fn key(self) -> Key {
        match self {
            FieldGroup::Company => Key::ProfileGroupCompany,
            FieldGroup::Registration => Key::ProfileGroupRegistration,
            FieldGroup::Bank => Key::ProfileGroupBank,
            FieldGroup::Signatory => Key::ProfileGroupSignatory,
            FieldGroup::Contacts => Key::ProfileGroupContacts,
            FieldGroup::Marketplaces => Key::ProfileGroupMarketplaces,
        }
    }
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    LegalName,
    LegalForm,
    Address,
    Inn,
    Kpp,
    Ogrn,
    Nip,
    Regon,
    Krs,
    VatId,
    BankName,
    Bic,
    Account,
    CorrAccount,
    SignatoryName,
    SignatoryPosition,
    Email,
    Phone,
    WbSupplierId,
    MarketId,
    AmazonMerchantToken,
    MallPartnerId,
}

impl ProfileField {
    pub const ALL: [ProfileField; 22] = [
        ProfileField::LegalName,
        ProfileField::LegalForm,
        ProfileField::Address,
        ProfileField::Inn,
        ProfileField::Kpp,
        ProfileField::Ogrn,
        ProfileField::Nip,
        ProfileField::Regon,
        ProfileField::Krs,
        ProfileField::VatId,
        ProfileField::BankName,
        ProfileField::Bic,
        ProfileField::Account,
        ProfileField::CorrAccount,
        ProfileField::SignatoryName,
        ProfileField::SignatoryPosition,
        ProfileField::Email,
        ProfileField::Phone,
        ProfileField::WbSupplierId,
        ProfileField::MarketId,
        ProfileField::AmazonMerchantToken,
        ProfileField::MallPartnerId,
    ];

    /// The stored name, also the form control's id suffix.
    pub fn code(self) -> &'static str {
        match self {
            ProfileField::LegalName => "legal_name",
            ProfileField::LegalForm => "legal_form",
            ProfileField::Address => "address",
            ProfileField::Inn => "inn",
            ProfileField::Kpp => "kpp",
            ProfileField::Ogrn => "ogrn",
            ProfileField::Nip => "nip",
            ProfileField::Regon => "regon",
            ProfileField::Krs => "krs",
            ProfileField::VatId => "vat_id",
            ProfileField::BankName => "bank_name",
            ProfileField::Bic => "bic",
            ProfileField::Account => "account",
            ProfileField::CorrAccount => "corr_account",
            ProfileField::SignatoryName => "signatory_name",
            ProfileField::SignatoryPosition => "signatory_position",
            ProfileField::Email => "email",
            ProfileField::Phone => "phone",
            ProfileField::WbSupplierId => "wb_supplier_id",
            ProfileField::MarketId => "market_id",
            ProfileField::AmazonMerchantToken => "amazon_merchant_token",
            ProfileField::MallPartnerId => "mall_partner_id",
        }
    }

    pub fn group(self) -> FieldGroup {
        use ProfileField::*;
        match self {
            LegalName | LegalForm | Address => FieldGroup::Company,
            Inn | Kpp | Ogrn | Nip | Regon | Krs | VatId => FieldGroup::Registration,
            BankName | Bic | Account | CorrAccount => FieldGroup::Bank,
            SignatoryName | SignatoryPosition => FieldGroup::Signatory,
            Email | Phone => FieldGroup::Contacts,
            WbSupplierId | MarketId | AmazonMerchantToken | MallPartnerId => FieldGroup::Marketplaces,
        }
    }

    /// Whether the form asks for this field for a business registered in `country`.
    pub fn applies_to(self, country: Jurisdiction) -> bool {
        use ProfileField::*;
        match self {
            Inn | Kpp | Ogrn | CorrAccount => country == Jurisdiction::Ru,
            Nip | Regon | Krs => country == Jurisdiction::Pl,
            VatId => country != Jurisdiction::Ru,
            _ => true,
        }
    }

    /// The form label.
    pub fn key(self) -> Key {
        use ProfileField::*;
        match self {
            LegalName => Key::ProfileLegalName,
            LegalForm => Key::ProfileLegalForm,
            Address => Key::ProfileAddress,
            Inn => Key::ProfileInn,
            Kpp => Key::ProfileKpp,
            Ogrn => Key::ProfileOgrn,
            Nip => Key::ProfileNip,
            Regon => Key::ProfileRegon,
            Krs => Key::ProfileKrs,
            VatId => Key::ProfileVatId,
            BankName => Key::ProfileBankName,
            Bic => Key::ProfileBic,
            Account => Key::ProfileAccount,
            CorrAccount => Key::ProfileCorrAccount,
            SignatoryName => Key::ProfileSignatoryName,
            SignatoryPosition => Key::ProfileSignatoryPosition,
            Email => Key::ProfileEmail,
            Phone => Key::ProfilePhone,
            WbSupplierId => Key::ProfileWbSupplierId,
            MarketId => Key::ProfileMarketId,
            AmazonMerchantToken => Key::ProfileAmazonMerchantToken,
            MallPartnerId => Key::ProfileMallPartnerId,
        }
    }

    /// How the number is named inside a letter ("ИНН 7700…"), for the registration and bank numbers.
    fn short_key(self) -> Option<Key> {
        use ProfileField::*;
        Some(match self {
            Inn => Key::ProfileShortInn,
            Kpp => Key::ProfileShortKpp,
            Ogrn => Key::ProfileShortOgrn,
            Nip => Key::ProfileShortNip,
            Regon => Key::ProfileShortRegon,
            Krs => Key::ProfileShortKrs,
            VatId => Key::ProfileShortVat,
            Bic => Key::ProfileShortBic,
            Account => Key::ProfileShortAccount,
            CorrAccount => Key::ProfileShortCorrAccount,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(from = "StoredProfile")]
pub struct BusinessProfile {
    pub id: String,
    pub country: Jurisdiction,
    pub fields: BTreeMap<ProfileField, String>,
    /// On what authority the signatory signs; `None` when the seller did not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<AuthorityBasis>,
    /// Letters numbered so far; the next one gets `letters + 1`.
    pub letters: u32,
}

/// A profile as stored, of any version: fields by their code (a field this version does not know is dropped
/// rather than making the whole list unreadable), and the basis of authority as the free text
/// `fields.signatory_basis` of profiles saved before it was a choice.
#[derive(Deserialize)]
struct StoredProfile {
    id: String,
    #[serde(default)]
    country: Jurisdiction,
    #[serde(default)]
    fields: BTreeMap<String, String>,
    #[serde(default)]
    basis: Option<AuthorityBasis>,
    #[serde(default)]
    letters: u32,
}

/// The stored code of the free-text basis of older profiles.
const LEGACY_BASIS: &str = "signatory_basis";

impl From<StoredProfile> for BusinessProfile {
    fn from(stored: StoredProfile) -> BusinessProfile {
        let legacy = stored.fields.get(LEGACY_BASIS).and_then(|text| AuthorityBasis::from_legacy(text));
        let fields = stored
            .fields
            .into_iter()
            .filter_map(|(code, value)| ProfileField::ALL.into_iter().find(|f| f.code() == code).map(|f| (f, value)))
            .collect();
        BusinessProfile {
            id: stored.id,
            country: stored.country,
            fields,
            basis: stored.basis.or(legacy),
            letters: stored.letters,
        }
    }
}

/// Why a profile was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileError {
    BadId,
    TooLong(ProfileField),
    /// The power of attorney's number (or an older basis text) is longer than [`MAX_FIELD_CHARS`].
    BasisTooLong,
    TooMany,
    /// A registration or bank number that fails its format or check digit.
    Invalid(ProfileField, IdError),
}

impl BusinessProfile {
    pub fn new(id: String, country: Jurisdiction) -> BusinessProfile {
        BusinessProfile { id, country, fields: BTreeMap::new(), basis: None, letters: 0 }
    }

    /// The trimmed value of a field that applies to the profile's country; `None` when empty or not asked.
    pub fn get(&self, field: ProfileField) -> Option<&str> {
        (field.applies_to(self.country))
            .then(|| self.fields.get(&field).map(|v| v.trim()))
            .flatten()
            .filter(|v| !v.is_empty())
    }

    /// Sets a field (an empty text removes it). Characters that hide or reorder text are dropped: a bank
    /// account must read as what it is.
    pub fn set(&mut self, field: ProfileField, value: &str) {
        let cleaned: String = value.chars().filter(|c| !super::case::hostile_char(*c, false)).collect();
        let value = cleaned.trim();
        if value.is_empty() {
            self.fields.remove(&field);
        } else {
            self.fields.insert(field, value.to_string());
        }
    }

    /// Sets the basis of authority; a power of attorney's number is cleaned like a field (and an empty one kept
    /// empty: "доверенность от 01.02.2026" is a basis too).
    pub fn set_basis(&mut self, basis: Option<AuthorityBasis>) {
        self.basis = basis.map(|basis| match basis {
            AuthorityBasis::PowerOfAttorney { number, date } => {
                let cleaned: String = number.chars().filter(|c| !super::case::hostile_char(*c, false)).collect();
                AuthorityBasis::PowerOfAttorney { number: cleaned.trim().to_string(), date }
            }
            other => other,
        });
    }

    /// The name the settings list and the case page show: the legal name, else the id.
    pub fn display_name(&self) -> String {
        self.seller_value(SellerField::Name, Lang::En).unwrap_or_else(|| self.id.clone())
    }

    /// What any stored profile must be (a backup's too): an id, and no text beyond the limits.
    pub fn validate(&self) -> Result<(), ProfileError> {
        if !super::is_valid_id(&self.id) {
            return Err(ProfileError::BadId);
        }
        if let Some((field, _)) = self.fields.iter().find(|(_, v)| v.chars().count() > MAX_FIELD_CHARS) {
            return Err(ProfileError::TooLong(*field));
        }
        let basis_text = match &self.basis {
            Some(AuthorityBasis::PowerOfAttorney { number, .. }) => number.as_str(),
            Some(AuthorityBasis::Legacy { text }) => text.as_str(),
            _ => "",
        };
        if basis_text.chars().count() > MAX_FIELD_CHARS {
            return Err(ProfileError::BasisTooLong);
        }
        Ok(())
    }

    /// [`BusinessProfile::validate`], then every number the form asks for checked: what the form saves. A
    /// profile read from storage or a backup is only validated, so an older profile with a mistyped number still
    /// loads (and the form then says what to correct).
    pub fn check(&self) -> Result<(), ProfileError> {
        self.validate()?;
        match self.number_problems().first() {
            Some((field, problem)) => Err(ProfileError::Invalid(*field, *problem)),
            None => Ok(()),
        }
    }

    /// Every filled-in number that fails its format or check digit, in the form's order; an empty field is fine.
    pub fn number_problems(&self) -> Vec<(ProfileField, IdError)> {
        use ProfileField as P;
        let bank = self.get(P::Bic);
        ProfileField::ALL
            .into_iter()
            .filter_map(|field| {
                let value = self.get(field)?;
                let checked = match (field, self.country) {
                    (P::Inn, _) => ids::inn(value).map(drop),
                    (P::Kpp, _) => ids::kpp(value),
                    (P::Ogrn, _) => ids::ogrn(value).map(drop),
                    (P::Nip, _) => ids::nip(value),
                    (P::Regon, _) => ids::regon(value),
                    (P::Krs, _) => ids::krs(value),
                    (P::VatId, _) => ids::vat_id(value),
                    (P::Bic, Jurisdiction::Ru) => ids::bik(value),
                    (P::Bic, _) => ids::swift_bic(value),
                    (P::Account, Jurisdiction::Ru) => ids::settlement_account(value, bank),
                    (P::Account, Jurisdiction::Pl) => ids::polish_account(value),
                    // Elsewhere an account may be a national number we cannot check; one that starts with
                    // letters is an IBAN.
                    (P::Account, Jurisdiction::Other) if value.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                        ids::iban(value)
                    }
                    (P::CorrAccount, _) => ids::correspondent_account(value, bank),
                    _ => Ok(()),
                };
                checked.err().map(|problem| (field, problem))
            })
            .collect()
    }

    /// "Label value, Label value" for the given fields that are filled in, in the letter's language.
    fn labelled(&self, fields: &[ProfileField], lang: Lang) -> Option<String> {
        let parts: Vec<String> = fields
            .iter()
            .filter_map(|f| {
                let value = self.get(*f)?;
                Some(match f.short_key() {
                    Some(key) => format!("{} {value}", tr(lang, key)),
                    None => value.to_string(),
                })
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

impl SellerDetails for BusinessProfile {
    fn seller_value(&self, field: SellerField, lang: Lang) -> Option<String> {
        use ProfileField as P;
        match field {
            SellerField::Name => {
                self.get(P::LegalName).map(|name| formatted_name(self.country, self.get(P::LegalForm), name))
            }
            SellerField::Ids => self.labelled(&[P::Inn, P::Kpp, P::Ogrn, P::Nip, P::Regon, P::Krs, P::VatId], lang),
            SellerField::Inn => self.get(P::Inn).map(str::to_string),
            SellerField::Ogrn => self.get(P::Ogrn).map(str::to_string),
            SellerField::Nip => self.get(P::Nip).map(str::to_string),
            SellerField::Address => self.get(P::Address).map(str::to_string),
            SellerField::Bank => {
                // Without the account the line is no use for a payment: treat the bank details as missing.
                self.get(P::Account)?;
                self.labelled(&[P::BankName, P::Bic, P::Account, P::CorrAccount], lang)
            }
            SellerField::Signatory => Signatory {
                position: self.get(P::SignatoryPosition),
                name: self.get(P::SignatoryName),
                basis: self.basis.as_ref(),
                registered_in: self.country,
            }
            .line(lang),
            SellerField::Contacts => {
                let parts: Vec<&str> = [P::Email, P::Phone].iter().filter_map(|f| self.get(*f)).collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            }
            SellerField::WbSupplierId => self.get(P::WbSupplierId).map(str::to_string),
            SellerField::MarketId => self.get(P::MarketId).map(str::to_string),
            SellerField::AmazonMerchantToken => self.get(P::AmazonMerchantToken).map(str::to_string),
            SellerField::MallPartnerId => self.get(P::MallPartnerId).map(str::to_string),
        }
    }
}

/// Every profile and which one a new letter uses.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct ProfileBook {
    #[serde(default)]
    pub profiles: Vec<BusinessProfile>,
    /// The profile used last: letters use it until the seller picks another.
    #[serde(default)]
    pub current: Option<String>,
}

impl ProfileBook {
    pub fn get(&self, id: &str) -> Option<&BusinessProfile> {
        self.profiles.iter().find(|p| p.id == id)
    }

    /// The profile letters use now: the current one, else the first.
    pub fn current(&self) -> Option<&BusinessProfile> {
        self.current.as_deref().and_then(|id| self.get(id)).or_else(|| self.profiles.first())
    }

    /// Adds or replaces a profile (matched by id) and makes it the current one. The letter count never goes
    /// back: a form opened before a letter was numbered must not reuse that number.
    pub fn upsert(&mut self, profile: BusinessProfile) -> Result<(), ProfileError> {
        profile.check()?;
        let id = profile.id.clone();
        let count = self.profiles.len();
        match self.profiles.iter_mut().find(|p| p.id == profile.id) {
            Some(existing) => {
                let letters = existing.letters.max(profile.letters);
                *existing = BusinessProfile { letters, ..profile };
            }
            None if count >= MAX_PROFILES => return Err(ProfileError::TooMany),
            None => self.profiles.push(profile),
        }
        self.current = Some(id);
        Ok(())
    }

    /// Makes `id` the profile new letters use; `false` when there is no such profile.
    pub fn select(&mut self, id: &str) -> bool {
        let found = self.get(id).is_some();
        if found {
            self.current = Some(id.to_string());
        }
        found
    }

    pub fn remove(&mut self, id: &str) -> Option<BusinessProfile> {
        let index = self.profiles.iter().position(|p| p.id == id)?;
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
        Some(self.profiles.remove(index))
    }

    /// The number the next letter of profile `id` will get.
    pub fn next_letter_number(&self, id: &str) -> Option<u32> {
        self.get(id).map(|p| p.letters.saturating_add(1))
    }

    /// Counts letter `number` of profile `id` as used (a number used elsewhere is never given again).
    pub fn mark_letter_number(&mut self, id: &str, number: u32) -> bool {
        match self.profiles.iter_mut().find(|p| p.id == id) {
            Some(profile) => {
                profile.letters = profile.letters.max(number);
                true
            }
            None => false,
        }
    }

    /// The profile case letters go out for: the case's own when it still exists, else the current one.
    pub fn for_case(&self, case_profile: Option<&str>) -> Option<&BusinessProfile> {
        case_profile.and_then(|id| self.get(id)).or_else(|| self.current())
    }

    /// Merges profiles from a backup: a profile not here is added; one here keeps its fields unless the backup's
    /// copy is the only one with letters counted further (its count wins, so numbers are never reused).
    pub fn merge(&mut self, incoming: ProfileBook) -> usize {
        let mut added = 0;
        for profile in incoming.profiles {
            if profile.validate().is_err() {
                continue;
            }
            let count = self.profiles.len();
            match self.profiles.iter_mut().find(|p| p.id == profile.id) {
                Some(existing) => existing.letters = existing.letters.max(profile.letters),
                None if count < MAX_PROFILES => {
                    self.profiles.push(profile);
                    added += 1;
                }
                None => {}
            }
        }
        if self.current.is_none() {
            self.current = incoming.current.filter(|id| self.get(id).is_some());
        }
        added
    }
}
