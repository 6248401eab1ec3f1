// Figures 5 and 6 (in the page): the case list with 1,000 or 10,000 stored cases. The data is stored first;
// then /cases is loaded repeatedly (a returning user: code cached, service worker in control) and the list is
// searched and filtered, each change timed inside the page (see probe.mjs).
import { routeURL, waitForServiceWorkerControl } from "../../tests/e2e/lib/app.mjs";
import { timeInteractionInPage } from "./probe.mjs";
import { fillStorage, readAllStorage } from "./seed.mjs";
import { openSession, waitForProbe } from "./session.mjs";

// Words typed into the search box letter by letter, then erased: they occur in the generated notes and
// buyers (Russian, Polish, English). Only keystrokes that changed the list count (the later letters of a
// word often leave the same cases listed, and then nothing is repainted).
const SEARCH_WORDS = ["склад", "lodz", "carrier"];
const FILTERS = [
  ["#filter-status", ["active", "finished", "any"]],
  ["#filter-market", ["wildberries", "amazon", "mall", ""]],
];

/**
 * The store's load inside the app, from the probe's storage timings: from the engine's first key() call to
 * the read of its last record set, plus one average set (the decode of the last set happens after its read).
 */
export function storageLoad(storage) {
  const reads = storage.shardReads.filter((r) => storage.firstKey !== null && r.start >= storage.firstKey);
  if (reads.length < 2) return null;
  const last = reads[reads.length - 1];
  const perSet = (last.start - reads[0].start) / (reads.length - 1);
  return last.start - storage.firstKey + perSet;
}

async function typeAndErase(page, word, samples) {
  const steps = [...word].map((_, i) => word.slice(0, i + 1));
  for (const text of [...steps, ...steps.slice(0, -1).reverse(), ""]) {
    const result = await page.evaluate(timeInteractionInPage, {
      watch: "main#main",
      action: { type: "#case-search", value: text },
    });
    if (result.changed) samples.push(result.ms);
  }
}

async function changeFilters(page, samples) {
  for (const [select, values] of FILTERS) {
    for (const value of values) {
      const result = await page.evaluate(timeInteractionInPage, {
        watch: "main#main",
        action: { select, value },
      });
      if (result.changed) samples.push(result.ms);
    }
  }
}

/**
 * Stores `values`, then: `loads` reloads of /cases, and `rounds` rounds of search keystrokes and filter
 * changes. Returns the samples (ms) of each figure plus the browser's own storage read and write times.
 */
export async function measureCaseList(browser, app, values, { loads, rounds }) {
  const session = await openSession(browser, app.origin);
  const { page } = session;
  const out = { fromNavigation: [], fromAppStart: [], storageLoad: [], keystroke: [], filter: [], setItem: null, getItem: null };
  try {
    const filled = await fillStorage(page, app, values);
    if (filled.quota) throw new Error("the seed data does not fit in localStorage");
    out.setItem = filled.setMs;
    out.getItem = (await readAllStorage(page)).getMs;

    await page.goto(routeURL(app.url, "/cases"));
    await waitForProbe(session, "list");
    await waitForServiceWorkerControl(page);
    for (let run = 0; run < loads; run++) {
      await page.reload({ waitUntil: "commit" });
      const probe = await waitForProbe(session, "list");
      out.fromNavigation.push(probe.list.painted);
      out.fromAppStart.push(probe.list.painted - probe.storage.first);
      const load = storageLoad(probe.storage);
      if (load !== null) out.storageLoad.push(load);
    }
    for (let round = 0; round < rounds; round++) {
      for (const word of SEARCH_WORDS) await typeAndErase(page, word, out.keystroke);
      await changeFilters(page, out.filter);
    }
  } finally {
    await session.context.close();
  }
  return out;
}
