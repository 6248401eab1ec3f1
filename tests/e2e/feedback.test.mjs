// Honest feedback: an action announces success only when its change was saved. With the storage quota full,
// adding a note must not say "Note added"; it says which change was not saved and why. The same for deleting a
// case (the page stays on it), choosing a case's business (its own label, and silence when nothing changed) and
// deleting an unreadable record.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import { startApp, waitForAppReady } from "./lib/app.mjs";
import { addBusiness } from "./lib/business.mjs";
import { createCase, newCase, walkToSummary } from "./lib/wizard.mjs";

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

/** From now on every localStorage write and removal fails as a full or blocked storage does, and every
 * announcement of the live region is recorded in `window.__announced`. */
async function failEveryWrite(page, { removals = false } = {}) {
  await page.evaluate((removals) => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    if (removals) {
      Storage.prototype.removeItem = function () {
        throw new DOMException("The operation is insecure.", "SecurityError");
      };
    }
    window.__announced = [];
    const region = document.getElementById("live-status");
    new MutationObserver(() => {
      if (region.textContent) window.__announced.push(region.textContent);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  }, removals);
}

test("a deletion refused by a full quota keeps the case on screen and says so", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await s.open("/wizard/ym-not-delivered");
  await walkToSummary(page, { model: "fby", order_number: "YM-DELETE" });
  await createCase(page);
  await page.locator("main#main h1").waitFor();
  const casePath = new URL(page.url()).pathname;

  await failEveryWrite(page);
  await page.getByRole("button", { name: "Delete case" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await page.locator("#live-status", { hasText: "The deletion was not saved." }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).pathname, casePath, "the page stays on the case");
  await page.locator("main [role=alert]", { hasText: "The deletion was not saved." }).waitFor();
  assert.ok(await page.getByRole("button", { name: "Delete case" }).isVisible(), "the case is still shown");
  const announced = await page.evaluate(() => window.__announced);
  assert.ok(!announced.some((text) => text.includes("Case deleted")), `announced: ${JSON.stringify(announced)}`);
  s.guard.assertClean();
});

test("the business picker of a case names its own failure and announces nothing when nothing changed", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await s.open("/settings");
  await addBusiness(page, "pl", { legal_name: "Nowak sp. z o.o." });
  await page.locator("#live-status", { hasText: "saved" }).waitFor();
  await addBusiness(page, "pl", { legal_name: "Kowalski S.A." });
  await page.locator(".profile-row label", { hasText: "Kowalski" }).waitFor();
  await newCase(s, "mall-incomplete-order", {});
  await page.locator("#case-profile").waitFor();
  const nowak = await page.locator("#case-profile option", { hasText: "Nowak" }).getAttribute("value");

  await failEveryWrite(page);
  await page.selectOption("#case-profile", nowak);
  await page.locator("#live-status", { hasText: "The business chosen for this case was not saved." }).waitFor();
  let announced = await page.evaluate(() => window.__announced);
  assert.ok(!announced.some((text) => /letter/i.test(text)), `not a letter: ${JSON.stringify(announced)}`);

  // Storage works again (the refused choice stays in this tab's memory, as every unsaved change does): another
  // choice is saved once, then choosing the same business again changes nothing.
  await page.evaluate(() => {
    Storage.prototype.setItem = window.__realSetItem;
  });
  const kowalski = await page.locator("#case-profile option", { hasText: "Kowalski" }).getAttribute("value");
  await page.selectOption("#case-profile", kowalski);
  await page.locator("#live-status", { hasText: "Case saved" }).waitFor();
  await page.evaluate(() => {
    window.__announced = [];
  });
  await page.locator("#case-profile").dispatchEvent("change");
  await page.waitForTimeout(300);
  announced = await page.evaluate(() => window.__announced);
  assert.deepEqual(announced, [], "a choice that changed nothing is not announced as saved");
  s.guard.assertClean();
});

test("deleting an unreadable record that storage refuses to remove says so and keeps it listed", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await s.open("/");
  await page.evaluate(() => localStorage.setItem("claimdesk:cases:00", '{"schema":1,"codec":"lz4-b15","data":"garbage'));
  await page.reload();
  await waitForAppReady(page);
  await s.open("/settings");
  const entry = page.locator("#quarantine li");
  await entry.waitFor();

  await failEveryWrite(page, { removals: true });
  await entry.getByRole("button", { name: "Delete it" }).click();
  await page.locator("#live-status", { hasText: "The unreadable record was not deleted." }).waitFor();
  assert.equal(await page.locator("#quarantine li").count(), 1, "still listed: it is still stored");
  s.guard.assertClean();
});
