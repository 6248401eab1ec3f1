// Launches Debian's Chromium through playwright-core (no browser download: it uses /usr/bin/chromium).
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../../tools/lib/chromium.mjs";

export { CHROMIUM_ARGS };

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
