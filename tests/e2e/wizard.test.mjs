// The incident wizards in a real browser: branches to "Create case" in every language, resume after a
// reload, recomputed plans, message templates copied with the typed order number, keyboard-only completion.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { startApp, waitForAppReady } from "./lib/app.mjs";
import { LANGUAGES } from "./lib/config.mjs";
import { createCase, currentQuestion, walkToSummary, answerCurrent } from "./lib/wizard.mjs";

// Two different branches per scenario: answers by question id (unlisted questions get defaults).
const BRANCHES = {
  "wb-lost-goods": [{ where: "warehouse" }, { where: "swapped" }],
  "wb-buyer-refusal": [{ model: "fbs", refusal: "after_receipt", request: "pending", returned_state: "damaged" }, { model: "fbo", refusal: "not_collected", returned_state: "restocked", reason: "size" }],
  "ym-not-delivered": [{ model: "fby", status: "cancelled", exception: "none" }, { model: "express" }],
  "ym-return-problem": [{ return_kind: "refusal", problem: "damaged" }, { return_kind: "refusal", problem: "not_arrived", model: "fbs", exception: "none" }],
  "amazon-not-received": [{ fulfilment: "fba" }, { fulfilment: "seller_us", tracking: "delivered", status: "claim_granted", debit_date: "2026-11-20" }],
  "mall-incomplete-order": [{}, { found: "before_dispatch" }],
};

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

describe("every scenario reaches Create case on two branches", () => {
  for (const [scenario, branches] of Object.entries(BRANCHES)) {
    branches.forEach((answers, index) => {
      test(`${scenario} branch ${index + 1}`, async () => {
        const s = await app.newSession({ lang: "en" });
        await s.open(`/wizard/${scenario}`);
        const asked = await walkToSummary(s.page, { order_number: `ORD-${index}-42`, ...answers });
        assert.ok(asked.length >= 2, `at least two questions were asked: ${asked}`);
        // The summary lists the plan: at least one outcome, and each answer can be changed.
        await s.page.locator(".plan-outcome .plan-item").first().waitFor();
        assert.ok((await s.page.getByRole("button", { name: /^Change — / }).count()) >= asked.length - 1);
        const id = await createCase(s.page);
        assert.match(id, /^[0-9a-z-]+$/);
        await s.page.locator("main#main h1").waitFor();
        s.guard.assertClean();
      });
    });
  }
});

describe("every scenario can be completed in every language", () => {
  for (const lang of LANGUAGES) {
    test(`every scenario in ${lang}`, async () => {
      const s = await app.newSession({ lang });
      for (const scenario of Object.keys(BRANCHES)) {
        await s.open(`/wizard/${scenario}`);
        assert.equal(await s.page.evaluate(() => document.documentElement.lang), lang);
        await walkToSummary(s.page, BRANCHES[scenario][0]);
        await createCase(s.page);
      }
      s.guard.assertClean();
    });
  }
});

test("a reload in the middle resumes at the same question with the answers kept", async () => {
  const s = await app.newSession({ lang: "en" });
  await s.open("/wizard/amazon-not-received");
  await answerCurrent(s.page, "seller_eu");
  // A European store is asked next: it sets the currency and the buyer's language.
  await s.page.locator('input[name="store"]').first().waitFor();
  await answerCurrent(s.page, "de");
  await s.page.locator("#q-order_number").waitFor();
  await answerCurrent(s.page, "114-777");
  const third = await currentQuestion(s.page);
  assert.notEqual(third, "order_number");
  await s.page.reload();
  await waitForAppReady(s.page);
  await s.page.locator("form.wizard-step").waitFor();
  assert.equal(await currentQuestion(s.page), third, "the wizard resumed where it was");
  await s.page.getByRole("button", { name: "Back" }).click();
  await s.page.locator("#q-order_number").waitFor();
  assert.equal(await s.page.locator("#q-order_number").inputValue(), "114-777", "the earlier answer is still there");
  // The home page marks the wizard left half-way, and its card resumes it.
  await s.open("/");
  const card = s.page.locator('[data-scenario="amazon-not-received"]');
  await card.locator(".badge.resume", { hasText: "3 answers" }).waitFor();
  assert.equal(await s.page.locator(".badge.resume").count(), 1, "only the started wizard is marked");
  await card.click();
  await s.page.locator("#q-order_number").waitFor();
  s.guard.assertClean();
});

