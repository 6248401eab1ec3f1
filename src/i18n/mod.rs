//! The translation layer: every user-facing string goes through [`tr`] with a typed [`Key`].
//!
//! Keys are a Rust enum (a typo is a compile error); the texts live in one plain `key = text` file per
//! language (`locales/*.txt`) so translators edit data, not code. A native test checks that every key has a
//! non-empty text in every language and that no file carries unknown keys.

mod format;
mod keys;
mod lang;
pub mod loading;
pub mod pack;
pub mod placeholder;
mod plural;
mod table;

pub use format::{
    format_amount_field, format_amount_input, format_date, format_decimal, format_money, format_month, format_percent,
    format_plain_amount, parse_amount, Countdown,
};
pub use keys::Key;
pub use lang::Lang;
pub use plural::{plural_form, PluralForm};
pub use table::{tr, tr_plural};

/// Replaces `{name}` in a translated text with the given values (texts from the table, never user HTML); a
/// placeholder without a value stays as written.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for piece in placeholder::pieces(text) {
        match piece {
            placeholder::Piece::Text(t) => out.push_str(t),
            placeholder::Piece::Name(name) => match values.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}
