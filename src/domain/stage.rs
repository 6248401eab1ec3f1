//! The stages a claim goes through, moved by the seller's actions: found → reported to support → claim filed →
//! in review → paid / partly paid / refused → appealed / in court → closed.
//!
//! A step carries the date it happened, the ticket or claim number and the channel, and is stored as a
//! `stage_changed` event on the case's timeline (no new field on the case: older data stays readable, and an older
//! version keeps the events it does not know). A step may answer questions of the case's scenario (WB's "claim
//! filed on" date), so the deadlines that count from it (WB's `court_possible`) appear with it and the plan follows;
//! it also moves the case's status where the status machine allows.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::events::EventKind;
use super::{Case, CaseStatus};
use crate::i18n::Key;
use crate::scenario::{stage_answer_key, Answer, Answers, Scenario};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Found,
    ReportedToSupport,
    ClaimFiled,
    InReview,
    Paid,
    PartlyPaid,
    Refused,
    Appealed,
    InCourt,
    Closed,
}

impl Stage {
    pub const ALL: [Stage; 10] = [
        Stage::Found,
        Stage::ReportedToSupport,
        Stage::ClaimFiled,
        Stage::InReview,
        Stage::Paid,
        Stage::PartlyPaid,
        Stage::Refused,
        Stage::Appealed,
        Stage::InCourt,
        Stage::Closed,
    ];

    /// The stages a seller's action can move a claim to from this one.
    pub fn next(self) -> &'static [Stage] {
        use Stage::*;
        match self {
            Found => &[ReportedToSupport, ClaimFiled],
            ReportedToSupport => &[ClaimFiled, InReview, Paid, PartlyPaid, Refused],
            ClaimFiled => &[InReview, Paid, PartlyPaid, Refused],
            InReview | InCourt => &[Paid, PartlyPaid, Refused],
            Appealed => &[InCourt, Paid, PartlyPaid, Refused],
            Paid => &[Closed],
            PartlyPaid | Refused => &[Appealed, InCourt, Closed],
            Closed => &[],
        }
    }

    pub fn can_move_to(self, to: Stage) -> bool {
        self.next().contains(&to)
    }

    /// The case status a claim at this stage has.
    pub fn status(self) -> CaseStatus {
        match self {
            Stage::Found => CaseStatus::Open,
            Stage::ReportedToSupport | Stage::ClaimFiled | Stage::InReview | Stage::Appealed | Stage::InCourt => {
                CaseStatus::WaitingMarketplace
            }
            Stage::Paid => CaseStatus::ResolvedWon,
            Stage::PartlyPaid => CaseStatus::ResolvedPartly,
            Stage::Refused => CaseStatus::ResolvedLost,
            Stage::Closed => CaseStatus::Closed,
        }
    }

    /// The stage as written in form values and stored JSON.
    pub fn code(self) -> &'static str {
        match self {
            Stage::Found => "found",
            Stage::ReportedToSupport => "reported_to_support",
            Stage::ClaimFiled => "claim_filed",
            Stage::InReview => "in_review",
            Stage::Paid => "paid",
            Stage::PartlyPaid => "partly_paid",
            Stage::Refused => "refused",
            Stage::Appealed => "appealed",
            Stage::InCourt => "in_court",
            Stage::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn key(self) -> Key {
        match self {
            Stage::Found => Key::StageFound,
            Stage::ReportedToSupport => Key::StageReportedToSupport,
            Stage::ClaimFiled => Key::StageClaimFiled,
            Stage::InReview => Key::StageInReview,
            Stage::Paid => Key::StagePaid,
            Stage::PartlyPaid => Key::StagePartlyPaid,
            Stage::Refused => Key::StageRefused,
            Stage::Appealed => Key::StageAppealed,
            Stage::InCourt => Key::StageInCourt,
            Stage::Closed => Key::StageClosed,
        }
    }
}

/// Where the seller did it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The marketplace's own website or app (a support request, a claim form in the seller's account).
    Portal,
    Chat,
    Email,
    Post,
    Court,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 6] =
        [Channel::Portal, Channel::Chat, Channel::Email, Channel::Post, Channel::Court, Channel::Other];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::Chat => "chat",
            Channel::Email => "email",
            Channel::Post => "post",
            Channel::Court => "court",
            Channel::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn key(self) -> Key {
        match self {
            Channel::Portal => Key::ChannelPortal,
            Channel::Chat => Key::ChannelChat,
            Channel::Email => Key::ChannelEmail,
            Channel::Post => Key::ChannelPost,
            Channel::Court => Key::ChannelCourt,
            Channel::Other => Key::ChannelOther,
        }
    }
}

/// One action of the seller that moved the claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageStep {
    pub stage: Stage,
    /// The day it happened (a claim's date is the one the portal shows), not the day it was recorded.
    #[serde(with = "crate::time_text::date")]
    pub on: NaiveDate,
    /// The ticket, claim or case number, as the marketplace or the court gave it; may be empty.
    #[serde(default)]
    pub reference: String,
    pub channel: Channel,
}

/// Why a step was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageError {
    /// The claim's current stage does not lead there.
    NotFromHere {
        from: Stage,
    },
    InFuture,
    /// Dated before the step that brought the claim to its current stage.
    BeforePreviousStep {
        previous: NaiveDate,
    },
    /// The reference is too long or has hidden characters.
    BadReference,
}

