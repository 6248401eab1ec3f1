// @both-bases: the app shell against the release build, once per deploy base (BASE_PATH "/" or "/claimdesk/"):
// routes in every language, navigation, deep links, offline use, updates, installability, and the security
// baseline (no CSP violation, no request to another origin) on every page the tests open.
import assert from "node:assert/strict";
import { readdir, readFile, writeFile, cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import { startApp, waitForAppReady, waitForServiceWorkerControl } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { BASE_PATH, DIST_DIR, LANGUAGES, LANG_STORAGE_KEY } from "./lib/config.mjs";
import { startServer } from "./lib/server.mjs";

const ROUTES = [
  { path: "/", inNav: true },
  { path: "/wizard/wb-lost-goods", inNav: false },
  { path: "/cases", inNav: true },
  { path: "/settings", inNav: true },
  { path: "/rules", inNav: true },
  { path: "/no/such/page", inNav: false, notFound: true },
];

/** Pathname with exactly one trailing slash removed, so "/claimdesk/" and "/claimdesk" compare equal. */
function samePath(a, b) {
  const strip = (p) => (p.length > 1 ? p.replace(/\/$/, "") : p);
  return strip(a) === strip(b);
}

/** Resolved hrefs of the elements matching `selector`. */
function hrefs(page, selector) {
  return page.$$eval(selector, (links) => links.map((a) => a.href));
}

async function assertHtmlLang(page, lang) {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 5_000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, "<html lang>");
}

/** The checks every screen must pass, in any language. */
async function assertScreen(page, route, lang) {
  await assertHtmlLang(page, lang);

  const title = await page.title();
  assert.ok(title.trim().length > 0, "document.title is empty");
  assert.match(title, /Claimdesk/, "the title names the app");

  assert.equal(await page.locator("main#main").count(), 1, "exactly one <main id=main>");
  assert.equal(await page.locator("main#main h1").count(), 1, "exactly one <h1> in <main>");
  assert.ok(await page.locator("main#main h1").isVisible(), "the <h1> is visible");

  assert.equal(await page.locator("#lang-select").inputValue(), lang, "the language switcher shows the language");

  const navLinks = await hrefs(page, "header nav a");
  assert.ok(navLinks.length >= 3, `header navigation has links (found ${navLinks.length})`);
  const baseURL = new URL(BASE_PATH, page.url()).href;
  for (const href of navLinks) {
    assert.ok(href.startsWith(baseURL), `nav link ${href} stays under the base ${baseURL}`);
  }
  const current = await hrefs(page, 'header nav a[aria-current="page"]');
  const here = new URL(page.url()).pathname;
  if (route.inNav) {
    assert.equal(current.length, 1, 'exactly one nav link has aria-current="page"');
    assert.ok(samePath(new URL(current[0]).pathname, here), `aria-current marks ${current[0]}, not ${here}`);
  } else {
    assert.ok(current.length <= 1, 'at most one nav link has aria-current="page"');
  }

  if (route.notFound) {
    const mainLinks = await hrefs(page, "main#main a");
    assert.ok(
      mainLinks.some((href) => samePath(new URL(href).pathname, BASE_PATH)),
      `the not-found page links back home (${BASE_PATH}); links: ${mainLinks.join(", ")}`,
    );
  }
  return title;
}

/** The names of this site's caches (other sites on the same origin may have their own). */
function ownCaches(page) {
  return page.evaluate(
    async (scope) => (await caches.keys()).filter((name) => name.split(" ")[0] === "claimdesk" && name.split(" ")[1] === scope),
    BASE_PATH,
  );
}

async function precacheOf(swUrl) {
  const text = await (await fetch(swUrl)).text();
  const list = text.match(/const PRECACHE = (\[[\s\S]*?\]);/);
  const packs = text.match(/const PACKS = (\[[\s\S]*?\]);/);
  const onDemand = text.match(/const ON_DEMAND = (\[[\s\S]*?\]);/);
  const version = text.match(/const VERSION = "([^"]+)";/);
  assert.ok(list && packs && onDemand && version, "sw.js has filled-in PRECACHE, PACKS and ON_DEMAND lists and VERSION");
  return { files: JSON.parse(list[1]), packs: JSON.parse(packs[1]), onDemand: JSON.parse(onDemand[1]), version: version[1] };
}

