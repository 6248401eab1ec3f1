//! Whether the browser will keep the cases, and what to tell the seller about it. Pure: the adapters detect
//! the facts (`navigator.storage.persisted()`, the engine, the display mode, an install prompt), these
//! functions decide what they mean.

use crate::i18n::Key;

/// The browser's answer to `navigator.storage.persist()` / `persisted()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Not asked yet, or the answer has not arrived.
    Unknown,
    /// The browser has no Storage API (`navigator.storage` missing or refusing the call).
    Unsupported,
    /// The data is "persistent": the browser deletes it only when the user asks.
    Granted,
    /// "Best effort": the browser may delete the data under storage pressure (and Safari after 7 days
    /// without a visit).
    BestEffort,
}

impl Persistence {
    /// From the promise's value: `Some(true)`, `Some(false)`, or `None` when the API is missing or failed.
    pub fn from_answer(answer: Option<bool>) -> Persistence {
        match answer {
            Some(true) => Persistence::Granted,
            Some(false) => Persistence::BestEffort,
            None => Persistence::Unsupported,
        }
    }

    /// Whether asking (again) makes sense: not once granted, and not where the browser has no Storage API.
    pub fn can_ask(self) -> bool {
        matches!(self, Persistence::Unknown | Persistence::BestEffort)
    }

    /// The sentence Settings shows for this state.
    pub fn key(self) -> Key {
        match self {
            Persistence::Unknown => Key::SettingsPersistUnknown,
            Persistence::Unsupported => Key::SettingsPersistUnsupported,
            Persistence::Granted => Key::SettingsPersisted,
            Persistence::BestEffort => Key::SettingsNotPersisted,
        }
    }
}

/// The browser engine, as far as it matters for keeping data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Chrome, Edge, Opera, Samsung Internet, Chromium.
    Chromium,
    /// Firefox on desktop and Android.
    Firefox,
    /// Safari, every browser on iOS / iPadOS (they all use WebKit), WebKitGTK, Epiphany.
    WebKit,
    Other,
}

impl Engine {
    /// Recognises the engine from `navigator.userAgent`. iOS browsers name themselves (CriOS, FxiOS, EdgiOS)
    /// but run on WebKit, and WebKit's own data rules apply to them.
    pub fn from_user_agent(ua: &str) -> Engine {
        let ios = ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d));
        if ios && ua.contains("AppleWebKit/") {
            Engine::WebKit
        } else if ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("HeadlessChrome/") {
            Engine::Chromium
        } else if ua.contains("Firefox/") || (ua.contains("Gecko/") && !ua.contains("like Gecko")) {
            Engine::Firefox
        } else if ua.contains("AppleWebKit/") {
            Engine::WebKit
        } else {
            Engine::Other
        }
    }

    /// What `persist()` means in this engine, in plain words.
    pub fn persistence_note(self) -> Key {
        match self {
            Engine::Chromium => Key::PersistNoteChromium,
            Engine::Firefox => Key::PersistNoteFirefox,
            Engine::WebKit => Key::PersistNoteWebKit,
            Engine::Other => Key::PersistNoteOther,
        }
    }

    /// The engines Settings explains, in the order shown.
    pub const EXPLAINED: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];
}

/// What the page could find out about where it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub engine: Engine,
    /// Opened as an installed app: `(display-mode: standalone)` (or fullscreen / minimal-ui), or
    /// `navigator.standalone` on iOS.
    pub standalone: bool,
    /// A `beforeinstallprompt` event arrived and is held: the browser lets the page offer installation.
    pub install_prompt: bool,
}

/// The one piece of advice about losing data, shown once after the first case is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskAdvice {
    /// Safari / WebKit in a tab: data goes after 7 days without a visit; a Home Screen app keeps it.
    AddToHomeScreen,
    /// The browser can install the app now: offer its Install button.
    Install,
    /// No way to install from here: backups are the protection.
    KeepBackups,
}

/// Chooses the advice for `facts`; `None` when the app already runs installed.
pub fn risk_advice(facts: Facts) -> Option<RiskAdvice> {
    if facts.standalone {
        None
    } else if facts.engine == Engine::WebKit {
        Some(RiskAdvice::AddToHomeScreen)
    } else if facts.install_prompt {
        Some(RiskAdvice::Install)
    } else {
        Some(RiskAdvice::KeepBackups)
    }
}

/// The automatic backup file (File System Access API, Chromium only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AutoBackup {
    /// The browser has no `showSaveFilePicker` (Firefox, Safari): the feature is not offered.
    Unsupported,
    /// No file chosen.
    Off,
    /// A file was chosen before, but after a reload the browser wants the user to allow writing again.
    Paused { file: String },
    /// A file was chosen before, but this browser now holds no case (its data was lost, or this is a new
    /// profile): writing would replace the last good backup with an empty one, so nothing is written until
    /// the user restores from it or says to go on.
    Held { file: String },
    /// Every change is written to `file`.
    On { file: String },
}

impl AutoBackup {
    pub fn file(&self) -> Option<&str> {
        match self {
            AutoBackup::Paused { file } | AutoBackup::Held { file } | AutoBackup::On { file } => Some(file),
            AutoBackup::Unsupported | AutoBackup::Off => None,
        }
    }
}

/// The state at start when a file was chosen before: `granted` is the browser's permission answer,
/// `book_has_records` whether this browser holds any case or deletion, `file_cases` how many cases the last
/// write put in the file.
pub fn resumed_auto_backup(file: String, granted: bool, book_has_records: bool, file_cases: u32) -> AutoBackup {
    if !book_has_records && file_cases > 0 {
        AutoBackup::Held { file }
    } else if granted {
        AutoBackup::On { file }
    } else {
        AutoBackup::Paused { file }
    }
}

/// How long the app waits after a change before writing the automatic backup: a burst of changes (typing
/// a note, ticking a checklist) becomes one write.
pub const AUTO_BACKUP_DELAY_MS: u64 = 2_000;

/// Why writing the automatic backup failed, from the thrown `DOMException`'s name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteFailure {
    /// Permission was withdrawn (or never regranted after a reload).
    NotAllowed,
    /// The file or its folder was moved or deleted.
    FileGone,
    /// The disk is full.
    NoSpace,
    Other,
}

impl WriteFailure {
    pub fn from_exception_name(name: &str) -> WriteFailure {
        match name {
            "NotAllowedError" | "SecurityError" => WriteFailure::NotAllowed,
            "NotFoundError" | "InvalidStateError" => WriteFailure::FileGone,
            "QuotaExceededError" => WriteFailure::NoSpace,
            _ => WriteFailure::Other,
        }
    }

    pub fn key(self) -> Key {
        match self {
            WriteFailure::NotAllowed => Key::AutoBackupFailNotAllowed,
            WriteFailure::FileGone => Key::AutoBackupFailGone,
            WriteFailure::NoSpace => Key::AutoBackupFailSpace,
            WriteFailure::Other => Key::AutoBackupFailOther,
        }
    }
}
