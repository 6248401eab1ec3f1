// Launches Debian's Chromium through playwright-core (no browser download: it uses /usr/bin/chromium).
import { chromium } from "playwright-core";
import { CHROMIUM_PATH } from "./config.mjs";

// --no-sandbox: Chromium refuses to start as root with its sandbox. The rest keep Chromium from calling
// Google's services: the machine has no network, and a test must see only the app's own requests.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A browser with a real on-disk profile. Contexts from launchBrowser() are incognito-like, and Chromium
 * never offers to install a web app from those (Page.getInstallabilityErrors reports "in-incognito").
 */
export function launchPersistentContext(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
}
