//! The case list's state in its URL (`/cases?q=…&status=…&page=2`), so Back, reload and a bookmark return
//! to the same list. Values at their default are left out; an unknown or malformed value reads as the default
//! (an old bookmark still opens a list).

use super::query::{CaseQuery, DueFilter, SortKey, StatusFilter};
use crate::scenario::Marketplace;

/// What the case list shows: the query and the page (0-based here, 1-based in the URL).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    pub query: CaseQuery,
    pub page: usize,
}

impl ListState {
    /// Reads a URL query string, with or without its leading `?`.
    pub fn from_search(search: &str) -> ListState {
        let mut state = ListState::default();
        let q = &mut state.query;
        for pair in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (name, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(raw);
            match name {
                "q" => q.text = value,
                "market" => q.marketplace = Marketplace::from_code(&value),
                "scenario" => q.scenario = (!value.is_empty()).then_some(value),
                "status" => q.status = StatusFilter::from_code(&value).unwrap_or_default(),
                "due" => q.due = DueFilter::from_code(&value).unwrap_or_default(),
                "sort" => q.sort = SortKey::from_code(&value).unwrap_or_default(),
                "page" => state.page = value.parse::<usize>().map_or(0, |n| n.saturating_sub(1)),
                _ => {}
            }
        }
        state
    }

    /// The URL query string for this state: empty for the default list, otherwise starting with `?`.
    pub fn to_search(&self) -> String {
        let q = &self.query;
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !q.text.is_empty() {
            pairs.push(("q", &q.text));
        }
        if let Some(m) = q.marketplace {
            pairs.push(("market", m.code()));
        }
        if let Some(s) = &q.scenario {
            pairs.push(("scenario", s));
        }
        if q.status != StatusFilter::default() {
            pairs.push(("status", q.status.code()));
        }
        if q.due != DueFilter::default() {
            pairs.push(("due", q.due.code()));
        }
        if q.sort != SortKey::default() {
            pairs.push(("sort", q.sort.code()));
        }
        let page = (self.page + 1).to_string();
        if self.page > 0 {
            pairs.push(("page", &page));
        }
        let mut out = String::new();
        for (name, value) in pairs {
            out.push(if out.is_empty() { '?' } else { '&' });
            out.push_str(name);
            out.push('=');
            encode_into(&mut out, value);
        }
        out
    }

    /// The state after a change to the query: a different query starts again at the first page.
    pub fn with_query(&self, change: impl FnOnce(&mut CaseQuery)) -> ListState {
        let mut query = self.query.clone();
        change(&mut query);
        let page = if query == self.query { self.page } else { 0 };
        ListState { query, page }
    }

    pub fn with_page(&self, page: usize) -> ListState {
        ListState { query: self.query.clone(), page }
    }
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
fn encode_into(out: &mut String, value: &str) {
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// Decodes `%XX` and `+` (a space in form encoding); a malformed escape is kept as written.
fn decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match bytes[i] {
            b'%' => {
                if let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) {
                    out.push((hi * 16 + lo) as u8);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
