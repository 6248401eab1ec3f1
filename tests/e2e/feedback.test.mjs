// Honest feedback: an action announces success only when its change was saved. With the storage quota full,
// adding a note must not say "Note added"; it says which change was not saved and why.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import { startApp } from "./lib/app.mjs";
import { createCase, walkToSummary } from "./lib/wizard.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test("a note refused by a full quota is not announced as added", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await s.open("/wizard/ym-not-delivered");
  await walkToSummary(page, { model: "fby", order_number: "YM-QUOTA" });
  await createCase(page);
  await page.locator("main#main h1").waitFor();

  // From now on every write fails as a full localStorage does, and every announcement is recorded.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    window.__announced = [];
    const region = document.getElementById("live-status");
    new MutationObserver(() => {
      if (region.textContent) window.__announced.push(region.textContent);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });

  await page.locator("#note-text").fill("Called support, no answer");
  await page.getByRole("button", { name: "Add note" }).click();

  await page.locator("#live-status", { hasText: "The note was not saved." }).waitFor();
  const status = await page.locator("#live-status").innerText();
  assert.match(status, /storage is full/);
  const alert = page.locator("main [role=alert]", { hasText: "The note was not saved." });
  await alert.waitFor();
  // Give a late success message the chance to appear before asserting there is none.
  await page.waitForTimeout(300);
  const announced = await page.evaluate(() => window.__announced);
  assert.ok(!announced.some((text) => text.includes("Note added")), `announced: ${JSON.stringify(announced)}`);
  // The text the user typed stays in the field, so it can be saved once space is free.
  assert.equal(await page.locator("#note-text").inputValue(), "Called support, no answer");

  // The same holds for a status change.
  await page.selectOption("#new-status", { index: 1 });
  await page.getByRole("button", { name: "Change status" }).click();
  await page.locator("#live-status", { hasText: "The new status was not saved." }).waitFor();
  const later = await page.evaluate(() => window.__announced);
  assert.ok(!later.some((text) => text === "Case saved"), `announced: ${JSON.stringify(later)}`);
});