/**
 * The URLs in cache `name` once it holds `count` language packs and, when given, every file of `onDemand` (the
 * worker fetches them in the background).
 */
async function cachedWhenAllPacksAre(page, name, count, onDemand = []) {
  const urls = () =>
    page.evaluate(async (cacheName) => {
      const cache = await caches.open(cacheName);
      return (await cache.keys()).map((request) => request.url).sort();
    }, name);
  for (let tries = 0; tries < 100; tries++) {
    const cached = await urls();
    const packsKept = cached.filter((url) => /\/pack-[a-z]{2}-[0-9a-f]{16}\.json$/.test(url)).length === count;
    if (packsKept && onDemand.every((file) => cached.some((url) => url.endsWith(`/${file}`)))) return cached;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the worker did not keep all ${count} language packs within 10 s: ${(await urls()).join(", ")}`);
}

async function filesOf(dir, prefix = "") {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const relative = prefix + entry.name;
    if (entry.isDirectory()) found.push(...(await filesOf(path.join(dir, entry.name), relative + "/")));
    else found.push(relative);
  }
  return found.sort();
}

describe(`Claimdesk shell at ${BASE_PATH}`, () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  for (const lang of LANGUAGES) {
    describe(`in ${lang}`, () => {
      const titles = new Map();
      for (const route of ROUTES) {
        test(`${route.path} renders`, async () => {
          const session = await app.newSession({ lang });
          try {
            await session.open(route.path);
            titles.set(route.path, await assertScreen(session.page, route, lang));
            session.guard.assertClean();
          } finally {
            await session.close();
          }
        });
      }
      test("every route has its own title", () => {
        assert.equal(titles.size, ROUTES.length, "all routes rendered");
        assert.equal(new Set(titles.values()).size, ROUTES.length, `titles repeat: ${[...titles.values()].join(" | ")}`);
      });
    });
  }

  test("the release build is served with the right types and a GitHub-Pages-style 404", async () => {
    const index = await fetch(app.url("/"));
    assert.equal(index.status, 200);
    const html = await index.text();
    const types = {
      "manifest.webmanifest": "application/manifest+json",
      "sw.js": "text/javascript",
      "icons/icon-192.png": "image/png",
    };
    for (const file of (await filesOf(DIST_DIR)).filter((f) => /\.(wasm|js)$/.test(f))) {
      types[file] = file.endsWith(".wasm") ? "application/wasm" : "text/javascript";
    }
    for (const [file, type] of Object.entries(types)) {
      const response = await fetch(app.url(`/${file}`));
      assert.equal(response.status, 200, file);
      assert.ok(response.headers.get("content-type").startsWith(type), `${file}: ${response.headers.get("content-type")}`);
    }
    const missing = await fetch(app.url("/no/such/page"));
    assert.equal(missing.status, 404);
    const loadingPage = await readFile(path.join(DIST_DIR, "404.html"), "utf8");
    assert.equal(await missing.text(), loadingPage, "unknown paths get 404.html, the app's generic loading page");
    assert.match(loadingPage, /<script type="module" src="[^"]*loader-/, "which starts the app");

    assert.match(html, new RegExp(`<meta name="claimdesk-base" content="${BASE_PATH}">`), "base path filled in");
    assert.match(html, new RegExp(`<link rel="manifest" href="${BASE_PATH}manifest.webmanifest">`));
    assert.doesNotMatch(html, /<base\b/, "no <base> element (base-uri 'none')");
  });

  test("index.html carries a strict Content-Security-Policy and no inline script", async () => {
    const html = await (await fetch(app.url("/"))).text();
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
    assert.ok(csp, "CSP meta tag present");
    const directives = Object.fromEntries(
      csp[1].split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(" ")]),
    );
    assert.equal(directives["default-src"], "'self'");
    assert.equal(directives["script-src"], "'self' 'wasm-unsafe-eval'");
    assert.equal(directives["style-src"], "'self'");
    assert.equal(directives["object-src"], "'none'");
    assert.equal(directives["base-uri"], "'none'");
    assert.doesNotMatch(csp[1], /unsafe-inline|'unsafe-eval'/);
    for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      assert.match(attrs, /\bsrc="/, "every script is a file");
      assert.equal(body.trim(), "", "no inline script body");
    }
  });

  test("home lists the scenarios as links into the wizard, and following one stays in the app", async () => {
    const session = await app.newSession({ lang: "en" });
    try {
      await session.open("/");
      const links = await hrefs(session.page, "main#main [data-scenario]");
      assert.ok(links.length >= 1, "at least one scenario link");
      for (const href of links) assert.ok(href.startsWith(session.url("/wizard/")), `${href} leads into the wizard`);
      assert.equal(await session.page.locator('[data-scenario="wb-lost-goods"]').count(), 1);

      // A marker on window survives client-side navigation only: the router must not reload the page.
      await session.page.evaluate(() => (window.__sameDocument = true));
      await session.page.locator('[data-scenario="wb-lost-goods"]').click();
      await session.page.waitForURL(session.url("/wizard/wb-lost-goods"));
      await waitForAppReady(session.page);
      assert.equal(await session.page.evaluate(() => window.__sameDocument), true, "navigated without a reload");
      session.guard.assertClean();
    } finally {
      await session.close();
    }
  });

  test("the language follows the browser, falls back to English, and a choice is remembered", async () => {
    for (const [locale, expected] of [["ru-RU", "ru"], ["pl-PL", "pl"], ["en-GB", "en"], ["de-DE", "en"]]) {
      const session = await app.newSession({ locale });
      try {
        await session.open("/");
        await assertHtmlLang(session.page, expected);
        session.guard.assertClean();
      } finally {
        await session.close();
      }
    }

    const session = await app.newSession({ locale: "en-US" });
    try {
      await session.open("/settings");
      const englishTitle = await session.page.title();
      await session.page.selectOption("#lang-select", "pl");
      await assertHtmlLang(session.page, "pl");
      assert.notEqual(await session.page.title(), englishTitle, "the title is translated too");
      assert.equal(await session.page.evaluate((key) => localStorage.getItem(key), LANG_STORAGE_KEY), "pl");
      await session.page.reload();
      await waitForAppReady(session.page);
      await assertHtmlLang(session.page, "pl");
      session.guard.assertClean();
    } finally {
      await session.close();
    }
  });

  test("a deep link loads and survives a reload (its own page, or 404.html)", async () => {
    const session = await app.newSession({ lang: "en" });
    try {
      const response = await session.open("/cases");
      // Served like GitHub Pages serves /cases: its pre-rendered loading page, cases.html.
      assert.equal(response.status(), 200);
      await assertScreen(session.page, ROUTES[2], "en");
      await session.page.reload();
      await waitForAppReady(session.page);
      assert.equal(session.page.url(), session.url("/cases"));
      await assertScreen(session.page, ROUTES[2], "en");
      session.guard.assertClean();
      // A path without a page of its own, on a first visit (once the service worker is in control, it answers
      // with the same page from its cache): GitHub Pages sends 404.html, which starts the app all the same.
      const first = await app.newSession({ lang: "en" });
      const unknown = await first.open("/no/such/page");
      assert.equal(unknown.status(), 404);
      await assertScreen(first.page, ROUTES[5], "en");
      first.guard.assertClean();
    } finally {
      await session.close();
    }
  });

  test("the service worker precaches exactly the files of this build, and keeps every language pack and the files worker", async () => {
    const { files, packs, onDemand, version } = await precacheOf(app.url("/sw.js"));
    const all = await filesOf(DIST_DIR);
    // The wizards' pre-rendered pages serve first visits only; packs and the files worker are kept as they are
    // used or after the first visit (see below).
    const workerFiles = all.filter((f) => f.startsWith("files_worker"));
    const built = all.filter((f) => f !== "sw.js" && !f.startsWith("wizard/") && !f.startsWith("pack-") && !workerFiles.includes(f));
    assert.deepEqual(files, built);
    assert.deepEqual(packs, all.filter((f) => /^pack-(en|pl|ru)-[0-9a-f]{16}\.json$/.test(f)), "one pack per language");
    assert.deepEqual(onDemand, workerFiles);
    assert.deepEqual(
      workerFiles.map((f) => f.replace(/[0-9a-f]{16}/, "HASH")),
      ["files_worker-HASH.js", "files_worker-HASH_bg.wasm", "files_worker_loader-HASH.js"],
    );

    const session = await app.newSession({ lang: "en" });
    try {
      await session.open("/");
      await waitForServiceWorkerControl(session.page);
      assert.deepEqual(await ownCaches(session.page), [`claimdesk ${BASE_PATH} ${version}`]);
      // A visit the worker answers (the reload that put the page under its control) fetches the other packs.
      const cached = await cachedWhenAllPacksAre(session.page, `claimdesk ${BASE_PATH} ${version}`, packs.length, onDemand);
      assert.deepEqual(cached, [...files, ...packs, ...onDemand].map((f) => app.url(`/${f}`)).sort());
      session.guard.assertClean();
    } finally {
      await session.close();
    }
  });

  test("installing the app keeps every language for offline use, before any second visit", async () => {
    const session = await app.newSession({ lang: "en" });
    try {
      await session.open("/");
      const { packs, version } = await precacheOf(app.url("/sw.js"));
      await session.page.evaluate(() => navigator.serviceWorker.ready);
      assert.equal(await session.page.evaluate(() => Boolean(navigator.serviceWorker.controller)), false, "still the first visit");
      await session.page.evaluate(() => window.dispatchEvent(new Event("appinstalled")));
      const cached = await cachedWhenAllPacksAre(session.page, `claimdesk ${BASE_PATH} ${version}`, packs.length);
      assert.equal(cached.filter((url) => url.includes("/pack-")).length, 3);
      session.guard.assertClean();
    } finally {
      await session.close();
    }
  });

  test("after a first visit the app works offline, deep links included", async () => {
    // A server of its own: stopping it makes the site truly unreachable, not just "offline" to the page.
    const server = await app.startServer();
    const session = await app.newSession({ lang: "en", server });
    try {
      await session.open("/");
      await waitForServiceWorkerControl(session.page);
      const { packs, version } = await precacheOf(app.url("/sw.js"));
      await cachedWhenAllPacksAre(session.page, `claimdesk ${BASE_PATH} ${version}`, packs.length);
      await server.stop();
      await session.context.setOffline(true);

      await session.page.reload();
      await waitForAppReady(session.page);
      await assertScreen(session.page, ROUTES[0], "en");

      await session.page.goto(session.url("/cases"));
      await waitForAppReady(session.page);
      await assertScreen(session.page, ROUTES[2], "en");

      await session.page.goto(session.url("/wizard/wb-lost-goods"));
      await waitForAppReady(session.page);

      // Another language, offline: its pack was kept after the first visit.
      await session.page.goto(session.url("/"));
      await waitForAppReady(session.page);
      await session.page.selectOption("#lang-select", "ru");
      await assertHtmlLang(session.page, "ru");
      await assertScreen(session.page, ROUTES[0], "ru");
      session.guard.assertClean();
    } finally {
      await session.close();
    }
  });

  test("Chromium considers the app installable", async () => {
    // An on-disk profile: Chromium never offers installation from an incognito-like context.
    const session = await app.newPersistentSession({ lang: "en" });
    try {
      await session.open("/");
      await waitForServiceWorkerControl(session.page);
      const cdp = await session.context.newCDPSession(session.page);
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      assert.deepEqual(installabilityErrors, []);
      const manifest = await cdp.send("Page.getAppManifest");
      assert.equal(manifest.url, session.url("/manifest.webmanifest"));
      assert.deepEqual(manifest.errors, []);
      session.guard.assertClean();
    } finally {
      await session.close();
    }
  });

  test("the server notices a file rewritten within the second it was fetched (ETag, not only Last-Modified)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "claimdesk-etag-"));
    await writeFile(path.join(dir, "index.html"), "<!doctype html><title>x</title>");
    await writeFile(path.join(dir, "sw.js"), "// version 1\n");
    const server = await startServer({ dir, prefix: BASE_PATH });
    try {
      const url = `${server.origin}${BASE_PATH}sw.js`;
      const first = await fetch(url);
      assert.equal(await first.text(), "// version 1\n");
      const validators = { "If-None-Match": first.headers.get("etag"), "If-Modified-Since": first.headers.get("last-modified") };
      assert.ok(validators["If-None-Match"], "an ETag is sent");
      const unchanged = await fetch(url, { headers: validators });
      assert.equal(unchanged.status, 304);
      // Same second, so Last-Modified alone would still say "not modified".
      await writeFile(path.join(dir, "sw.js"), "// version 2, redeployed\n");
      const changed = await fetch(url, { headers: validators });
      assert.equal(changed.status, 200);
      assert.equal(await changed.text(), "// version 2, redeployed\n");
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a new version waits for the user: banner first, Reload swaps it in, other sites' caches stay", async () => {
    // A copy of the build that can be "redeployed" by editing its sw.js.
    const dir = await mkdtemp(path.join(os.tmpdir(), "claimdesk-update-"));
    await cp(DIST_DIR, dir, { recursive: true });
    const server = await startServer({ dir, prefix: BASE_PATH });
    const session = await app.newSession({ lang: "en", server });
    try {
      const page = session.page;
      await session.open("/");
      await waitForServiceWorkerControl(page);
      const { version } = await precacheOf(session.url("/sw.js"));
      // Another app on the same origin (another GitHub Pages project) keeps its caches through our updates.
      const foreignCache = "claimdesk /some-other-site/ 0123456789abcdef";
      await page.evaluate((name) => caches.open(name), foreignCache);
      assert.equal(await page.locator("#update-banner").isVisible(), false, "no banner before an update exists");

      const swPath = path.join(dir, "sw.js");
      const nextVersion = `${version}-next`;
      await writeFile(swPath, (await readFile(swPath, "utf8")).replace(`"${version}"`, `"${nextVersion}"`));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

      await page.locator("#update-banner").waitFor({ state: "visible", timeout: 15_000 });
      // Announced, not applied: the old version still serves the page and its cache is intact.
      assert.deepEqual(await ownCaches(page).then((names) => names.includes(`claimdesk ${BASE_PATH} ${version}`)), true);
      assert.equal(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)), true);

      const reloaded = page.waitForEvent("load", { timeout: 15_000 });
      await page.locator("#update-banner button").click();
      await reloaded;
      await waitForAppReady(page);
      await page.waitForFunction(
        async (name) => {
          const names = await caches.keys();
          return names.includes(name);
        },
        `claimdesk ${BASE_PATH} ${nextVersion}`,
      );
      assert.deepEqual(await ownCaches(page), [`claimdesk ${BASE_PATH} ${nextVersion}`], "old cache deleted");
      assert.ok((await page.evaluate(() => caches.keys())).includes(foreignCache), "another site's cache untouched");
      assert.equal(await page.locator("#update-banner").isVisible(), false, "banner gone after the update");
      session.guard.assertClean();
    } finally {
      await session.close();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("every route passes axe (WCAG 2.1 A/AA)", async () => {
    const session = await app.newSession({ lang: "en" });
    try {
      for (const route of ROUTES) {
        await session.open(route.path);
        await assertAccessible(session.page);
      }
      session.guard.assertClean();
    } finally {
      await session.close();
    }
  });
});
