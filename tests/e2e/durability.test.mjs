// Data that outlives the browser: a browser that lost its data offers "Restore from a backup" on the start
// screen, through the same preview-and-confirm import as Settings.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startApp, waitForAppReady } from "./lib/app.mjs";
import { createCase, walkToSummary } from "./lib/wizard.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function newCase(s, scenario, answers) {
  await s.open(`/wizard/${scenario}`);
  await walkToSummary(s.page, answers);
  const id = await createCase(s.page);
  await s.page.locator("main#main h1").waitFor();
  return id;
}

/** Exports a backup through Settings and returns the path of the downloaded file. */
async function exportBackup(s) {
  await s.open("/settings");
  const [download] = await Promise.all([
    s.page.waitForEvent("download"),
    s.page.getByRole("button", { name: "Export backup (JSON)" }).click(),
  ]);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-restore-")), "backup.json");
  await download.saveAs(file);
  return file;
}

test("the start screen offers a restore only while no case is stored", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await s.open("/");
  const restore = page.locator("section.restore");
  await restore.waitFor();
  assert.match(await restore.locator("h2").innerText(), /Had cases here before\?/);
  assert.equal(await page.getByLabel("Restore from a backup").count(), 1, "the file input is labelled");

  await newCase(s, "ym-not-delivered", { model: "fby", order_number: "YM-HOME" });
  await s.open("/");
  assert.equal(await restore.count(), 0, "no restore offer once cases exist");
  s.guard.assertClean();
});

test("lost data comes back from the start screen: pick the backup, preview, confirm", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  const id = await newCase(s, "wb-lost-goods", { where: "warehouse", order_number: "WB-RESTORE", claim_sent: "yes", claim_date: "2026-11-20" });
  const file = await exportBackup(s);

  // The browser loses everything (site data cleared, Safari's 7-day rule, a new device).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForAppReady(page);
  await s.open("/");

  await page.setInputFiles("#restore-file", file);
  await page.locator("#restore-file-preview-title").waitFor();
  assert.match(await page.locator("section.restore .import-summary").innerText(), /New cases to add: 1/);
  // Nothing is written before the confirmation.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("claimdesk:cases:")).length);
  assert.equal(stored, 0, "nothing stored before Import is pressed");

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.locator("[role=status]", { hasText: "Import finished" }).waitFor();
  await page.locator("section.restore").waitFor({ state: "detached" });

  // The case is stored, not only shown: it survives a reload.
  await page.reload();
  await waitForAppReady(page);
  await s.open(`/cases/${id}`);
  assert.match(await page.locator("main#main").innerText(), /WB-RESTORE/);
  s.guard.assertClean();
});

test("a broken file on the start screen shows an error and stores nothing", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await s.open("/");
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-bad-")), "other.json");
  await fs.writeFile(file, '{"hello":"world"}');
  await page.setInputFiles("#restore-file", file);
  await page.locator("section.restore .notice.error", { hasText: /not made by Claimdesk/ }).waitFor();
  assert.equal(await page.locator("#restore-file-preview-title").count(), 0);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("claimdesk:cases:")).length);
  assert.equal(stored, 0);
  s.guard.assertClean();
});
