// The data-safety walk of tests/e2e/cases.test.mjs, feedback.test.mjs and shell.test.mjs in the engine named
// by ENGINE (firefox | webkit): a case edited and found after a reload; export → clear → import; offline
// reload after the first visit; two tabs; corrupted storage → quarantine notice; a really full quota → the
// alert. Each test gets a server of its own, so a new origin with empty storage and no service worker.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { By } from "selenium-webdriver";
import { startServer } from "../e2e/lib/server.mjs";
import { DIST_DIR } from "../e2e/lib/config.mjs";
import { startDriver } from "./lib/driver.mjs";
import {
  ENGINE, clickButton, createCase, open, routeURL, setLanguage, setValue, waitForAppReady,
  waitForServiceWorkerControl, waitForText, waitInPage, walkToSummary,
} from "./lib/app.mjs";

let browser, downloads;
const servers = [];
before(async () => {
  downloads = await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-downloads-"));
  browser = await startDriver(ENGINE, { downloadDir: downloads });
});
after(async () => {
  await browser?.stop();
  await Promise.allSettled(servers.map((s) => s.stop()));
  await fs.rm(downloads, { recursive: true, force: true });
});

/** A fresh origin with the language set to English. */
async function freshSite() {
  const server = await startServer({ dir: DIST_DIR, prefix: "/" });
  servers.push(server);
  await setLanguage(browser.driver, server, "en");
  return server;
}

async function newCase(d, server, scenario, answers) {
  await open(d, server, `/wizard/${scenario}`);
  await walkToSummary(d, answers);
  return createCase(d);
}

async function reload(d) {
  await d.navigate().refresh();
  await waitForAppReady(d);
}

test(`${ENGINE}: a case edited (status, note, checklist) is found so after a reload`, async () => {
  const d = browser.driver;
  const server = await freshSite();
  const id = await newCase(d, server, "wb-lost-goods", { where: "warehouse", order_number: "WB-777", claim_sent: "yes", claim_date: "2026-11-20" });
  await setValue(d, "#new-status", "waiting_marketplace");
  await clickButton(d, /^Change status$/);
  await waitForText(d, ".case-status", /Waiting for the marketplace/);
  await setValue(d, "#note-text", "Ticket 55501 opened");
  await clickButton(d, /^Add note$/);
  await waitForText(d, ".timeline li", /Ticket 55501/);
  await d.findElement(By.css(".checklist input[type=checkbox]")).click();
  await waitForText(d, ".timeline li", /Done:/);

  await reload(d);
  assert.match(await d.getCurrentUrl(), new RegExp(`/cases/${id}$`));
  await waitForText(d, ".case-status", /Waiting for the marketplace/);
  await waitForText(d, ".timeline li", /Ticket 55501/);
  assert.ok(await d.executeScript(() => document.querySelector(".checklist input[type=checkbox]").checked), "the tick is kept");
  await open(d, server, "/cases");
  await setValue(d, "#case-search", "55501");
  await waitInPage(d, () => document.querySelectorAll(".case-row").length === 1, [], { message: "search finds the note" });
});

/** Records every Blob the app turns into a download URL, so a test can read what was offered. */
function captureBlobs(d) {
  return d.executeScript(() => {
    window.__blobs = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => (window.__blobs.push(blob), create.call(URL, blob));
  });
}

function lastBlobText(d) {
  return d.executeAsyncScript((done) => window.__blobs.at(-1).text().then(done, (e) => done(`error: ${e}`)));
}

/** Picks `file` in the file input `css`: WebDriver's own file upload (Element Send Keys with a path). */
async function pickFile(d, css, file) {
  await d.findElement(By.css(css)).sendKeys(file);
}

test(`${ENGINE}: export, clear storage, import: the same cases come back`, async () => {
  const d = browser.driver;
  const server = await freshSite();
  await newCase(d, server, "amazon-not-received", { fulfilment: "fba", order_number: "112-0000001" });
  await newCase(d, server, "mall-incomplete-order", { found: "before_dispatch", order_number: "MALL-1" });
  await open(d, server, "/settings");
  await captureBlobs(d);
  await clickButton(d, /^Export backup \(JSON\)$/);
  await waitInPage(d, () => window.__blobs.length === 1, [], { message: "the export made a download" });
  const text = await lastBlobText(d);
  const exported = JSON.parse(text);
  assert.equal(exported.app, "claimdesk");
  assert.equal(exported.cases.length, 2);
  if (ENGINE === "firefox") {
    // Firefox saves the real download into the profile's download folder (see lib/driver.mjs).
    const saved = await waitForFile(downloads);
    assert.equal(await fs.readFile(saved, "utf8"), text, "the downloaded file is the export");
  }
  const file = path.join(downloads, "to-import.json");
  await fs.writeFile(file, text);

  await d.executeScript(() => localStorage.clear());
  await reload(d);
  await open(d, server, "/cases");
  assert.equal(await d.executeScript(() => document.querySelectorAll(".case-row").length), 0, "storage is empty");

  await open(d, server, "/settings");
  await pickFile(d, "#import-file", file);
  await waitForText(d, ".import-summary", /New cases to add: 2/);
  await clickButton(d, /^Import$/);
  await waitForText(d, "[role=status]", /Import finished/);
  await reload(d);
  await captureBlobs(d);
  await clickButton(d, /^Export backup \(JSON\)$/);
  await waitInPage(d, () => window.__blobs.length === 1);
  const again = JSON.parse(await lastBlobText(d));
  const byId = (cases) => Object.fromEntries(cases.map((c) => [c.id, c]));
  assert.deepEqual(byId(again.cases), byId(exported.cases), "the cases are identical after the round trip");
});

