// Figure 7: Lighthouse's scores for the home page and a wizard's start page, with Debian's Chromium (the e2e flags, new headless mode)
// and Lighthouse's default mobile settings (simulated slow 4G and a 4× slower CPU).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../tools/lib/chromium.mjs";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
// The lab metrics the performance score is made of (ms, except the layout shift).
export const METRICS = ["first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time", "cumulative-layout-shift"];

/** {performance, accessibility, "best-practices", seo}: scores 0–100, and `metrics`: {id: value} of METRICS. */
export async function lighthouseScores(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS, "--headless=new"],
    logLevel: "silent",
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
    const lhr = result?.lhr;
    if (!lhr) throw new Error("Lighthouse returned no report");
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100)]));
    const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? Number.NaN]));
    return { ...scores, metrics };
  } finally {
    await chrome.kill();
  }
}
