//! Where a business is registered: a leaf of the business profile that its name, signature and number checks
//! all depend on (its own file, so none of them needs the profile itself).

use serde::{Deserialize, Serialize};

use crate::i18n::Key;

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
