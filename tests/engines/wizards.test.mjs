// Every scenario walked to "Create case" in the engine named by ENGINE (firefox | webkit), with the answers
// the Chromium tour uses (tests/e2e/lib/tour.mjs), and the five cases listed afterwards.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../e2e/lib/server.mjs";
import { DIST_DIR } from "../e2e/lib/config.mjs";
import { SCENARIOS, scenarioAnswers } from "../e2e/lib/tour.mjs";
import { startDriver } from "./lib/driver.mjs";
import { ENGINE, createCase, open, setLanguage, walkToSummary } from "./lib/app.mjs";

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

const answers = scenarioAnswers("en");
const created = [];
for (const scenario of SCENARIOS) {
  test(`${ENGINE}: ${scenario} reaches Create case`, async () => {
    const d = browser.driver;
    await open(d, server, `/wizard/${scenario}`);
    const asked = await walkToSummary(d, answers[scenario]);
    assert.ok(asked.length >= 2, `at least two questions were asked: ${asked}`);
    assert.ok(await d.executeScript(() => document.querySelectorAll(".plan-outcome .plan-item").length > 0), "the plan lists an outcome");
    const id = await createCase(d);
    assert.match(id, /^[0-9a-z-]+$/);
    created.push(answers[scenario].order_number);
  });
}

test(`${ENGINE}: the case list shows every case created`, async () => {
  const d = browser.driver;
  await open(d, server, "/cases");
  const rows = await d.executeScript(() => [...document.querySelectorAll(".case-row")].map((r) => r.textContent));
  assert.equal(rows.length, SCENARIOS.length);
  for (const order of created) assert.ok(rows.some((r) => r.includes(order)), `${order} listed: ${rows}`);
});
