//! The path the app is deployed under ("/" or "/claimdesk/"), written into index.html at build time.

/// The deploy base with a trailing slash, read once from `<meta name="claimdesk-base">`.
pub fn base_path() -> String {
    thread_local! {
        static BASE: String = read_base();
    }
    BASE.with(String::clone)
}

fn read_base() -> String {
    normalise(&crate::adapters::dom::meta_content("claimdesk-base").unwrap_or_default())
}

fn normalise(raw: &str) -> String {
    let trimmed = raw.trim().trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

/// The router's base: the deploy base without its trailing slash ("" at a domain root).
pub fn router_base() -> String {
    base_path().trim_end_matches('/').to_string()
}

/// An app path ("/cases") as a link under the deploy base ("/claimdesk/cases"). The router adds its base when
/// navigating, but `<A href>` with an absolute path is used as given.
pub fn href(path: &str) -> String {
    format!("{}{path}", router_base())
}
