// A case carried through its stages in a real browser, with the clock fixed: the banner, the list and the
// due-soon panel show the next date that can still be met and the missed one once; recording "Claim filed" on the
// case page brings WB's 30 days and the court date into the plan; a claim dated before the loss was found is
// questioned; a case paid in part counts as recovered in part.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { startApp, waitForServiceWorkerControl } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { BASE_PATH, REPO_ROOT } from "./lib/config.mjs";
import { newCase } from "./lib/wizard.mjs";

// Noon local time on Monday 23 November 2026 (no Slovenian or Russian holiday near it).
const NOW = new Date(2026, 10, 23, 12, 0, 0);

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function fixedSession() {
  const s = await app.newSession({ lang: "en" });
  await s.context.clock.setFixedTime(NOW);
  return s;
}

/** A mimovrste.com withdrawal whose credit note was due 5 days ago (18 Nov), the withdrawal period ends today
 * (9 Nov + 14) and the refund is due tomorrow (10 Nov + 14). */
const MALL_THREE_DATES = {
  shop: "si",
  found: "after_delivery",
  order_number: "MALL-7001",
  buyer_name: "Ana Kos",
  shortage_confirmed: "yes",
  missing_value: "40",
  customer_choice: "withdraw",
  delivered_on: "2026-11-09",
  withdrawal_date: "2026-11-10",
  mall_request: "2026-11-04",
  complaints_request: "2026-11-12",
};

test("a deadline missed 5 days ago: banner, list, filter and due-soon show today's, the missed one once", async () => {
  const s = await fixedSession();
  const { page } = s;
  const id = await newCase(s, "mall-incomplete-order", MALL_THREE_DATES);

  await s.open(`/cases/${id}`);
  const next = page.locator(".next-deadline");
  await next.waitFor();
  assert.match(await next.innerText(), /Customer may withdraw.*Nov 23, 2026.*due today/s);
  const missed = page.locator(".missed-deadline");
  assert.equal(await missed.count(), 1, "the missed credit note is listed once");
  assert.match(await missed.innerText(), /Missed.*Nov 18, 2026/s);

  await s.open("/cases");
  const row = page.locator(".case-row", { hasText: "MALL-7001" });
  await row.waitFor();
  assert.match(await row.innerText(), /Nov 23, 2026/);
  assert.doesNotMatch(await row.innerText(), /Nov 18, 2026/);
  assert.match(await page.locator("#filter-due option[value=soon]").innerText(), /Due in 7 days.*\(1\)/);
  await page.selectOption("#filter-due", "soon");
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 1);
  await page.selectOption("#filter-due", "overdue");
  await page.waitForFunction(() => document.querySelectorAll(".case-row").length === 1);

  await s.open("/");
  const panel = page.locator(".due-soon li", { hasText: "MALL-7001" });
  await panel.first().waitFor();
  const texts = await panel.allInnerTexts();
  assert.equal(texts.filter((t) => /Missed/.test(t)).length, 1, texts.join("\n"));
  // The case's next date that can still be met (today's), and the missed one: two lines, not tomorrow's too.
  assert.equal(texts.length, 2, texts.join("\n"));
  assert.ok(texts.some((t) => /Customer may withdraw.*Nov 23, 2026/s.test(t)), texts.join("\n"));
  s.guard.assertClean();
});

