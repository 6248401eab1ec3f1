//! Realistic generated cases for tests and the benchmark: deterministic for a seed, mixed scenarios,
//! marketplaces, statuses and currencies, notes in Russian, Polish and English.
//!
//! `sample_cases(n, seed)` is pure; the same `(n, seed)` always gives the same cases, so a capacity figure or a
//! benchmark run can be reproduced exactly.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::{new_case_id, Case, CaseDeadline, CaseStatus, EventKind, Money, TimelineEvent};
use crate::scenario::{Answer, Answers, Marketplace};

/// A small deterministic generator (SplitMix64): no dependency, same numbers on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SCENARIOS: [(&str, Marketplace); 5] = [
    ("wb-lost-goods", Marketplace::Wildberries),
    ("wb-buyer-refusal", Marketplace::Wildberries),
    ("ym-not-delivered", Marketplace::YandexMarket),
    ("amazon-not-received", Marketplace::Amazon),
    ("mall-incomplete-order", Marketplace::Mall),
];

// Notes are put together from two clauses and a reference number, so they vary like real notes do
// (a pool of whole sentences would repeat and flatter the compression figures).
const CLAUSES_RU: [&str; 10] = [
    "Позвонил в поддержку, обещали ответ за три рабочих дня",
    "склад прислал акт: коробка вскрыта, двух позиций нет",
    "покупатель отказался на пункте выдачи, товар едет назад",
    "компенсировали половину, остаток спишем при отказе",
    "отправил повторную претензию с накладной и видео",
    "ответ шаблонный, эскалирую через форму для продавцов",
    "жду решения по возмещению до пятницы",
    "приложил фото упаковки и взвешивания",
    "менеджер попросил серийные номера ещё раз",
    "ёмкость склада тут ни при чём, спорим дальше",
];

const CLAUSES_PL: [&str; 10] = [
    "Zadzwoniłem do obsługi, odpowiedź w ciągu trzech dni",
    "kurier twierdzi, że paczka doręczona, klient nic nie ma",
    "brakuje dwóch sztuk, zdjęcia wagi paczki wysłane",
    "zwrot częściowy przyznany, resztę spiszemy w straty",
    "klientka z Łodzi potwierdziła brak towaru mailem",
    "odpowiedź ogólnikowa, ponowiłem wniosek z fakturą",
    "czekam na decyzję do piątku",
    "dołączyłem nagranie z pakowania",
    "żądamy dowodu doręczenia ze zdjęciem",
    "sprzedawca źle opisał zawartość, poprawiłem",
];

const CLAUSES_EN: [&str; 10] = [
    "Called seller support, answer promised in three days",
    "carrier scan says delivered, the buyer has nothing",
    "reimbursed for one unit only, appeal opened",
    "the buyer reopened the claim after our refund",
    "ticket closed unread, resubmitted with photos",
    "partial refund received, the rest goes to write-offs",
    "waiting for the decision until Friday",
    "attached the packing video and weight record",
    "asked for the proof of delivery photo",
    "warehouse receipt shows the full quantity",
];

const BUYERS: [&str; 12] = [
    "Иванова Мария",
    "Сергей Кузнецов",
    "Алёна Смирнова",
    "Пётр Волков",
    "Łukasz Wójcik",
    "Małgorzata Zięba",
    "Paweł Kowalczyk",
    "Agnieszka Dąbrowska",
    "John Carter",
    "Emily Brooks",
    "Oliver Hughes",
    "",
];

const CHECKLIST_IDS: [&str; 14] = [
    "photos_of_package",
    "unboxing_video",
    "invoice",
    "waybill",
    "acceptance_act",
    "weight_record",
    "buyer_message",
    "tracking_screenshot",
    "support_ticket",
    "claim_form",
    "price_proof",
    "serial_numbers",
    "return_label",
    "appeal_text",
];

const DEADLINE_RULES: [&str; 5] = ["claim_window", "support_reply", "appeal", "pretrial_claim", "court"];