async function waitForFile(dir, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const done = (await fs.readdir(dir)).filter((f) => f.endsWith(".json") && f !== "to-import.json");
    if (done.length) return path.join(dir, done[0]);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no download appeared in ${dir}`);
}

test(`${ENGINE}: after a first visit the app reloads offline, deep links included`, async () => {
  const d = browser.driver;
  const server = await freshSite();
  await open(d, server, "/");
  await waitForServiceWorkerControl(d);
  const cases = routeURL(server, "/cases");
  // Stopping the server makes the site truly unreachable; neither driver offers network emulation.
  await server.stop();
  await d.get(routeURL(server, "/"));
  await waitForAppReady(d);
  await d.get(cases);
  await waitForAppReady(d);
  assert.ok(await d.executeScript(() => document.querySelector("main#main h1").textContent.trim().length > 0));
  assert.ok(await d.executeScript(() => Boolean(navigator.serviceWorker.controller)), "served by the worker");
});

test(`${ENGINE}: two tabs: a change in one appears in the other`, async () => {
  const d = browser.driver;
  const server = await freshSite();
  const id = await newCase(d, server, "ym-not-delivered", { model: "fby", order_number: "YM-42" });
  const first = await d.getWindowHandle();
  await d.switchTo().newWindow("tab");
  const second = await d.getWindowHandle();
  try {
    await open(d, server, `/cases/${id}`);
    await d.switchTo().window(first);
    await setValue(d, "#note-text", "Note from the first tab");
    await clickButton(d, /^Add note$/);
    await d.switchTo().window(second);
    await waitForText(d, ".timeline li", /Note from the first tab/);
    await setValue(d, "#new-status", "waiting_buyer");
    await clickButton(d, /^Change status$/);
    await d.switchTo().window(first);
    await waitForText(d, ".case-status", /Waiting for the buyer/);
    // The first tab's later note keeps the second tab's status (no stale overwrite).
    await setValue(d, "#note-text", "Second note");
    await clickButton(d, /^Add note$/);
    await reload(d);
    await waitForText(d, ".case-status", /Waiting for the buyer/);
    await waitForText(d, ".timeline li", /Note from the first tab/);
    await waitForText(d, ".timeline li", /Second note/);
  } finally {
    await d.switchTo().window(second);
    await d.close();
    await d.switchTo().window(first);
  }
});

test(`${ENGINE}: corrupted storage on load: quarantine notice, raw text kept`, async () => {
  const d = browser.driver;
  const server = await freshSite();
  await newCase(d, server, "wb-buyer-refusal", { refusal: "not_collected", order_number: "WB-R1" });
  const garbage = '{"schema":1,"codec":"lz4-b15","data":"garbage';
  const keys = await d.executeScript(() => Object.keys(localStorage).filter((k) => k.startsWith("claimdesk:cases:")));
  assert.equal(keys.length, 1);
  await d.executeScript((k, v) => localStorage.setItem(k, v), keys[0], garbage);
  await reload(d);
  await waitForText(d, ".notice.error", /could not be read/);
  const kept = await d.executeScript(() =>
    Object.entries(localStorage).filter(([k]) => k.startsWith("claimdesk:quarantine:")).map(([, v]) => v),
  );
  assert.deepEqual(kept, [garbage], "the raw text is kept exactly");
  await newCase(d, server, "amazon-not-received", { fulfilment: "fba", order_number: "FBA-1" });
});

test(`${ENGINE}: a really full quota: the note is not announced as added, the alert says storage is full`, async (t) => {
  const d = browser.driver;
  const server = await freshSite();
  await newCase(d, server, "ym-not-delivered", { model: "fby", order_number: "YM-QUOTA" });
  // Fill the origin's localStorage with the engine's own limits, halving the chunk at each refusal; the first
  // refusal is the engine's real error, which the app's classifier must recognise.
  const error = await d.executeScript(() => {
    let chunk = 1 << 20;
    let first = null;
    for (let i = 0; chunk >= 16; i++) {
      try {
        localStorage.setItem(`filler-${i}`, "x".repeat(chunk));
      } catch (e) {
        first ??= { name: e.name, code: e.code, message: String(e.message) };
        chunk >>= 1;
      }
    }
    return first;
  });
  assert.ok(error, "the engine refused a write at some point");
  t.diagnostic(`${ENGINE} quota error: name=${error.name} code=${error.code} message=${error.message}`);
  await setValue(d, "#note-text", "Called support, no answer");
  await clickButton(d, /^Add note$/);
  await waitForText(d, "main [role=alert]", /The note was not saved\./);
  await waitForText(d, "#live-status", /storage is full/);
  assert.equal(await d.executeScript(() => document.querySelector("#note-text").value), "Called support, no answer");
  assert.ok(!(await d.executeScript(() => document.querySelector("#live-status").textContent.includes("Note added"))));
  await d.executeScript(() => Object.keys(localStorage).filter((k) => k.startsWith("filler-")).forEach((k) => localStorage.removeItem(k)));
});
