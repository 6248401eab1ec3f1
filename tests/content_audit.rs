#![cfg(not(target_arch = "wasm32"))]
//! `docs/content-audit.md` covers every deadline rule and every message of every scenario file: one row per rule
//! with the day its source was opened and a verdict that agrees with the rule's `uncertain` flag, and no rule
//! stamped `verified` after its source was last opened.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

const VERDICTS: [&str; 3] = ["right", "corrected", "uncertain"];

/// What the audit needs to know about one scenario file.
struct ScenarioFacts {
    file: String,
    id: String,
    /// Rule id → (`verified`, `None` for an undated source; `uncertain`).
    rules: Vec<(String, Option<NaiveDate>, bool)>,
    messages: Vec<String>,
}

struct RuleRow {
    line: usize,
    rule: String,
    audited: String,
    source: String,
    sentence: String,
    verdict: String,
}

struct LetterRow {
    line: usize,
    message: String,
    audited: String,
    verdict: String,
}

#[derive(Default)]
struct Section {
    rules: Vec<RuleRow>,
    letters: Vec<LetterRow>,
    has_letters: bool,
    has_could_not_verify: bool,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

fn scenario_facts(file: &str, text: &str) -> ScenarioFacts {
    let value: toml::Value = toml::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let list = |key: &str| value.get(key).and_then(|v| v.as_array()).cloned().unwrap_or_default();
    let field = |t: &toml::Value, key: &str| t.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_string();
    let rules = list("deadlines")
        .iter()
        .map(|r| {
            let id = field(r, "id");
            // An undated source has no day to compare; its row still has to exist and agree on `uncertain`.
            let stamp = field(r, "verified");
            let verified = if stamp == "undated" {
                None
            } else {
                Some(date(&stamp).unwrap_or_else(|| panic!("{file}: rule `{id}` has no date")))
            };
            let uncertain = r.get("uncertain").and_then(|v| v.as_bool()).unwrap_or(false);
            (id, verified, uncertain)
        })
        .collect();
    ScenarioFacts {
        file: file.to_string(),
        id: field(&value, "id"),
        rules,
        messages: list("messages").iter().map(|m| field(m, "id")).collect(),
    }
}

fn shipped_scenarios() -> Vec<ScenarioFacts> {
    let dir = root().join("content/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = format!("content/scenarios/{}", path.file_name().unwrap_or_default().to_string_lossy());
            scenario_facts(&name, &text)
        })
        .collect()
}

