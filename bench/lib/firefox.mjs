// Figures 5 and 6 in Firefox ESR (issue 13): the load of 10,000 stored cases and the capacity, measured as in
// Chromium but through WebDriver (geckodriver, headless), because playwright-core cannot drive Debian's Firefox.
// The capacity is searched again in Firefox itself: Firefox keeps and counts its own localStorage quota, so
// Chromium's answer cannot stand for it (on Firefox ESR 153 it came out the same: see docs/performance.md).
//
// The same code as in Chromium does the work: the seed data (seed.mjs), the capacity search (capacity.mjs) and
// the in-page probe (probe.mjs), which WebDriver BiDi installs before any page script as Playwright's
// addInitScript does. What differs: no DevTools protocol, so nothing is throttled (neither is the Chromium
// list figure), and each load is a navigation to /cases rather than a reload (geckodriver's refresh would
// bypass the service worker).
import ScriptManager from "selenium-webdriver/bidi/scriptManager.js";
import { routeURL } from "../../tests/e2e/lib/app.mjs";
import { waitForServiceWorkerControl } from "../../tests/engines/lib/app.mjs";
import { startDriver } from "../../tests/engines/lib/driver.mjs";
import { findCapacity } from "./capacity.mjs";
import { storageLoad } from "./case-list.mjs";
import { WAIT_MS } from "./config.mjs";
import { installProbe } from "./probe.mjs";
import { measureReference } from "./reference.mjs";
import { fillStorage, seed } from "./seed.mjs";

/**
 * The two calls seed.mjs and capacity.mjs make on a Playwright page, over WebDriver. Both behave alike:
 * `get` waits for the page to load, and executeScript sends its arguments as JSON and waits for a returned
 * promise.
 */
function webDriverPage(driver) {
  return {
    goto: (url) => driver.get(url),
    evaluate: (fn, arg) => driver.executeScript(fn, arg),
  };
}

/**
 * Runs the bench's probe in every page before the page's own scripts (WebDriver BiDi script.addPreloadScript,
 * in the page's own realm so that it sees the app's localStorage calls). driver.quit() closes the connection.
 */
async function addProbeToEveryPage(driver) {
  const scripts = await ScriptManager([], driver);
  await scripts.addPreloadScript(installProbe.toString());
}

/** Waits until the probe has seen the case list painted and returns its record (see session.waitForProbe). */
async function waitForListPainted(driver) {
  await driver.wait(
    () => driver.executeScript(() => window.__bench?.list?.painted != null),
    WAIT_MS,
    `the case list was not painted within ${WAIT_MS} ms`,
  );
  return driver.executeScript(() => window.__bench);
}

/**
 * Stores `values`, then loads /cases `loads` times as a returning user (service worker in control). Returns the
 * samples (ms) of the same three figures as case-list.mjs: from navigation, from the app's start (its first
 * access to localStorage) and the store's load inside the app.
 */
async function measureListLoads(driver, app, values, loads) {
  const filled = await fillStorage(webDriverPage(driver), app, values);
  if (filled.quota) throw new Error("the seed data does not fit in Firefox's localStorage");
  const listURL = routeURL(app.url, "/cases");
  await driver.get(listURL);
  await waitForListPainted(driver);
  await waitForServiceWorkerControl(driver);

  const out = { fromNavigation: [], fromAppStart: [], storageLoad: [] };
  for (let run = 0; run < loads; run++) {
    await driver.get(listURL);
    const probe = await waitForListPainted(driver);
    // A load that bypassed the service worker would be a different figure from Chromium's.
    if (!(await driver.executeScript(() => Boolean(navigator.serviceWorker.controller)))) {
      throw new Error("the service worker did not control a load of /cases");
    }
    out.fromNavigation.push(probe.list.painted);
    out.fromAppStart.push(probe.list.painted - probe.storage.first);
    const load = storageLoad(probe.storage);
    if (load !== null) out.storageLoad.push(load);
  }
  return out;
}

/**
 * Firefox's figures: {version, cases, list: {fromNavigation, fromAppStart, storageLoad}, reference, capacity} where
 * `capacity` is what capacity.mjs returns, searched from `capacityFrom` cases. One Firefox, fresh profile.
 */
export async function measureFirefox(app, { cases, loads, capacityFrom, reference }) {
  const browser = await startDriver("firefox", { bidi: true });
  const { driver } = browser;
  try {
    // Filling a quota's worth of storage takes longer than WebDriver's default of 30 s for a script.
    await driver.manage().setTimeouts({ script: WAIT_MS });
    const version = (await driver.getCapabilities()).get("browserVersion");
    await addProbeToEveryPage(driver);
    const { values } = await seed(cases, 0);
    const list = await measureListLoads(driver, app, values, loads);
    // The plain JavaScript reference (its own origin), with the cases the Chromium part stored for it.
    const ref = reference.cases ? await measureReference(webDriverPage(driver), reference.site, reference.cases, loads) : null;
    const capacity = await findCapacity(webDriverPage(driver), app, capacityFrom);
    return { version, cases, list, reference: ref, capacity };
  } finally {
    await browser.stop();
  }
}
