// The case tracker and its data safety in a real browser: create, filter, search, status, notes, reload;
// export → clear → import round trip; a broken import; two tabs; corrupted storage; newer data; undo delete.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startApp, waitForAppReady } from "./lib/app.mjs";
import { createCase, newCase, walkToSummary } from "./lib/wizard.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});


async function seedTwoCases(s) {
  const a = await newCase(s, "amazon-not-received", { fulfilment: "seller_us", order_number: "112-0000001", buyer_name: "Jane Roe", status: "none" });
  const b = await newCase(s, "wb-lost-goods", { where: "warehouse", order_number: "WB-777", claim_sent: "yes", claim_date: "2026-11-20" });
  return [a, b];
}

test("cases from two scenarios: filter, search, status, note, reload — all kept", async () => {
  const s = await app.newSession({ lang: "en" });
  const [amazonId, wbId] = await seedTwoCases(s);
  const page = s.page;

  await s.open("/cases");
  await page.locator(".case-row").nth(1).waitFor();
  assert.equal(await page.locator(".case-row").count(), 2);
  assert.match(await page.locator("#cases-summary").innerText(), /2 of 2/);

  await page.selectOption("#filter-market", "amazon");
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 1);
  assert.match(await page.locator(".case-row").innerText(), /112-0000001/);
  await page.selectOption("#filter-market", "");
  await page.locator("#case-search").fill("wb-777");
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 1);
  assert.match(await page.locator(".case-row").innerText(), /WB-777/);
  await page.locator("#case-search").fill("nothing-like-this");
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 0);
  await page.locator("#case-search").fill("");

  // Status change and a note on the Wildberries case.
  await s.open(`/cases/${wbId}`);
  await page.selectOption("#new-status", "waiting_marketplace");
  await page.getByRole("button", { name: "Change status" }).click();
  await page.locator(".case-status", { hasText: "Waiting for the marketplace" }).waitFor();
  await page.locator("#note-text").fill("Ticket 55501 opened, support promised an answer in 3 days");
  await page.getByRole("button", { name: "Add note" }).click();
  await page.locator(".timeline li", { hasText: "Ticket 55501" }).waitFor();
  // A checklist tick is saved too.
  const firstCheck = page.locator(".checklist input[type=checkbox]").first();
  await firstCheck.check();
  await page.locator(".timeline li", { hasText: "Done:" }).waitFor();

  await page.reload();
  await waitForAppReady(page);
  await page.locator(".case-status", { hasText: "Waiting for the marketplace" }).waitFor();
  assert.ok(await page.locator(".timeline li", { hasText: "Ticket 55501" }).isVisible());
  assert.ok(await page.locator(".checklist input[type=checkbox]").first().isChecked());

  // Search finds the note text after the reload; the status filter counts it.
  await s.open("/cases");
  await page.locator("#case-search").fill("55501");
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 1);
  await page.locator("#case-search").fill("");
  await page.selectOption("#filter-status", "waiting_marketplace");
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 1);
  assert.ok(amazonId !== wbId);
  s.guard.assertClean();
});

test("export, clear storage, import: the same cases come back", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await seedTwoCases(s);
  await s.open("/cases/");
  await s.open("/settings");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export backup (JSON)" }).click()]);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-")), "backup.json");
  await download.saveAs(file);
  const exported = JSON.parse(await fs.readFile(file, "utf8"));
  assert.equal(exported.app, "claimdesk");
  assert.equal(exported.cases.length, 2);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForAppReady(page);
  await s.open("/cases");
  assert.equal(await page.locator(".case-row").count(), 0);

  await s.open("/settings");
  await page.setInputFiles("#import-file", file);
  await page.locator("#import-file-preview-title").waitFor();
  assert.match(await page.locator(".import-summary").innerText(), /New cases to add: 2/);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.locator("[role=status]", { hasText: "Import finished" }).waitFor();

  await page.reload();
  await waitForAppReady(page);
  const [again] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export backup (JSON)" }).click()]);
  const file2 = file.replace("backup.json", "backup2.json");
  await again.saveAs(file2);
  const reimported = JSON.parse(await fs.readFile(file2, "utf8"));
  const byId = (cases) => Object.fromEntries(cases.map((c) => [c.id, c]));
  assert.deepEqual(byId(reimported.cases), byId(exported.cases), "the cases are identical after the round trip");
  s.guard.assertClean();
});