impl StageError {
    pub fn key(self) -> Key {
        match self {
            StageError::NotFromHere { .. } => Key::StageErrorNotFromHere,
            StageError::InFuture => Key::StageErrorInFuture,
            StageError::BeforePreviousStep { .. } => Key::StageErrorBeforePrevious,
            StageError::BadReference => Key::StageErrorReference,
        }
    }
}

/// A scenario question a step answers: with the step's date, or with a fixed choice.
#[derive(Clone, Copy, Debug)]
enum StepAnswer {
    StepDate,
    Choice(&'static str),
}

/// `(scenario, stage, question, answer)`: what a step tells the scenario, so the rules counting from that answer
/// give their dates. Only questions the scenario asks about the same event are listed (the test checks them).
const STEP_ANSWERS: &[(&str, Stage, &str, StepAnswer)] = &[
    // WB: the claim's portal date starts the 30 days before court (court_possible).
    ("wb-lost-goods", Stage::ClaimFiled, "claim_sent", StepAnswer::Choice("yes")),
    ("wb-lost-goods", Stage::ClaimFiled, "claim_date", StepAnswer::StepDate),
    // WB buyer refusal: the same claim for a spoiled or swapped return.
    ("wb-buyer-refusal", Stage::ClaimFiled, "claim_sent", StepAnswer::Choice("yes")),
    ("wb-buyer-refusal", Stage::ClaimFiled, "claim_date", StepAnswer::StepDate),
    // Amazon: an A-to-z claim granted against the seller (the account debited) opens 30 days to appeal.
    ("amazon-not-received", Stage::Refused, "status", StepAnswer::Choice("claim_granted")),
    ("amazon-not-received", Stage::Refused, "debit_date", StepAnswer::StepDate),
];

/// The questions a step to `stage` answers in scenario `scenario`, with the step's date where it applies.
pub fn step_answers(scenario: &str, stage: Stage, on: NaiveDate) -> Vec<(&'static str, Answer)> {
    STEP_ANSWERS
        .iter()
        .filter(|(s, st, ..)| *s == scenario && *st == stage)
        .map(|&(_, _, question, answer)| {
            let answer = match answer {
                StepAnswer::StepDate => Answer::Date(on),
                StepAnswer::Choice(value) => Answer::Choice(value.to_string()),
            };
            (question, answer)
        })
        .collect()
}

/// `(scenario, stage, question)` of every answer a step gives (for the content test).
pub fn step_questions() -> impl Iterator<Item = (&'static str, Stage, &'static str)> {
    STEP_ANSWERS.iter().map(|&(scenario, stage, question, _)| (scenario, stage, question))
}

/// The latest stage whose date the wizard's answers already hold (a claim date entered in the wizard).
fn stage_from_answers(scenario: &str, answers: &Answers) -> Stage {
    STEP_ANSWERS
        .iter()
        .filter(|(s, _, question, answer)| {
            *s == scenario && matches!(answer, StepAnswer::StepDate) && answers.get(*question).is_some()
        })
        .map(|&(_, stage, ..)| stage)
        .max()
        .unwrap_or(Stage::Found)
}

impl Case {
    /// The steps taken so far, oldest first.
    pub fn stage_steps(&self) -> impl Iterator<Item = &StageStep> {
        self.timeline.iter().filter_map(|e| match &e.kind {
            EventKind::StageChanged { step } => Some(step),
            _ => None,
        })
    }

    /// The claim's stage: the last step's, or for a case without steps what its answers tell.
    pub fn stage(&self) -> Stage {
        self.stage_steps().last().map_or_else(|| stage_from_answers(&self.scenario, &self.answers), |s| s.stage)
    }

    /// Takes a step: checks it against the current stage, `today` and the previous step, records it, gives the
    /// scenario the answers it implies (deadlines and plan follow) and moves the status along.
    pub fn advance(
        &mut self,
        scenario: &Scenario,
        mut step: StageStep,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), StageError> {
        let from = self.stage();
        if !from.can_move_to(step.stage) {
            return Err(StageError::NotFromHere { from });
        }
        if step.on > today {
            return Err(StageError::InFuture);
        }
        if let Some(previous) = self.stage_steps().last().map(|s| s.on).filter(|previous| step.on < *previous) {
            return Err(StageError::BeforePreviousStep { previous });
        }
        step.reference = step.reference.trim().to_string();
        if !is_valid_reference(&step.reference) {
            return Err(StageError::BadReference);
        }
        let mut given: Vec<(String, Answer)> = step_answers(&self.scenario, step.stage, step.on)
            .into_iter()
            .map(|(question, answer)| (question.to_string(), answer))
            .collect();
        // Rules that count from the stage itself (no question asks for its date) get it as an answer of its own.
        if scenario.counts_from_stage(step.stage.code()) {
            given.push((stage_answer_key(step.stage.code()), Answer::Date(step.on)));
        }
        if !given.is_empty() {
            let mut answers = self.answers.clone();
            answers.extend(given);
            self.apply_answers(scenario, answers);
        }
        let status = step.stage.status();
        self.touch(now, EventKind::StageChanged { step });
        if self.status != status {
            self.set_status(status, now);
        }
        Ok(())
    }
}

/// A reference fits on a line: no longer than a short text, no hidden characters.
pub fn is_valid_reference(reference: &str) -> bool {
    reference.chars().count() <= super::limits::SHORT_TEXT_CHARS
        && !reference.chars().any(|c| super::case::hostile_char(c, false))
}
