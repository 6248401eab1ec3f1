// Browser sessions for the bench: a fresh context each (empty HTTP cache, no service worker, empty storage),
// the in-page probe installed before any page script, and the e2e guard to explain a failure.
import { guardContext } from "../../tests/e2e/lib/guard.mjs";
import { CPU_SLOWDOWN, NETWORK, WAIT_MS } from "./config.mjs";
import { installProbe } from "./probe.mjs";

/** A fresh context + page on `origin` with the probe installed. */
export async function openSession(browser, origin) {
  const context = await browser.newContext({ locale: "en-US", serviceWorkers: "allow" });
  const guard = await guardContext(context, origin);
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  return { context, page, guard };
}

/** Slows the page's CPU and network as a cheap phone on a poor mobile connection (before navigating). */
export async function throttle(page, { network = true } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: NETWORK.latency,
      downloadThroughput: NETWORK.downloadThroughput,
      uploadThroughput: NETWORK.uploadThroughput,
    });
  }
  return cdp;
}

/**
 * Waits until the probe has recorded `name` ("home" or "list") as painted and returns the record. On a
 * timeout the error carries what the guard saw (page errors explain most hangs).
 */
export async function waitForProbe(session, name, timeout = WAIT_MS) {
  try {
    await session.page.waitForFunction((n) => window.__bench?.[n]?.painted != null, name, { timeout, polling: 200 });
  } catch (error) {
    const errors = [...session.guard.pageErrors, ...session.guard.consoleErrors].slice(0, 5).join("\n");
    throw new Error(`${name} was not painted within ${timeout} ms on ${session.page.url()}${errors ? `:\n${errors}` : ""}`, {
      cause: error,
    });
  }
  return session.page.evaluate(() => window.__bench);
}
