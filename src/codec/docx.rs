//! A letter as a `.docx`: the few OOXML parts Word and LibreOffice need (content types, the package and
//! document relationships, the styles with the letter's font, the document), written as text and zipped with
//! `zip` — the crate the files worker already carries — instead of `docx-rs` (about 250 KB gzip of wasm of its
//! own, with an image crate a letter never uses). The head is a borderless table placed by the letter language's
//! convention, the title centred, the body justified, the loss table with borders.
//!
//! Only the files worker (and native tests) link it: the main app's wasm never does.
//!
//! As a files-worker job: request `{"job": "docx", "letter": DocxLetter}`; answer
//! `{"type": "docx", "base64": "…"}` (the worker's messages are text: a letter's file is a few kilobytes), or
//! `{"type": "bad_request"}`, or `{"type": "failed"}`.

use std::io::{Cursor, Write};

use serde::Deserialize;
use serde_json::json;

pub use super::letter_doc::{DocxLetter, DocxTable};
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

#[derive(Debug)]
pub struct DocxError(String);

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn styles(lang: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="24"/><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>"#
    )
}

/// `text` safe inside an XML element.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 forbids (a stray control character in a typed field) are left out.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// One paragraph; its lines become line breaks inside it.
fn paragraph(text: &str, align: Option<&str>, bold: bool) -> String {
    let p_pr = align.map(|a| format!(r#"<w:pPr><w:jc w:val="{a}"/></w:pPr>"#)).unwrap_or_default();
    let r_pr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let runs: Vec<String> = text
        .split('\n')
        .map(|line| format!(r#"<w:r>{r_pr}<w:t xml:space="preserve">{}</w:t></w:r>"#, escape(line)))
        .collect();
    format!("<w:p>{p_pr}{}</w:p>", runs.join(&format!("<w:r>{r_pr}<w:br/></w:r>")))
}

fn cell(content: &str, width: u32) -> String {
    format!(r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>"#)
}

fn borderless_table(rows: &[[String; 2]]) -> String {
    let rows: String =
        rows.iter().map(|[left, right]| format!("<w:tr>{}{}</w:tr>", cell(left, 4680), cell(right, 4680))).collect();
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="9360" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4680"/><w:gridCol w:w="4680"/></w:tblGrid>{rows}</w:tbl>"#
    )
}

/// The head by the language's convention: Russian sender left and addressee right, then the number and date;
/// Polish sender left, place and date right, addressee right below; English one block under another.
fn head(letter: &DocxLetter) -> String {
    let block = |i: usize| letter.head.get(i).map(|t| paragraph(t, None, false)).unwrap_or_else(|| "<w:p/>".into());
    let rest: String = letter.head.iter().skip(3).map(|t| paragraph(t, None, false)).collect();
    let (to, from, dated) = (block(0), block(1), block(2));
    let placed = match letter.lang.as_str() {
        "pl" => borderless_table(&[
            [from, dated.replace("<w:p>", r#"<w:p><w:pPr><w:jc w:val="right"/></w:pPr>"#)],
            ["<w:p/>".into(), to],
        ]),
        "en" => [from, dated, to].concat(),
        _ => format!("{}{dated}", borderless_table(&[[from, to]])),
    };
    format!("{placed}{rest}")
}

fn loss_table(table: &DocxTable) -> String {
    let columns = table.headers.len().max(1) as u32;
    let width = 9360 / columns;
    let grid: String = (0..columns).map(|_| format!(r#"<w:gridCol w:w="{width}"/>"#)).collect();
    let row = |cells: &[String], bold: bool| -> String {
        let cells: String = cells.iter().map(|c| cell(&paragraph(c, None, bold), width)).collect();
        format!("<w:tr>{cells}</w:tr>")
    };
    let mut rows = row(&table.headers, true);
    for r in &table.rows {
        rows.push_str(&row(r, false));
    }
    let span = columns.saturating_sub(1).max(1);
    rows.push_str(&format!(
        r#"<w:tr><w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/><w:gridSpan w:val="{span}"/></w:tcPr>{}</w:tc>{}</w:tr>"#,
        width * span,
        paragraph(&table.total.0, None, true),
        cell(&paragraph(&table.total.1, None, true), width)
    ));
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#;
    format!(
        r#"{}<w:tbl><w:tblPr><w:tblW w:w="9360" w:type="dxa"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>{}"#,
        paragraph(&table.caption, None, true),
        paragraph(&table.note, None, false)
    )
}

/// The `word/document.xml` of the letter: A4, 2 cm margins.
pub fn document_xml(letter: &DocxLetter) -> String {
    let mut body = head(letter);
    if let Some(title) = &letter.title {
        body.push_str(&paragraph(title, Some("center"), true));
    }
    for p in &letter.body {
        body.push_str(&paragraph(p, Some("both"), false));
    }
    if let Some(table) = &letter.table {
        body.push_str(&loss_table(table));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

/// The `.docx` file of the letter.
pub fn write_docx(letter: &DocxLetter) -> Result<Vec<u8>, DocxError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", PACKAGE_RELS.to_string()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", styles(&letter.lang)),
        ("word/document.xml", document_xml(letter)),
    ];
    for (name, content) in parts {
        zip.start_file(name, options).map_err(|e| DocxError(e.to_string()))?;
        zip.write_all(content.as_bytes()).map_err(|e| DocxError(e.to_string()))?;
    }
    let cursor = zip.finish().map_err(|e| DocxError(e.to_string()))?;
    Ok(cursor.into_inner())
}

#[derive(Deserialize)]
struct Request {
    letter: DocxLetter,
}

/// The files-worker job: the request's letter as a `.docx`, base64-encoded in the answer.
pub fn run_json(request_json: &str) -> String {
    let Ok(request) = serde_json::from_str::<Request>(request_json) else {
        return json!({"type": "bad_request"}).to_string();
    };
    match write_docx(&request.letter) {
        Ok(bytes) => json!({"type": "docx", "base64": base64(&bytes)}).to_string(),
        Err(_) => json!({"type": "failed"}).to_string(),
    }
}

/// Standard base64 with padding (RFC 4648), for the bytes in a text message.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
