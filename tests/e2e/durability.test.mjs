// Data that outlives the browser: a browser that lost its data offers "Restore from a backup" on the start
// screen, through the same preview-and-confirm import as Settings.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startApp, waitForAppReady } from "./lib/app.mjs";
import { CHROMIUM_ARGS, launchPersistentContext } from "./lib/browser.mjs";
import { guardContext } from "./lib/guard.mjs";
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

// The notice about losing data (Chromium): chosen from the facts the page can see.

async function riskAdvice(page) {
  return page.evaluate(() => document.querySelector(".risk-notice")?.dataset.advice ?? null);
}

test("installed (display-mode: standalone): no notice after the first case", async () => {
  // Chromium's app window (--app=URL, what an installed web app opens in) reports display-mode standalone.
  // CDP's Emulation.setEmulatedMedia ignores the display-mode feature in Chromium 156 (checked: matchMedia
  // stays at "browser"), so the test opens a real app window instead.
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-app-window-"));
  const context = await launchPersistentContext(profile, { args: [...CHROMIUM_ARGS, `--app=${app.url("/")}`] });
  try {
    const guard = await guardContext(context, app.origin);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.evaluate(() => localStorage.setItem("claimdesk:lang", "en"));
    await page.goto(app.url("/wizard/ym-not-delivered"));
    await waitForAppReady(page);
    // The fact the app reads really holds in this window.
    assert.equal(await page.evaluate(() => matchMedia("(display-mode: standalone)").matches), true);
    await walkToSummary(page, { model: "fby", order_number: "YM-INSTALLED" });
    await createCase(page);
    await page.locator("main#main h1").waitFor();
    // Give the notice the chance to appear before asserting it did not.
    await page.waitForTimeout(500);
    assert.equal(await riskAdvice(page), null);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("claimdesk:cases:"))), true, "the case was saved");
    guard.assertClean();
  } finally {
    await context.close();
    await fs.rm(profile, { recursive: true, force: true });
  }
});

test("in a tab without an install prompt: the backup advice, dismissed for good", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await s.open("/");
  assert.equal(await page.evaluate(() => matchMedia("(display-mode: standalone)").matches), false);
  await newCase(s, "ym-not-delivered", { model: "fby", order_number: "YM-TAB" });
  await page.locator(".risk-notice").waitFor();
  assert.equal(await riskAdvice(page), "keep-backups");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(".risk-notice").getByRole("button", { name: "Export backup (JSON)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await page.locator(".risk-notice").getByRole("button", { name: "Dismiss" }).click();
  await page.locator(".risk-notice").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => localStorage.getItem("claimdesk:risk-notice-dismissed")), "1");
  await page.reload();
  await waitForAppReady(page);
  assert.equal(await riskAdvice(page), null);
  s.guard.assertClean();
});

test("with the browser's install prompt: Install calls prompt() and the notice goes once accepted", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await s.open("/wizard/ym-not-delivered");
  // The event Chromium fires when the app is installable, with prompt() and userChoice as Chromium has them.
  await page.evaluate(() => {
    const event = new Event("beforeinstallprompt", { cancelable: true });
    window.__prompted = 0;
    event.prompt = async () => {
      window.__prompted += 1;
    };
    event.userChoice = Promise.resolve({ outcome: "accepted", platform: "web" });
    window.__installEvent = event;
    window.dispatchEvent(event);
  });
  assert.equal(await page.evaluate(() => window.__installEvent.defaultPrevented), true, "the mini-infobar is held back");
  await walkToSummary(page, { model: "fby", order_number: "YM-PROMPT" });
  await createCase(page);
  await page.locator(".risk-notice").waitFor();
  assert.equal(await riskAdvice(page), "install");
  await page.locator(".risk-notice").getByRole("button", { name: "Install Claimdesk" }).click();
  await page.locator(".risk-notice").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => window.__prompted), 1);
  s.guard.assertClean();
});
