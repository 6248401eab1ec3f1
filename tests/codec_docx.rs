#![cfg(not(target_arch = "wasm32"))]
//! The letter as a `.docx`: a valid package (its parts, well-formed XML, the text and the table cells in order)
//! and, where LibreOffice is installed, one it opens and converts to PDF with the text in it.

use std::io::Read;
use std::process::Command;

use claimdesk::codec::docx::{document_xml, write_docx, DocxLetter, DocxTable};

fn letter() -> DocxLetter {
    DocxLetter {
        lang: "ru".into(),
        head: vec![
            "Кому: ООО «Вайлдберриз»\nИНН 7721546864".into(),
            "От кого: ООО «Ромашка»\nИНН 7701234560".into(),
            "Исх. № 1 от 07.12.2026".into(),
        ],
        title: Some("ПРЕТЕНЗИЯ\nо возмещении стоимости товара, утраченного на складе Wildberries".into()),
        body: vec![
            "1. Мы работаем с вами как продавец <на условиях> Оферты & правил.".into(),
            "4. Размер убытков составляет 3 661,50 ₽.".into(),
        ],
        table: Some(DocxTable {
            caption: "Приложение: таблица убытков".into(),
            headers: vec!["№".into(), "Артикул WB".into(), "Сумма".into()],
            rows: vec![vec!["1".into(), "123456789".into(), "2 550,00 ₽".into()]],
            total: ("Итого".into(), "3 661,50 ₽".into()),
            note: "Сумма = количество × (цена − комиссия).".into(),
        }),
    }
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name).unwrap_or_else(|_| panic!("{name} in the package")).read_to_string(&mut text).expect("text");
    text
}

#[test]
fn the_package_has_its_parts_and_the_text_escaped_in_order() {
    let bytes = write_docx(&letter()).expect("written");
    for name in ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml"] {
        assert!(!part(&bytes, name).is_empty(), "{name}");
    }
    let xml = part(&bytes, "word/document.xml");
    assert_eq!(xml, document_xml(&letter()));
    let at = |needle: &str| xml.find(needle).unwrap_or_else(|| panic!("{needle} missing"));
    assert!(at("Кому: ООО «Вайлдберриз»") < at("ПРЕТЕНЗИЯ"));
    assert!(at("ПРЕТЕНЗИЯ") < at("1. Мы работаем"));
    assert!(xml.contains("продавец &lt;на условиях&gt; Оферты &amp; правил."));
    assert!(xml.contains(r#"<w:jc w:val="center"/>"#), "the title is centred");
    assert!(at("Артикул WB") < at("123456789") && at("123456789") < at("Итого"));
    assert!(part(&bytes, "word/styles.xml").contains(r#"<w:lang w:val="ru"/>"#));
}

#[test]
fn libreoffice_opens_it_and_the_text_is_there() {
    let Ok(soffice) = which("soffice") else {
        // `make test` installs LibreOffice and sets the variable, so there the test cannot be skipped.
        assert!(std::env::var_os("CLAIMDESK_REQUIRE_SOFFICE").is_none(), "soffice is required but not installed");
        eprintln!("soffice is not installed here: `make test` installs libreoffice-writer-nogui");
        return;
    };
    let dir = std::env::temp_dir().join(format!("claimdesk-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let docx = dir.join("letter.docx");
    std::fs::write(&docx, write_docx(&letter()).expect("written")).expect("saved");
    let status = Command::new(soffice)
        .args(["--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir"])
        .arg(&dir)
        .arg(&docx)
        .env("HOME", &dir)
        .status()
        .expect("soffice runs");
    assert!(status.success());
    let text = std::fs::read_to_string(dir.join("letter.txt")).expect("converted to text");
    for expected in [
        "Кому: ООО «Вайлдберриз»",
        "ПРЕТЕНЗИЯ",
        "1. Мы работаем с вами как продавец <на условиях> Оферты & правил.",
        "Артикул WB",
        "123456789",
        "3 661,50 ₽",
    ] {
        assert!(text.contains(expected), "{expected} missing in:\n{text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).map(|p| p.join(program)).find(|p| p.is_file()))
        .ok_or(())
}

#[test]
fn base64_matches_rfc_4648() {
    use claimdesk::codec::docx::base64;
    for (input, expected) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(input.as_bytes()), expected);
    }
}

#[test]
fn the_worker_job_answers_the_file_or_says_what_went_wrong() {
    use claimdesk::codec::docx::{base64, run_json};
    let request = serde_json::json!({"job": "docx", "letter": letter()}).to_string();
    let answer: serde_json::Value = serde_json::from_str(&run_json(&request)).expect("JSON");
    assert_eq!(answer["type"], "docx");
    assert_eq!(answer["base64"], base64(&write_docx(&letter()).expect("written")));
    assert_eq!(run_json(r#"{"job":"docx"}"#), r#"{"type":"bad_request"}"#);
}

#[test]
fn the_page_reads_back_exactly_the_file_the_worker_wrote() {
    use claimdesk::codec::docx::run_json;
    use claimdesk::codec::letter_doc::docx_from_answer;
    let answer = run_json(&letter().request_json());
    assert_eq!(docx_from_answer(&answer), Ok(write_docx(&letter()).expect("written")));
}

#[test]
fn the_files_worker_runs_the_docx_job() {
    use claimdesk::codec::files_job;
    let answer = files_job::run_json(&letter().request_json(), &[], &mut |_| true);
    let answer: serde_json::Value = serde_json::from_str(&answer).expect("JSON");
    assert_eq!(answer["type"], "docx");
}
