//! Helpers for the native scenario path tests: build answers from short strings, read the resulting plan.
#![allow(dead_code)] // each test file uses a different subset

use chrono::NaiveDate;
use claimdesk::scenario::{get, Answer, Answers, QuestionKind, Scenario};

pub fn scenario(id: &str) -> &'static Scenario {
    get(id).unwrap_or_else(|| panic!("scenario {id} is not registered or does not parse"))
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("bad test date {s}: {e}"))
}

/// Answers from `(question id, value)` pairs; the value is read according to the question's kind:
/// choice / yes-no: the option id; date: `YYYY-MM-DD`; money: `"1500.00 RUB"`; text: as is.
pub fn answers(scenario: &Scenario, pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(id, value)| {
            // A claim's stage recorded on the case page (`stage-claim_filed`) is kept as a date answer of its own.
            if id.starts_with("stage-") {
                return (id.to_string(), Answer::Date(date(value)));
            }
            let q = scenario.question(id).unwrap_or_else(|| panic!("{}: no question {id}", scenario.id));
            let answer = match q.kind {
                QuestionKind::Choice | QuestionKind::YesNo => Answer::Choice(value.to_string()),
                QuestionKind::Date => Answer::Date(date(value)),
                QuestionKind::Money => {
                    let (amount, currency) = value.split_once(' ').unwrap_or((value, scenario.currency.as_str()));
                    let minor = (amount.parse::<f64>().unwrap_or_else(|e| panic!("bad amount {amount}: {e}")) * 100.0)
                        .round() as i64;
                    Answer::Money { minor, currency: currency.to_string() }
                }
                QuestionKind::Text => Answer::Text(value.to_string()),
            };
            assert!(answer.fits(q), "{}: {value} does not fit question {id}", scenario.id);
            (id.to_string(), answer)
        })
        .collect()
}

/// Ids of the questions on the path, in order.
pub fn path(scenario: &Scenario, answers: &Answers) -> Vec<String> {
    scenario.active_questions(answers).iter().map(|q| q.id.clone()).collect()
}

/// Ids of the plan items (steps, evidence, warnings, outcomes, insights) that apply.
pub fn plan_ids(scenario: &Scenario, answers: &Answers, created: &str) -> Vec<String> {
    scenario.plan(answers, date(created)).items.iter().map(|i| i.id.clone()).collect()
}

pub fn message_ids(scenario: &Scenario, answers: &Answers, created: &str) -> Vec<String> {
    scenario.plan(answers, date(created)).messages.iter().map(|m| m.id.clone()).collect()
}

/// `(rule id, due date as YYYY-MM-DD or "waiting:<what>")` for every deadline that applies.
pub fn deadlines(scenario: &Scenario, answers: &Answers, created: &str) -> Vec<(String, String)> {
    scenario
        .plan(answers, date(created))
        .deadlines
        .iter()
        .map(|d| {
            let due = match d.due() {
                Some(due) => due.format("%Y-%m-%d").to_string(),
                None => format!("waiting:{:?}", d.status),
            };
            (d.rule.id.clone(), due)
        })
        .collect()
}

/// A scenario's path table, `content/paths/<id>.json`: rows of answers in and the exact path, plan, messages and
/// deadline dates out. The e2e tour walks the row marked `tour`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathTable {
    /// What the table covers, for the reader of the file.
    pub about: String,
    pub cases: Vec<PathCase>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathCase {
    pub name: String,
    /// Why the expected dates are what they are (the arithmetic a reviewer checks).
    #[serde(default)]
    pub note: Option<String>,
    pub created: String,
    /// Question id → value, read as [`answers`] reads it.
    pub answers: std::collections::BTreeMap<String, String>,
    pub path: Vec<String>,
    pub plan: Vec<String>,
    pub messages: Vec<String>,
    /// Rule id → due date (`YYYY-MM-DD`) or `waiting:<status>`.
    pub deadlines: std::collections::BTreeMap<String, String>,
    /// The row the e2e tour (tests/e2e/lib/tour.mjs) answers the wizard with.
    #[serde(default)]
    pub tour: bool,
}

impl PathCase {
    pub fn answers(&self, s: &Scenario) -> Answers {
        let pairs: Vec<(&str, &str)> = self.answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        answers(s, &pairs)
    }
}

pub fn paths_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content").join("paths")
}

