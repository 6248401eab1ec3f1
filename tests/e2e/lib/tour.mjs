// A walk through every screen of the app, the way a seller gets there: the home page, each wizard at its
// first question and at its summary, the case each wizard creates, then the case list, statistics, settings
// and a missing page. The quality suites (axe, keyboard, language, visual) check each stop of this walk.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { waitForAppReady } from "./app.mjs";
import { REPO_ROOT } from "./config.mjs";
import { createCase, walkToSummary } from "./wizard.mjs";

/** Every shipped scenario in the home page's order: the files of content/scenarios/ by their `order` field, as
 * build.rs lists them (a new scenario joins the tour without a JavaScript edit). */
export const SCENARIOS = readdirSync(path.join(REPO_ROOT, "content", "scenarios"))
  .filter((name) => name.endsWith(".toml"))
  .map((name) => {
    const text = readFileSync(path.join(REPO_ROOT, "content", "scenarios", name), "utf8");
    return { id: name.slice(0, -".toml".length), order: Number(/^order = (\d+)$/m.exec(text)?.[1]) };
  })
  .sort((a, b) => a.order - b.order)
  .map((scenario) => scenario.id);

// The browser clock is fixed at noon (local time) on this day, so countdowns and dates are the same on every run.
export const TODAY = "2026-11-23";
export const FIXED_NOW = new Date(2026, 10, 23, 12, 0, 0);

export const LOCALES = { ru: "ru-RU", en: "en-US", pl: "pl-PL" };

/** An amount written in a path table as "1234.50 USD", typed the way a seller writes it in `lang` ("1,234.50" in
 * English, "1 234,50" in Russian and Polish); any other answer as it is. */
function typed(value, lang) {
  const money = /^(\d+)\.(\d{2}) [A-Z]{3}$/.exec(value);
  if (!money) return value;
  const [, whole, cents] = money;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "en" ? "," : " ");
  return lang === "en" ? `${grouped}.${cents}` : `${grouped},${cents}`;
}

/**
 * Each wizard's answers for the tour: the row marked `tour` in its path table, content/paths/<id>.json, whose
 * plan and dates the native tests check (with the clock on TODAY). The MALL row has a deadline in 2 days, one in
 * a week and one overdue by 1 day, which exercises every plural form of Russian and Polish countdowns.
 */
export function scenarioAnswers(lang) {
  return Object.fromEntries(
    SCENARIOS.map((id) => {
      const table = JSON.parse(readFileSync(path.join(REPO_ROOT, "content", "paths", `${id}.json`), "utf8"));
      const row = table.cases.find((c) => c.tour);
      const answers = Object.fromEntries(Object.entries(row?.answers ?? {}).map(([q, v]) => [q, typed(v, lang)]));
      return [id, answers];
    }),
  );
}

/**
 * A guarded session in `lang` with the clock fixed at FIXED_NOW and the given colour scheme.
 * @param {Awaited<ReturnType<typeof import("./app.mjs").startApp>>} app
 */
export async function openTourSession(app, { lang, colorScheme = "light" }) {
  const session = await app.newSession({ lang, locale: LOCALES[lang] });
  await session.context.clock.setFixedTime(FIXED_NOW);
  await session.page.emulateMedia({ colorScheme });
  return session;
}

/**
 * Visits every route and yields at each stop once the screen is rendered: {name, route, kind, scenario?, caseId?}.
 * kind is one of home, wizard-start, wizard-summary, case, cases, stats, settings, rules, not-found.
 * One case per wizard is created on the way, so the list, the statistics and the home page are not empty.
 */
export async function* tour(session, lang) {
  const { page } = session;
  await session.open("/");
  yield { name: "home-empty", route: "/", kind: "home" };
  const answers = scenarioAnswers(lang);
  for (const scenario of SCENARIOS) {
    const route = `/wizard/${scenario}`;
    await session.open(route);
    await page.locator("form.wizard-step").waitFor();
    yield { name: `wizard-${scenario}-start`, route, kind: "wizard-start", scenario };
    await walkToSummary(page, answers[scenario]);
    await page.locator(".summary .plan").waitFor();
    yield { name: `wizard-${scenario}-summary`, route, kind: "wizard-summary", scenario };
    const caseId = await createCase(page);
    await waitForAppReady(page);
    await page.locator(".case-page").waitFor();
    yield { name: `case-${scenario}`, route: `/cases/${caseId}`, kind: "case", scenario, caseId };
  }
  for (const [name, route] of [
    ["cases", "/cases"],
    ["stats", "/stats"],
    ["settings", "/settings"],
    ["rules", "/rules"],
    ["not-found", "/no-such-page"],
    ["home", "/"],
  ]) {
    await session.open(route);
    yield { name, route, kind: name === "home" ? "home" : name };
  }
}

/** Opens every <details> so that text hidden behind "Why this date?" is checked as well. */
export async function openAllDetails(page) {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
}
