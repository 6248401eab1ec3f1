use serde::{Deserialize, Serialize};

use crate::i18n::Key;

/// Where a case stands. Resolved cases carry their result; closed is archived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    WaitingMarketplace,
    WaitingBuyer,
    ResolvedWon,
    ResolvedPartly,
    ResolvedLost,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 7] = [
        CaseStatus::Open,
        CaseStatus::WaitingMarketplace,
        CaseStatus::WaitingBuyer,
        CaseStatus::ResolvedWon,
        CaseStatus::ResolvedPartly,
        CaseStatus::ResolvedLost,
        CaseStatus::Closed,
    ];

    /// Open cases still have deadlines that matter.
    pub fn is_active(self) -> bool {
        matches!(self, CaseStatus::Open | CaseStatus::WaitingMarketplace | CaseStatus::WaitingBuyer)
    }

    pub fn is_resolved(self) -> bool {
        matches!(self, CaseStatus::ResolvedWon | CaseStatus::ResolvedPartly | CaseStatus::ResolvedLost)
    }

    /// The statuses a case may move to from this one. Any active status can move to any other active one or
    /// to a result; a result can be corrected, appealed (back to waiting for the marketplace) or closed; a closed
    /// case can only be reopened.
    pub fn next(self) -> Vec<CaseStatus> {
        let targets: &[CaseStatus] = match self {
            CaseStatus::Closed => &[CaseStatus::Open],
            // A result can be appealed (the marketplace or a court has it again).
            s if s.is_resolved() => &[
                CaseStatus::ResolvedWon,
                CaseStatus::ResolvedPartly,
                CaseStatus::ResolvedLost,
                CaseStatus::Closed,
                CaseStatus::Open,
                CaseStatus::WaitingMarketplace,
            ],
            // An active case may move anywhere but straight to closed.
            _ => &Self::ALL[..6],
        };
        targets.iter().copied().filter(|t| *t != self).collect()
    }

    pub fn can_move_to(self, target: CaseStatus) -> bool {
        self.next().contains(&target)
    }

    /// The status as written in URLs and form values (the same words as in stored JSON).
    pub fn code(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::WaitingMarketplace => "waiting_marketplace",
            CaseStatus::WaitingBuyer => "waiting_buyer",
            CaseStatus::ResolvedWon => "resolved_won",
            CaseStatus::ResolvedPartly => "resolved_partly",
            CaseStatus::ResolvedLost => "resolved_lost",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn key(self) -> Key {
        match self {
            CaseStatus::Open => Key::StatusOpen,
            CaseStatus::WaitingMarketplace => Key::StatusWaitingMarketplace,
            CaseStatus::WaitingBuyer => Key::StatusWaitingBuyer,
            CaseStatus::ResolvedWon => Key::StatusResolvedWon,
            CaseStatus::ResolvedPartly => Key::StatusResolvedPartly,
            CaseStatus::ResolvedLost => Key::StatusResolvedLost,
            CaseStatus::Closed => Key::StatusClosed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        assert!(CaseStatus::Open.can_move_to(CaseStatus::WaitingMarketplace));
        assert!(CaseStatus::WaitingBuyer.can_move_to(CaseStatus::ResolvedPartly));
        assert!(!CaseStatus::Open.can_move_to(CaseStatus::Closed), "a case is resolved before it is closed");
        assert!(CaseStatus::ResolvedLost.can_move_to(CaseStatus::Closed));
        assert!(CaseStatus::Closed.can_move_to(CaseStatus::Open));
        assert!(!CaseStatus::Closed.can_move_to(CaseStatus::ResolvedWon));
        for s in CaseStatus::ALL {
            assert!(!s.can_move_to(s), "{s:?} to itself is not a change");
            assert!(!s.next().is_empty(), "{s:?} is a dead end");
        }
    }

    #[test]
    fn codes_round_trip_and_match_the_stored_names() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_string(&s).ok(), Some(format!("\"{}\"", s.code())));
        }
        assert_eq!(CaseStatus::from_code("Open"), None, "codes are not Debug names");
        assert_eq!(CaseStatus::from_code(""), None);
    }
}
