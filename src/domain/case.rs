use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::events::{EventKind, LetterVia, TimelineEvent, UnknownEvent};
use super::fold::push_folded;
use super::{Basis, CaseStatus, LetterDraft, LossTable};
use crate::i18n::{parse_amount, Key, Lang};
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
    /// The claimed amount was typed by hand, so it no longer follows the loss table.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub claimed_by_hand: bool,
}

impl Money {
    /// Reads the four amount fields (at stake, claimed, received, written off) as typed in `lang`; an empty
    /// field is zero. `Err` names the first field (0..4) that is not an amount.
    pub fn from_fields(currency: &str, lang: Lang, fields: [&str; 4]) -> Result<Money, usize> {
        let mut values = [0i64; 4];
        for (i, text) in fields.iter().enumerate() {
            if !text.trim().is_empty() {
                values[i] = parse_amount(lang, text).ok_or(i)?;
            }
        }
        let [at_stake, claimed, received, written_off] = values;
        Ok(Money { currency: currency.to_string(), at_stake, claimed, received, written_off, claimed_by_hand: false })
    }

    /// The four amounts in field order, as [`Money::from_fields`] reads them.
    pub fn amounts(&self) -> [i64; 4] {
        [self.at_stake, self.claimed, self.received, self.written_off]
    }
}

/// A deadline as saved with the case (the rule's words, source and date stay in the scenario file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDeadline {
    pub rule: String,
    #[serde(with = "crate::time_text::date")]
    pub due: NaiveDate,
    #[serde(default)]
    pub done: bool,
}

/// One tracked incident. `revision` grows on every change so a stale tab can never overwrite a newer record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub scenario: String,
    pub marketplace: Marketplace,
    #[serde(with = "crate::time_text::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time_text::timestamp")]
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
    /// The business profile the case's letters are sent on behalf of (set by the first numbered letter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// The itemised loss, in the case's currency.
    #[serde(default, skip_serializing_if = "LossTable::is_empty")]
    pub losses: LossTable,
    /// What the seller added to the case's letters, by message id (see [`super::letter_draft`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub letters: BTreeMap<String, LetterDraft>,
}