/// The path table of scenario `id`; a missing or malformed file fails the test that asked for it.
pub fn path_table(id: &str) -> PathTable {
    let file = paths_dir().join(format!("{id}.json"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// Every row gives exactly its path, next question, plan items, messages and deadline dates.
pub fn check_table(s: &Scenario, cases: &[PathCase]) {
    for c in cases {
        let a = c.answers(s);
        assert_eq!(path(s, &a), c.path, "{}: questions asked", c.name);
        let next = c.path.iter().find(|id| !a.contains_key(id.as_str()) && s.question(id).is_some_and(|q| q.required));
        assert_eq!(s.first_unanswered(&a).map(|q| &q.id), next, "{}: next question", c.name);
        assert_eq!(plan_ids(s, &a, &c.created), c.plan, "{}: plan items", c.name);
        assert_eq!(message_ids(s, &a, &c.created), c.messages, "{}: messages", c.name);
        let got: std::collections::BTreeMap<String, String> = deadlines(s, &a, &c.created).into_iter().collect();
        assert_eq!(got, c.deadlines, "{}: deadlines", c.name);
    }
}

/// Every value of every branching question is taken on a real path by some row.
pub fn check_branch_coverage(s: &Scenario, cases: &[PathCase]) {
    let mut used = std::collections::BTreeSet::new();
    for c in cases {
        let a = c.answers(s);
        for (id, answer) in s.effective_answers(&a) {
            if let Some(value) = answer.as_choice() {
                used.insert((id.to_string(), value.to_string()));
            }
        }
    }
    let all: std::collections::BTreeSet<(String, String)> =
        s.questions.iter().flat_map(|q| q.values().into_iter().map(|v| (q.id.clone(), v.to_string()))).collect();
    assert_eq!(used, all, "branch values not exercised on a path: {:?}", all.difference(&used).collect::<Vec<_>>());
}

/// Every plan item, message and deadline of the scenario appears in some row's expectations.
pub fn check_reaches_everything(s: &Scenario, cases: &[PathCase]) {
    let mut reached = std::collections::BTreeSet::new();
    for c in cases {
        reached.extend(c.plan.iter().chain(&c.messages).chain(c.deadlines.keys()).map(String::as_str));
    }
    let declared: std::collections::BTreeSet<&str> = s
        .plan
        .iter()
        .map(|i| i.id.as_str())
        .chain(s.messages.iter().map(|m| m.id.as_str()))
        .chain(s.deadlines.iter().map(|d| d.id.as_str()))
        .collect();
    assert_eq!(reached, declared);
}

/// On every row's path, in every language, no placeholder is left raw and nothing answered shows as missing.
pub fn check_texts_filled(s: &Scenario, cases: &[PathCase]) {
    for c in cases {
        let a = c.answers(s);
        let created = date(&c.created);
        let plan = s.plan(&a, created);
        let effective = s.effective_answers(&a);
        let bodies = plan.messages.iter().map(|m| &m.body).chain(plan.items.iter().filter_map(|i| i.body.as_ref()));
        for body in bodies {
            for (lang, template) in body.all() {
                let filled = claimdesk::scenario::fill_template(s, template, &a, lang, created);
                assert!(!filled.contains('{'), "{}: unfilled placeholder in {filled}", c.name);
                for q in s.questions.iter().filter(|q| effective.contains_key(q.id.as_str())) {
                    assert!(
                        !filled.contains(&format!("[{}]", q.short.get(lang))),
                        "{}: {} shown as missing in {filled}",
                        c.name,
                        q.id
                    );
                }
                for d in plan.deadlines.iter().filter(|d| d.due().is_some()) {
                    assert!(
                        !filled.contains(&format!("[{}]", d.rule.label.get(lang))),
                        "{}: {} shown as missing",
                        c.name,
                        d.rule.id
                    );
                }
            }
        }
    }
}

/// Every text of the scenario in `lang`: titles, questions, plan items, checklists, messages, deadline rules.
pub fn texts_in(s: &Scenario, lang: claimdesk::i18n::Lang) -> Vec<&str> {
    let mut texts: Vec<&str> = vec![s.title.get(lang), s.summary.get(lang)];
    texts.extend(s.questions.iter().flat_map(|q| [q.label.get(lang), q.short.get(lang)]));
    texts.extend(s.questions.iter().filter_map(|q| q.help.as_ref()).map(|t| t.get(lang)));
    texts.extend(s.questions.iter().flat_map(|q| q.options.iter().map(|o| o.label.get(lang))));
    texts.extend(s.plan.iter().map(|p| p.title.get(lang)));
    texts.extend(s.plan.iter().filter_map(|p| p.body.as_ref()).map(|t| t.get(lang)));
    texts.extend(s.plan.iter().flat_map(|p| p.checklist.iter().map(|c| c.label.get(lang))));
    texts.extend(s.messages.iter().flat_map(|m| [m.title.get(lang), m.recipient.get(lang), m.body.get(lang)]));
    texts.extend(s.deadlines.iter().flat_map(|d| [d.label.get(lang), d.rule.get(lang)]));
    texts
}

/// No text of the scenario in `lang` contains any of `wrong` (compared in lower case).
pub fn assert_no_text_contains(s: &Scenario, lang: claimdesk::i18n::Lang, wrong: &[&str]) {
    for text in texts_in(s, lang) {
        let lower = text.to_lowercase();
        for w in wrong {
            assert!(!lower.contains(w), "{}: {w:?} in:\n{text}", s.id);
        }
    }
}

/// A Russian seller on Wildberries with every detail a claim letter prints (the letters tests' sender).
pub fn wb_seller_profile() -> claimdesk::domain::BusinessProfile {
    use claimdesk::domain::{AuthorityBasis, BusinessProfile, Jurisdiction, ProfileField as F};
    let mut p = BusinessProfile::new("p-veter".into(), Jurisdiction::Ru);
    for (field, value) in [
        (F::LegalForm, "ООО"),
        (F::LegalName, "«Северный Ветер»"),
        (F::Inn, "7701234560"),
        (F::Ogrn, "1027700000008"),
        (F::Address, "г. Москва, ул. Ленина, д. 1"),
        (F::BankName, "ПАО Сбербанк"),
        (F::Bic, "044525225"),
        (F::Account, "40702810200000000001"),
        (F::CorrAccount, "30101810400000000225"),
        (F::SignatoryPosition, "Генеральный директор"),
        (F::SignatoryName, "Иванова Мария Сергеевна"),
        (F::Email, "claims@veter.ru"),
        (F::Phone, "+7 495 000-00-00"),
        (F::WbSupplierId, "123456"),
    ] {
        p.set(field, value);
    }
    p.set_basis(Some(AuthorityBasis::Charter));
    p
}
