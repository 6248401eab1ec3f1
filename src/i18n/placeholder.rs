//! The one scanner for `{name}` placeholders, used by translated texts ([`super::fill`]) and by scenario
//! message templates alike.

/// A stretch of a template: plain text, or the name inside a `{…}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Name(&'a str),
}

/// The text cut into plain stretches and placeholder names, in order. A `{` without a closing `}` (or
/// followed by another `{` first) is plain text.
pub fn pieces(text: &str) -> Pieces<'_> {
    Pieces { rest: text }
}

pub struct Pieces<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        let mut search_from = 0;
        while let Some(offset) = self.rest[search_from..].find('{') {
            let open = search_from + offset;
            let after = &self.rest[open + 1..];
            match after.find(['{', '}']) {
                Some(end) if after.as_bytes()[end] == b'}' => {
                    if open > 0 {
                        let (text, rest) = self.rest.split_at(open);
                        self.rest = rest;
                        return Some(Piece::Text(text));
                    }
                    self.rest = &after[end + 1..];
                    return Some(Piece::Name(&after[..end]));
                }
                Some(end) => search_from = open + 1 + end,
                None => break,
            }
        }
        let text = self.rest;
        self.rest = "";
        Some(Piece::Text(text))
    }
}

/// The placeholder names of a text, in order of appearance (repeats included).
pub fn names(text: &str) -> impl Iterator<Item = &str> {
    pieces(text).filter_map(|p| match p {
        Piece::Name(n) => Some(n),
        Piece::Text(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_text_and_names() {
        use Piece::{Name, Text};
        assert_eq!(
            pieces("Order {order} of {today}.").collect::<Vec<_>>(),
            [Text("Order "), Name("order"), Text(" of "), Name("today"), Text(".")]
        );
        assert_eq!(pieces("{a}{b}").collect::<Vec<_>>(), [Name("a"), Name("b")]);
        assert_eq!(pieces("").count(), 0);
        assert_eq!(pieces("broken {tail").collect::<Vec<_>>(), [Text("broken {tail")]);
        assert_eq!(pieces("x {y {z} w").collect::<Vec<_>>(), [Text("x {y "), Name("z"), Text(" w")]);
        assert_eq!(names("a } b {c}").collect::<Vec<_>>(), ["c"]);
    }
}
