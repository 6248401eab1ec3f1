// One entry point for test files: serves the build for BASE_PATH, launches Chromium, and opens guarded
// sessions (a fresh browser context each, so storage and service workers never leak between tests).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { APP_READY_TIMEOUT_MS, BASE_PATH, DIST_DIR } from "./config.mjs";
import { launchBrowser, launchPersistentContext } from "./browser.mjs";
import { guardContext } from "./guard.mjs";
import { setLanguage } from "./lang.mjs";
import { startServer } from "./server.mjs";

/**
 * Serves the build for BASE_PATH and launches Chromium. Sessions left open are closed by close().
 * A session is {context, page, guard, url(route), open(route), close()}.
 */
export async function startApp() {
  const server = await startServer({ dir: DIST_DIR, prefix: BASE_PATH });
  const browser = await launchBrowser();
  const sessions = [];
  const extraServers = [];
  return {
    baseURL: server.url,
    origin: server.origin,
    browser,
    url: (route) => routeURL(server.url, route),
    /** Opens a guarded context + page on this app's server (or another server given as `server`). */
    async newSession(options = {}) {
      const session = await newSession(browser, options.server ?? server, options);
      sessions.push(session);
      return session;
    },
    /**
     * Like newSession, but in a browser with an on-disk profile (needed for installability checks).
     * Its close() also ends that browser and deletes the profile.
     */
    async newPersistentSession(options = {}) {
      const profile = await mkdtemp(path.join(os.tmpdir(), "claimdesk-profile-"));
      const context = await launchPersistentContext(profile, { locale: options.locale ?? "en-US", serviceWorkers: "allow" });
      const session = await sessionIn(context, options.server ?? server, options);
      const close = async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      };
      const persistent = { ...session, close };
      sessions.push(persistent);
      return persistent;
    },
    /** A second server for the same build, e.g. one a test may stop to take the site offline. */
    async startServer() {
      const extra = await startServer({ dir: DIST_DIR, prefix: BASE_PATH });
      extraServers.push(extra);
      return extra;
    },
    async close() {
      await Promise.allSettled(sessions.map((s) => s.close()));
      await browser.close();
      await Promise.allSettled([server, ...extraServers].map((s) => s.stop()));
    },
  };
}

/** The absolute URL of an app route ("/", "/cases", ...), which is relative to the deploy base. */
export function routeURL(baseURL, route) {
  return new URL(route.replace(/^\/+/, ""), baseURL).href;
}

/**
 * @param {{lang?: string, locale?: string}} options  lang: stored language choice; locale: the browser's language.
 */
async function newSession(browser, server, options = {}) {
  const context = await browser.newContext({ locale: options.locale ?? "en-US", serviceWorkers: "allow" });
  const session = await sessionIn(context, server, options);
  return { ...session, close: () => context.close() };
}

async function sessionIn(context, server, { lang } = {}) {
  const guard = await guardContext(context, server.origin);
  if (lang) await setLanguage(context, lang);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    guard,
    url: (route) => routeURL(server.url, route),
    /** Navigates to an app route and waits until the app has rendered it; returns the HTTP response. */
    async open(route) {
      const response = await page.goto(routeURL(server.url, route));
      await waitForAppReady(page);
      return response;
    },
  };
}

/** The app has rendered a screen when its main landmark shows a heading, no loading line (a lazily loaded page,
 * src/ui/lazy.rs, shows its route's loading page, heading included, until its chunk has arrived) and no
 * pre-rendered copy is left. */
export async function waitForAppReady(page) {
  await page.locator("main#main h1").first().waitFor({ state: "visible", timeout: APP_READY_TIMEOUT_MS });
  await page.locator("main#main p.loading").waitFor({ state: "detached", timeout: APP_READY_TIMEOUT_MS });
  await page.locator("[data-prerender]").first().waitFor({ state: "detached", timeout: APP_READY_TIMEOUT_MS });
}

/**
 * Waits until a service worker is active for the page and the page is controlled by it
 * (the first visit only registers it; one reload puts the page under its control).
 */
export async function waitForServiceWorkerControl(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== "activated") {
      await new Promise((resolve) => worker.addEventListener("statechange", () => worker.state === "activated" && resolve()));
    }
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await waitForAppReady(page);
  }
  const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
  if (!controlled) throw new Error("the service worker does not control the page after a reload");
}
