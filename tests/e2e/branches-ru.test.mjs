// The Wildberries and Yandex Market branches added for issue 10 (returns that come back damaged, short, swapped
// or not at all; shortfall at acceptance and damage in storage; the late automatic payment) and issue 20 (a WB
// return waiting at the pickup point, a spoiled return after a pending request, goods lost in transit) walked in
// a real browser to "Create case" in every language, with the date-dependent warnings checked on the summary.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { startApp } from "./lib/app.mjs";
import { LANGUAGES } from "./lib/config.mjs";
import { createCase, walkToSummary } from "./lib/wizard.mjs";

// Cancelled on 20 Oct: Market's automatic payment is due on 17 Dec. Scheduled on 10 Sep, the last day to claim
// is 10 Dec (the warning shows); scheduled on 25 Sep, it is 25 Dec (no warning).
const LATE = { scheduled_on: "2026-09-10", cancelled_on: "2026-10-20" };
const IN_TIME = { scheduled_on: "2026-09-25", cancelled_on: "2026-10-20" };

const LATE_PAYMENT = {
  en: "The automatic payment would come after your last day to claim",
  ru: "Автоматическая выплата придёт позже последнего дня для претензии",
  pl: "Automatyczna wypłata przyszłaby po ostatnim dniu na reklamację",
};
const THREE_YEARS = {
  en: "Three years is the outer limit for any claim",
  ru: "Три года — крайний срок для любых требований",
  pl: "Trzy lata to ostateczna granica dla wszelkich roszczeń",
};

const ONE_YEAR = {
  en: "Goods lost in transit: plan for one year, not three",
  ru: "Утрата в пути: рассчитывайте на один год, а не на три",
  pl: "Utrata w drodze: licz na rok, nie na trzy lata",
};
const RETURN_LIMIT = {
  en: "Three years is the outer limit for this claim",
  ru: "Три года — крайний срок для этого требования",
  pl: "Trzy lata to ostateczna granica dla tego roszczenia",
};

// Each branch: the wizard, answers by question id (unlisted questions get the helper's defaults), and the
// warnings that must (true) or must not (false) be on its summary.
const BRANCHES = [
  { scenario: "ym-return-problem", answers: { return_kind: "refusal", problem: "damaged", act_date: "2026-11-20" } },
  { scenario: "ym-return-problem", answers: { return_kind: "return", problem: "short", disagree: "no", back_at_point: "2026-11-18" } },
  { scenario: "ym-return-problem", answers: { return_kind: "return", problem: "swapped", disagree: "yes", back_at_point: "2026-11-18" } },
  { scenario: "ym-return-problem", answers: { return_kind: "refusal", problem: "not_arrived", model: "fbs", exception: "none", ...LATE }, warnings: { [LATE_PAYMENT.en]: true } },
  { scenario: "ym-return-problem", answers: { return_kind: "refusal", problem: "not_arrived", model: "fbs", exception: "none", ...IN_TIME }, warnings: { [LATE_PAYMENT.en]: false } },
  { scenario: "ym-return-problem", answers: { return_kind: "refusal", problem: "not_arrived", model: "express" } },
  { scenario: "ym-return-problem", answers: { return_kind: "return", problem: "not_arrived" } },
  { scenario: "ym-return-problem", answers: { return_kind: "refusal", problem: "not_arrived", model: "fbs", exception: "ready", scheduled_on: "2026-10-05" } },
  { scenario: "ym-return-problem", answers: { return_kind: "request", request_created: "2026-12-04" } },
  { scenario: "ym-return-problem", answers: { return_kind: "return", problem: "intact", disagree: "yes", back_at_point: "2026-11-20" } },
  { scenario: "ym-return-problem", answers: { return_kind: "return", problem: "fast_refund", decision_date: "2026-12-01", disagree: "no" } },
  { scenario: "ym-return-problem", answers: { return_kind: "refusal", problem: "waiting", pickup_till: "2026-12-12" } },
  { scenario: "wb-lost-goods", answers: { where: "swapped", swap_date: "2026-11-14", claim_sent: "yes", claim_date: "2026-11-20" } },
  { scenario: "wb-buyer-refusal", answers: { model: "fbs", refusal: "after_receipt", request: "disputed", returned_state: "swapped", received_date: "2026-11-02", claim_sent: "yes", claim_date: "2026-11-05" }, warnings: { [RETURN_LIMIT.en]: true } },
  { scenario: "wb-buyer-refusal", answers: { model: "fbo", refusal: "not_collected", returned_state: "not_back" } },
  { scenario: "ym-not-delivered", answers: { model: "fbs", status: "cancelled", exception: "none", ...LATE }, warnings: { [LATE_PAYMENT.en]: true } },
  { scenario: "wb-lost-goods", answers: { where: "acceptance", found_date: "2026-11-27", claim_sent: "no" }, warnings: { [THREE_YEARS.en]: true } },
  { scenario: "wb-lost-goods", answers: { where: "damaged", claim_sent: "yes", claim_date: "2026-11-25" }, warnings: { [THREE_YEARS.en]: true } },
  { scenario: "wb-lost-goods", answers: { where: "transit", claim_sent: "yes", claim_date: "2026-12-15" }, warnings: { [ONE_YEAR.en]: true } },
  { scenario: "wb-buyer-refusal", answers: { model: "fbs", refusal: "not_collected", returned_state: "not_back", at_point: "yes", ready_date: "2026-11-27" } },
  { scenario: "wb-buyer-refusal", answers: { model: "fbo", refusal: "after_receipt", request: "pending", returned_state: "damaged", received_date: "2026-11-10" }, warnings: { [RETURN_LIMIT.en]: true } },
];

