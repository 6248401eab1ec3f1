// @both-bases: the wasm split into lazily loaded pages (src/ui/lazy.rs, tools/split/wasm-bindgen). Home works with
// the main wasm alone; a page whose chunk cannot be fetched says so and offers to retry, and the retry works once
// the chunk can be had; after a first visit every page opens offline, and every language is there.
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";

import { startApp, waitForAppReady, waitForServiceWorkerControl } from "./lib/app.mjs";
import { BASE_PATH, DIST_DIR } from "./lib/config.mjs";

// The chunks' names as tools/post_build.py writes them: split_<page>-<hash>.wasm and chunk_<n>-<hash>.wasm.
const CHUNK = /\/(split|chunk)_[A-Za-z0-9_]+-[0-9a-f]{16}\.wasm$/;
const CHUNK_GLOB = "**/*_*-*.wasm";

/** Resolves once the worker of this page's registration is active (its install, the precache, is done). */
function precached(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
}

/** The URLs in this build's cache (the only cache of this site in a fresh context). */
function cachedURLs(page) {
  return page.evaluate(async (scope) => {
    const names = (await caches.keys()).filter((name) => name.split(" ")[0] === "claimdesk" && name.split(" ")[1] === scope);
    const urls = [];
    for (const name of names) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return urls.sort();
  }, BASE_PATH);
}

async function waitForCached(page, test, what) {
  for (let tries = 0; tries < 150; tries++) {
    if ((await cachedURLs(page)).filter(test).length > 0 && (await precached(page)) === "activated") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the worker did not keep ${what} within 15 s: ${(await cachedURLs(page)).join(", ")}`);
}

describe(`lazily loaded pages at ${BASE_PATH}`, () => {
  let app;
  let chunks;
  before(async () => {
    app = await startApp();
    chunks = (await readdir(DIST_DIR)).filter((name) => CHUNK.test(`/${name}`));
  });
  after(async () => {
    await app?.close();
  });

  test("the build has chunks, and home is usable before any of them is downloaded", async () => {
    assert.ok(chunks.length >= 6, `one chunk per lazily loaded page at least: ${chunks.join(", ")}`);
    const session = await app.newSession({ lang: "en" });
    const byPage = [];
    session.page.on("request", (request) => byPage.push(new URL(request.url()).pathname));
    await session.open("/");
    await session.page.locator("main#main [data-scenario]").first().waitFor({ state: "visible" });
    const wasm = byPage.filter((p) => p.endsWith(".wasm"));
    assert.equal(wasm.length, 1, `the page downloaded only the main wasm: ${wasm.join(", ")}`);
    assert.doesNotMatch(wasm[0], CHUNK);
    session.guard.assertClean();
  });

  test("a page whose chunk cannot be fetched says so, and its retry works once the chunk can be had", async () => {
    const session = await app.newSession({ lang: "en" });
    // Offline before the worker had the chunks: every chunk fails (the worker's install fails with them).
    await session.context.route(CHUNK_GLOB, (route) => (CHUNK.test(new URL(route.request().url()).pathname) ? route.abort() : route.continue()));
    await session.open("/");
    await session.page.locator("header nav a", { hasText: "Cases" }).click();
    const failed = session.page.locator("#chunk-failed");
    await failed.waitFor({ state: "visible" });
    assert.equal(await failed.locator("h1").innerText(), "This page could not be opened");
    assert.match(await failed.locator("[role=alert]").innerText(), /not reached this device yet/);
    assert.equal(await session.page.title(), "This page could not be opened — Claimdesk");

    // The rest of the app still works: home opens from the navigation.
    await session.page.locator("header nav a", { hasText: "Home" }).click();
    await session.page.locator("main#main [data-scenario]").first().waitFor({ state: "visible" });
    await session.page.locator("header nav a", { hasText: "Cases" }).click();
    await failed.waitFor({ state: "visible" });

    await session.context.unrouteAll();
    await failed.getByRole("button", { name: "Try again" }).click();
    await session.page.locator("#case-search").waitFor({ state: "visible" });
    assert.equal(await failed.count(), 0, "the message is gone once the page is drawn");
    assert.deepEqual(session.guard.pageErrors, [], "no uncaught error: the app never died");
  });

  test("a direct visit to a page whose chunk cannot be fetched shows the message too", async () => {
    const session = await app.newSession({ lang: "ru" });
    await session.context.route(CHUNK_GLOB, (route) => (CHUNK.test(new URL(route.request().url()).pathname) ? route.abort() : route.continue()));
    await session.page.goto(session.url("/settings"));
    const failed = session.page.locator("#chunk-failed");
    await failed.waitFor({ state: "visible", timeout: 20_000 });
    assert.equal(await failed.locator("h1").innerText(), "Не удалось открыть страницу");
    assert.equal(await failed.getByRole("button").innerText(), "Попробовать ещё раз");
    await session.context.unrouteAll();
    await failed.getByRole("button").click();
    await session.page.locator("main#main h1", { hasText: "Настройки" }).waitFor({ state: "visible" });
    assert.deepEqual(session.guard.pageErrors, []);
  });

  test("after a first visit every page opens offline, and a Russian visitor can switch to Polish", async () => {
    const server = await app.startServer();
    const session = await app.newSession({ lang: "ru", server });
    try {
      await session.open("/");
      // The first visit's worker keeps every chunk and every language pack: nothing else is needed.
      await waitForCached(session.page, (url) => CHUNK.test(new URL(url).pathname), "the chunks");
      await waitForCached(session.page, (url) => /\/pack-pl-[0-9a-f]{16}\.json$/.test(url), "the Polish pack");
      const cached = await cachedURLs(session.page);
      for (const chunk of chunks) assert.ok(cached.some((url) => url.endsWith(`/${chunk}`)), `${chunk} is precached`);
      await server.stop();
      await session.context.setOffline(true);

      await session.page.reload();
      await waitForServiceWorkerControl(session.page);
      for (const [route, heading] of [
        ["/cases", "#case-search"],
        ["/stats", "main#main h1"],
        ["/settings", "main#main h1"],
        ["/rules", "main#main h1"],
        ["/reports", "main#main h1"],
      ]) {
        await session.page.goto(session.url(route));
        await session.page.locator(heading).first().waitFor({ state: "visible" });
        assert.equal(await session.page.locator("#chunk-failed").count(), 0, `${route} opened offline`);
      }
      await session.page.selectOption("#lang-select", "pl");
      await session.page.waitForFunction(() => document.documentElement.lang === "pl");
      await waitForAppReady(session.page);
      session.guard.assertClean();
    } finally {
      await session.close();
    }
  });
});
