// Figure 6 (in the page): saving the whole data set as the app does it, which is what importing a backup of
// 1,000 or 10,000 cases into an empty browser costs a seller. The file is chosen on the settings page, its
// preview waited for, then "Import" is pressed and timed inside the page until the frame after the save
// (validate nothing more, merge into the book, encode, compress and write every record set, announce).
import { routeURL } from "../../tests/e2e/lib/app.mjs";
import { WAIT_MS } from "./config.mjs";
import { timeInteractionInPage } from "./probe.mjs";
import { openSession } from "./session.mjs";

const CONFIRM = "[aria-labelledby=import-file-preview-title] button.primary";

/** `runs` imports of `backupFile` (n cases) into emptied storage; returns the milliseconds of each save. */
export async function measureImport(browser, app, backupFile, n, runs) {
  const session = await openSession(browser, app.origin);
  const { page } = session;
  const samples = [];
  try {
    for (let run = 0; run < runs; run++) {
      // Empty the origin's storage from a page that is not the app, then open the settings page on it.
      await page.goto(routeURL(app.url, "manifest.webmanifest"));
      await page.evaluate(() => localStorage.clear());
      await page.goto(routeURL(app.url, "/settings"));
      await page.setInputFiles("#import-file", backupFile);
      await page.locator("#import-file-preview-title").waitFor({ timeout: WAIT_MS });
      const result = await page.evaluate(timeInteractionInPage, {
        watch: "body",
        action: { click: CONFIRM },
        timeoutMs: WAIT_MS,
      });
      const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("claimdesk:cases:")).length);
      const announced = await page.locator("#live-status").innerText();
      if (!result.changed || stored === 0 || !announced.includes(`${n} cases`)) {
        throw new Error(`the import of ${n} cases did not complete: ${stored} record sets, live region "${announced}"`);
      }
      samples.push(result.ms);
    }
  } finally {
    await session.context.close();
  }
  return samples;
}
