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
        let position = scenario
            .questions
            .first()
            .map(|q| Position::Question(q.id.clone()))
            .unwrap_or(Position::Summary);
        Draft { answers: Answers::new(), position, case_id: None }
    }

    /// Reads a saved draft; anything unreadable or pointing at a question that is no longer on the path
    /// resumes at the first unanswered question instead (the answers are kept).
    pub fn restore(scenario: &Scenario, saved: Option<&str>) -> Draft {
        let Some(mut draft) = saved.and_then(|s| serde_json::from_str::<Draft>(s).ok()) else {
            return Draft::start(scenario);
        };
        if let Position::Question(id) = &draft.position {
            if !scenario.active_questions(&draft.answers).iter().any(|q| &q.id == id) {
                draft.position = draft.resume_position(scenario);
            }
        }
        draft
    }

    pub fn resume_position(&self, scenario: &Scenario) -> Position {
        scenario
            .first_unanswered(&self.answers)
            .map(|q| Position::Question(q.id.clone()))
            .unwrap_or(Position::Summary)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
