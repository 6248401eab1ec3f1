use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::CaseStatus;
use crate::scenario::{Answer, Answers, Marketplace, Role, Scenario};

/// Money of one case, in minor units of one currency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub currency: String,
    #[serde(default)]
    pub at_stake: i64,
    #[serde(default)]
    pub claimed: i64,
    #[serde(default)]
    pub received: i64,
    #[serde(default)]
    pub written_off: i64,
}

/// A deadline as saved with the case (the rule's words, source and date stay in the scenario file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDeadline {
    pub rule: String,
    pub due: NaiveDate,
    #[serde(default)]
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    Created,
    StatusChanged { from: CaseStatus, to: CaseStatus },
    Note { text: String },
    ChecklistTicked { item: String, done: bool },
    MoneyChanged,
    AnswersEdited,
    Restored,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// One tracked incident. `revision` grows on every change so a stale tab can never overwrite a newer record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub scenario: String,
    pub marketplace: Marketplace,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub revision: u64,
    pub status: CaseStatus,
    #[serde(default)]
    pub order_number: String,
    #[serde(default)]
    pub buyer: String,
    pub answers: Answers,
    #[serde(default)]
    pub deadlines: Vec<CaseDeadline>,
    #[serde(default)]
    pub checklist: BTreeMap<String, bool>,
    pub money: Money,
    #[serde(default)]
    pub timeline: Vec<TimelineEvent>,
}

impl Case {
    /// A new case from a finished wizard: answers, deadlines computed for today, the plan's checklist unticked.
    pub fn from_wizard(id: String, scenario: &Scenario, answers: Answers, now: DateTime<Utc>) -> Case {
        let mut case = Case {
            id,
            scenario: scenario.id.clone(),
            marketplace: scenario.marketplace,
            created_at: now,
            updated_at: now,
            revision: 1,
            status: CaseStatus::Open,
            order_number: String::new(),
            buyer: String::new(),
            answers: Answers::new(),
            deadlines: Vec::new(),
            checklist: BTreeMap::new(),
            money: Money { currency: scenario.currency.clone(), ..Money::default() },
            timeline: vec![TimelineEvent { at: now, kind: EventKind::Created }],
        };
        case.apply_answers(scenario, answers);
        case
    }

    /// Re-derives everything that comes from the answers (after the wizard is continued or edited), keeping
    /// checklist ticks and deadlines marked done where they still apply.
    pub fn apply_answers(&mut self, scenario: &Scenario, answers: Answers) {
        let created = self.created_at.date_naive();
        let plan = scenario.plan(&answers, created);
        let role_text = |role: Role| {
            scenario
                .questions
                .iter()
                .find(|q| q.role == Some(role))
                .and_then(|q| scenario.effective_answers(&answers).get(q.id.as_str()).copied().cloned())
        };
        self.order_number = match role_text(Role::OrderNumber) {
            Some(Answer::Text(t)) => t.trim().to_string(),
            _ => String::new(),
        };
        self.buyer = match role_text(Role::BuyerName) {
            Some(Answer::Text(t)) => t.trim().to_string(),
            _ => String::new(),
        };
        if let Some(Answer::Money { minor, currency }) = role_text(Role::AmountAtStake) {
            self.money.at_stake = minor;
            self.money.currency = currency;
        }
        let old_ticks = std::mem::take(&mut self.checklist);
        self.checklist = plan
            .items
            .iter()
            .flat_map(|i| i.checklist.iter())
            .map(|c| (c.id.clone(), old_ticks.get(&c.id).copied().unwrap_or(false)))
            .collect();
        let old_done: Vec<String> = self.deadlines.iter().filter(|d| d.done).map(|d| d.rule.clone()).collect();
        self.deadlines = plan
            .deadlines
            .iter()
            .filter_map(|d| d.due().map(|due| CaseDeadline { rule: d.rule.id.clone(), due, done: old_done.contains(&d.rule.id) }))
            .collect();
        self.answers = answers;
    }

    /// The earliest deadline not yet marked done.
    pub fn next_deadline(&self) -> Option<&CaseDeadline> {
        self.deadlines.iter().filter(|d| !d.done).min_by_key(|d| d.due)
    }

    fn touch(&mut self, now: DateTime<Utc>, kind: EventKind) {
        self.updated_at = now;
        self.revision += 1;
        self.timeline.push(TimelineEvent { at: now, kind });
    }

    /// Moves to `to` when the transition is allowed; returns whether it happened.
    pub fn set_status(&mut self, to: CaseStatus, now: DateTime<Utc>) -> bool {
        if !self.status.can_move_to(to) {
            return false;
        }
        let from = self.status;
        self.status = to;
        self.touch(now, EventKind::StatusChanged { from, to });
        true
    }

    pub fn add_note(&mut self, text: &str, now: DateTime<Utc>) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        self.touch(now, EventKind::Note { text: text.to_string() });
        true
    }

    pub fn tick(&mut self, item: &str, done: bool, now: DateTime<Utc>) {
        if let Some(slot) = self.checklist.get_mut(item) {
            if *slot != done {
                *slot = done;
                self.touch(now, EventKind::ChecklistTicked { item: item.to_string(), done });
            }
        }
    }

    pub fn set_money(&mut self, money: Money, now: DateTime<Utc>) {
        if money != self.money {
            self.money = money;
            self.touch(now, EventKind::MoneyChanged);
        }
    }

    pub fn edit_answers(&mut self, scenario: &Scenario, answers: Answers, now: DateTime<Utc>) {
        self.apply_answers(scenario, answers);
        self.touch(now, EventKind::AnswersEdited);
    }

    /// The language-neutral text searched by the case list's free-text search.
    pub fn search_text(&self) -> String {
        let notes = self.timeline.iter().filter_map(|e| match &e.kind {
            EventKind::Note { text } => Some(text.as_str()),
            _ => None,
        });
        let mut out = format!("{} {}", self.order_number, self.buyer);
        for n in notes {
            out.push(' ');
            out.push_str(n);
        }
        out.to_lowercase()
    }
}
