//! What each engine's localStorage exception means to the app (names and codes as the engines throw them;
//! the engines suite, tests/engines/data.test.mjs, prints the real ones when it fills the quota).

use claimdesk::codec::store::{BackendError, SaveError};

#[test]
fn every_engines_full_quota_is_recognised() {
    // Chromium and WebKit; Firefox with the standard name; older Firefox with its own name and code.
    for (name, code) in
        [("QuotaExceededError", 22), ("QuotaExceededError", 0), ("NS_ERROR_DOM_QUOTA_REACHED", 1014), ("", 1014)]
    {
        assert_eq!(BackendError::from_dom_exception(name, code, "full"), BackendError::QuotaExceeded, "{name} {code}");
        assert_eq!(SaveError::from(BackendError::from_dom_exception(name, code, "")), SaveError::QuotaExceeded);
    }
}

#[test]
fn blocked_storage_is_unavailable_and_anything_else_keeps_its_message() {
    assert_eq!(BackendError::from_dom_exception("SecurityError", 18, "denied"), BackendError::Unavailable);
    assert_eq!(
        BackendError::from_dom_exception("InvalidStateError", 11, "gone"),
        BackendError::Other("InvalidStateError: gone".to_string())
    );
}
