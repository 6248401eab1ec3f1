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

/// Why the worker's answer gave no file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoDocx;

/// The `.docx` bytes of the worker's answer (`{"type": "docx", "base64": "…"}`).
pub fn docx_from_answer(answer_json: &str) -> Result<Vec<u8>, NoDocx> {
    let answer: serde_json::Value = serde_json::from_str(answer_json).map_err(|_| NoDocx)?;
    match (answer["type"].as_str(), answer["base64"].as_str()) {
        (Some("docx"), Some(text)) => decode_base64(text).ok_or(NoDocx),
        _ => Err(NoDocx),
    }
}

/// Standard base64 with padding (RFC 4648); `None` for anything else.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let bytes = text.as_bytes();
    if bytes.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for chunk in bytes.chunks(4) {
        let padding = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if padding > 2 {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - padding] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * padding as u32;
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&decoded[..3 - padding]);
    }
    Some(out)
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

    #[test]
    fn the_answer_gives_the_bytes_or_no_file() {
        assert_eq!(docx_from_answer(r#"{"type":"docx","base64":"Zm9vYmE="}"#), Ok(b"fooba".to_vec()));
        assert_eq!(docx_from_answer(r#"{"type":"docx","base64":"Zg=="}"#), Ok(b"f".to_vec()));
        assert_eq!(docx_from_answer(r#"{"type":"failed"}"#), Err(NoDocx));
        assert_eq!(docx_from_answer(r#"{"type":"docx","base64":"Zm9v!"}"#), Err(NoDocx));
        assert_eq!(docx_from_answer("not json"), Err(NoDocx));
    }
}
