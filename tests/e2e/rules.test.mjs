// The rules page (issue 10 §5): every rule with its source, last-verified date, uncertainty and the wizards that
// use it, reached from a deadline's "Why this date?"; a rule verified more than 6 months ago says it may be out
// of date. Also the two date notes of the deadline list: an end moved off a day off, and a year whose official
// holiday calendar the app does not have yet.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";

import { startApp } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { LANGUAGES, REPO_ROOT } from "./lib/config.mjs";
import { walkToSummary } from "./lib/wizard.mjs";

const HEADING = { en: "Rules and sources", ru: "Правила и источники", pl: "Zasady i źródła" };
const WHY = { en: "Why this date?", ru: "Почему эта дата?", pl: "Skąd ta data?" };
const GLOBAL_CLAIMS = "https://yandex.com/support/global-marketplace/en/communication/claims";

/** The `verified` date of deadline `id` in content/scenarios/<scenario>.toml, as a local midnight. */
function verifiedOn(scenario, id) {
  const text = readFileSync(path.join(REPO_ROOT, "content", "scenarios", `${scenario}.toml`), "utf8");
  const block = text.split("[[deadlines]]").find((b) => b.includes(`id = "${id}"`));
  const [, y, m, d] = /^verified = "(\d{4})-(\d{2})-(\d{2})"$/m.exec(block ?? "") ?? [];
  assert.ok(y, `no verified date for ${scenario}:${id}`);
  return new Date(Number(y), Number(m) - 1, Number(d));
}

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Opens the "Why this date?" of the deadline row whose label matches `label` and follows its rules link. */
async function followRuleLink(page, lang, label) {
  const row = page.locator(".deadline-list li.deadline", { hasText: label });
  await row.locator("summary", { hasText: WHY[lang] }).click();
  await row.locator(".all-rules a").click();
}

describe("rules page", () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: "Why this date?" leads to the rule, with its source, date, uncertainty and both Market wizards`, async () => {
      const s = await app.newSession({ lang });
      await s.open("/wizard/ym-not-delivered");
      await walkToSummary(s.page, { model: "fby", order_number: "YM-RULES", scheduled_on: "2026-11-10", status: "in_delivery" });
      const label = { en: "Last day for a loss claim", ru: "Последний день для претензии об утрате", pl: "Ostatni dzień na reklamację utraty" }[lang];
      await followRuleLink(s.page, lang, label);

      await s.page.waitForURL(/\/rules#rule-ym-not-delivered-claim_window$/);
      await s.page.locator("main#main h1", { hasText: HEADING[lang] }).waitFor();
      const rule = s.page.locator("#rule-ym-not-delivered-claim_window");
      await s.page.waitForFunction(() => document.activeElement?.id === "rule-ym-not-delivered-claim_window");
      assert.ok(await rule.isVisible(), "the linked rule is in view");
      assert.equal(await rule.locator("h3").innerText().then((t) => t.startsWith(label)), true);
      assert.equal(await rule.locator(".badge.uncertain").count(), 1, "marked uncertain");
      assert.equal(await rule.locator(".source a").getAttribute("href"), GLOBAL_CLAIMS);
      assert.match(await rule.locator(".verified").innerText(), /2026|02\.12\.2026/);
      const usedIn = await rule.locator(".used-in a").evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
      assert.deepEqual(
        usedIn.map((p) => p.replace(/^.*\/wizard\//, "")),
        ["ym-not-delivered", "ym-return-problem"],
        "one entry lists both wizards that use the rule",
      );
      assert.equal(await rule.locator(".stale").count(), 0, "verified within 6 months");

      // Every deadline of every wizard is listed once, grouped under its marketplace.
      assert.equal(await s.page.locator(".rules-market").count(), 4, "four marketplaces");
      const ids = await s.page.locator(".rules-market li.rule").evaluateAll((items) => items.map((li) => li.id));
      assert.equal(new Set(ids).size, ids.length, "no rule twice");
      assert.ok(ids.length >= 30, `all rules listed (${ids.length})`);
      assert.equal(await s.page.locator(".rules-calendars li").count(), 4, "Russian, Polish, Slovenian and Croatian holiday calendars");

      // A link to a wizard from the page works in-app.
      await rule.locator(".used-in a").nth(1).click();
      await s.page.waitForURL(/\/wizard\/ym-return-problem$/);
      await s.page.locator("form.wizard-step").waitFor();
      s.guard.assertClean();
      await s.close();
    });
  }

  test("en: a rule verified more than 6 months ago says it may be out of date, and the page passes axe", async () => {
    const verified = verifiedOn("amazon-not-received", "claim_eligible");
    const sixMonthsLater = new Date(verified.getFullYear(), verified.getMonth() + 6, verified.getDate(), 12, 0, 0);
    const rule = "#rule-amazon-not-received-claim_eligible";
    for (const [now, stale] of [[sixMonthsLater, false], [new Date(sixMonthsLater.getTime() + 86_400_000), true]]) {
      const s = await app.newSession({ lang: "en" });
      await s.context.clock.setFixedTime(now);
      await s.open("/rules");
      const stales = await s.page.locator(`${rule} .stale`).allInnerTexts();
      assert.deepEqual(stales.length, stale ? 1 : 0, `on ${now.toDateString()}`);
      if (stale) assert.match(stales[0], /may be out of date — check the source/);
      if (!stale) await assertAccessible(s.page);
      s.guard.assertClean();
      await s.close();
    }
  });

  test("en: a term ending on a day off shows the move; a year without the official calendar says the date may move", async () => {
    const s = await app.newSession({ lang: "en" });
    await s.open("/wizard/wb-lost-goods");
    // 5 Nov 2026 + 30 days = Saturday 5 Dec 2026: WB's 30 days to answer end on Monday 7 Dec (ГК РФ art. 193),
    // and court is possible from the day after, Tuesday 8 Dec (АПК РФ art. 4 part 5).
    await walkToSummary(s.page, { where: "warehouse", fire: "no", order_number: "WB-1", found_date: "2026-11-01", claim_sent: "yes", claim_date: "2026-11-05" });
    const term = s.page.locator(".deadline-list li.deadline", { hasText: "WB's 30 days to answer the claim end" });
    assert.match(await term.locator(".due-date").innerText(), /7/);
    assert.match(await term.locator(".deadline-moved").innerText(), /5.*is a day off/);
    const court = s.page.locator(".deadline-list li.deadline", { hasText: "Earliest day to sue in the commercial (arbitrazh) court" });
    assert.match(await court.locator(".due-date").innerText(), /8/);

    s.guard.assertClean();
    await s.close();

    // 12 Jan 2027 + 30 days = 11 Feb 2027, in a year whose government transfers of days off are not shipped yet:
    // the court date, a day after it, carries the note too.
    const t = await app.newSession({ lang: "en" });
    await t.open("/wizard/wb-lost-goods");
    await walkToSummary(t.page, { where: "warehouse", fire: "no", order_number: "WB-2", found_date: "2027-01-10", claim_sent: "yes", claim_date: "2027-01-12" });
    const later = t.page.locator(".deadline-list li.deadline", { hasText: "Earliest day to sue in the commercial (arbitrazh) court" });
    assert.match(await later.locator(".deadline-moved").innerText(), /official holiday calendar for 2027/);
    t.guard.assertClean();
    await t.close();
  });
});