impl Case {
    /// A new case from a finished wizard: answers, deadlines computed for today, the plan's checklist unticked.
    /// What the wizard's "save" makes: `editing` (the case being edited, if it still exists) with the new
    /// answers, else a new case with the id `new_id` gives.
    pub fn saved_from_wizard(
        editing: Option<Case>,
        scenario: &Scenario,
        answers: Answers,
        now: DateTime<Utc>,
        new_id: impl FnOnce() -> String,
    ) -> Case {
        match editing {
            Some(mut case) => {
                case.edit_answers(scenario, answers, now);
                case
            }
            None => Case::from_wizard(new_id(), scenario, answers, now),
        }
    }

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
            money: Money { currency: scenario.currency_for(&answers).to_string(), ..Money::default() },
            timeline: vec![TimelineEvent { at: now, kind: EventKind::Created }],
            profile: None,
            losses: LossTable::default(),
            letters: BTreeMap::new(),
        };
        case.apply_answers(scenario, answers);
        case
    }

    /// Re-derives everything that comes from the answers (after the wizard is continued or edited), keeping
    /// checklist ticks and deadlines marked done where they still apply.
    pub fn apply_answers(&mut self, scenario: &Scenario, answers: Answers) {
        let created = self.created_at.date_naive();
        let eval = scenario.evaluate(&answers, created);
        let plan = &eval.plan;
        let role_text = |role: Role| {
            let question = scenario.questions.iter().find(|q| q.role == Some(role))?;
            eval.answers.get(question.id.as_str()).cloned()
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
            .filter_map(|d| {
                d.due().map(|due| CaseDeadline { rule: d.rule.id.clone(), due, done: old_done.contains(&d.rule.id) })
            })
            .collect();
        self.answers = answers;
    }

    /// The earliest deadline not yet marked done, whatever its kind or date (the CSV export's column); the
    /// screens use [`Case::agenda`], which knows missed and "from" dates.
    pub(super) fn touch(&mut self, now: DateTime<Utc>, kind: EventKind) {
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

    /// Saves the money form. A claimed amount other than the loss table's total counts as typed by hand from
    /// then on; typing the total again (or any amount without a table) leaves it following the table.
    pub fn set_money(&mut self, mut money: Money, now: DateTime<Utc>) {
        let from_table = self.losses_total();
        money.claimed_by_hand = from_table.is_some_and(|total| money.claimed != total)
            || (self.money.claimed_by_hand && money.claimed == self.money.claimed);
        if money != self.money {
            self.money = money;
            self.touch(now, EventKind::MoneyChanged);
        }
    }

    /// The loss table's total on the marketplace's basis; `None` without rows.
    pub fn losses_total(&self) -> Option<i64> {
        (!self.losses.is_empty()).then(|| self.losses.total(Basis::for_marketplace(self.marketplace)))
    }

    /// Replaces the loss table; the claimed amount follows its total unless it was typed by hand.
    pub fn set_losses(&mut self, losses: LossTable, now: DateTime<Utc>) -> bool {
        if losses == self.losses {
            return false;
        }
        self.losses = losses;
        if !self.money.claimed_by_hand {
            self.money.claimed = self.losses_total().unwrap_or(0);
        }
        self.touch(now, EventKind::LossesChanged);
        true
    }

    /// Lets the claimed amount follow the loss table again.
    pub fn claim_table_total(&mut self, now: DateTime<Utc>) -> bool {
        let Some(total) = self.losses_total() else { return false };
        if !self.money.claimed_by_hand && self.money.claimed == total {
            return false;
        }
        self.money.claimed = total;
        self.money.claimed_by_hand = false;
        self.touch(now, EventKind::MoneyChanged);
        true
    }

    /// Chooses the business profile the case's letters go out for; `false` when it already was.
    pub fn set_profile(&mut self, profile: &str, now: DateTime<Utc>) -> bool {
        if self.profile.as_deref() == Some(profile) {
            return false;
        }
        self.profile = Some(profile.to_string());
        // A change other tabs must see (a higher revision), but nothing to tell on the timeline.
        self.updated_at = now;
        self.revision += 1;
        true
    }

    /// Records that a message left the app; a numbered letter also ties the case to the profile that sent it.
    pub fn record_letter(&mut self, message: &str, sent: Option<(&str, u32)>, how: LetterVia, now: DateTime<Utc>) {
        if let Some((profile, _)) = sent {
            self.profile = Some(profile.to_string());
        }
        let number = sent.map(|(_, n)| n);
        self.touch(now, EventKind::LetterSent { message: message.to_string(), number, how });
    }

    pub fn edit_answers(&mut self, scenario: &Scenario, answers: Answers, now: DateTime<Utc>) {
        self.apply_answers(scenario, answers);
        self.touch(now, EventKind::AnswersEdited);
    }

    /// The text the case list's free-text search looks in: order number, buyer and notes, folded by
    /// [`crate::domain::query::fold_for_search`] (lower case, no Polish marks, `ё` as `е`).
    pub fn search_text(&self) -> String {
        let notes = self.timeline.iter().filter_map(|e| match &e.kind {
            EventKind::Note { text } => Some(text.as_str()),
            _ => None,
        });
        let mut out = String::with_capacity(self.order_number.len() + self.buyer.len() + 2);
        push_folded(&mut out, &self.order_number);
        out.push(' ');
        push_folded(&mut out, &self.buyer);
        for note in notes {
            out.push(' ');
            push_folded(&mut out, note);
        }
        out
    }
}

/// Upper bounds a stored or imported case must respect. They are far above anything typed by hand (the UI's
/// inputs use smaller `maxlength`s) and exist so a hostile or broken file cannot blow up memory, sums or the DOM.
pub mod limits {
    pub const ID_CHARS: usize = 64;
    pub const SHORT_TEXT_CHARS: usize = 1_000;
    pub const LONG_TEXT_CHARS: usize = 20_000;
    /// Fields of one timeline event written by a newer version.
    pub const EVENT_FIELDS: usize = 32;
    pub const ANSWERS: usize = 200;
    /// Largest attached file recorded (1 TiB: far above what a browser stores, below any overflow).
    pub const FILE_BYTES: u64 = 1 << 40;
    /// Longest attached file name kept (longer names are cut, keeping the extension).
    pub const FILE_NAME_CHARS: usize = 255;
    /// Longest caption of an attached file.
    pub const CAPTION_CHARS: usize = 200;
    pub const DEADLINES: usize = 100;
    pub const CHECKLIST: usize = 500;
    pub const TIMELINE: usize = 5_000;
    /// 10^13 minor units = 100 billion in any currency: 100,000 such cases still sum inside an i64.
    pub const MONEY_MINOR: i64 = 10_000_000_000_000;
    pub const FIRST_YEAR: i32 = 2000;
    pub const LAST_YEAR: i32 = 2200;
}

/// What makes a case unacceptable, with the field at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseProblem {
    /// The field's path in the stored JSON (`timeline[3].text`): shown as written, in every language.
    pub field: String,
    pub problem: ProblemKind,
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    TooLong,
    /// Control characters or marks that change the direction of text.
    HiddenCharacters,
    /// Not letters, digits, `-` and `_`, or longer than [`limits::ID_CHARS`].
    NotAnId,
    DateOutOfRange,
    NotACurrency,
    AmountOutOfRange,
    TooManyEntries,
    /// A revision below 1 (every saved case has at least one).
    RevisionZero,
    /// A loss-table row breaks the table's limits (an empty quantity, an amount out of range…).
    InvalidLoss,
    /// An attached file's record is not one the app writes (its hash, media type or size).
    InvalidFileRecord,
}

