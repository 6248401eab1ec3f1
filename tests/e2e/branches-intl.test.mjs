// The Amazon and MALL branches added for issue 10 §2 and issue 20 (round 3), walked in a real browser in every language to Create
// case: FBA reimbursement claims (fulfilment centre, customer returns US/EU, lost removals), SAFE-T, no valid
// tracking, and the MALL dispute when the seller packed the order complete. Each branch shows its own
// deadlines, with the "uncertain" badge exactly where the rule could not be confirmed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { startApp } from "./lib/app.mjs";
import { LANGUAGES } from "./lib/config.mjs";
import { createCase, walkToSummary } from "./lib/wizard.mjs";

// answers by question id (unlisted ones get the helper's defaults); `asks` must be on the path;
// `deadlines` / `uncertain` count the deadline rows and their uncertain badges; `dates` (dd.mm.yyyy, as ru and
// pl write them) must appear on the summary.
const BRANCHES = [
  {
    scenario: "amazon-not-received",
    name: "FBA unit lost in a fulfilment centre",
    answers: { fulfilment: "fba", fba_issue: "warehouse_lost", order_number: "X00LOST01", adjustment_date: "2026-11-30" },
    asks: ["fba_issue", "adjustment_date"],
    deadlines: 1,
    uncertain: 1,
    dates: ["29.01.2027"],
  },
  {
    scenario: "amazon-not-received",
    name: "FBA customer return not back, amazon.com",
    answers: { fulfilment: "fba", fba_issue: "return_missing", fba_store: "us", refund_date: "2026-11-02" },
    asks: ["fba_store", "refund_date"],
    deadlines: 2,
    uncertain: 0,
    dates: ["01.01.2027", "02.03.2027"],
  },
  {
    scenario: "amazon-not-received",
    name: "FBA customer return not back, EU store",
    answers: { fulfilment: "fba", fba_issue: "return_missing", fba_store: "eu", refund_date: "2028-02-10" },
    asks: ["fba_store", "refund_date"],
    deadlines: 2,
    uncertain: 2,
    dates: ["26.03.2028", "25.05.2028"],
  },
  {
    scenario: "amazon-not-received",
    name: "FBA removal order lost in transit",
    answers: { fulfilment: "fba", fba_issue: "removal_lost", removal_created: "2026-12-20" },
    asks: ["removal_created"],
    deadlines: 2,
    uncertain: 2,
    dates: ["04.01.2027", "05.03.2027"],
  },
  {
    scenario: "amazon-not-received",
    name: "seller-fulfilled, Amazon refunded the buyer: SAFE-T (US)",
    answers: { fulfilment: "seller_us", tracking: "delivered", multi_package: "no", buy_shipping: "no", status: "amazon_refunded", safe_t_reason: "delivered_proof", safe_t_start: "2027-01-30" },
    asks: ["safe_t_reason", "safe_t_start"],
    deadlines: 1,
    uncertain: 1,
    dates: ["01.03.2027"],
  },
  {
    scenario: "amazon-not-received",
    name: "seller-fulfilled without valid tracking",
    answers: { fulfilment: "seller_us", tracking: "none", buy_shipping: "yes", status: "none", first_message: "2026-12-01", max_edd: "2026-11-28" },
    asks: ["tracking", "buy_shipping"],
    absent: ["first_scan", "multi_package"],
    deadlines: 4,
    uncertain: 0,
    dates: ["26.02.2027"],
  },
  {
    scenario: "amazon-not-received",
    name: "FBA shipment to Amazon received short (round 3)",
    answers: { fulfilment: "fba", fba_issue: "inbound_short", inbound_delivered: "2026-11-20" },
    asks: ["inbound_delivered"],
    deadlines: 2,
    uncertain: 2,
    dates: ["05.12.2026", "19.01.2027"],
  },
  {
    scenario: "amazon-not-received",
    name: "FBA removal delivered damaged or incomplete (round 3)",
    answers: { fulfilment: "fba", fba_issue: "removal_damaged", removal_delivered: "2026-12-10" },
    asks: ["removal_delivered"],
    deadlines: 1,
    uncertain: 1,
    dates: ["09.01.2027"],
  },
  {
    scenario: "mall-incomplete-order",
    name: "mall.hr withdrawal: MALL's refund term moves off Christmas, St Stephen's Day and Sunday (round 3)",
    // Two credit notes: Operations' 14 days for the missing item's return document (not moved: 1 Jan 2027) and the
    // term for the returned goods, counted from the complaints team's request (uncertain: the contract's term).
    answers: { shop: "hr", found: "after_delivery", shortage_confirmed: "yes", customer_choice: "withdraw", delivered_on: "2026-11-30", withdrawal_date: "2026-12-11", mall_request: "2026-12-18", complaints_request: "2026-12-21" },
    asks: ["shop", "delivered_on", "withdrawal_date", "mall_request", "complaints_request"],
    deadlines: 4,
    uncertain: 1,
    dates: ["14.12.2026", "28.12.2026", "01.01.2027", "04.01.2027"],
  },
  {
    scenario: "mall-incomplete-order",
    name: "customer reports a missing item the seller packed: dispute",
    answers: { found: "after_delivery", shortage_confirmed: "no", reported_on: "2026-12-22", customer_photos: "no" },
    asks: ["shortage_confirmed", "missing_value", "purchase_price", "reported_on", "customer_photos"],
    absent: ["customer_choice"],
    deadlines: 1,
    uncertain: 1,
    dates: ["05.01.2027"],
  },
];

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

for (const lang of LANGUAGES) {
  describe(`new Amazon and MALL branches in ${lang}`, () => {
    for (const branch of BRANCHES) {
      test(branch.name, async () => {
        const s = await app.newSession({ lang });
        await s.open(`/wizard/${branch.scenario}`);
        const asked = await walkToSummary(s.page, { order_number: `INTL-${lang}-1`, ...branch.answers });
        for (const id of branch.asks) assert.ok(asked.includes(id), `${id} is asked: ${asked}`);
        for (const id of branch.absent ?? []) assert.ok(!asked.includes(id), `${id} is not asked: ${asked}`);
        await s.page.locator(".plan-outcome .plan-item").first().waitFor();
        const rows = s.page.locator(".deadline-list li.deadline");
        assert.equal(await rows.count(), branch.deadlines, "deadline rows");
        assert.equal(await rows.locator(".badge.uncertain").count(), branch.uncertain, "uncertain badges");
        if (lang !== "en") {
          const text = await s.page.locator(".deadline-list").innerText();
          for (const d of branch.dates) assert.ok(text.includes(d), `${d} in ${JSON.stringify(text)}`);
        }
        const id = await createCase(s.page);
        assert.match(id, /^[0-9a-z-]+$/);
        await s.page.locator("main#main h1").waitFor();
        s.guard.assertClean();
      });
    }
  });
}
