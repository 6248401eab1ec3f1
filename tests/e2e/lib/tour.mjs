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

/** 1234.50 typed the way a seller writes it in `lang`. */
export function typedAmount(lang) {
  return lang === "en" ? "1,234.50" : "1 234,50";
}

/**
 * Answers that reach a summary with deadlines, checklists and messages. Relative to TODAY, the MALL case has a
 * deadline in 2 days (withdrawal period), one in 5 days (refund) and one overdue by 1 day (credit note), which
 * exercises every plural form of Russian and Polish countdowns.
 */
export function scenarioAnswers(lang) {
  return {
    "wb-lost-goods": { where: "warehouse", order_number: "WB-1001", amount: "2500", fire: "no", claim_sent: "yes", claim_date: "2026-11-10" },
    "wb-buyer-refusal": { model: "fbs", refusal: "after_receipt", order_number: "WB-2002", amount: "990", request: "pending", returned_state: "damaged", reason: "defect" },
    "ym-not-delivered": { model: "fbs", order_number: "YM-3003", amount: "4100", scheduled_on: "2026-11-01", status: "cancelled", exception: "none", cancelled_on: "2026-11-05" },
    "ym-return-problem": { return_kind: "return", problem: "swapped", order_number: "YM-3103", amount: "2990", act_date: "2026-11-22", refunded: "yes", back_at_point: "2026-11-20" },
    "amazon-not-received": { fulfilment: "seller_us", order_number: "114-4004", buyer_name: "Jane Roe", order_value: typedAmount(lang), tracking: "delivered", multi_package: "no", buy_shipping: "yes", first_scan: "yes", status: "claim_open", first_message: "2026-11-21", claim_date: "2026-11-22" },
    "mall-incomplete-order": { shop: "si", found: "after_delivery", order_number: "MALL-5005", buyer_name: "Anna Nowak", missing_value: typedAmount(lang), customer_choice: "withdraw", delivered_on: "2026-11-11", withdrawal_date: "2026-11-14", mall_request: "2026-11-08" },
  };
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
    // A scenario the walk has no answers for is answered with each question's first option and sample values.
    await walkToSummary(page, answers[scenario] ?? {});
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