test("a broken import file shows an error and changes nothing", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await newCase(s, "mall-incomplete-order", { found: "after_delivery", customer_choice: "keep", order_number: "MALL-1" });
  const before = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("claimdesk:cases:")));
  await s.open("/settings");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-bad-"));
  const cases = [
    ["truncated.json", '{"app":"claimdesk","schema":1,"kind":"backup","cases":[{"id":"x"', /ends too early/],
    ["other.json", '{"hello":"world"}', /not made by Claimdesk/],
    ["newer.json", '{"app":"claimdesk","schema":99,"kind":"backup","exported_at":"2026-11-25T00:00:00Z","cases":[]}', /newer Claimdesk/],
    ["picture.json", "\u0089PNG\r\n\u001a\n", /not JSON/],
  ];
  for (const [name, text, message] of cases) {
    const file = path.join(dir, name);
    await fs.writeFile(file, text);
    await page.setInputFiles("#import-file", file);
    await page.locator(".notice.error", { hasText: message }).waitFor();
    assert.equal(await page.locator("#import-file-preview-title").count(), 0, `${name}: no preview`);
  }
  const after = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("claimdesk:cases:")));
  assert.deepEqual(after, before, "storage untouched");
  await s.open("/cases");
  assert.equal(await page.locator(".case-row").count(), 1);
  s.guard.assertClean();
});

test("two tabs: a change in one appears in the other, a stale tab does not overwrite", async () => {
  const s = await app.newSession({ lang: "en" });
  const id = await newCase(s, "ym-not-delivered", { model: "fby", order_number: "YM-42" });
  const other = await s.context.newPage();
  await other.goto(s.url(`/cases/${id}`));
  await waitForAppReady(other);

  // Tab 1 adds a note; tab 2 shows it without a reload.
  await s.page.locator("#note-text").fill("Note from the first tab");
  await s.page.getByRole("button", { name: "Add note" }).click();
  await other.locator(".timeline li", { hasText: "Note from the first tab" }).waitFor();

  // Tab 2 changes the status; tab 1 shows it, and tab 1's later note keeps both changes.
  await other.selectOption("#new-status", "waiting_buyer");
  await other.getByRole("button", { name: "Change status" }).click();
  await s.page.locator(".case-status", { hasText: "Waiting for the buyer" }).waitFor();
  await s.page.locator("#note-text").fill("Second note");
  await s.page.getByRole("button", { name: "Add note" }).click();
  await other.locator(".timeline li", { hasText: "Second note" }).waitFor();
  await other.reload();
  await waitForAppReady(other);
  await other.locator(".case-status", { hasText: "Waiting for the buyer" }).waitFor();
  assert.ok(await other.locator(".timeline li", { hasText: "Note from the first tab" }).isVisible());
  s.guard.assertClean();
});

test("corrupted storage on load: quarantine notice, raw text kept, the rest still works", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await newCase(s, "wb-buyer-refusal", { refusal: "not_collected", order_number: "WB-R1" });
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("claimdesk:cases:")));
  assert.equal(keys.length, 1);
  await page.evaluate((key) => localStorage.setItem(key, '{"schema":1,"codec":"lz4-b15","data":"garbage'), keys[0]);
  await page.reload();
  await waitForAppReady(page);
  await page.locator(".notice.error", { hasText: "could not be read" }).waitFor();
  const quarantined = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("claimdesk:quarantine:")));
  assert.equal(quarantined.length, 1);
  assert.equal(quarantined[0][1], '{"schema":1,"codec":"lz4-b15","data":"garbage', "the raw text is kept exactly");
  // The app keeps working: a new case can be created and the quarantine can be downloaded from settings.
  await newCase(s, "amazon-not-received", { fulfilment: "fba", order_number: "FBA-1" });
  await s.open("/settings");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download", exact: true }).click()]);
  const saved = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-q-")), "q.txt");
  await download.saveAs(saved);
  assert.equal(await fs.readFile(saved, "utf8"), '{"schema":1,"codec":"lz4-b15","data":"garbage');
  s.guard.assertClean();
});

test("data from a newer app version is never overwritten", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await s.open("/");
  const newer = '{"schema":7,"codec":"future","data":"…"}';
  await page.evaluate((v) => localStorage.setItem("claimdesk:cases:00", v), newer);
  await page.reload();
  await waitForAppReady(page);
  await page.locator(".notice.error", { hasText: "newer version of Claimdesk" }).waitFor();
  await s.open("/wizard/amazon-not-received");
  await walkToSummary(page, { fulfilment: "fba", order_number: "N-1" });
  await page.getByRole("button", { name: "Create case" }).click();
  await page.locator(".notice.error", { hasText: "newer Claimdesk" }).first().waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("claimdesk:cases:00")), newer);
  s.guard.assertClean();
});

