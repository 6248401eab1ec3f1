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
import { createCase, newCase, walkToSummary } from "./lib/wizard.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

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
  // Chromium can keep a backup file up to date: the notice points there.
  assert.equal(await page.locator(".risk-notice").getByRole("link", { name: "Set up automatic backup" }).count(), 1);
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

// Automatic backup (File System Access API). The picker is a native dialog a test cannot click, so
// showSaveFilePicker is replaced by one that returns a real file handle from the Origin Private File System:
// everything after the picker (IndexedDB, permission, createWritable → write → close) is the browser's own.

const OPFS_NAME = "auto-backup.json";

async function stubPicker(context) {
  await context.addInitScript((name) => {
    window.showSaveFilePicker = async (options) => {
      window.__pickerOptions = options;
      const root = await navigator.storage.getDirectory();
      return root.getFileHandle(name, { create: true });
    };
  }, OPFS_NAME);
}

async function readOpfs(page) {
  return page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    const file = await (await root.getFileHandle(name, { create: true })).getFile();
    return file.text();
  }, OPFS_NAME);
}

test("automatic backup: chosen once, written after a change, restored from the start screen", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await stubPicker(s.context);
  await s.open("/settings");
  await page.locator("#auto-backup-title").waitFor();
  await page.getByRole("button", { name: "Choose a backup file" }).click();
  await page.locator("#auto-backup-state[data-state=on]", { hasText: OPFS_NAME }).waitFor();
  assert.equal(await page.evaluate(() => window.__pickerOptions.suggestedName), "claimdesk-auto-backup.json");
  // The first backup is written at once (no case yet: a valid, empty backup).
  await page.locator("#auto-backup-last", { hasText: /^Last written: / }).waitFor();
  assert.deepEqual(JSON.parse(await readOpfs(page)).cases, []);

  // A page load later (the handle comes back from IndexedDB), a new case is written to the file.
  const id = await newCase(s, "ym-not-delivered", { model: "fby", order_number: "YM-AUTO" });
  let backup;
  for (let i = 0; i < 40; i++) {
    const text = await readOpfs(page);
    backup = text ? JSON.parse(text) : null;
    if (backup?.cases?.length) break;
    await page.waitForTimeout(250);
  }
  assert.equal(backup.app, "claimdesk");
  assert.deepEqual(backup.cases.map((c) => c.id), [id]);
  assert.match(JSON.stringify(backup.cases[0]), /YM-AUTO/);
  await s.open("/settings");
  await page.locator("#auto-backup-state[data-state=on]").waitFor();
  assert.match(await page.locator("#auto-backup-last").innerText(), /^Last written: /);

  // The browser loses its localStorage; the seller restores from the automatic backup file.
  const content = await readOpfs(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForAppReady(page);
  await s.open("/");
  // The empty browser does not overwrite the file that still holds the case: writing is held.
  const held = page.locator("#auto-backup-held");
  await held.waitFor();
  assert.match(await held.innerText(), /This browser holds no cases, so nothing is written to auto-backup\.json/);
  await page.setInputFiles("#restore-file", { name: OPFS_NAME, mimeType: "application/json", buffer: Buffer.from(content) });
  await page.locator("#restore-file-preview-title").waitFor();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.locator("[role=status]", { hasText: "Import finished" }).waitFor();
  // Still held after the import (longer than the 2 s delay): the file is the one restored from.
  await page.waitForTimeout(2_500);
  assert.equal(await readOpfs(page), content, "the file is untouched while held");
  await held.getByRole("button", { name: `Go on writing to ${OPFS_NAME}` }).click();
  await held.waitFor({ state: "detached" });
  await page.waitForFunction(async (name) => {
    const root = await navigator.storage.getDirectory();
    const text = await (await (await root.getFileHandle(name)).getFile()).text();
    return JSON.parse(text).cases.some((c) => JSON.stringify(c).includes("YM-AUTO"));
  }, OPFS_NAME, { timeout: 10_000 });
  await page.reload();
  await waitForAppReady(page);
  await s.open(`/cases/${id}`);
  assert.match(await page.locator("main#main").innerText(), /YM-AUTO/);
  s.guard.assertClean();
});