fn audit_text() -> String {
    let path = root().join("docs/content-audit.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The cells of a table row, or `None` for a line that is not one (or is a header or separator row).
fn cells(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<String> = inner.split('|').map(|c| c.trim().to_string()).collect();
    let first = cells.first()?;
    let id = first.strip_prefix('`')?.strip_suffix('`')?;
    (!id.is_empty()).then(|| std::iter::once(id.to_string()).chain(cells[1..].iter().cloned()).collect())
}

/// The audit file's sections by scenario id (`## <id>`), with their rule rows and letter rows; the scenarios end
/// where the addressees' part (`# Addressees`, checked by `scenario::validate_addressees`) begins.
fn parse_audit(text: &str) -> BTreeMap<String, Section> {
    let mut sections: BTreeMap<String, Section> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut in_letters = false;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim() == "# Addressees" {
            break;
        }
        if let Some(id) = line.strip_prefix("## ") {
            current = Some(id.trim().to_string());
            in_letters = false;
            sections.entry(id.trim().to_string()).or_default();
            continue;
        }
        let Some(section) = current.as_ref().and_then(|id| sections.get_mut(id)) else { continue };
        match line.trim() {
            "### Letters" => {
                in_letters = true;
                section.has_letters = true;
                continue;
            }
            "### Could not verify" => {
                in_letters = false;
                section.has_could_not_verify = true;
                continue;
            }
            _ => {}
        }
        let Some(row) = cells(line) else { continue };
        let cell = |i: usize| row.get(i).cloned().unwrap_or_default();
        if in_letters {
            section.letters.push(LetterRow { line: number, message: cell(0), audited: cell(1), verdict: cell(2) });
        } else {
            section.rules.push(RuleRow {
                line: number,
                rule: cell(0),
                audited: cell(1),
                source: cell(2),
                sentence: cell(3),
                verdict: cell(4),
            });
        }
    }
    sections
}

/// Everything wrong with one scenario's audit, in words naming the file, the rule or message and the audit line.
fn problems_of(scenario: &ScenarioFacts, sections: &BTreeMap<String, Section>) -> Vec<String> {
    let file = &scenario.file;
    let Some(section) = sections.get(&scenario.id) else {
        return vec![format!("{file}: docs/content-audit.md has no section `## {}`", scenario.id)];
    };
    let mut p = Vec::new();
    if !section.has_letters {
        p.push(format!("{file}: its audit section has no `### Letters` table"));
    }
    if !section.has_could_not_verify {
        p.push(format!("{file}: its audit section has no `### Could not verify` list"));
    }
    for (id, verified, uncertain) in &scenario.rules {
        let rows: Vec<&RuleRow> = section.rules.iter().filter(|r| &r.rule == id).collect();
        let row = match rows.as_slice() {
            [] => {
                p.push(format!("{file}: rule `{id}` has no audit row"));
                continue;
            }
            [row] => row,
            more => {
                let lines: Vec<String> = more.iter().map(|r| r.line.to_string()).collect();
                p.push(format!("{file}: rule `{id}` has {} audit rows (lines {})", more.len(), lines.join(", ")));
                continue;
            }
        };
        let at = format!("{file}: rule `{id}` (docs/content-audit.md line {})", row.line);
        match date(&row.audited) {
            None => p.push(format!("{at}: audited `{}` is not a YYYY-MM-DD date", row.audited)),
            Some(audited) if verified.is_some_and(|v| v > audited) => p.push(format!(
                "{at}: verified {} is newer than the day its source was opened ({audited}); a rule is \
                 verified only on a day its source was opened",
                verified.map(|v| v.to_string()).unwrap_or_default()
            )),
            Some(_) => {}
        }
        if !row.source.starts_with("https://") && !row.source.starts_with("http://") {
            p.push(format!("{at}: source opened `{}` is not a web address", row.source));
        }
        if row.sentence.is_empty() {
            p.push(format!("{at}: no supporting sentence"));
        }
        if !VERDICTS.contains(&row.verdict.as_str()) {
            p.push(format!("{at}: verdict `{}` is not one of {}", row.verdict, VERDICTS.join(", ")));
        } else if (row.verdict == "uncertain") != *uncertain {
            p.push(if *uncertain {
                format!("{at}: the rule is marked uncertain but its verdict is `{}`", row.verdict)
            } else {
                format!("{at}: the verdict is `uncertain` but the rule is not marked `uncertain = true`")
            });
        }
    }
    for row in &section.rules {
        if !scenario.rules.iter().any(|(id, _, _)| id == &row.rule) {
            p.push(format!(
                "{file}: docs/content-audit.md line {} names rule `{}`, which this scenario does not have",
                row.line, row.rule
            ));
        }
    }
    for id in &scenario.messages {
        let rows: Vec<&LetterRow> = section.letters.iter().filter(|r| &r.message == id).collect();
        match rows.as_slice() {
            [] => p.push(format!("{file}: message `{id}` has no Letters row")),
            [row] => {
                let at = format!("{file}: message `{id}` (docs/content-audit.md line {})", row.line);
                if date(&row.audited).is_none() {
                    p.push(format!("{at}: audited `{}` is not a YYYY-MM-DD date", row.audited));
                }
                if row.verdict.is_empty() {
                    p.push(format!("{at}: no verdict"));
                }
            }
            more => p.push(format!("{file}: message `{id}` has {} Letters rows", more.len())),
        }
    }
    for row in &section.letters {
        if !scenario.messages.contains(&row.message) {
            p.push(format!(
                "{file}: docs/content-audit.md line {} names message `{}`, which this scenario does not have",
                row.line, row.message
            ));
        }
    }
    p
}

fn check_scenario(id: &str) {
    let scenarios = shipped_scenarios();
    let scenario = scenarios.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no scenario file with id {id}"));
    let problems = problems_of(scenario, &parse_audit(&audit_text()));
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_scenario_file_is_audited() {
    let sections = parse_audit(&audit_text());
    let problems: Vec<String> = shipped_scenarios().iter().flat_map(|s| problems_of(s, &sections)).collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_audit_section_is_a_shipped_scenario() {
    let ids: Vec<String> = shipped_scenarios().into_iter().map(|s| s.id).collect();
    let unknown: Vec<String> = parse_audit(&audit_text()).into_keys().filter(|id| !ids.contains(id)).collect();
    assert!(unknown.is_empty(), "audit sections without a scenario file: {unknown:?}");
}

#[test]
fn wb_lost_goods_is_audited() {
    check_scenario("wb-lost-goods");
}

#[test]
fn wb_buyer_refusal_is_audited() {
    check_scenario("wb-buyer-refusal");
}

#[test]
fn ym_not_delivered_is_audited() {
    check_scenario("ym-not-delivered");
}

#[test]
fn ym_return_problem_is_audited() {
    check_scenario("ym-return-problem");
}

// The checker itself, on a small scenario and audit written here.

const SAMPLE_SCENARIO: &str = r#"
id = "sample"
[[messages]]
id = "letter"
[[deadlines]]
id = "sure"
verified = "2026-12-01"
[[deadlines]]
id = "shaky"
verified = "2026-12-01"
uncertain = true
"#;

const SAMPLE_AUDIT: &str = "## sample
| rule | audited | source opened | supporting sentence | verdict |
|---|---|---|---|---|
| `sure` | 2026-12-01 | https://example.org/a | «a sentence» | right |
| `shaky` | 2026-12-02 | https://example.org/b | «another» | uncertain |
### Letters
| message | audited | verdict |
|---|---|---|
| `letter` | 2026-12-01 | accepted as written |
### Could not verify
- nothing
";

fn sample_problems(scenario: &str, audit: &str) -> Vec<String> {
    problems_of(&scenario_facts("sample.toml", scenario), &parse_audit(audit))
}

#[test]
fn a_complete_audit_has_no_problems() {
    assert_eq!(sample_problems(SAMPLE_SCENARIO, SAMPLE_AUDIT), Vec::<String>::new());
}

#[test]
fn a_rule_verified_after_its_audit_fails() {
    let scenario = SAMPLE_SCENARIO.replacen("verified = \"2026-12-01\"", "verified = \"2026-12-07\"", 1);
    assert_eq!(
        sample_problems(&scenario, SAMPLE_AUDIT),
        vec!["sample.toml: rule `sure` (docs/content-audit.md line 4): verified 2026-12-07 is newer than the day its \
             source was opened (2026-12-01); a rule is verified only on a day its source was opened"
            .to_string()]
    );
}

#[test]
fn a_rule_without_a_row_and_a_row_without_a_rule_fail() {
    let audit = SAMPLE_AUDIT.replace("| `sure` |", "| `gone` |");
    assert_eq!(
        sample_problems(SAMPLE_SCENARIO, &audit),
        vec![
            "sample.toml: rule `sure` has no audit row".to_string(),
            "sample.toml: docs/content-audit.md line 4 names rule `gone`, which this scenario does not have"
                .to_string(),
        ]
    );
}

#[test]
fn the_verdict_must_agree_with_the_uncertain_flag() {
    let audit = SAMPLE_AUDIT
        .replace("«a sentence» | right", "«a sentence» | uncertain")
        .replace("«another» | uncertain", "«another» | corrected");
    assert_eq!(
        sample_problems(SAMPLE_SCENARIO, &audit),
        vec![
            "sample.toml: rule `sure` (docs/content-audit.md line 4): the verdict is `uncertain` but the rule is not \
             marked `uncertain = true`"
                .to_string(),
            "sample.toml: rule `shaky` (docs/content-audit.md line 5): the rule is marked uncertain but its verdict \
             is `corrected`"
                .to_string(),
        ]
    );
    let audit = SAMPLE_AUDIT.replace("«a sentence» | right", "«a sentence» | fine");
    assert_eq!(
        sample_problems(SAMPLE_SCENARIO, &audit),
        vec![
            "sample.toml: rule `sure` (docs/content-audit.md line 4): verdict `fine` is not one of right, corrected, \
             uncertain"
                .to_string()
        ]
    );
}

#[test]
fn every_message_needs_one_letters_row_and_a_missing_section_is_named() {
    let audit = SAMPLE_AUDIT.replace("| `letter` | 2026-12-01 | accepted as written |\n", "");
    assert_eq!(sample_problems(SAMPLE_SCENARIO, &audit), vec!["sample.toml: message `letter` has no Letters row"]);
    let audit = SAMPLE_AUDIT.replace("## sample", "## other");
    assert_eq!(
        sample_problems(SAMPLE_SCENARIO, &audit),
        vec!["sample.toml: docs/content-audit.md has no section `## sample`"]
    );
}

#[test]
fn a_rule_listed_twice_fails() {
    let audit = SAMPLE_AUDIT
        .replace("### Letters", "| `sure` | 2026-12-01 | https://example.org/a | «again» | right |\n### Letters");
    assert_eq!(
        sample_problems(SAMPLE_SCENARIO, &audit),
        vec!["sample.toml: rule `sure` has 2 audit rows (lines 4, 6)"]
    );
}
