// The Reports page (issue 21): report files read by the files worker (its own wasm, never part of the first
// visit), what each file was read as, each file's error, the findings with their amounts, last days and rules;
// a progress bar and Cancel; offline once the worker has been kept; accessible.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";

import { startApp, waitForAppReady, waitForServiceWorkerControl } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { BASE_PATH, REPO_ROOT } from "./lib/config.mjs";

const FIXTURES = path.join(REPO_ROOT, "tests", "fixtures", "reports");
const fixture = (name) => path.join(FIXTURES, name);
const WORKER_FILE = /\/files_worker[-_][^/]*$/;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Picks `files` in the Reports page's file input and waits for the import to end (findings heading shown). */
async function importFiles(page, files) {
  await page.locator("#report-files").setInputFiles(files.map(fixture));
  await page.locator("#report-findings-title").waitFor({ timeout: 60_000 });
}

describe(`Reports page at ${BASE_PATH}`, () => {
  test("the first visit never downloads the files worker; the Reports page starts it and reads a WB archive", async () => {
    const s = await app.newSession({ lang: "en" });
    const requested = [];
    s.page.on("request", (request) => requested.push(request.url()));
    await s.open("/");
    await s.page.waitForLoadState("networkidle");
    assert.deepEqual(requested.filter((url) => WORKER_FILE.test(url)), [], "no worker file on the first visit");

    await s.page.locator("header nav a", { hasText: "Reports" }).click();
    await s.page.waitForURL(/\/reports$/);
    await s.page.locator("main#main h1", { hasText: "Marketplace reports" }).waitFor();
    await importFiles(s.page, ["wb_reports.zip", "empty.csv"]);

    const worker = requested.filter((url) => WORKER_FILE.test(url)).map((url) => new URL(url).pathname.replace(BASE_PATH, ""));
    assert.deepEqual(
      worker.map((f) => f.replace(/[0-9a-f]{16}/, "HASH")).sort(),
      ["files_worker-HASH.js", "files_worker-HASH_bg.wasm", "files_worker_loader-HASH.js"],
      "the worker's three files, from the deploy base",
    );
    const sheets = await s.page.locator(".report-sheets li").allInnerTexts();
    assert.equal(sheets.length, 3);
    assert.match(sheets[0], /Wildberries: supply acceptance: \d+ rows, \d+ columns recognised, header on row 3\./);
    assert.match(sheets[1], /Wildberries: sales report detail: /);
    assert.match(sheets[2], /^empty\.csv: The file is empty\.$/);

    const findings = s.page.locator(".findings li.finding");
    assert.equal(await findings.count(), 5);
    const first = await findings.first().innerText();
    assert.match(first, /^Accepted short at a Wildberries warehouse/);
    assert.match(first, /4600000000011/);
    assert.match(first, /Units\s+2\b/);
    assert.match(first, /1,700\.00|1 700[.,]00/);
    assert.match(first, /12\/10\/2026|10 Dec|December 10, 2026|2026-12-10/);
    assert.match(first, /Wildberries: supply acceptance: 4$/);
    assert.equal(await findings.first().locator(".badge.uncertain").count(), 1, "the 7-day rule is uncertain in the content");
    assert.match(await findings.nth(4).innerText(), /unknown: Claimdesk has no sourced rule for claiming this/);
    await assertAccessible(s.page);
    s.guard.assertClean();
  });

  test("Russian and Polish: kinds, errors and findings in the chosen language", async () => {
    for (const [lang, heading, kind, empty] of [
      ["ru", "Отчёты маркетплейсов", "Wildberries: приёмка поставки", "Файл пустой."],
      ["pl", "Raporty z marketplace’ów", "Wildberries: przyjęcie dostawy", "Plik jest pusty."],
    ]) {
      const s = await app.newSession({ lang });
      await s.open("/reports");
      await s.page.locator("main#main h1", { hasText: heading }).waitFor();
      await importFiles(s.page, ["wb_acceptance_ru.csv", "empty.csv"]);
      const sheets = await s.page.locator(".report-sheets li").allInnerTexts();
      assert.match(sheets[0], new RegExp(`^wb_acceptance_ru\\.csv: ${kind}: `));
      assert.equal(sheets[1], `empty.csv: ${empty}`);
      await assertAccessible(s.page);
      s.guard.assertClean();
      await s.close();
    }
  });

  test("a dismissed finding stays dismissed: a re-import of the same report finds nothing new", async () => {
    const s = await app.newSession({ lang: "en" });
    await s.open("/reports");
    await importFiles(s.page, ["ym_movement.csv"]);
    const findings = s.page.locator(".findings li.finding");
    const count = await findings.count();
    assert.ok(count >= 1, "the Market report has findings");
    for (let left = count; left > 0; left--) {
      await findings.first().getByRole("button", { name: "Dismiss" }).click();
      await s.page.waitForFunction((n) => document.querySelectorAll(".findings li.finding").length === n, left - 1);
      assert.equal(await s.page.evaluate(() => document.activeElement?.id), "report-findings-title", "focus stays in the list");
    }
    assert.equal(await s.page.locator(".findings-none").innerText(), "Nothing new: every finding in these reports was dismissed earlier.");

    // Another visit, the same file again: nothing new, and how many were dismissed.
    await s.page.reload();
    await waitForAppReady(s.page);
    await importFiles(s.page, ["ym_movement.csv"]);
    assert.equal(await findings.count(), 0);
    assert.equal(await s.page.locator(".findings-none").innerText(), "Nothing new: every finding in these reports was dismissed earlier.");
    assert.equal(await s.page.locator(".findings-hidden").innerText(), `Dismissed earlier and not shown: ${count}.`);
    s.guard.assertClean();
  });

  test("a file the app does not recognise: the seller maps its columns, gets the findings, and the mapping is remembered", async () => {
    const s = await app.newSession({ lang: "en" });
    await s.open("/reports");
    await importFiles(s.page, ["unrecognised.csv"]);
    const sheet = await s.page.locator(".report-sheets li").first().innerText();
    assert.match(sheet, /^unrecognised\.csv: Not recognised as a report Claimdesk knows\./);
    assert.equal(await s.page.locator(".findings li").count(), 0);
    assert.equal(await s.page.locator(".findings-none").innerText(), "Nothing to claim in these reports.");
    await assertAccessible(s.page);

    // «Поставка №;ШК;План;Факт;Когда»: a WB acceptance report with captions of the seller's own.
    const form = s.page.locator("form.mapping-form");
    await form.getByLabel("Report").selectOption({ label: "Wildberries: supply acceptance" });
    await form.getByLabel("Supply number").selectOption({ label: "Поставка №" });
    await form.getByLabel("Barcode").selectOption({ label: "ШК" });
    await form.getByLabel("Units declared in the supply").selectOption({ label: "План" });
    await form.getByRole("button", { name: "Read the file this way" }).click();
    assert.equal(await form.getByRole("alert").innerText(), "Choose the column for “Units accepted”.");
    await form.getByLabel("Units accepted").selectOption({ label: "План" });
    await form.getByRole("button", { name: "Read the file this way" }).click();
    assert.equal(await form.getByRole("alert").innerText(), "“Units declared in the supply” and “Units accepted” cannot share one column.");
    await form.getByLabel("Units accepted").selectOption({ label: "Факт" });
    await form.getByRole("button", { name: "Read the file this way" }).click();

    await s.page.locator(".findings li.finding").first().waitFor({ timeout: 60_000 });
    assert.match(await s.page.locator(".report-sheets li").first().innerText(), /^unrecognised\.csv: Wildberries: supply acceptance: /);
    const finding = await s.page.locator(".findings li.finding").first().innerText();
    assert.match(finding, /^Accepted short at a Wildberries warehouse/);
    assert.match(finding, /4600000000080/);
    assert.match(finding, /Units\s+2\b/);

    // The next visit reads a file of this layout at once.
    await s.page.reload();
    await waitForAppReady(s.page);
    await importFiles(s.page, ["unrecognised.csv"]);
    assert.equal(await s.page.locator("form.mapping-form").count(), 0);
    assert.equal(await s.page.locator(".findings li.finding").count(), 1);
    s.guard.assertClean();
  });

  test("a hostile archive is refused by name, and the page stays usable", async () => {
    const s = await app.newSession({ lang: "en" });
    await s.open("/reports");
    await importFiles(s.page, ["bomb.zip", "truncated.zip", "ym_movement.csv"]);
    const sheets = await s.page.locator(".report-sheets li").allInnerTexts();
    assert.ok(sheets.some((t) => /^bomb\.zip.*: The archive is packed far tighter than any report can be/.test(t)), sheets.join("\n"));
    assert.ok(sheets.some((t) => /^truncated\.zip.*: The ZIP archive is damaged or cut short/.test(t)), sheets.join("\n"));
    assert.ok(sheets.some((t) => /^ym_movement\.csv: Yandex Market: goods movement: /.test(t)), sheets.join("\n"));
    s.guard.assertClean();
  });

  test("once the worker has been kept, Reports works offline", async () => {
    const server = await app.startServer();
    const s = await app.newSession({ lang: "en", server });
    await s.open("/");
    await waitForServiceWorkerControl(s.page);
    // A visit the service worker answers keeps the worker's files in the background, as it keeps the packs.
    await s.page.waitForFunction(
      async () => {
        const names = await caches.keys();
        for (const name of names) {
          const urls = (await (await caches.open(name)).keys()).map((r) => r.url);
          if (urls.filter((u) => /\/files_worker[-_]/.test(u)).length === 3) return true;
        }
        return false;
      },
      null,
      { timeout: 30_000, polling: 200 },
    );
    await server.stop();
    await s.context.setOffline(true);
    await s.page.goto(s.url("/reports"));
    await waitForAppReady(s.page);
    await importFiles(s.page, ["ym_movement.csv"]);
    assert.equal(await s.page.locator(".report-sheets li").count(), 1);
    s.guard.assertClean();
  });
});