const ANSWER_CHOICES: [(&str, &[&str]); 5] = [
    ("where", &["warehouse", "transit", "pickup_point", "swapped"]),
    ("claim_sent", &["yes", "no"]),
    ("has_photos", &["yes", "no"]),
    ("fulfilment", &["marketplace", "seller"]),
    ("reason", &["not_delivered", "damaged", "incomplete", "refused"]),
];

/// `n` realistic cases, deterministic for `seed`. Ids are unique within one call.
pub fn sample_cases(n: usize, seed: u64) -> Vec<Case> {
    let mut rng = Rng(seed ^ 0x5EED_CA5E_D00D_F00D);
    (0..n).map(|index| sample_case(&mut rng, index)).collect()
}

fn base_time() -> DateTime<Utc> {
    // A fixed anchor keeps generated data independent of the day the tests run.
    Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).single().unwrap_or_default()
}

fn order_number(rng: &mut Rng, marketplace: Marketplace) -> String {
    match marketplace {
        Marketplace::Wildberries => format!("{}", rng.range(1_000_000_000, 99_999_999_999)),
        Marketplace::YandexMarket => format!("{}", rng.range(10_000_000, 999_999_999)),
        Marketplace::Amazon => {
            format!("{:03}-{:07}-{:07}", rng.range(100, 999), rng.range(0, 9_999_999), rng.range(0, 9_999_999))
        }
        Marketplace::Mall => format!("MALL-{}", rng.range(100_000, 9_999_999)),
    }
}

fn currency(rng: &mut Rng, marketplace: Marketplace) -> &'static str {
    match marketplace {
        Marketplace::Wildberries | Marketplace::YandexMarket => "RUB",
        Marketplace::Amazon => ["USD", "EUR", "GBP", "PLN"][rng.range(0, 3) as usize],
        // The remaining MALL Group shops (Mimovrste, mall.hr) sell in euro, as the scenario does.
        Marketplace::Mall => "EUR",
    }
}

fn note(rng: &mut Rng, marketplace: Marketplace) -> String {
    let pool = match (marketplace, rng.range(0, 9)) {
        (_, 0) => &CLAUSES_EN,
        (Marketplace::Wildberries | Marketplace::YandexMarket, _) => &CLAUSES_RU,
        (Marketplace::Mall, _) => &CLAUSES_PL,
        (Marketplace::Amazon, k) if k < 4 => &CLAUSES_PL,
        (Marketplace::Amazon, _) => &CLAUSES_EN,
    };
    let first = rng.pick(pool);
    let second = rng.pick(pool);
    format!("{first}; {second} (#{}).", rng.range(100_000, 9_999_999))
}

fn final_status(rng: &mut Rng) -> CaseStatus {
    *rng.pick(&[
        CaseStatus::Open,
        CaseStatus::Open,
        CaseStatus::WaitingMarketplace,
        CaseStatus::WaitingMarketplace,
        CaseStatus::WaitingBuyer,
        CaseStatus::ResolvedWon,
        CaseStatus::ResolvedWon,
        CaseStatus::ResolvedPartly,
        CaseStatus::ResolvedLost,
        CaseStatus::Closed,
    ])
}

fn sample_answers(rng: &mut Rng, order: &str, buyer: &str, created: NaiveDate, money: &Money) -> Answers {
    let mut answers = Answers::new();
    answers.insert("order_number".into(), Answer::Text(order.to_string()));
    if !buyer.is_empty() {
        answers.insert("buyer_name".into(), Answer::Text(buyer.to_string()));
    }
    answers.insert("amount".into(), Answer::Money { minor: money.at_stake, currency: money.currency.clone() });
    answers.insert("incident_date".into(), Answer::Date(created - Duration::days(rng.range(1, 20) as i64)));
    let wanted = rng.range(5, 8) as usize;
    for (question, values) in ANSWER_CHOICES {
        if answers.len() >= wanted {
            break;
        }
        answers.insert(question.into(), Answer::Choice(rng.pick(values).to_string()));
    }
    answers
}

