//! Branching conditions, written in scenario files as short strings:
//! `"where=warehouse"`, `"where=warehouse|transit"`, `"refunded!=yes"`. A list of them means "all hold".

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Condition {
    pub question: String,
    pub negated: bool,
    pub values: Vec<String>,
}

impl TryFrom<String> for Condition {
    type Error = String;

    fn try_from(raw: String) -> Result<Self, String> {
        let (question, values, negated) = if let Some((q, v)) = raw.split_once("!=") {
            (q, v, true)
        } else if let Some((q, v)) = raw.split_once('=') {
            (q, v, false)
        } else {
            return Err(format!("condition `{raw}` needs `question=value` or `question!=value`"));
        };
        let values: Vec<String> = values.split('|').map(|v| v.trim().to_string()).collect();
        let question = question.trim().to_string();
        if question.is_empty() || values.iter().any(String::is_empty) {
            return Err(format!("condition `{raw}` has an empty question or value"));
        }
        Ok(Condition { question, negated, values })
    }
}

impl Condition {
    /// `answer` is the value given on the current path, `None` when the question was not asked or not answered.
    /// Both `=` and `!=` are false for a question off the path: conditions only speak about what was asked.
    pub fn holds(&self, answer: Option<&str>) -> bool {
        match answer {
            None => false,
            Some(value) => self.values.iter().any(|v| v == value) != self.negated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(s: &str) -> Condition {
        Condition::try_from(s.to_string()).expect("valid condition")
    }

    #[test]
    fn parses_and_evaluates() {
        let c = cond("where=warehouse|transit");
        assert!(c.holds(Some("transit")));
        assert!(!c.holds(Some("fbs")));
        assert!(!c.holds(None));
        let n = cond("refunded!=yes");
        assert!(n.holds(Some("no")));
        assert!(!n.holds(Some("yes")));
        assert!(!n.holds(None));
    }

    #[test]
    fn rejects_malformed() {
        for bad in ["where", "=x", "q=", "q=a|"] {
            assert!(Condition::try_from(bad.to_string()).is_err(), "{bad}");
        }
    }
}