impl ProblemKind {
    pub fn key(self) -> Key {
        match self {
            ProblemKind::TooLong => Key::ProblemTooLong,
            ProblemKind::HiddenCharacters => Key::ProblemHiddenCharacters,
            ProblemKind::NotAnId => Key::ProblemNotAnId,
            ProblemKind::DateOutOfRange => Key::ProblemDateOutOfRange,
            ProblemKind::NotACurrency => Key::ProblemNotACurrency,
            ProblemKind::AmountOutOfRange => Key::ProblemAmountOutOfRange,
            ProblemKind::TooManyEntries => Key::ProblemTooManyEntries,
            ProblemKind::RevisionZero => Key::ProblemRevisionZero,
            ProblemKind::InvalidLoss => Key::ProblemInvalidLoss,
            ProblemKind::InvalidFileRecord => Key::ProblemInvalidFileRecord,
        }
    }
}

/// For logs and quarantine notes, in no particular language (the English texts are not in the wasm when the app
/// runs in another language); the UI shows [`ProblemKind::key`] in the user's language.
impl std::fmt::Display for CaseProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?}", self.field, self.problem)
    }
}

/// Ids end up in storage keys, URLs and calendar UIDs: letters, digits, `-` and `_` only.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= limits::ID_CHARS
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether `text` is a SHA-256 as the app writes it: 64 lower-case hex digits.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Invisible characters that reorder or hide text (bidi overrides, isolates) can make an order number or a
/// note display as something else; control characters other than tab and line breaks have no business in text.
pub(crate) fn hostile_char(c: char, multiline: bool) -> bool {
    let control = c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'));
    control || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// [`check_text`] for a value about to be kept: the problem without a field name.
pub(crate) fn check_text_value(text: &str, max_chars: usize, multiline: bool) -> Result<(), ProblemKind> {
    check_text(String::new, text, max_chars, multiline).map_err(|p| p.problem)
}

fn check_text(field: impl Fn() -> String, text: &str, max_chars: usize, multiline: bool) -> Result<(), CaseProblem> {
    // The byte length bounds the character count, so short texts are not counted.
    if text.len() > max_chars && text.chars().count() > max_chars {
        return Err(CaseProblem { field: field(), problem: ProblemKind::TooLong });
    }
    // Every hostile character is an ASCII control or starts with byte C2 (C1 controls) or E2 (direction
    // marks): only a text with such a byte is read character by character (it is a tenth of loading).
    let suspect =
        |b: u8| (b < 0x20 && !(multiline && matches!(b, b'\n' | b'\r' | b'\t'))) || matches!(b, 0x7f | 0xc2 | 0xe2);
    if text.bytes().any(suspect) && text.chars().any(|c| hostile_char(c, multiline)) {
        return Err(CaseProblem { field: field(), problem: ProblemKind::HiddenCharacters });
    }
    Ok(())
}

fn check_id(field: impl Fn() -> String, id: &str) -> Result<(), CaseProblem> {
    if is_valid_id(id) {
        Ok(())
    } else {
        Err(CaseProblem { field: field(), problem: ProblemKind::NotAnId })
    }
}

/// An event of a newer version is kept as it was, within the bounds of any other event.
fn check_unknown_event(event: &UnknownEvent) -> Result<(), CaseProblem> {
    check_id(|| "timeline.type".into(), &event.kind)?;
    check_count("timeline.fields", event.fields.len(), limits::EVENT_FIELDS)?;
    let size = serde_json::to_string(&event.fields).map_or(usize::MAX, |text| text.chars().count());
    if size > limits::LONG_TEXT_CHARS {
        return Err(CaseProblem { field: format!("timeline.{}", event.kind), problem: ProblemKind::TooLong });
    }
    Ok(())
}

fn check_year(field: &str, year: i32) -> Result<(), CaseProblem> {
    if (limits::FIRST_YEAR..=limits::LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(CaseProblem { field: field.to_string(), problem: ProblemKind::DateOutOfRange })
    }
}

fn check_currency(field: &str, code: &str) -> Result<(), CaseProblem> {
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(CaseProblem { field: field.to_string(), problem: ProblemKind::NotACurrency })
    }
}