test("automatic backup is not offered where the browser has no showSaveFilePicker", async () => {
  const s = await app.newSession({ lang: "en" });
  await s.context.addInitScript(() => {
    delete window.showSaveFilePicker;
    delete Window.prototype.showSaveFilePicker;
  });
  await s.open("/settings");
  assert.equal(await s.page.evaluate(() => "showSaveFilePicker" in window), false);
  assert.equal(await s.page.locator("#auto-backup-title").count(), 0);
  s.guard.assertClean();
});

test("automatic backup after a reload: paused until one click allows writing again", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  await stubPicker(s.context);
  // A file handle as Chromium hands it back from IndexedDB after a restart: permission to be asked again.
  await s.context.addInitScript(() => {
    window.__asked = 0;
    const proto = FileSystemHandle.prototype;
    const query = proto.queryPermission;
    proto.queryPermission = async function (descriptor) {
      return sessionStorage.getItem("regranted") || !sessionStorage.getItem("reloaded") ? query.call(this, descriptor) : "prompt";
    };
    proto.requestPermission = async function () {
      window.__asked += 1;
      sessionStorage.setItem("regranted", "1");
      return "granted";
    };
  });
  await s.open("/settings");
  await page.getByRole("button", { name: "Choose a backup file" }).click();
  await page.locator("#auto-backup-state[data-state=on]").waitFor();
  await page.evaluate(() => sessionStorage.setItem("reloaded", "1"));
  await s.open("/");
  const banner = page.locator("#auto-backup-paused");
  await banner.waitFor();
  assert.match(await banner.innerText(), new RegExp(`${OPFS_NAME.replace(".", "\\.")} is paused`));
  await banner.getByRole("button", { name: `Allow writing to ${OPFS_NAME}` }).click();
  await banner.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => window.__asked), 1);
  // Writing works again: a new case reaches the file.
  await newCase(s, "ym-not-delivered", { model: "fby", order_number: "YM-REGRANT" });
  await page.waitForFunction(async (name) => {
    const root = await navigator.storage.getDirectory();
    return (await (await root.getFileHandle(name)).getFile()).text().then((t) => t.includes("YM-REGRANT"));
  }, OPFS_NAME, { timeout: 10_000 });
  s.guard.assertClean();
});

test("persist() is requested when the first case is saved, and Settings shows the answer", async () => {
  const s = await app.newSession({ lang: "en" });
  const page = s.page;
  // Counts the calls and answers as a browser that grants persistence (the real answer depends on the profile).
  await s.context.addInitScript(() => {
    const calls = JSON.parse(sessionStorage.getItem("persist-calls") || "0");
    sessionStorage.setItem("persist-calls", String(calls));
    StorageManager.prototype.persist = async function () {
      sessionStorage.setItem("persist-calls", String(Number(sessionStorage.getItem("persist-calls")) + 1));
      sessionStorage.setItem("granted", "1");
      return true;
    };
    StorageManager.prototype.persisted = async () => sessionStorage.getItem("granted") === "1";
  });
  await s.open("/settings");
  const state = page.locator("#persistence-state");
  await page.locator("#persistence-state[data-state=BestEffort]").waitFor();
  assert.match(await state.innerText(), /may delete this data when space runs low/);
  const notes = await page.locator(".persistence-notes li").allInnerTexts();
  assert.equal(notes.length, 3);
  assert.match(notes[0], /^Chrome, Edge and other Chromium browsers answer without asking you/);
  assert.match(notes[1], /^Firefox may ask you/);
  assert.match(notes[2], /7 days without a visit/);
  assert.equal(await page.evaluate(() => sessionStorage.getItem("persist-calls")), "0", "nothing asked before a case exists");

  await newCase(s, "ym-not-delivered", { model: "fby", order_number: "YM-PERSIST" });
  await page.waitForFunction(() => sessionStorage.getItem("persist-calls") === "1");
  await s.open("/settings");
  await page.locator("#persistence-state[data-state=Granted]").waitFor();
  assert.match(await state.innerText(), /promised to keep this data/);
  assert.equal(await page.getByRole("button", { name: "Ask the browser to keep my data" }).count(), 0);
  s.guard.assertClean();
});