test("delete asks first and can be undone", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  const id = await newCase(s, "mall-incomplete-order", { found: "before_dispatch", order_number: "DEL-1" });
  await page.getByRole("button", { name: "Delete case" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.ok(page.url().endsWith(`/cases/${id}`));
  await page.getByRole("button", { name: "Delete case" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await page.waitForURL(/\/cases$/);
  assert.equal(await page.locator(".case-row").count(), 0);
  await page.getByRole("button", { name: "Undo" }).click();
  await page.locator(".case-row", { hasText: "DEL-1" }).waitFor();
  await page.reload();
  await waitForAppReady(page);
  await page.locator(".case-row", { hasText: "DEL-1" }).waitFor();
  s.guard.assertClean();
});

test("without requestIdleCallback (Safari) the list loads without errors and search works", async () => {
  const s = await app.newSession({ lang: "en" });
  // Safari has no requestIdleCallback: calling it throws, and the app must fall back to a timer.
  await s.context.addInitScript(() => Object.defineProperty(window, "requestIdleCallback", { value: undefined }));
  await seedTwoCases(s);
  const page = s.page;
  await s.open("/cases");
  await page.locator(".case-row").nth(1).waitFor();
  assert.equal(await page.evaluate(() => typeof window.requestIdleCallback), "undefined");
  await page.waitForTimeout(300); // the timer fallback prepares the search text meanwhile
  await page.locator("#case-search").fill("112-0000001");
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 1);
  assert.match(await page.locator(".case-row").innerText(), /112-0000001/);
  await page.locator("#case-search").fill("Jane");
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 1);
  s.guard.assertClean();
});

test("the case list keeps filter, search and page in its URL: Back and reload return to the same list", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await newCase(s, "amazon-not-received", { fulfilment: "seller_us", order_number: "112-9000000" });
  await newCase(s, "wb-lost-goods", { where: "warehouse", order_number: "WB-112-1", claim_sent: "no" });
  // 60 more Amazon cases (more than one page of 50), imported from a backup of the first one.
  await s.open("/settings");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export backup (JSON)" }).click()]);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-list-"));
  const file = path.join(dir, "backup.json");
  await download.saveAs(file);
  const backup = JSON.parse(await fs.readFile(file, "utf8"));
  const amazon = backup.cases.find((c) => c.order_number === "112-9000000");
  backup.cases = Array.from({ length: 60 }, (_, i) => ({ ...amazon, id: `${amazon.id}-${i}`, order_number: `112-90000${String(i).padStart(2, "0")}x` }));
  const many = path.join(dir, "many.json");
  await fs.writeFile(many, JSON.stringify(backup));
  await page.setInputFiles("#import-file", many);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.locator("[role=status]", { hasText: "Import finished" }).waitFor();

  await s.open("/cases");
  await page.selectOption("#filter-market", "amazon");
  await page.locator("#case-search").fill("112-9000");
  await page.locator("#cases-summary", { hasText: /^61 of 62/ }).waitFor();
  await page.getByRole("button", { name: "Next page" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 11);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("market"), "amazon");
  assert.equal(url.searchParams.get("q"), "112-9000");
  assert.equal(url.searchParams.get("page"), "2");

  const sameList = async (how) => {
    await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 11);
    assert.equal(await page.locator("#case-search").inputValue(), "112-9000", how);
    assert.equal(await page.locator("#filter-market").inputValue(), "amazon", how);
    assert.match(await page.locator(".pager").innerText(), /2\D+2/, `${how}: page 2 of 2`);
    assert.match(await page.locator("#cases-summary").innerText(), /^61 of 62/, how);
  };
  const listURL = page.url();
  await page.locator(".case-row a").first().click();
  await page.waitForURL(/\/cases\/[^/?]+$/);
  await waitForAppReady(page);
  await page.goBack();
  await page.waitForURL(listURL);
  await sameList("after Back");
  await page.reload();
  await waitForAppReady(page);
  await sameList("after reload");
  // A bookmark of the list opens it the same way in a new tab.
  const other = await s.context.newPage();
  await other.goto(listURL);
  await waitForAppReady(other);
  await other.waitForFunction(() => document.querySelectorAll(".case-row").length === 11);
  // Typing replaced the history entry: one Back from page 2 is page 1 of the same search, not a keystroke.
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 50);
  assert.equal(await page.locator("#case-search").inputValue(), "112-9000");
  s.guard.assertClean();
});

test("typed search text reaches the URL after a pause in typing, in one history entry", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  await s.open("/wizard/ym-not-delivered");
  await walkToSummary(page, { model: "fby", order_number: "YM-TYPED" });
  await createCase(page);
  await s.open("/cases");
  const entries = await page.evaluate(() => history.length);
  await page.locator("#case-search").pressSequentially("YM-TY", { delay: 30 });
  // The list follows each keystroke at once...
  await page.locator("#cases-summary", { hasText: /^1 of 1/ }).waitFor();
  // ...and the URL once typing pauses, replacing the entry instead of adding one per keystroke.
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "YM-TY");
  assert.equal(await page.evaluate(() => history.length), entries);
  await page.reload();
  await waitForAppReady(page);
  assert.equal(await page.locator("#case-search").inputValue(), "YM-TY");
  s.guard.assertClean();
});
