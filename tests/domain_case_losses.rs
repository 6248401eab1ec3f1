#![cfg(not(target_arch = "wasm32"))]
//! A case's loss table: the claimed amount follows its total on the marketplace's basis until the seller types
//! another amount, and a stored table must respect the table's limits like every other field.

use chrono::{TimeZone, Utc};
use claimdesk::domain::{sample_cases, Case, Commission, LossRow, LossTable, Money, ProblemKind};
use claimdesk::scenario::Marketplace;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).single().expect("valid time")
}

fn wb_case() -> Case {
    let mut case = sample_cases(1, 7).remove(0);
    case.marketplace = Marketplace::Wildberries;
    case.money =
        Money { currency: "RUB".into(), at_stake: 0, claimed: 0, received: 0, written_off: 0, claimed_by_hand: false };
    case
}

fn row(sku: &str, quantity: u32, unit_price: i64, commission: Commission) -> LossRow {
    LossRow { marketplace_sku: sku.into(), quantity, unit_price, commission, ..LossRow::default() }
}

fn table() -> LossTable {
    // WB: (price after the seller's discount − commission) × quantity: 2 × (1500.00 − 15 %) + 1 × (990.00 − 99.00).
    LossTable::new(vec![
        row("123456", 2, 150_000, Commission::Percent(1_500)),
        row("654321", 1, 99_000, Commission::PerUnit(9_900)),
    ])
}

#[test]
fn the_claimed_amount_follows_the_table_until_typed_by_hand() {
    let mut case = wb_case();
    let revision = case.revision;
    assert!(case.set_losses(table(), now()));
    assert_eq!(case.losses_total(), Some(255_000 + 89_100));
    assert_eq!(case.money.claimed, 344_100);
    assert!(case.revision > revision);
    assert!(!case.set_losses(table(), now()), "the same table again is no change");

    // The seller types another claimed amount: it stays when the table changes.
    let mut money = case.money.clone();
    money.claimed = 300_000;
    case.set_money(money, now());
    assert!(case.money.claimed_by_hand);
    let mut bigger = table();
    bigger.rows.push(row("777", 1, 10_000, Commission::default()));
    case.set_losses(bigger, now());
    assert_eq!(case.money.claimed, 300_000, "an amount typed by hand is kept");
    // Saving the money form again without touching the claimed amount keeps it typed by hand.
    let same = case.money.clone();
    case.set_money(Money { received: 100, ..same }, now());
    assert!(case.money.claimed_by_hand);

    assert!(case.claim_table_total(now()));
    assert_eq!(case.money.claimed, 354_100);
    assert!(!case.money.claimed_by_hand);
    // Typing exactly the table's total is not an override.
    let money = case.money.clone();
    case.set_money(Money { claimed: 354_100, ..money }, now());
    assert!(!case.money.claimed_by_hand);
}

#[test]
fn other_marketplaces_claim_the_unit_price() {
    let mut case = wb_case();
    case.marketplace = Marketplace::YandexMarket;
    case.set_losses(table(), now());
    assert_eq!(case.money.claimed, 2 * 150_000 + 99_000, "commission is not deducted outside Wildberries");
}

#[test]
fn a_stored_table_is_validated_and_round_trips() {
    let mut case = wb_case();
    case.set_losses(table(), now());
    case.validate().expect("a valid table");
    let json = serde_json::to_string(&case).expect("serialises");
    let back: Case = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, case);

    let mut hidden = case.clone();
    hidden.losses.rows[0].seller_article = "ART\u{202E}1".into();
    assert_eq!(hidden.validate().map_err(|p| p.problem), Err(ProblemKind::HiddenCharacters));
    let mut zero = case.clone();
    zero.losses.rows[1].quantity = 0;
    assert_eq!(
        zero.validate().map_err(|p| (p.field, p.problem)),
        Err(("losses.2.quantity".to_string(), ProblemKind::InvalidLoss))
    );

    // A case without a table writes no `losses` key, so older files and fixtures stay byte for byte the same.
    assert!(!serde_json::to_string(&wb_case()).expect("serialises").contains("losses"));
}
