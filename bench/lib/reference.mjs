// The plain JavaScript reference for the case list (issue 25's budgets that travel between machines): a page
// served by the bench, not shipped in dist/, that reads the same cases as JSON from localStorage and writes 50
// rows to the DOM (bench/reference/). It is timed in the same run and the same browser as the app's list, so
// "the app's list painted no later than the reference" holds or fails whatever the machine's speed.
//
// The cases are the seed's own (its backup file), each with the fields a list needs: 10,000 whole cases as
// plain JSON are about 15 million UTF-16 code units, three times the localStorage quota (docs/performance.md,
// "Storage"), which is why the app encodes them and a JavaScript app of this kind would keep a list index.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BASE_PATH } from "../../tests/e2e/lib/config.mjs";
import { routeURL } from "../../tests/e2e/lib/app.mjs";
import { startServer } from "../../tests/e2e/lib/server.mjs";
import { BENCH_DIR, WAIT_MS } from "./config.mjs";

export const REFERENCE_KEY = "reference:cases";

/** Serves bench/reference/ on an origin of its own (its own localStorage): {url, stop}. */
export function startReferenceSite() {
  return startServer({ dir: path.join(BENCH_DIR, "reference"), prefix: BASE_PATH });
}

/** The reference's stored value: the seed's cases from its backup file, as list records, as one JSON string. */
export async function referenceValue(backupFile) {
  const backup = JSON.parse(await readFile(backupFile, "utf8"));
  if (!Array.isArray(backup.cases)) throw new Error(`${backupFile}: no list of cases`);
  const records = backup.cases.map((c) => ({
    id: c.id,
    scenario: c.scenario,
    marketplace: c.marketplace,
    status: c.status,
    order_number: c.order_number ?? "",
    deadlines: (c.deadlines ?? []).map((d) => ({ due: d.due, done: d.done })),
    money: { currency: c.money.currency, at_stake: c.money.at_stake },
  }));
  return JSON.stringify(records);
}

/**
 * Loads the reference page `loads` times in `page` ({goto, evaluate}: a Playwright page, or the WebDriver wrapper
 * of firefox.mjs) after storing `value`. Returns {fromNavigation, fromStart} samples (ms): the frame with its 50
 * rows painted, from the navigation and from the script's start (its first access to localStorage, as the
 * app's figure is from the wasm's first access).
 */
export async function measureReference(page, site, value, loads) {
  const url = routeURL(site.url, "index.html");
  await page.goto(url);
  const stored = await page.evaluate(
    ([key, json]) => {
      localStorage.clear();
      try {
        localStorage.setItem(key, json);
        return true;
      } catch {
        return false;
      }
    },
    [REFERENCE_KEY, value],
  );
  if (!stored) throw new Error("the reference's cases do not fit in localStorage");
  const out = { fromNavigation: [], fromStart: [], rows: null };
  for (let run = 0; run < loads; run++) {
    await page.goto(url);
    const record = await waitForPainted(page);
    out.fromNavigation.push(record.painted);
    out.fromStart.push(record.painted - record.start);
    out.rows = record.rows;
  }
  if (out.rows !== 50) throw new Error(`the reference painted ${out.rows} rows, not 50`);
  return out;
}

async function waitForPainted(page) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const record = await page.evaluate(() => (window.__reference?.painted != null ? window.__reference : null));
    if (record) return record;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the reference list was not painted within ${WAIT_MS} ms`);
}
