//! Wizard progress saved on every answer, so closing the tab and coming back resumes where the seller was.

use serde::{Deserialize, Serialize};

use super::{Answers, Scenario};

/// Where the seller is in a wizard: a question, or the summary at the end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", content = "question", rename_all = "snake_case")]
pub enum Position {
    Question(String),
    Summary,
}

/// What the wizard's progress line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Question `n` (from 1) of `total` on the current path.
    Question {
        n: usize,
        total: usize,
    },
    Summary,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub answers: Answers,
    pub position: Position,
    /// Set when the wizard edits an existing case instead of creating one.
    #[serde(default)]
    pub case_id: Option<String>,
}

impl Draft {
    pub fn start(scenario: &Scenario) -> Draft {
        let position =
            scenario.questions.first().map(|q| Position::Question(q.id.clone())).unwrap_or(Position::Summary);
        Draft { answers: Answers::new(), position, case_id: None }
    }

    /// Resumes a saved draft; one pointing at a question that is no longer on the path (the scenario file
    /// changed) resumes at the first unanswered question instead, keeping the answers.
    pub fn restore(scenario: &Scenario, saved: Option<Draft>) -> Draft {
        let Some(mut draft) = saved else {
            return Draft::start(scenario);
        };
        if let Position::Question(id) = &draft.position {
            if !scenario.active_questions(&draft.answers).iter().any(|q| &q.id == id) {
                draft.position = draft.resume_position(scenario);
            }
        }
        draft
    }

    /// The draft a wizard opens with. A saved draft (of this new case or of this edit) is resumed; without
    /// one, editing a case starts from its answers at the summary, and a new case at the first question.
    pub fn open(scenario: &Scenario, saved: Option<Draft>, editing: Option<(&str, &Answers)>) -> Draft {
        match (saved, editing) {
            (Some(saved), _) => Draft::restore(scenario, Some(saved)),
            (None, Some((id, answers))) => {
                Draft { answers: answers.clone(), position: Position::Summary, case_id: Some(id.to_string()) }
            }
            (None, None) => Draft::start(scenario),
        }
    }

    /// How far along the seller is: question n of the questions now on the path, or the summary.
    pub fn progress(&self, scenario: &Scenario) -> Progress {
        match &self.position {
            Position::Question(id) => {
                let path = scenario.active_questions(&self.answers);
                let n = path.iter().position(|q| &q.id == id).map_or(1, |p| p + 1);
                Progress::Question { n, total: path.len() }
            }
            Position::Summary => Progress::Summary,
        }
    }

    pub fn resume_position(&self, scenario: &Scenario) -> Position {
        scenario.first_unanswered(&self.answers).map(|q| Position::Question(q.id.clone())).unwrap_or(Position::Summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{get, Answer};

    fn amazon() -> &'static Scenario {
        get("amazon-not-received").expect("shipped scenario")
    }

    #[test]
    fn opening_for_an_edit_starts_at_the_summary_unless_a_draft_of_it_exists() {
        let s = amazon();
        let mut answers = Answers::new();
        answers.insert("order_number".into(), Answer::Text("112-1".into()));
        let edit = Draft::open(s, None, Some(("case-1", &answers)));
        assert_eq!((edit.position.clone(), edit.case_id.as_deref()), (Position::Summary, Some("case-1")));
        assert_eq!(edit.answers, answers);
        let mut saved = Draft::start(s);
        saved.case_id = Some("case-1".into());
        assert_eq!(Draft::open(s, Some(saved.clone()), Some(("case-1", &answers))), saved, "the newer draft wins");
        assert_eq!(Draft::open(s, None, None), Draft::start(s));
    }

    #[test]
    fn progress_counts_the_questions_on_the_path() {
        let s = amazon();
        let first = Draft::start(s);
        let total = s.active_questions(&first.answers).len();
        assert_eq!(first.progress(s), Progress::Question { n: 1, total });
        let at_summary = Draft { position: Position::Summary, ..first };
        assert_eq!(at_summary.progress(s), Progress::Summary);
    }

    #[test]
    fn no_draft_starts_at_the_first_question() {
        let d = Draft::restore(amazon(), None);
        assert_eq!(d.position, Position::Question(amazon().questions[0].id.clone()));
        assert!(d.answers.is_empty());
    }

    #[test]
    fn a_draft_resumes_where_it_was() {
        let mut d = Draft::start(amazon());
        d.answers.insert("fulfilment".into(), Answer::Choice("seller_us".into()));
        d.position = Position::Question("order_number".into());
        assert_eq!(Draft::restore(amazon(), Some(d.clone())), d);
    }

    #[test]
    fn a_position_off_the_path_falls_back_to_the_first_unanswered_question_keeping_answers() {
        let mut d = Draft::start(amazon());
        d.answers.insert("fulfilment".into(), Answer::Choice("fba".into()));
        // `tracking` is asked only for seller-fulfilled orders.
        d.position = Position::Question("tracking".into());
        let restored = Draft::restore(amazon(), Some(d));
        // For FBA the next question is which FBA problem it is.
        assert_eq!(restored.position, Position::Question("fba_issue".into()));
        assert_eq!(restored.answers.get("fulfilment"), Some(&Answer::Choice("fba".into())));
    }

    #[test]
    fn round_trips_through_json() {
        let mut d = Draft::start(amazon());
        d.position = Position::Summary;
        d.case_id = Some("abc".into());
        let json = serde_json::to_string(&d).expect("serialises");
        assert_eq!(serde_json::from_str::<Draft>(&json).expect("parses"), d);
    }
}
