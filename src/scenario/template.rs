//! Message templates: `{question_id}`, `{marketplace}`, `{today}` and `{deadline.<rule id>}` placeholders
//! are filled from the case; a value we do not know stays visible as `[order number]`.

use chrono::NaiveDate;

use super::answer::Answer;
use super::seller::{LetterContext, SellerField, LETTER_NUMBER};
use super::{letter, Answers, Evaluation, Message, QuestionKind, Role, Scenario};
use crate::i18n::placeholder::{self, Piece};
use crate::i18n::{format_date, format_money, tr, Key, Lang};

/// The placeholder names used in a template, in order of appearance.
pub fn placeholders(text: &str) -> Vec<&str> {
    placeholder::names(text).collect()
}

/// An answer as the seller reads it: the option label, a formatted date or amount, the text.
pub fn answer_text(scenario: &Scenario, id: &str, answer: &Answer, lang: Lang) -> String {
    match answer {
        Answer::Choice(v) => match scenario.question(id).map(|q| q.kind) {
            Some(QuestionKind::YesNo) => tr(lang, if v == "yes" { Key::Yes } else { Key::No }).to_string(),
            _ => scenario
                .question(id)
                .and_then(|q| q.options.iter().find(|o| &o.id == v))
                .map(|o| o.label.get(lang).to_string())
                .unwrap_or_else(|| v.clone()),
        },
        Answer::Date(d) => format_date(lang, *d),
        Answer::Money { minor, currency } => format_money(lang, *minor, currency),
        Answer::Text(t) => t.trim().to_string(),
    }
}

fn value_of(eval: &Evaluation, name: &str, lang: Lang, letter: &LetterContext) -> Option<String> {
    let scenario = eval.scenario;
    if name == LETTER_NUMBER {
        return letter.number.map(str::to_string);
    }
    if let Some(field) = name.strip_prefix("seller.").and_then(SellerField::from_code) {
        return letter.seller.and_then(|s| s.seller_value(field, lang));
    }
    if let Some(fact) = name.strip_prefix(letter::FACT) {
        return letter.facts.and_then(|f| f.get(fact)).cloned();
    }
    if let Some(claimed) = letter.claimed {
        if scenario.question(name).is_some_and(|q| q.role == Some(Role::AmountAtStake)) {
            return Some(claimed.to_string());
        }
    }
    if name == "marketplace" {
        return Some(tr(lang, scenario.marketplace.key()).to_string());
    }
    if name == "today" {
        return Some(format_date(lang, letter.dated.unwrap_or(eval.created)));
    }
    if let Some(rule) = name.strip_prefix("deadline.") {
        let deadline = eval.plan.deadlines.iter().find(|d| d.rule.id == rule);
        return deadline.and_then(|d| d.due()).map(|d| format_date(lang, d));
    }
    eval.answers.get(name).map(|a| answer_text(scenario, name, a, lang))
}

fn missing_label(scenario: &Scenario, name: &str, lang: Lang) -> String {
    let label = if let Some(field) = name.strip_prefix("seller.").and_then(SellerField::from_code) {
        tr(lang, field.missing_key()).to_string()
    } else if name == LETTER_NUMBER {
        tr(lang, Key::LetterNumberMissing).to_string()
    } else if let Some(q) = scenario.question(name) {
        q.short.get(lang).to_string()
    } else if let Some(rule) = name.strip_prefix("deadline.").and_then(|r| scenario.deadline(r)) {
        rule.label.get(lang).to_string()
    } else {
        name.to_string()
    };
    format!("[{label}]")
}

impl Evaluation<'_> {
    /// The template text with every placeholder replaced by the case's value or by `[its short name]`; the
    /// seller's details and the letter number stay as `[…]` (see [`Evaluation::fill_letter`]).
    pub fn fill(&self, text: &str, lang: Lang) -> String {
        self.fill_letter(text, lang, &LetterContext::default())
    }

    /// [`Evaluation::fill`] for a letter whose sender and number are known (in part).
    pub fn fill_letter(&self, text: &str, lang: Lang, letter: &LetterContext) -> String {
        self.fill_with(None, text, lang, letter)
    }

    /// [`Evaluation::fill_letter`] for a text of `message`: its branch paragraphs, the seller's fields and the
    /// addressee filled too. What only the seller can type and has not yet shows as a blank line to write on.
    pub fn fill_message(&self, message: &Message, text: &str, lang: Lang, letter: &LetterContext) -> String {
        let filled = self.fill_with(Some(message), text, lang, letter);
        collapse_blank_lines(&filled)
    }

    fn fill_with(&self, message: Option<&Message>, text: &str, lang: Lang, letter: &LetterContext) -> String {
        let mut out = String::with_capacity(text.len() + 64);
        for piece in placeholder::pieces(text) {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Name(name) => out.push_str(&self.placeholder_value(message, name, lang, letter)),
            }
        }
        out
    }

    /// Whether placeholder `name` of `message` has something to print: an input typed or filled from the case,
    /// an answer given, a seller's detail in the profile.
    fn has_value(&self, message: &Message, name: &str, lang: Lang, letter: &LetterContext) -> bool {
        match name.strip_prefix(letter::INPUT) {
            Some(id) => message.input_value(id, letter).is_some(),
            None => value_of(self, name, lang, letter).is_some_and(|v| !v.trim().is_empty()),
        }
    }

    fn placeholder_value(&self, message: Option<&Message>, name: &str, lang: Lang, letter: &LetterContext) -> String {
        if let Some(message) = message {
            if let Some(id) = name.strip_prefix(letter::PART) {
                // A paragraph for another branch is left out; its placeholders are filled like the body's.
                return message
                    .parts_for(self, id)
                    .into_iter()
                    .find(|part| part.needs.iter().all(|n| self.has_value(message, n, lang, letter)))
                    .map(|part| self.fill_with(Some(message), part.text.get(lang), lang, letter))
                    .unwrap_or_default();
            }
            if let Some(id) = name.strip_prefix(letter::INPUT) {
                return message.input_value(id, letter).unwrap_or_else(|| letter::BLANK.to_string());
            }
            if name == letter::ADDRESSEE {
                return message.addressee_for(self).map_or_else(|| letter::BLANK.to_string(), |a| a.block(lang));
            }
            if name.starts_with(letter::FACT) {
                return value_of(self, name, lang, letter).unwrap_or_else(|| letter::BLANK.to_string());
            }
        }
        match value_of(self, name, lang, letter).filter(|v| !v.trim().is_empty()) {
            Some(v) => v,
            None => missing_label(self.scenario, name, lang),
        }
    }
}

/// A paragraph left out leaves its empty line behind: more than one empty line in a row becomes one, and
/// trailing spaces go.
fn collapse_blank_lines(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in text.split('\n').map(str::trim_end) {
        if line.is_empty() && out.last().is_some_and(|l| l.is_empty()) {
            continue;
        }
        out.push(line);
    }
    out.join("\n")
}

/// [`Evaluation::fill`] for one template (tests and single texts; a view with several fills evaluates once).
pub fn fill_template(
    scenario: &Scenario,
    text: &str,
    answers: &Answers,
    lang: Lang,
    case_created: NaiveDate,
) -> String {
    scenario.evaluate(answers, case_created).fill(text, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders() {
        assert_eq!(placeholders("Order {order_number} of {today}."), vec!["order_number", "today"]);
        assert_eq!(placeholders("no braces"), Vec::<&str>::new());
        assert_eq!(placeholders("broken {tail"), Vec::<&str>::new());
    }
}
