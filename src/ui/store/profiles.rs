//! The profile store: the seller's business profiles, which letters take their sender from. They are a
//! preference of the app's table (`codec::prefs::PROFILES`) and follow other tabs through the store's one
//! subscription.

use leptos::prelude::*;

use crate::adapters::storage::{self, SaveError};
use crate::codec::prefs::PROFILES;
use crate::domain::ProfileBook;

#[derive(Clone, Copy)]
pub struct Profiles(pub RwSignal<ProfileBook>);

impl Profiles {
    pub(super) fn load() -> Profiles {
        Profiles(RwSignal::new(storage::read(&PROFILES)))
    }

    /// Writes the business profiles, then shows them: the screen never holds profiles that were not saved.
    pub(super) fn save(self, book: ProfileBook) -> Result<(), SaveError> {
        storage::write(&PROFILES, &book)?;
        self.0.set(book);
        Ok(())
    }

    /// Another tab saved the profiles (`stored` is what it wrote).
    pub(super) fn follow(self, stored: Option<&str>) {
        self.0.set(PROFILES.read(stored));
    }
}