fn sample_case(rng: &mut Rng, index: usize) -> Case {
    let (scenario, marketplace) = *rng.pick(&SCENARIOS);
    let created_at = base_time() + Duration::minutes(rng.range(0, 540 * 24 * 60) as i64);
    let created = created_at.date_naive();
    let order = order_number(rng, marketplace);
    let buyer = rng.pick(&BUYERS).to_string();
    let at_stake = rng.range(5, 5_000) as i64 * 100 + rng.range(0, 99) as i64;
    let money = Money {
        currency: currency(rng, marketplace).to_string(),
        at_stake,
        claimed: if rng.chance(60) { at_stake } else { 0 },
        received: 0,
        written_off: 0,
        claimed_by_hand: false,
    };
    let answers = sample_answers(rng, &order, &buyer, created, &money);

    let deadlines = DEADLINE_RULES[..rng.range(2, 4) as usize]
        .iter()
        .scan(created, |due, rule| {
            *due += Duration::days(rng.range(3, 40) as i64);
            Some(CaseDeadline { rule: rule.to_string(), due: *due, done: false })
        })
        .collect();
    let first_item = rng.range(0, (CHECKLIST_IDS.len() - 12) as u64) as usize;
    let checklist: BTreeMap<String, bool> = CHECKLIST_IDS[first_item..first_item + rng.range(6, 12) as usize]
        .iter()
        .map(|id| (id.to_string(), false))
        .collect();

    let mut case = Case {
        // Shaped like the ids the app makes; the index in the tail keeps them unique within a call.
        id: format!("{}{index:x}", new_case_id(created_at, rng.next())),
        scenario: scenario.to_string(),
        marketplace,
        created_at,
        updated_at: created_at,
        revision: 1,
        status: CaseStatus::Open,
        order_number: order,
        buyer,
        answers,
        deadlines,
        checklist,
        money,
        timeline: vec![TimelineEvent { at: created_at, kind: EventKind::Created }],
        profile: None,
        losses: Default::default(),
        letters: Default::default(),
    };

    let mut now = created_at;
    let mut step = |rng: &mut Rng| {
        now += Duration::minutes(rng.range(30, 6 * 24 * 60) as i64);
        now
    };
    let notes = rng.range(1, 2);
    let path = match final_status(rng) {
        CaseStatus::Open => vec![],
        CaseStatus::Closed => vec![CaseStatus::ResolvedWon, CaseStatus::Closed],
        other => vec![other],
    };
    // 3 to 6 timeline events in all: created, notes, status changes, the money result, and checklist ticks.
    let money_event = u64::from(
        !path.is_empty() && path.iter().all(|s| *s != CaseStatus::WaitingMarketplace && *s != CaseStatus::WaitingBuyer),
    );
    let fixed = 1 + notes + path.len() as u64 + money_event;
    let ticks = rng.range(3u64.saturating_sub(fixed), 6u64.saturating_sub(fixed).min(2));
    let ids: Vec<String> = case.checklist.keys().take(ticks as usize).cloned().collect();
    for id in ids {
        let at = step(rng);
        case.tick(&id, true, at);
    }
    for _ in 0..notes {
        let text = note(rng, marketplace);
        let at = step(rng);
        case.add_note(&text, at);
    }
    for status in path {
        let at = step(rng);
        case.set_status(status, at);
    }
    if case.status.is_resolved() || case.status == CaseStatus::Closed {
        let mut money = case.money.clone();
        let claimed = money.claimed.max(money.at_stake);
        money.claimed = claimed;
        match case.outcome() {
            Some(CaseStatus::ResolvedWon) => money.received = claimed,
            Some(CaseStatus::ResolvedPartly) => {
                money.received = claimed / 2;
                money.written_off = claimed - claimed / 2;
            }
            _ => money.written_off = claimed,
        }
        let at = step(rng);
        case.set_money(money, at);
        for deadline in &mut case.deadlines {
            deadline.done = true;
        }
    }
    case
}

#[cfg(test)]
mod tests {
    use super::sample_cases;

    #[test]
    fn mall_cases_are_in_euro_like_the_scenario() {
        let mall: Vec<_> = sample_cases(300, 3).into_iter().filter(|c| c.scenario == "mall-incomplete-order").collect();
        assert!(!mall.is_empty());
        assert!(
            mall.iter().all(|c| c.money.currency == "EUR"),
            "MALL Group shops left after mall.cz closed sell in euro"
        );
    }
}
