// @both-bases (its pre-rendered pages and links carry the deploy base). The first visit before the wasm has
// arrived: the pages pre-rendered at build time (tools/prerender.mjs) show real content in the language the app
// will pick, their links work, and the app then takes over in place.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import { startApp, waitForAppReady } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { BASE_PATH, LANGUAGES, REPO_ROOT } from "./lib/config.mjs";
import { readTable } from "./lib/locales.mjs";

const BROWSER_LOCALE = { ru: "ru-RU", en: "en-GB", pl: "pl-PL" };
const SCENARIOS = readdirSync(path.join(REPO_ROOT, "content", "scenarios"))
  .filter((name) => name.endsWith(".toml"))
  .map((name) => name.replace(/\.toml$/, ""));
const TABLES = Object.fromEntries(LANGUAGES.map((lang) => [lang, readTable(lang)]));
const text = (lang, key) => TABLES[lang].get(key);

/** Holds every wasm request until release() is called (or aborts them all with `abort: true`). */
async function holdWasm(context, { abort = false } = {}) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route("**/*.wasm", async (route) => {
    if (abort) return route.abort();
    await released;
    await route.continue();
  });
  return { release };
}

/** The one visible element matching `selector` (fails when there is none or several). */
async function visibleText(page, selector) {
  const visible = page.locator(`${selector}:visible`);
  assert.equal(await visible.count(), 1, `exactly one visible ${selector}`);
  return (await visible.innerText()).trim();
}

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

describe("pre-rendered home with the wasm blocked", () => {
  for (const lang of LANGUAGES) {
    test(`shows the scenarios as links in the browser's language (${lang})`, async () => {
      const s = await app.newSession({ locale: BROWSER_LOCALE[lang] });
      await holdWasm(s.context, { abort: true });
      await s.page.goto(s.url("/"));

      assert.equal(await s.page.evaluate(() => document.documentElement.lang), lang, "<html lang> before the app runs");
      assert.equal(await visibleText(s.page, "h1"), text(lang, "home.what_happened"));
      assert.equal(await s.page.title(), `${text(lang, "title.home")} — Claimdesk`);
      for (const other of LANGUAGES.filter((l) => l !== lang)) {
        assert.equal(await s.page.locator(`[data-prerender="${other}"]`).isVisible(), false, `the ${other} copy is hidden`);
      }

      const cards = s.page.locator("a[data-scenario]:visible");
      assert.equal(await cards.count(), SCENARIOS.length, "one link per scenario");
      const hrefs = await cards.evaluateAll((links) => links.map((a) => a.href));
      assert.deepEqual(
        [...hrefs].sort(),
        SCENARIOS.map((id) => s.url(`/wizard/${id}`)).sort(),
        "each card links to its wizard under the deploy base",
      );
      assert.deepEqual(s.guard.cspViolations, [], "no Content-Security-Policy violation");

      // The link works without the app: the wizard's own pre-rendered page, in the same language.
      await cards.first().click();
      await s.page.waitForURL(hrefs[0]);
      assert.equal(await s.page.evaluate(() => document.documentElement.lang), lang);
      assert.ok((await visibleText(s.page, "h1")).length > 0, "the wizard page has its heading");
      assert.ok(await s.page.locator("form:visible, fieldset:visible").count(), "the wizard's first question is shown");
    });
  }

  test("a remembered language wins over the browser's", async () => {
    const s = await app.newSession({ locale: "en-US", lang: "pl" });
    await holdWasm(s.context, { abort: true });
    await s.page.goto(s.url("/"));
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), "pl");
    assert.equal(await visibleText(s.page, "h1"), text("pl", "home.what_happened"));
  });

  test("a language the app does not have falls back to English", async () => {
    const s = await app.newSession({ locale: "de-DE" });
    await holdWasm(s.context, { abort: true });
    await s.page.goto(s.url("/"));
    assert.equal(await visibleText(s.page, "h1"), text("en", "home.what_happened"));
  });

  test("home, a wizard's first question and the loading pages pass axe", async () => {
    const s = await app.newSession({ locale: "ru-RU" });
    await holdWasm(s.context, { abort: true });
    for (const route of ["/", "/wizard/wb-lost-goods", "/cases", "/no/such/page"]) {
      await s.page.goto(s.url(route));
      await assertAccessible(s.page);
    }
  });
});

describe("pages whose content is stored", () => {
  const pages = [
    { route: "/cases", title: "title.cases", loading: "loading.cases" },
    { route: "/stats", title: "title.stats", loading: "loading.stats" },
    { route: "/settings", title: "title.settings", loading: "loading.settings" },
    { route: "/rules", title: "title.rules", loading: "loading.rules" },
    { route: "/cases/no-such-case", title: "app.name", loading: "loading.app", status: 404 },
  ];
  for (const { route, title, loading, status = 200 } of pages) {
    test(`${route} says what is loading, then the app draws it`, async () => {
      const s = await app.newSession({ locale: "ru-RU" });
      const wasm = await holdWasm(s.context);
      const response = await s.page.goto(s.url(route));
      assert.equal(response.status(), status, "GitHub Pages' answer for this address");
      assert.equal(await visibleText(s.page, "h1"), text("ru", title));
      assert.equal(await visibleText(s.page, "p.loading"), text("ru", loading));

      wasm.release();
      await waitForAppReady(s.page);
      assert.equal(await s.page.locator("[data-prerender]").count(), 0, "the pre-rendered copies are gone");
      // A lazily loaded page keeps its loading line until its chunk has arrived (src/ui/lazy.rs), then draws.
      await s.page.locator("p.loading").waitFor({ state: "detached" });
      s.guard.assertClean();
    });
  }
});

