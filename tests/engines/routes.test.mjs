// Every route renders in each language (ru/en/pl) in the engine named by ENGINE (firefox | webkit).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../e2e/lib/server.mjs";
import { DIST_DIR, LANGUAGES } from "../e2e/lib/config.mjs";
import { startDriver } from "./lib/driver.mjs";
import { ENGINE, open, setLanguage } from "./lib/app.mjs";

const ROUTES = ["/", "/wizard/wb-lost-goods", "/cases", "/settings", "/rules", "/no/such/page"];
let server, browser;

before(async () => {
  server = await startServer({ dir: DIST_DIR, prefix: "/" });
  browser = await startDriver(ENGINE);
});
after(async () => {
  await browser?.stop();
  await server?.stop();
});

for (const lang of LANGUAGES) {
  test(`${ENGINE}: every route renders in ${lang}`, async () => {
    const d = browser.driver;
    await setLanguage(d, server, lang);
    const headings = new Set();
    for (const route of ROUTES) {
      await open(d, server, route);
      const text = await d.executeScript(() => document.querySelector("main#main h1").textContent.trim());
      assert.match(text, /\S/, `${route}: empty heading`);
      assert.equal(await d.executeScript(() => document.documentElement.lang), lang, `${route}: html lang`);
      headings.add(text);
    }
    assert.equal(headings.size, ROUTES.length, `headings repeat: ${[...headings].join(" | ")}`);
  });
}
