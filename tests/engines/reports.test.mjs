// The Reports page imports one report in the engine named by ENGINE (firefox | webkit): the files worker (its own
// wasm) starts, reads a WB archive holding a CSV and an XLSX, and the page lists what it read and the findings.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { By } from "selenium-webdriver";
import { startServer } from "../e2e/lib/server.mjs";
import { DIST_DIR, REPO_ROOT } from "../e2e/lib/config.mjs";
import { startDriver } from "./lib/driver.mjs";
import { ENGINE, open, setLanguage, waitInPage } from "./lib/app.mjs";

let server, browser;
before(async () => {
  server = await startServer({ dir: DIST_DIR, prefix: "/" });
  browser = await startDriver(ENGINE);
  await setLanguage(browser.driver, server, "en");
});
after(async () => {
  await browser?.stop();
  await server?.stop();
});

test(`${ENGINE}: a WB archive read on the Reports page, with its findings`, async () => {
  const d = browser.driver;
  await open(d, server, "/reports");
  const input = await d.findElement(By.css("#report-files"));
  await input.sendKeys(path.join(REPO_ROOT, "tests", "fixtures", "reports", "wb_reports.zip"));
  const sheets = await waitInPage(
    d,
    () => {
      const items = [...document.querySelectorAll(".report-sheets li")].map((li) => li.textContent);
      return items.length ? items : null;
    },
    [],
    { timeout: 60_000, message: "the import's sheets" },
  );
  assert.equal(sheets.length, 2, sheets.join("\n"));
  assert.match(sheets[0], /Wildberries: supply acceptance/);
  assert.match(sheets[1], /Wildberries: sales report detail/);
  const findings = await d.executeScript(() => document.querySelectorAll(".findings li.finding").length);
  assert.equal(findings, 5);
  assert.match(await d.executeScript(() => document.querySelector(".findings li.finding h3").textContent), /^Accepted short/);
});
