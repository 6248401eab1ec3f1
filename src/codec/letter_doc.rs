//! A letter as the DOCX job receives it (`codec::docx` writes the file in the files worker): the blocks the page
//! laid out, and the loss table's cells as shown. Only serde here, so the page builds the request without linking
//! the writer or `zip`.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::scenario::LetterLayout;

/// What the page sends: the letter as laid out on screen, and its loss table when it has one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocxLetter {
    /// `ru`, `pl` or `en`: where the head blocks go, and the document's language.
    pub lang: String,
    /// Addressee, sender, number and date, in the template's order.
    pub head: Vec<String>,
    pub title: Option<String>,
    pub body: Vec<String>,
    pub table: Option<DocxTable>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocxTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The total row: its label and amount.
    pub total: (String, String),
    /// The formula under the table.
    pub note: String,
}

impl DocxLetter {
    /// The letter `text` in language `lang` (a code), cut as the page lays it out, with its loss table.
    pub fn from_text(lang: &str, text: &str, table: Option<DocxTable>) -> DocxLetter {
        let layout = LetterLayout::of(text);
        DocxLetter {
            lang: lang.to_string(),
            head: layout.head.iter().map(|s| s.to_string()).collect(),
            title: layout.title.map(str::to_string),
            body: layout.body.iter().map(|s| s.to_string()).collect(),
            table,
        }
    }

    /// The files worker's request for this letter's `.docx`.
    pub fn request_json(&self) -> String {
        json!({"job": "docx", "letter": self}).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_carries_the_letter_as_laid_out() {
        let letter = DocxLetter::from_text("pl", "Adresat: X\n\nNadawca: Y\n\nWEZWANIE DO ZAPŁATY\n\n1. Tekst.", None);
        assert_eq!(letter.head, ["Adresat: X", "Nadawca: Y"]);
        assert_eq!(letter.title.as_deref(), Some("WEZWANIE DO ZAPŁATY"));
        assert_eq!(letter.body, ["1. Tekst."]);
        let request: serde_json::Value = serde_json::from_str(&letter.request_json()).expect("JSON");
        assert_eq!(request["job"], "docx");
        assert_eq!(request["letter"]["lang"], "pl");
    }
}