test("changing an earlier answer recomputes the path and the plan", async () => {
  const s = await app.newSession({ lang: "en" });
  await s.open("/wizard/amazon-not-received");
  await walkToSummary(s.page, { fulfilment: "fba", order_number: "114-1" });
  const fbaPlan = await s.page.locator(".plan").innerText();
  assert.equal(await s.page.locator(".plan-evidence").count(), 0, "FBA: no evidence list for the seller");
  await s.page.getByRole("button", { name: /^Change — / }).first().click();
  await answerCurrent(s.page, "seller_us");
  const asked = await walkToSummary(s.page, { status: "none" });
  assert.ok(asked.includes("tracking"), `seller-fulfilled asks about tracking: ${asked}`);
  await s.page.locator(".plan-evidence").waitFor();
  assert.notEqual(await s.page.locator(".plan").innerText(), fbaPlan);
  // The order number typed on the first pass was kept.
  assert.match(await s.page.locator(".answers").innerText(), /114-1/);
  s.guard.assertClean();
});

test("a message template is copied with the order number typed earlier", async () => {
  const s = await app.newSession({ lang: "en" });
  await s.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
  await s.open("/wizard/amazon-not-received");
  await walkToSummary(s.page, { fulfilment: "seller_us", order_number: "112-5551234-9", status: "none" });
  const message = s.page.locator("article.message").first();
  await message.getByRole("button", { name: "Copy text" }).click();
  await message.getByRole("button", { name: "Copied to the clipboard" }).waitFor();
  const clip = await s.page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /112-5551234-9/);
  assert.doesNotMatch(clip, /\{[a-z_.]+\}/, "no raw placeholder left");
  await s.page.locator("[role=status]", { hasText: "Copied" }).waitFor();
  s.guard.assertClean();
});

test("a wizard can be completed with the keyboard only", async () => {
  const s = await app.newSession({ lang: "pl", locale: "pl-PL" });
  await s.open("/wizard/mall-incomplete-order");
  const page = s.page;
  // From the top of the page: the skip link comes first and moves the focus into the main content.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), "#main", "the skip link is first");
  await page.keyboard.press("Enter");
  for (let step = 0; step < 20; step++) {
    const id = await currentQuestion(page);
    if (id === null) break;
    // After each step the focus is on the new question's heading; Tab reaches the first control.
    await page.keyboard.press("Tab");
    const type = await page.evaluate(() => document.activeElement?.getAttribute("type"));
    if (type === "radio") {
      await page.keyboard.press("Space");
    } else if (type === "date") {
      await page.keyboard.type("20112026");
    } else {
      await page.keyboard.type(id === "order_number" ? "PL-9" : "120");
    }
    const before = await page.locator("form.wizard-step").innerHTML();
    await page.keyboard.press("Enter");
    await page.waitForFunction((html) => document.querySelector("form.wizard-step")?.innerHTML !== html, before);
    if (await currentQuestion(page)) {
      const focused = await page.evaluate(() => document.activeElement?.tagName);
      assert.equal(focused, "H2", "focus moved to the new question");
    }
  }
  // On the summary, Tab to "Utwórz sprawę" and press Enter.
  const create = page.getByRole("button", { name: "Utwórz sprawę" });
  for (let i = 0; i < 200 && !(await create.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/cases\/[^/]+$/);
  s.guard.assertClean();
});
