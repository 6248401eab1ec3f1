#![cfg(not(target_arch = "wasm32"))]
//! What the browser's answers about keeping data mean, and which advice the seller gets after the first case.

use claimdesk::domain::durability::{risk_advice, Engine, Facts, Persistence, RiskAdvice};
use claimdesk::i18n::Key;

const CHROME_LINUX: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const HEADLESS_CHROME: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36";
const EDGE: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0";
const CHROME_ANDROID: &str =
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36";
const FIREFOX_ESR: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";
const FIREFOX_ANDROID: &str = "Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0";
const SAFARI_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const CHROME_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/140.0.0.0 Mobile/15E148 Safari/604.1";
const FIREFOX_IPAD: &str = "Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/140.0 Mobile/15E148 Safari/605.1.15";
const WEBKITGTK: &str =
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";

#[test]
fn engines_are_recognised_from_the_user_agent() {
    for ua in [CHROME_LINUX, HEADLESS_CHROME, EDGE, CHROME_ANDROID] {
        assert_eq!(Engine::from_user_agent(ua), Engine::Chromium, "{ua}");
    }
    for ua in [FIREFOX_ESR, FIREFOX_ANDROID] {
        assert_eq!(Engine::from_user_agent(ua), Engine::Firefox, "{ua}");
    }
    // Every browser on iOS runs on WebKit, whatever it calls itself.
    for ua in [SAFARI_MAC, SAFARI_IPHONE, CHROME_IPHONE, FIREFOX_IPAD, WEBKITGTK] {
        assert_eq!(Engine::from_user_agent(ua), Engine::WebKit, "{ua}");
    }
    assert_eq!(Engine::from_user_agent(""), Engine::Other);
    assert_eq!(Engine::from_user_agent("curl/8.0"), Engine::Other);
}

#[test]
fn persistence_answers_map_to_states_and_texts() {
    assert_eq!(Persistence::from_answer(Some(true)), Persistence::Granted);
    assert_eq!(Persistence::from_answer(Some(false)), Persistence::BestEffort);
    assert_eq!(Persistence::from_answer(None), Persistence::Unsupported);
    assert!(Persistence::Unknown.can_ask());
    assert!(Persistence::BestEffort.can_ask());
    assert!(!Persistence::Granted.can_ask(), "nothing to ask once granted");
    assert!(!Persistence::Unsupported.can_ask(), "nothing to ask without a Storage API");
    let keys = [Persistence::Unknown, Persistence::Unsupported, Persistence::Granted, Persistence::BestEffort]
        .map(Persistence::key);
    assert_eq!(
        keys,
        [
            Key::SettingsPersistUnknown,
            Key::SettingsPersistUnsupported,
            Key::SettingsPersisted,
            Key::SettingsNotPersisted
        ]
    );
    let notes = Engine::EXPLAINED.map(Engine::persistence_note);
    assert_eq!(notes, [Key::PersistNoteChromium, Key::PersistNoteFirefox, Key::PersistNoteWebKit]);
}

fn facts(engine: Engine, standalone: bool, install_prompt: bool) -> Facts {
    Facts { engine, standalone, install_prompt }
}

#[test]
fn installed_app_gets_no_advice_in_any_engine() {
    for engine in [Engine::Chromium, Engine::Firefox, Engine::WebKit, Engine::Other] {
        for prompt in [false, true] {
            assert_eq!(risk_advice(facts(engine, true, prompt)), None, "{engine:?} {prompt}");
        }
    }
}

#[test]
fn webkit_in_a_tab_is_told_to_add_to_home_screen() {
    assert_eq!(risk_advice(facts(Engine::WebKit, false, false)), Some(RiskAdvice::AddToHomeScreen));
    // Even if a WebKit build ever fired an install prompt, the 7-day rule is what matters there.
    assert_eq!(risk_advice(facts(Engine::WebKit, false, true)), Some(RiskAdvice::AddToHomeScreen));
}

#[test]
fn an_install_prompt_offers_installation() {
    assert_eq!(risk_advice(facts(Engine::Chromium, false, true)), Some(RiskAdvice::Install));
    assert_eq!(risk_advice(facts(Engine::Other, false, true)), Some(RiskAdvice::Install));
}

#[test]
fn without_an_install_prompt_backups_are_the_advice() {
    assert_eq!(risk_advice(facts(Engine::Firefox, false, false)), Some(RiskAdvice::KeepBackups));
    assert_eq!(risk_advice(facts(Engine::Chromium, false, false)), Some(RiskAdvice::KeepBackups));
    assert_eq!(risk_advice(facts(Engine::Other, false, false)), Some(RiskAdvice::KeepBackups));
}

#[test]
fn write_failures_come_from_the_exception_name() {
    use claimdesk::domain::durability::WriteFailure;
    assert_eq!(WriteFailure::from_exception_name("NotAllowedError"), WriteFailure::NotAllowed);
    assert_eq!(WriteFailure::from_exception_name("SecurityError"), WriteFailure::NotAllowed);
    assert_eq!(WriteFailure::from_exception_name("NotFoundError"), WriteFailure::FileGone);
    assert_eq!(WriteFailure::from_exception_name("QuotaExceededError"), WriteFailure::NoSpace);
    assert_eq!(WriteFailure::from_exception_name("TypeError"), WriteFailure::Other);
    assert_eq!(WriteFailure::from_exception_name(""), WriteFailure::Other);
    assert_eq!(WriteFailure::NoSpace.key(), Key::AutoBackupFailSpace);
}

#[test]
fn auto_backup_names_its_file_only_when_one_was_chosen() {
    use claimdesk::domain::durability::AutoBackup;
    assert_eq!(AutoBackup::On { file: "a.json".into() }.file(), Some("a.json"));
    assert_eq!(AutoBackup::Paused { file: "b.json".into() }.file(), Some("b.json"));
    assert_eq!(AutoBackup::Off.file(), None);
    assert_eq!(AutoBackup::Unsupported.file(), None);
}

#[test]
fn a_known_file_is_held_while_the_browser_holds_nothing() {
    use claimdesk::domain::durability::{resumed_auto_backup, AutoBackup};
    let file = || "backup.json".to_string();
    // Lost data must not overwrite the last good backup with an empty one, whatever the permission.
    assert_eq!(resumed_auto_backup(file(), true, false, 3), AutoBackup::Held { file: file() });
    assert_eq!(resumed_auto_backup(file(), false, false, 1), AutoBackup::Held { file: file() });
    // An empty file has nothing to protect: the first case of a new browser is written as usual.
    assert_eq!(resumed_auto_backup(file(), true, false, 0), AutoBackup::On { file: file() });
    assert_eq!(resumed_auto_backup(file(), false, false, 0), AutoBackup::Paused { file: file() });
    assert_eq!(resumed_auto_backup(file(), true, true, 3), AutoBackup::On { file: file() });
    assert_eq!(resumed_auto_backup(file(), false, true, 0), AutoBackup::Paused { file: file() });
    assert_eq!(AutoBackup::Held { file: file() }.file(), Some("backup.json"));
}