describe("the app takes over", () => {
  test("in place: nothing moves, the layout does not shift", async () => {
    const s = await app.newSession({ locale: "pl-PL" });
    await s.context.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const wasm = await holdWasm(s.context);
    await s.page.goto(s.url("/"));
    const boxes = () =>
      s.page.evaluate(() =>
        ["h1", "a[data-scenario]", "header nav", ".restore"].map((selector) => {
          const element = [...document.querySelectorAll(selector)].find((e) => e.getBoundingClientRect().height > 0);
          const box = element.getBoundingClientRect();
          return { selector, x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
        }),
      );
    const before = await boxes();

    wasm.release();
    await waitForAppReady(s.page);
    assert.equal(await s.page.locator("[data-prerender]").count(), 0, "the pre-rendered copies are gone");
    assert.deepEqual(await boxes(), before, "headings, cards, navigation and the restore box keep their place and size");
    const shift = await s.page.evaluate(() => window.__shift);
    assert.ok(shift < 0.05, `cumulative layout shift ${shift} < 0.05`);
    assert.equal(await s.page.locator("main#main h1").innerText(), text("pl", "home.what_happened"));
    s.guard.assertClean();
  });

  test("a link clicked before the wasm is ready leads to the right page", async () => {
    const s = await app.newSession({ locale: "en-US" });
    const wasm = await holdWasm(s.context);
    await s.page.goto(s.url("/"));
    const card = s.page.locator("a[data-scenario]:visible").nth(2);
    const scenario = await card.getAttribute("data-scenario");
    await card.click();
    await s.page.waitForURL(s.url(`/wizard/${scenario}`));

    wasm.release();
    await waitForAppReady(s.page);
    assert.equal(new URL(s.page.url()).pathname, `${BASE_PATH}wizard/${scenario}`);
    assert.ok(await s.page.locator("main#main form").isVisible(), "the app shows that wizard's question");
    s.guard.assertClean();
  });
});

describe("language packs (the texts of one language each, not in the wasm)", () => {
  test("a first visit's page downloads only the pack of its language (the service worker keeps the others after)", async () => {
    const s = await app.newSession({ locale: "pl-PL" });
    // The page's own requests: the worker's install, which starts once the app is usable, fetches every pack.
    const byPage = [];
    s.page.on("request", (request) => byPage.push(new URL(request.url()).pathname));
    await s.page.goto(s.url("/"));
    await waitForAppReady(s.page);
    const packs = byPage.filter((p) => /\/pack-[a-z]{2}-[0-9a-f]{16}\.json$/.test(p));
    assert.equal(packs.length, 1, `one pack downloaded: ${packs.join(", ")}`);
    assert.match(packs[0], /\/pack-pl-/);
    s.guard.assertClean();
  });

  test("without its pack the app says so above the pre-rendered page, whose links still work", async () => {
    const s = await app.newSession({ locale: "ru-RU" });
    await s.context.route("**/pack-*.json", (route) => route.abort());
    await s.page.goto(s.url("/"));
    const alert = s.page.locator("p.start-failure[role=alert]");
    await alert.waitFor({ timeout: 20_000 });
    assert.match(await alert.innerText(), /Claimdesk не смог загрузить свои тексты/);
    assert.equal(await visibleText(s.page, "h1"), text("ru", "home.what_happened"), "the pre-rendered home stays");
    const card = s.page.locator("a[data-scenario]:visible").first();
    const href = await card.evaluate((a) => a.href);
    await card.click();
    await s.page.waitForURL(href);
  });

  test("switching to a language whose pack cannot be downloaded keeps the current one and says why", async () => {
    const s = await app.newSession({ locale: "en-US" });
    await s.page.goto(s.url("/"));
    await waitForAppReady(s.page);
    await s.context.route("**/pack-pl-*.json", (route) => route.abort());
    await s.page.selectOption("#lang-select", "pl");
    await s.page.locator("#live-status", { hasText: "The Polski texts could not be downloaded" }).waitFor();
    assert.equal(await s.page.locator("#lang-select").inputValue(), "en", "the switcher shows the language in use again");
    assert.equal(await s.page.locator("main#main h1").innerText(), text("en", "home.what_happened"));
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), "en");

    await s.context.unroute("**/pack-pl-*.json");
    await s.page.selectOption("#lang-select", "pl");
    await s.page.waitForFunction(() => document.documentElement.lang === "pl");
    assert.equal(await s.page.locator("main#main h1").innerText(), text("pl", "home.what_happened"));
  });
});
