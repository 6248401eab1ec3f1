//! What the seller has already done with findings, by fingerprint: dismissed ones never come back, so importing
//! the same report again (or a later one repeating the same lines) finds nothing new. Kept as a preference.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// The fingerprints of the findings the seller dismissed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingMemory {
    #[serde(default)]
    pub dismissed: BTreeSet<String>,
}

impl FindingMemory {
    pub fn is_dismissed(&self, fingerprint: &str) -> bool {
        self.dismissed.contains(fingerprint)
    }

    /// This memory with `fingerprint` dismissed too; `None` when it already was (nothing to save).
    pub fn with_dismissed(&self, fingerprint: &str) -> Option<FindingMemory> {
        if self.is_dismissed(fingerprint) {
            return None;
        }
        let mut next = self.clone();
        next.dismissed.insert(fingerprint.to_string());
        Some(next)
    }

    /// The positions of `fingerprints` still to show (not dismissed), in their order, and how many are hidden.
    pub fn still_open<'a>(&self, fingerprints: impl IntoIterator<Item = &'a str>) -> (Vec<usize>, usize) {
        let mut open = Vec::new();
        let mut hidden = 0;
        for (i, fingerprint) in fingerprints.into_iter().enumerate() {
            if self.is_dismissed(fingerprint) {
                hidden += 1;
            } else {
                open.push(i);
            }
        }
        (open, hidden)
    }
}
