// Mobile-first layout on every screen: no horizontal scrolling at 320 px and touch targets of at least 44 px,
// in every language (Russian and Polish words are longer). The English run also saves screenshots of each
// screen at 360×740 and 1280×800 in the light and dark themes under artifacts/screenshots/ for review.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";

import { startApp } from "./lib/app.mjs";
import { LANGUAGES, REPO_ROOT } from "./lib/config.mjs";
import { openAllDetails, openTourSession, tour } from "./lib/tour.mjs";

const SCREENSHOT_DIR = path.join(REPO_ROOT, "artifacts", "screenshots");
const SCREEN_SIZES = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];
const NARROWEST = { width: 320, height: 740 };
const MIN_TARGET_PX = 44;

let app;
before(async () => {
  app = await startApp();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => {
  await app?.close();
});

/** How far the page is wider than the viewport (0 when there is no horizontal scroll), and what sticks out. */
function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const excess = root.scrollWidth - root.clientWidth;
    const culprits = [];
    if (excess > 0) {
      for (const el of document.body.querySelectorAll("*")) {
        const rect = el.getBoundingClientRect();
        if (rect.right > root.clientWidth + 0.5 && rect.width > 0) {
          culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")} right=${Math.round(rect.right)}`);
        }
      }
    }
    return { excess, culprits: culprits.slice(0, 8) };
  });
}

/**
 * Controls in the header and main area smaller than `min` px in height. A checkbox or radio counts together
 * with its label (the label is part of its target); a link inside a sentence may be as tall as the text.
 */
function smallTargets(page, min) {
  return page.evaluate((min) => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
    const describe = (el) => {
      const text = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""} "${text}"`;
    };
    const inSentence = (el) => {
      const block = el.closest("p, li, dd, td, .plan-body");
      return block !== null && block.textContent.trim() !== el.textContent.trim();
    };
    const small = [];
    for (const root of document.querySelectorAll("header, main")) {
      for (const el of root.querySelectorAll(selector)) {
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        if (!el.checkVisibility({ visibilityProperty: true }) || rect.width === 0 || rect.height === 0) continue;
        if (el.tagName === "A" && style.display === "inline" && inSentence(el)) continue;
        let height = rect.height;
        if (el.matches("input[type=checkbox], input[type=radio]")) {
          for (const label of el.labels ?? []) height = Math.max(height, label.getBoundingClientRect().height);
        }
        if (height < min - 0.5) small.push(`${describe(el)}: ${Math.round(height * 10) / 10}px`);
      }
    }
    return small;
  }, min);
}

async function checkNarrowLayout(page) {
  await page.setViewportSize(NARROWEST);
  await openAllDetails(page);
  const overflow = await horizontalOverflow(page);
  assert.equal(overflow.excess, 0, `horizontal scroll at ${NARROWEST.width} px, too wide: ${overflow.culprits.join(", ")}`);
  assert.deepEqual(await smallTargets(page, MIN_TARGET_PX), [], `touch targets under ${MIN_TARGET_PX} px`);
}

async function saveScreenshots(page, name) {
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      const file = path.join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}

for (const lang of LANGUAGES) {
  const withScreens = lang === "en";
  test(`every screen fits 320 px with 44 px targets in ${lang}${withScreens ? "; screenshots saved" : ""}`, async (t) => {
    const session = await openTourSession(app, { lang });
    const { page } = session;
    for await (const stop of tour(session, lang)) {
      // One case page stands for all five in the screenshots; the layout checks still visit each.
      if (withScreens && (stop.kind !== "case" || stop.scenario === "mall-incomplete-order")) {
        await saveScreenshots(page, stop.kind === "case" ? "case" : stop.name);
      }
      await t.test(`${stop.name} at ${NARROWEST.width} px`, () => checkNarrowLayout(page));
    }
    session.guard.assertClean();
  });
}

test("the dark theme really changes the colours", async () => {
  const session = await openTourSession(app, { lang: "en", colorScheme: "dark" });
  await session.open("/");
  const dark = await session.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await session.page.emulateMedia({ colorScheme: "light" });
  const light = await session.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(dark, light);
  session.guard.assertClean();
});