test("'Claim filed' on the case page: stage, WB's 30 days and the court date; a claim before the loss is questioned", async () => {
  const s = await fixedSession();
  const { page } = s;
  const id = await newCase(s, "wb-lost-goods", {
    where: "warehouse",
    found_date: "2026-11-20",
    order_number: "WB-8801",
    amount: "2500",
    fire: "no",
    claim_sent: "no",
  });
  await s.open(`/cases/${id}`);
  const deadlines = page.locator(".deadline-list");
  assert.doesNotMatch(await page.locator(".case-page").innerText(), /WB's 30 days to answer/);

  await page.selectOption("#stage-next", "claim_filed");
  await page.fill("#stage-date", "2026-11-15");
  await page.fill("#stage-reference", "CLM-4471");
  await page.getByRole("button", { name: "Record the step" }).click();
  await page.locator(".stage-now", { hasText: "Now: Claim filed" }).waitFor();

  // 15 Nov + 30 days = Tue 15 Dec; the court from the day after.
  const answer = deadlines.locator(".deadline", { hasText: "WB's 30 days to answer the claim end" });
  await answer.waitFor();
  assert.match(await answer.innerText(), /Dec 15, 2026/);
  const court = deadlines.locator(".deadline", { hasText: "Earliest day to sue" });
  assert.match(await court.innerText(), /Dec 16, 2026/);
  assert.match(await page.locator(".timeline").innerText(), /CLM-4471/);

  // The claim (15 Nov) is dated before the loss was found (20 Nov): questioned, not refused.
  const warning = page.locator(".date-warnings");
  await warning.waitFor();
  assert.match(await warning.innerText(), /Nov 15, 2026.*earlier than.*Nov 20, 2026/s);
  s.guard.assertClean();
});

test("a step whose window has passed says so and what is still open (WB: object within 7 days)", async () => {
  const s = await fixedSession();
  const { page } = s;
  // The acceptance act of 10 Nov could be objected to until 17 Nov; today is 23 Nov.
  const id = await newCase(s, "wb-lost-goods", { where: "acceptance", found_date: "2026-11-10", order_number: "WB-8803", amount: "900", claim_sent: "no" });
  await s.open(`/cases/${id}`);
  const step = page.locator(".plan-item", { hasText: "Object to the acceptance act within 7 days" });
  const closed = step.locator(".window-closed");
  await closed.waitFor();
  assert.match(await closed.innerText(), /ran out on Nov 17, 2026/);
  assert.match(await closed.innerText(), /Still open: “Limitation period ends \(3 years\)”, Nov 12, 2029/);
  // A step without a date of its own says nothing of the kind.
  assert.equal(await page.locator(".plan-item .window-closed").count(), 1);
  s.guard.assertClean();
});

test("a case paid in part counts as recovered in part in the statistics", async () => {
  const s = await fixedSession();
  const { page } = s;
  const id = await newCase(s, "wb-lost-goods", {
    where: "warehouse",
    found_date: "2026-11-10",
    order_number: "WB-8802",
    amount: "2500",
    fire: "no",
    claim_sent: "yes",
    claim_date: "2026-11-12",
  });
  await s.open(`/cases/${id}`);
  await page.locator("#money-claimed").fill("2500");
  await page.locator("#money-received").fill("1000");
  await page.locator(".money-form button[type=submit]").click();
  await page.selectOption("#stage-next", "partly_paid");
  await page.fill("#stage-date", "2026-11-22");
  await page.getByRole("button", { name: "Record the step" }).click();
  await page.locator(".case-status", { hasText: /part/i }).waitFor();

  await s.open("/stats");
  const results = page.locator(".stat.results");
  await results.first().waitFor();
  const text = await results.first().innerText();
  assert.match(text, /Recovered in part/);
  assert.doesNotMatch(text, /Recovered in full/);
  s.guard.assertClean();
});

// Screenshots for review, not committed (test-results/ is ignored).
const SHOTS = path.join(REPO_ROOT, "test-results", "case-flow");

test("phone, 360×740: a compact header, the case page folded but for the next step, keyboard and axe clean", async () => {
  const s = await fixedSession();
  const { page } = s;
  await page.setViewportSize({ width: 360, height: 740 });
  await mkdir(SHOTS, { recursive: true });
  const id = await newCase(s, "wb-lost-goods", {
    where: "warehouse",
    found_date: "2026-11-10",
    order_number: "WB-36040",
    amount: "12500",
    fire: "no",
    claim_sent: "yes",
    claim_date: "2026-11-12",
  });
  await s.open(`/cases/${id}`);

  const header = await page.locator("header.site-header").boundingBox();
  assert.ok(header.height <= 110, `the header is ${header.height}px high (a quarter of the screen is 185px)`);

  const sections = page.locator("details.case-section");
  assert.equal(await sections.count(), 5);
  assert.equal(await page.locator("details.case-section[open]").count(), 0, "folded when the page opens");
  assert.ok(await page.locator(".next-deadline").isVisible(), "the banner with the next date");
  assert.ok(await page.locator("#stage-next").isVisible(), "the claim's next step");
  await page.screenshot({ path: path.join(SHOTS, "case-360-folded.png"), fullPage: true });
  await assertAccessible(page);
  const folded = await page.evaluate(() => document.documentElement.scrollHeight);

  // The plan opens from the keyboard: Tab to its heading, Enter.
  const planToggle = page.locator("#case-plan > summary");
  for (let i = 0; i < 60 && !(await planToggle.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  assert.ok(await planToggle.evaluate((el) => el === document.activeElement), "the plan's heading is reached by Tab");
  await page.keyboard.press("Enter");
  await page.locator("#case-plan[open] .deadline-list").waitFor();

  await page.evaluate(() => document.querySelectorAll("details.case-section").forEach((d) => (d.open = true)));
  const unfolded = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: path.join(SHOTS, "case-360-unfolded.png"), fullPage: true });
  assert.ok(folded * 2 <= unfolded, `folded ${folded}px is not half of unfolded ${unfolded}px`);
  await assertAccessible(page);
  s.guard.assertClean();
});

/** A date as the wizard's date fields take it, in local time. */
function isoDay(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// The service worker runs on the real clock (the page's clock cannot be fixed inside a worker), so this case's
// date is due on the real today: an acceptance act published 7 days ago can be objected to until today.
test("reminders: the badge counts the case due today, a periodic sync shows today's notification, Settings says what this browser does", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page, context } = s;
  // Observe the Badging API: the stub records each number the app asks for.
  await context.addInitScript(() => {
    window.__badges = [];
    navigator.setAppBadge = (n) => (window.__badges.push(n), Promise.resolve());
    navigator.clearAppBadge = () => (window.__badges.push(0), Promise.resolve());
  });
  await context.grantPermissions(["notifications"], { origin: app.origin });
  const today = new Date();
  const published = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 7);
  await newCase(s, "wb-lost-goods", {
    where: "acceptance",
    found_date: isoDay(published),
    order_number: "WB-BADGE",
    amount: "900",
    claim_sent: "no",
  });
  await s.open("/");
  await page.waitForFunction(() => window.__badges.at(-1) === 1);

  // The plan the worker reads: today's entry, worded in the seller's language.
  await waitForServiceWorkerControl(page);
  const plan = await page.evaluate(async (base) => {
    const cache = await caches.open(`claimdesk-reminders ${base}`);
    const stored = await cache.match(new URL("reminders.json", location.origin + base).href);
    return stored ? stored.json() : null;
  }, BASE_PATH);
  assert.ok(plan, "the reminder plan is stored for the service worker");
  assert.deepEqual(plan.days[0], {
    date: isoDay(today),
    count: 1,
    title: "1 case needs you today",
    body: "Wildberries · WB-BADGE: Last day to object to the acceptance act — today",
  });

  // A periodic sync, as Chromium fires it for an installed app, through the DevTools protocol.
  const cdp = await context.newCDPSession(page);
  const registration = new Promise((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const live = registrations.find((r) => !r.isDeleted && r.scopeURL.startsWith(app.origin));
      if (live) resolve(live);
    });
  });
  await cdp.send("ServiceWorker.enable");
  const { registrationId } = await registration;
  await cdp.send("ServiceWorker.dispatchPeriodicSyncEvent", { origin: app.origin, registrationId, tag: "claimdesk-reminders" });
  const notification = async () =>
    page.evaluate(async () => {
      const [shown] = await (await navigator.serviceWorker.ready).getNotifications({ tag: "claimdesk-reminders" });
      return shown ? { title: shown.title, body: shown.body, lang: shown.lang } : null;
    });
  let shown = null;
  for (let tries = 0; tries < 50 && !shown; tries++) {
    shown = await notification();
    if (!shown) await page.waitForTimeout(100);
  }
  assert.deepEqual(shown, {
    title: "1 case needs you today",
    body: "Wildberries · WB-BADGE: Last day to object to the acceptance act — today",
    lang: "en",
  });

  // In a browser tab (not installed) Chromium is told to install the app first; no permission is asked here.
  await s.open("/settings");
  assert.match(await page.locator(".reminders-here").innerText(), /install the app/);
  assert.equal(await page.getByRole("button", { name: "Turn on daily reminders" }).count(), 0);
  assert.match(await page.locator("#reminders").innerText(), /Firefox: the calendar file/);
  s.guard.assertClean();
});
