//! What a letter says beyond the answers: the case's facts a template can name (`{fact.<name>}`), the seller's own
//! fields next to the letter (`{input.<id>}`), paragraphs chosen by the case's branch (`{part.<id>}`) and the
//! addressee block (`{addressee}`).

use super::addressee::{addressee, Addressee};
use super::condition::conditions_hold;
use super::template::placeholders;
use super::{Evaluation, LetterContext, LetterInput, Message};

/// The facts of a case a letter can name, computed from the case by `domain::letter_facts`:
/// - `ticket`: the support request recorded on the case, its number and date ("№ 4471 от 02.12.2026");
/// - `answer`: what the marketplace answered to it, with the date ("отказ от 05.12.2026");
/// - `claim`: the claim recorded as filed, its number and date;
/// - `losses_total`: the loss table's total, formatted;
/// - `losses_rows`: how many rows the table has, with the noun ("3 позиции").
pub const FACTS: &[&str] = &["ticket", "answer", "claim", "losses_total", "losses_rows"];

/// What a letter shows where the seller has still to type something: a line to write on, never a bracket.
pub const BLANK: &str = "________";

/// Placeholder prefixes of this module.
pub const FACT: &str = "fact.";
pub const INPUT: &str = "input.";
pub const PART: &str = "part.";
pub const ADDRESSEE: &str = "addressee";

impl Message {
    /// The addressee of the letter for these answers: the first choice whose conditions hold.
    pub fn addressee_for(&self, eval: &Evaluation) -> Option<&'static Addressee> {
        let effective = eval.answers.iter().map(|(k, v)| (*k, v)).collect();
        self.addressee.iter().find(|c| conditions_hold(&c.when, &effective)).and_then(|c| addressee(&c.id))
    }

    /// The parts with id `id` whose conditions hold for these answers, in the order the message declares them.
    pub(crate) fn parts_for(&self, eval: &Evaluation, id: &str) -> Vec<&super::MessagePart> {
        let effective = eval.answers.iter().map(|(k, v)| (*k, v)).collect();
        self.parts.iter().filter(|p| p.id == id && conditions_hold(&p.when, &effective)).collect()
    }

    /// What input `id` shows: what the seller typed, else the case's fact it names, else nothing yet.
    pub fn input_value(&self, id: &str, letter: &LetterContext) -> Option<String> {
        let typed = letter.inputs.and_then(|i| i.get(id)).map(|v| v.trim()).filter(|v| !v.is_empty());
        if let Some(typed) = typed {
            return Some(typed.to_string());
        }
        let fact = self.inputs.iter().find(|i| i.id == id)?.fact.as_deref()?;
        letter.facts.and_then(|f| f.get(fact)).filter(|v| !v.trim().is_empty()).cloned()
    }

    /// The seller's fields this letter asks for with these answers: those its body and its applicable parts name
    /// (every variant of a part, so a field a sentence needs is offered before it is typed), in the order the
    /// message declares them.
    pub fn inputs_for(&self, eval: &Evaluation) -> Vec<&LetterInput> {
        let body = self.body.in_any_language();
        let mut named: Vec<&str> = placeholders(body);
        for name in placeholders(body) {
            if let Some(id) = name.strip_prefix(PART) {
                for part in self.parts_for(eval, id) {
                    named.extend(placeholders(part.text.in_any_language()));
                }
            }
        }
        self.inputs.iter().filter(|i| named.iter().any(|n| n.strip_prefix(INPUT) == Some(i.id.as_str()))).collect()
    }
}

/// A letter's text cut into the parts a business letter lays out differently: the head (addressee, sender,
/// number and date, as blocks in the template's order), the centred title, then the body's paragraphs. The
/// title is the first paragraph whose first line is in capitals ("ПРЕТЕНЗИЯ", "PRZEDSĄDOWE WEZWANIE…");
/// a text without one (a short message, or an edit that removed it) is all body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterLayout<'a> {
    pub head: Vec<&'a str>,
    pub title: Option<&'a str>,
    pub body: Vec<&'a str>,
}

impl<'a> LetterLayout<'a> {
    pub fn of(text: &'a str) -> LetterLayout<'a> {
        let paragraphs: Vec<&str> =
            text.split("\n\n").map(|p| p.trim_matches('\n')).filter(|p| !p.is_empty()).collect();
        match paragraphs.iter().position(|p| is_title(p)) {
            Some(at) => LetterLayout {
                head: paragraphs[..at].to_vec(),
                title: Some(paragraphs[at]),
                body: paragraphs[at + 1..].to_vec(),
            },
            None => LetterLayout { head: Vec::new(), title: None, body: paragraphs },
        }
    }
}

fn is_title(paragraph: &str) -> bool {
    let first = paragraph.lines().next().unwrap_or_default();
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 5 && first.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_is_cut_into_head_title_and_body() {
        let text = "Кому: ООО «Вайлдберриз»\nИНН 7721546864\n\nОт кого: ООО «Ветер»\n\nИсх. № 7 от 07.12.2026\n\n\
                    ПРЕТЕНЗИЯ\nо возмещении стоимости\n\n1. Первый.\n\n2. Второй.\n";
        let layout = LetterLayout::of(text);
        assert_eq!(
            layout.head,
            ["Кому: ООО «Вайлдберриз»\nИНН 7721546864", "От кого: ООО «Ветер»", "Исх. № 7 от 07.12.2026"]
        );
        assert_eq!(layout.title, Some("ПРЕТЕНЗИЯ\nо возмещении стоимости"));
        assert_eq!(layout.body, ["1. Первый.", "2. Второй."]);
    }

    #[test]
    fn a_message_without_a_capitalised_title_is_all_body() {
        let layout = LetterLayout::of("Hello,\n\nPlease locate SUP-1 (ID 12345).\n\nKind regards");
        assert_eq!(layout.head, Vec::<&str>::new());
        assert_eq!(layout.title, None);
        assert_eq!(layout.body, ["Hello,", "Please locate SUP-1 (ID 12345).", "Kind regards"]);
    }
}