fn check_amount(field: &str, minor: i64) -> Result<(), CaseProblem> {
    if (0..=limits::MONEY_MINOR).contains(&minor) {
        Ok(())
    } else {
        Err(CaseProblem { field: field.to_string(), problem: ProblemKind::AmountOutOfRange })
    }
}

fn check_count(field: &str, count: usize, max: usize) -> Result<(), CaseProblem> {
    if count <= max {
        Ok(())
    } else {
        Err(CaseProblem { field: field.to_string(), problem: ProblemKind::TooManyEntries })
    }
}

impl Case {
    /// The result of a finished case: its status when resolved, or for a closed case the result it had before
    /// closing (read back from the timeline). `None` while the case is active or was closed without a result.
    pub fn outcome(&self) -> Option<CaseStatus> {
        if self.status.is_resolved() {
            return Some(self.status);
        }
        if self.status != CaseStatus::Closed {
            return None;
        }
        self.timeline.iter().rev().find_map(|e| match e.kind {
            EventKind::StatusChanged { to, .. } if to.is_resolved() => Some(to),
            _ => None,
        })
    }

    /// When the case got its current result: the last move from an active status to a resolved one.
    pub fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.outcome()?;
        self.timeline.iter().rev().find_map(|e| match e.kind {
            EventKind::StatusChanged { from, to } if from.is_active() && to.is_resolved() => Some(e.at),
            _ => None,
        })
    }

    /// Checks everything a stored or imported case must satisfy before the app trusts it.
    pub fn validate(&self) -> Result<(), CaseProblem> {
        check_id(|| "id".into(), &self.id)?;
        check_id(|| "scenario".into(), &self.scenario)?;
        if self.revision == 0 {
            return Err(CaseProblem { field: "revision".into(), problem: ProblemKind::RevisionZero });
        }
        check_year("created_at", self.created_at.year())?;
        check_year("updated_at", self.updated_at.year())?;
        check_text(|| "order_number".into(), &self.order_number, limits::SHORT_TEXT_CHARS, false)?;
        check_text(|| "buyer".into(), &self.buyer, limits::SHORT_TEXT_CHARS, false)?;

        check_count("answers", self.answers.len(), limits::ANSWERS)?;
        for (question, answer) in &self.answers {
            let field = || format!("answers.{question}");
            check_id(field, question)?;
            match answer {
                Answer::Choice(value) => check_id(field, value)?,
                Answer::Date(date) => check_year(&field(), date.year())?,
                Answer::Money { minor, currency } => {
                    check_amount(&field(), *minor)?;
                    check_currency(&field(), currency)?;
                }
                Answer::Text(text) => check_text(field, text, limits::LONG_TEXT_CHARS, true)?,
            }
        }

        check_count("deadlines", self.deadlines.len(), limits::DEADLINES)?;
        for deadline in &self.deadlines {
            check_id(|| "deadlines.rule".into(), &deadline.rule)?;
            check_year("deadlines.due", deadline.due.year())?;
        }
        check_count("checklist", self.checklist.len(), limits::CHECKLIST)?;
        for item in self.checklist.keys() {
            check_id(|| "checklist".into(), item)?;
        }

        check_currency("money.currency", &self.money.currency)?;
        for (field, minor) in [
            ("money.at_stake", self.money.at_stake),
            ("money.claimed", self.money.claimed),
            ("money.received", self.money.received),
            ("money.written_off", self.money.written_off),
        ] {
            check_amount(field, minor)?;
        }

        check_count("timeline", self.timeline.len(), limits::TIMELINE)?;
        for event in &self.timeline {
            check_year("timeline.at", event.at.year())?;
            match &event.kind {
                EventKind::Note { text } => check_text(|| "timeline.note".into(), text, limits::LONG_TEXT_CHARS, true)?,
                EventKind::ChecklistTicked { item, .. } => check_id(|| "timeline.item".into(), item)?,
                EventKind::LetterSent { message, .. } => check_id(|| "timeline.message".into(), message)?,
                EventKind::StageChanged { step } => {
                    check_text(|| "timeline.reference".into(), &step.reference, limits::SHORT_TEXT_CHARS, false)?;
                    check_year("timeline.on", step.on.year())?;
                }
                EventKind::Unknown(event) => check_unknown_event(event)?,
                EventKind::AttachmentAdded { attachment, name, media_type, size, sha256, thumbnail } => {
                    check_id(|| "timeline.attachment".into(), attachment)?;
                    check_text(|| "timeline.name".into(), name, limits::FILE_NAME_CHARS, false)?;
                    let media_ok = media_type.len() <= 255
                        && media_type.bytes().all(|b| b.is_ascii_graphic())
                        && media_type.split_once('/').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty());
                    let record_ok = media_ok
                        && *size <= limits::FILE_BYTES
                        && is_sha256(sha256)
                        && thumbnail.as_deref().is_none_or(is_sha256);
                    if !record_ok {
                        return Err(CaseProblem {
                            field: "timeline.attachment".into(),
                            problem: ProblemKind::InvalidFileRecord,
                        });
                    }
                }
                EventKind::AttachmentRemoved { attachment } => check_id(|| "timeline.attachment".into(), attachment)?,
                EventKind::AttachmentCaptioned { attachment, caption } => {
                    check_id(|| "timeline.attachment".into(), attachment)?;
                    check_text(|| "timeline.caption".into(), caption, limits::CAPTION_CHARS, false)?;
                }
                EventKind::AttachmentTied { attachment, item } => {
                    check_id(|| "timeline.attachment".into(), attachment)?;
                    if let Some(item) = item {
                        check_id(|| "timeline.item".into(), item)?;
                    }
                }
                _ => {}
            }
        }
        if let Some(profile) = &self.profile {
            check_id(|| "profile".into(), profile)?;
        }
        for (i, row) in self.losses.rows.iter().enumerate() {
            for text in [&row.marketplace_sku, &row.seller_article, &row.size, &row.barcode] {
                check_text(|| format!("losses.{}", i + 1), text, super::loss_limits::CELL_CHARS, false)?;
            }
        }
        for (message, draft) in &self.letters {
            check_id(|| format!("letters.{message}"), message)?;
            for (id, text) in draft.fields.iter().chain(&draft.edited) {
                check_id(|| format!("letters.{message}.{id}"), id)?;
                check_text(|| format!("letters.{message}.{id}"), text, limits::LONG_TEXT_CHARS, true)?;
            }
        }
        if let Some(problem) = self.losses.problems().into_iter().next() {
            return Err(CaseProblem {
                field: format!("losses.{}.{}", problem.row, problem.column.map_or("rows", |c| c.code())),
                problem: ProblemKind::InvalidLoss,
            });
        }
        Ok(())
    }
}
