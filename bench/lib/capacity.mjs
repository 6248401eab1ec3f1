// Figure 6, capacity: how many generated cases, stored exactly as the app stores them, fit in a browser's
// localStorage (Chromium's here; Firefox's through lib/firefox.mjs, with the same search). The answer is
// checked by filling an empty origin: n cases fit (no setItem throws) and n + STEP do not. To find n without
// dozens of 15 MB fills, the quota is first measured in the browser with text that costs what ours costs
// (characters outside Latin-1, two bytes each in Chromium), and n is searched natively by the stored size; the
// two fills then confirm it (and walk in STEP cases if they disagree).
import { rm } from "node:fs/promises";
import { NOT_THE_APP, fillStorage, seed, storedChars } from "./seed.mjs";
import { openSession } from "./session.mjs";
import { routeURL } from "../../tests/e2e/lib/app.mjs";

const STEP = 250;

/** The largest number of UTF-16 code units (key included) the browser stores for this origin in one value. */
async function measureQuota(page, site) {
  await page.goto(routeURL(site.url, NOT_THE_APP));
  return page.evaluate(() => {
    const key = "claimdesk:quota-probe";
    // U+4000 is in the range the app's packing uses: not Latin-1, so stored as UTF-16 like our values.
    const fits = (units) => {
      try {
        localStorage.setItem(key, "\u4000".repeat(units - key.length));
        return true;
      } catch {
        return false;
      } finally {
        localStorage.clear();
      }
    };
    // Start from an empty origin: whatever is stored already counts against the same quota.
    localStorage.clear();
    let low = key.length;
    // Chromium allows 10 MiB (5,242,880 such characters); a larger quota would show as just under this bound.
    let high = 16 * 1024 * 1024;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (fits(mid)) low = mid;
      else high = mid;
    }
    return low;
  });
}

/** The largest multiple of STEP whose stored size is within `quota`, searched from `start` cases. */
async function searchNatively(quota, start) {
  let low = 0;
  let high = null;
  for (let n = start; high === null; n *= 2) {
    if ((await storedChars(n)) <= quota) low = n;
    else high = n;
    if (n > 1_000_000) throw new Error("a million cases fit: the quota probe is not working");
  }
  while (high - low > STEP) {
    const mid = Math.round((low + high) / 2 / STEP) * STEP;
    if ((await storedChars(mid)) <= quota) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * {fits: {cases, chars}, fails: {cases}, quota, step}: the largest tried number of cases that Chromium stored,
 * and the next one (STEP more) that it refused.
 */
export async function measureCapacity(browser, app, start) {
  const session = await openSession(browser, app.origin);
  try {
    return await findCapacity(session.page, app, start);
  } finally {
    await session.context.close();
  }
}

/**
 * The search itself, in any page that has `goto(url)` and `evaluate(fn, arg)`: a Playwright page, or the
 * WebDriver one of lib/firefox.mjs, so every engine is measured by the same steps.
 */
export async function findCapacity(page, app, start) {
  const fill = async (n) => {
    const { file, values, native } = await seed(n, 0);
    // Each of these files is about 15 MB and is not needed again.
    await rm(file);
    const result = await fillStorage(page, app, values);
    return { fits: !result.quota, chars: native.chars };
  };
  const quota = await measureQuota(page, app);
  let n = await searchNatively(quota, start);
  let tried = await fill(n);
  while (!tried.fits && n > 0) tried = await fill((n -= STEP));
  let next = await fill(n + STEP);
  while (next.fits) {
    n += STEP;
    tried = next;
    next = await fill(n + STEP);
  }
  return { fits: { cases: n, chars: tried.chars }, fails: { cases: n + STEP }, quota, step: STEP };
}