const TITLES = {
  [LATE_PAYMENT.en]: LATE_PAYMENT,
  [THREE_YEARS.en]: THREE_YEARS,
  [ONE_YEAR.en]: ONE_YEAR,
  [RETURN_LIMIT.en]: RETURN_LIMIT,
};

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function warningShown(page, title) {
  const warnings = await page.locator(".plan-warning .plan-item h4").allInnerTexts();
  return warnings.some((text) => text.trim() === title);
}

describe("every new Wildberries and Yandex Market branch reaches Create case", () => {
  for (const lang of LANGUAGES) {
    test(`in ${lang}`, async () => {
      const s = await app.newSession({ lang });
      for (const [index, { scenario, answers, warnings = {} }] of BRANCHES.entries()) {
        await s.open(`/wizard/${scenario}`);
        assert.equal(await s.page.evaluate(() => document.documentElement.lang), lang);
        const asked = await walkToSummary(s.page, { order_number: `RU-${index}-${lang}`, ...answers });
        for (const id of Object.keys(answers)) {
          assert.ok(asked.includes(id), `${scenario} branch ${index + 1}: ${id} was asked (${asked.join(" → ")})`);
        }
        await s.page.locator(".plan-outcome .plan-item").first().waitFor();
        for (const [key, expected] of Object.entries(warnings)) {
          const title = TITLES[key][lang];
          assert.equal(await warningShown(s.page, title), expected, `${scenario} branch ${index + 1}: "${title}"`);
        }
        const id = await createCase(s.page);
        assert.match(id, /^[0-9a-z-]+$/);
        await s.page.locator("main#main h1").waitFor();
      }
      s.guard.assertClean();
    });
  }
});

test("the home page lists the Yandex Market return card, and it opens its wizard", async () => {
  const s = await app.newSession({ lang: "ru" });
  await s.open("/");
  const card = s.page.locator('[data-scenario="ym-return-problem"]');
  await card.waitFor();
  assert.match(await card.innerText(), /Возврат с Яндекс Маркета/);
  await card.click();
  await s.page.locator("form.wizard-step input[name=return_kind]").first().waitFor();
  s.guard.assertClean();
});
