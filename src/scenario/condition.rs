//! Branching conditions, written in scenario files as short strings:
//! `"where=warehouse"`, `"where=warehouse|transit"`, `"refunded!=yes"`. A list of them means "all hold".
//! Plan items may also depend on the order of two computed deadlines: `"auto_paid>claim_window"`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::answer::Answer;

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

/// `"later>earlier"`: two deadline ids; holds when both dates are known and the first falls strictly after the
/// second (e.g. an automatic payment expected after the last day to claim it).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct DeadlineOrder {
    pub later: String,
    pub earlier: String,
}

impl TryFrom<String> for DeadlineOrder {
    type Error = String;

    fn try_from(raw: String) -> Result<Self, String> {
        let Some((later, earlier)) = raw.split_once('>') else {
            return Err(format!("date condition `{raw}` needs `deadline>deadline`"));
        };
        let (later, earlier) = (later.trim(), earlier.trim());
        if later.is_empty() || earlier.is_empty() || earlier.contains('>') || later == earlier {
            return Err(format!("date condition `{raw}` needs two different deadline ids"));
        }
        Ok(DeadlineOrder { later: later.to_string(), earlier: earlier.to_string() })
    }
}

impl DeadlineOrder {
    /// `due` holds the dates computed for the case; a deadline still waiting for its anchor makes this false.
    pub fn holds(&self, due: &BTreeMap<&str, NaiveDate>) -> bool {
        match (due.get(self.later.as_str()), due.get(self.earlier.as_str())) {
            (Some(later), Some(earlier)) => later > earlier,
            _ => false,
        }
    }
}

/// Whether every condition holds for the answers in effect.
pub(crate) fn conditions_hold(conditions: &[Condition], effective: &BTreeMap<&str, &Answer>) -> bool {
    conditions.iter().all(|c| c.holds(effective.get(c.question.as_str()).and_then(|a| a.as_choice())))
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

    #[test]
    fn deadline_order_compares_two_known_dates() {
        let order = DeadlineOrder::try_from("paid>claim".to_string()).expect("valid date condition");
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).expect("valid date");
        let mut due = BTreeMap::from([("paid", d(20)), ("claim", d(19))]);
        assert!(order.holds(&due));
        due.insert("claim", d(20));
        assert!(!order.holds(&due), "the same day is not after");
        due.insert("claim", d(21));
        assert!(!order.holds(&due));
        due.remove("claim");
        assert!(!order.holds(&due), "an unknown date never compares");
    }

    #[test]
    fn deadline_order_rejects_malformed() {
        for bad in ["paid", ">claim", "paid>", "a>a", "a>b>c"] {
            assert!(DeadlineOrder::try_from(bad.to_string()).is_err(), "{bad}");
        }
    }
}
