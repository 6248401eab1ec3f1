//! The events of a case's timeline, declared once: each kind's wire name and fields are one line of
//! [`case_events!`], which writes the enum, its stored form and its reader. An event this version does not know
//! (a newer version wrote it) is kept exactly as it was and written back unchanged, so adding an event kind never
//! needs a schema bump.

use chrono::{DateTime, Utc};
use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::{CaseStatus, StageStep};

/// How a letter left the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterVia {
    Copied,
    Printed,
    /// Downloaded as a `.docx`.
    Downloaded,
}

/// An event of a kind this version does not know: its wire name and every field, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEvent {
    pub kind: String,
    pub fields: Map<String, Value>,
}

/// Declares the event kinds: `Variant { field: Type, … } = "wire_name"`. A field of type `Option<…>` may be
/// missing from the stored form; any other missing field makes the event (and so its record) unreadable.
macro_rules! case_events {
    ($( $(#[$doc:meta])* $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? = $wire:literal, )*) => {
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum EventKind {
            $( $(#[$doc])* $variant $({ $($field: $ty),* })?, )*
            /// Written by a newer version of the app: shown as such, kept and saved back as it was.
            Unknown(UnknownEvent),
        }

        impl EventKind {
            /// The wire names of the kinds this version knows.
            pub const KNOWN: &'static [&'static str] = &[$($wire),*];

            /// The name the stored form carries in `type`.
            pub fn wire_name(&self) -> &str {
                match self {
                    $( EventKind::$variant $({ $($field: _),* })? => $wire, )*
                    EventKind::Unknown(event) => &event.kind,
                }
            }

            fn write_fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                match self {
                    $( EventKind::$variant $({ $($field),* })? => {
                        $( $( map.serialize_entry(stringify!($field), $field)?; )* )?
                    } )*
                    EventKind::Unknown(event) => {
                        for (name, value) in &event.fields {
                            map.serialize_entry(name, value)?;
                        }
                    }
                }
                Ok(())
            }

            /// The event named `wire` from its stored fields; an unknown name keeps them all.
            fn read<E: de::Error>(wire: String, mut fields: Map<String, Value>) -> Result<EventKind, E> {
                #[allow(unused_mut, unused_variables)]
                let fields_ref = &mut fields;
                match wire.as_str() {
                    $( $wire => Ok(EventKind::$variant $({ $($field: take(fields_ref, stringify!($field))?),* })?), )*
                    _ => Ok(EventKind::Unknown(UnknownEvent { kind: wire, fields })),
                }
            }
        }
    };
}

case_events! {
    Created = "created",
    StatusChanged { from: CaseStatus, to: CaseStatus } = "status_changed",
    Note { text: String } = "note",
    ChecklistTicked { item: String, done: bool } = "checklist_ticked",
    MoneyChanged = "money_changed",
    AnswersEdited = "answers_edited",
    Restored = "restored",
    LossesChanged = "losses_changed",
    /// A ready message left the app: copied or printed, with its outgoing number when it is a numbered letter.
    LetterSent { message: String, number: Option<u32>, how: LetterVia } = "letter_sent",
    /// The seller moved the claim to another stage (see [`super::stage`]).
    StageChanged { step: StageStep } = "stage_changed",
    /// A file was attached (see [`super::evidence`]): its bytes are stored by `sha256`, outside the case.
    AttachmentAdded {
        attachment: String,
        name: String,
        media_type: String,
        size: u64,
        sha256: String,
        thumbnail: Option<String>,
    } = "attachment_added",
    AttachmentRemoved { attachment: String } = "attachment_removed",
    AttachmentCaptioned { attachment: String, caption: String } = "attachment_captioned",
    /// The checklist item the file proves; `None` unties it.
    AttachmentTied { attachment: String, item: Option<String> } = "attachment_tied",
}

/// Field `name` of a known event, read as `T`; a missing field reads as `null` (so an `Option` is `None`).
fn take<T: DeserializeOwned, E: de::Error>(fields: &mut Map<String, Value>, name: &'static str) -> Result<T, E> {
    match fields.remove(name) {
        Some(value) => T::deserialize(value).map_err(|e| E::custom(format!("{name}: {e}"))),
        None => T::deserialize(Value::Null).map_err(|_| E::missing_field(name)),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEvent {
    pub at: DateTime<Utc>,
    pub kind: EventKind,
}

impl Serialize for TimelineEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("at", &crate::time_text::format_timestamp(&self.at))?;
        map.serialize_entry("type", self.kind.wire_name())?;
        self.kind.write_fields(&mut map)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for TimelineEvent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Timestamp(#[serde(with = "crate::time_text::timestamp")] DateTime<Utc>);

        struct EventVisitor;

        impl<'de> Visitor<'de> for EventVisitor {
            type Value = TimelineEvent;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a timeline event")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TimelineEvent, A::Error> {
                let (mut at, mut wire, mut fields) = (None, None::<String>, Map::new());
                while let Some(name) = map.next_key::<String>()? {
                    match name.as_str() {
                        "at" => at = Some(map.next_value::<Timestamp>()?.0),
                        "type" => wire = Some(map.next_value()?),
                        _ => {
                            fields.insert(name, map.next_value()?);
                        }
                    }
                }
                let at = at.ok_or_else(|| de::Error::missing_field("at"))?;
                let wire = wire.ok_or_else(|| de::Error::missing_field("type"))?;
                Ok(TimelineEvent { at, kind: EventKind::read(wire, fields)? })
            }
        }

        deserializer.deserialize_map(EventVisitor)
    }
}
