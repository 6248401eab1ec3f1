// Language quality on every screen: in Russian and Polish no English UI text may be left over (from the English
// table or the scenarios' English texts), and dates, money and countdowns are written the way each language
// writes them (23.11.2026, 1 234,50 zł with no-break spaces, $1,234.50; 1 день / 2 дня / 5 дней).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

import { startApp } from "./lib/app.mjs";
import { REPO_ROOT } from "./lib/config.mjs";
import { readTable } from "./lib/locales.mjs";
import { openAllDetails, openTourSession, scenarioAnswers, tour } from "./lib/tour.mjs";
import { createCase, walkToSummary } from "./lib/wizard.mjs";

const NBSP = "\u00a0";
const PLACEHOLDER = /\{[a-z_][a-z0-9_.]*\}/g;

/** Every text of `lang` in the scenario files, one-line strings and the lines of multi-line ones. */
function scenarioTexts(lang) {
  const texts = [];
  const dir = path.join(REPO_ROOT, "content", "scenarios");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".toml"))) {
    const source = readFileSync(path.join(dir, name), "utf8");
    for (const m of source.matchAll(new RegExp(`\\b${lang} = """([\\s\\S]*?)"""`, "g"))) texts.push(...m[1].split("\n"));
    for (const m of source.matchAll(new RegExp(`\\b${lang} = "((?:[^"\\\\\\n]|\\\\.)*)"`, "g"))) {
      texts.push(m[1].replace(/\\(.)/g, "$1"));
    }
  }
  return texts;
}

/** The page text without the names quoted in «…» or „…” and without web addresses: a status or menu path of an
 * English-only portal (Amazon's «Closed», MALL's «Orders → Order Status Entry → Problem Order») is cited as written,
 * and a source's address (…/orders/lost) is not text left untranslated. */
const withoutQuotedNames = (text) =>
  text.replace(/«[^»\n]{1,120}»|„[^”\n]{1,120}”/g, " ").replace(/\bhttps?:\/\/[^\s"')<>]+/g, " ");

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A matcher for one English text as it would appear on a page: placeholders match any run of characters on the
 * same line; placeholders at either end are dropped; the text must stand as whole words (a hyphen joins words:
 * "Buyer-Seller Messaging" is the name of an Amazon feature, not a leftover "Buyer").
 * Returns null for texts with nothing to find (no run of two letters).
 */
function englishMatcher(text) {
  const core = text.trim().replace(/^(\{[^}]+\}\s*)+|(\s*\{[^}]+\})+$/g, "").trim();
  if (!/\p{L}{2}/u.test(core.replace(PLACEHOLDER, ""))) return null;
  const body = core.split(PLACEHOLDER).map(escapeRegExp).join("[^\\n]{1,200}?");
  return new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}-])`, "u");
}

/**
 * The English texts that must not appear on a `lang` screen: those of the English table and scenarios that the
 * other language does not also use word for word (brand names such as "Claimdesk" or "Amazon", "Status" in Polish).
 */
function englishOnly(lang) {
  const en = readTable("en");
  const other = readTable(lang);
  const otherTexts = new Set([...other.values(), ...scenarioTexts(lang)].flatMap((t) => t.split("\n")).map((t) => t.trim()));
  const candidates = [
    ...[...en].flatMap(([key, text]) => text.split("\n").map((line) => ({ from: `${key} (en.txt)`, text: line }))),
    ...scenarioTexts("en").map((text) => ({ from: "scenario", text })),
  ];
  const seen = new Set();
  return candidates.flatMap(({ from, text }) => {
    const trimmed = text.trim();
    if (!trimmed || otherTexts.has(trimmed) || seen.has(trimmed)) return [];
    seen.add(trimmed);
    const matcher = englishMatcher(trimmed);
    return matcher ? [{ from, text: trimmed, matcher }] : [];
  });
}

// A figure the app computes written with a decimal point ("0.5 %"), which Russian and Polish write with a comma.
// Only percentages and the statistics' values are checked: article numbers (art. 26.1) and months (11.2026) are
// not decimals.
const DECIMAL_POINT = /(?<![\d.])\d+\.\d+(?=\s?%)|^\d+\.\d+$/gm;

/** Everything a user can read or hear on the page: visible text, the title, labels, titles and placeholders. */
/**
 * Runs `read` in the page with every element marked as another language (`lang` other than the page's: a
 * message in the language its addressee works in, a language's own name in the switcher) hidden, so only text
 * that claims to be in the page's language is checked.
 */
function inPageLanguage(page, read) {
  return page.evaluate(`(() => {
    const lang = document.documentElement.lang;
    const others = [...document.querySelectorAll("body [lang]")].filter((el) => el.lang !== lang);
    const before = others.map((el) => el.style.display);
    others.forEach((el) => (el.style.display = "none"));
    try {
      return (${read})(lang);
    } finally {
      others.forEach((el, i) => (el.style.display = before[i]));
    }
  })()`);
}

async function pageText(page) {
  await openAllDetails(page);
  return inPageLanguage(page, (lang) => {
    const attributes = ["aria-label", "title", "placeholder", "alt", "aria-description", "aria-roledescription", "aria-valuetext"];
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll(attributes.map((a) => `[${a}]`).join(","))) {
      if (el.closest("[lang]")?.lang !== lang) continue;
      for (const a of attributes) if (el.hasAttribute(a)) parts.push(el.getAttribute(a));
    }
    for (const option of document.querySelectorAll("option")) {
      if (option.closest("[lang]")?.lang === lang) parts.push(option.textContent);
    }
    return parts.join("\n");
  });
}

// Numbers, dates and countdowns of the cases the tour creates (clock fixed on 23.11.2026; see lib/tour.mjs).
const EXPECTED = {
  ru: {
    mallMoney: `1${NBSP}234,50${NBSP}€`,
    amazonMoney: `1${NBSP}234,50${NBSP}$`,
    opened: "23.11.2026",
    dueDates: ["25.11.2026", "30.11.2026", "22.11.2026"],
    countdowns: ["через 2 дня", "через 7 дней", "просрочено на 1 день"],
  },
  pl: {
    mallMoney: `1${NBSP}234,50${NBSP}€`,
    amazonMoney: `1${NBSP}234,50${NBSP}$`,
    opened: "23.11.2026",
    dueDates: ["25.11.2026", "30.11.2026", "22.11.2026"],
    countdowns: ["za 2 dni", "za 7 dni", "po terminie o 1 dzień"],
  },
  en: {
    mallMoney: "€1,234.50",
    amazonMoney: "$1,234.50",
    opened: "Nov 23, 2026",
    dueDates: ["Nov 25, 2026", "Nov 30, 2026", "Nov 22, 2026"],
    countdowns: ["in 2 days", "in 7 days", "overdue by 1 day"],
  },
};

/** The MALL case shows its amount, opening date, due dates and countdowns in the language's own style. */
async function checkMallCase(page, lang) {
  const facts = await page.locator(".case-facts").innerText();
  const expected = EXPECTED[lang];
  assert.ok(facts.includes(expected.mallMoney), `amount written as ${JSON.stringify(expected.mallMoney)} in: ${JSON.stringify(facts)}`);
  assert.ok(facts.includes(expected.opened), `opening date written as ${expected.opened} in: ${facts}`);
  await checkDeadlines(page, lang);
}

async function checkDeadlines(page, lang) {
  const deadlines = await page.locator(".deadline-list").innerText();
  for (const text of [...EXPECTED[lang].dueDates, ...EXPECTED[lang].countdowns]) {
    assert.ok(deadlines.includes(text), `deadlines show "${text}": ${deadlines}`);
  }
}

async function checkAmazonCase(page, lang) {
  const facts = await page.locator(".case-facts").innerText();
  const expected = EXPECTED[lang].amazonMoney;
  assert.ok(facts.includes(expected), `amount written as ${JSON.stringify(expected)} in: ${JSON.stringify(facts)}`);
}

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test("the English-only list is built from the tables and can find a leftover", () => {
  const list = englishOnly("pl");
  const texts = list.map((e) => e.text);
  assert.ok(texts.includes("Skip to content") && texts.includes("Next"), "UI texts are in the list");
  assert.ok(!texts.includes("Claimdesk") && !texts.includes("Status"), "texts the same in Polish are not");
  const found = (text) => list.filter((e) => e.matcher.test(withoutQuotedNames(text))).map((e) => e.text);
  assert.deepEqual(found("Pytanie 2 z 5\nDalej"), []);
  assert.ok(found("Termin: in 3 days").includes("in {n} days"), "templates match with their placeholder filled in");
  assert.ok(found("Kliknij Next, aby").includes("Next"));
  assert.deepEqual(found("Nextcloud"), [], "only whole words match");
  assert.deepEqual(found("Buyer-Seller Messaging"), [], "a hyphenated name is not a leftover word");
  assert.deepEqual(found("status „Next”"), [], "a quoted portal name is not a leftover word");
  assert.ok(found("status Next").includes("Next"), "unquoted, it is");
  assert.deepEqual("23.11.2026 1 234,50 zł, art. 26.1, 11.2026".match(DECIMAL_POINT), null);
  assert.deepEqual("2.5".match(DECIMAL_POINT), ["2.5"]);
  assert.deepEqual("Zajęto 0.5% pamięci".match(DECIMAL_POINT), ["0.5"]);
});

for (const lang of ["ru", "pl"]) {
  test(`no English left on any screen in ${lang}; dates, money and plurals in ${lang} style`, async (t) => {
    const forbidden = englishOnly(lang);
    const session = await openTourSession(app, { lang });
    const { page } = session;
    for await (const stop of tour(session, lang)) {
      await t.test(`${stop.name}: no leftover English, numbers in ${lang} style`, async () => {
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const text = await pageText(page);
        const unquoted = withoutQuotedNames(text);
        const leftovers = forbidden.filter((e) => e.matcher.test(unquoted)).map((e) => `${JSON.stringify(e.text)} from ${e.from}`);
        assert.deepEqual(leftovers, [], `English text on ${stop.name} in ${lang}`);
        const visible = await inPageLanguage(page, () =>
          [document.body.innerText, ...[...document.querySelectorAll(".stat .value")].map((el) => el.innerText.trim())].join("\n"),
        );
        assert.deepEqual(visible.match(DECIMAL_POINT) ?? [], [], `numbers written with a decimal point on ${stop.name} in ${lang}`);
      });
      if (stop.kind === "case" && stop.scenario === "mall-incomplete-order") {
        await t.test(`${stop.name}: money, dates and countdowns`, () => checkMallCase(page, lang));
      }
      if (stop.kind === "wizard-summary" && stop.scenario === "mall-incomplete-order") {
        await t.test(`${stop.name}: due dates and countdowns in the plan`, () => checkDeadlines(page, lang));
      }
      if (stop.kind === "case" && stop.scenario === "amazon-not-received") {
        await t.test(`${stop.name}: dollars`, () => checkAmazonCase(page, lang));
      }
    }
    session.guard.assertClean();
  });
}

test("English: $1,234.50, Nov 23, 2026 and English plurals", async () => {
  const session = await openTourSession(app, { lang: "en" });
  const { page } = session;
  const answers = scenarioAnswers("en");
  for (const [scenario, check] of [
    ["amazon-not-received", checkAmazonCase],
    ["mall-incomplete-order", checkMallCase],
  ]) {
    await session.open(`/wizard/${scenario}`);
    await walkToSummary(page, answers[scenario]);
    await createCase(page);
    await page.locator(".case-facts").waitFor();
    await check(page, "en");
  }
  session.guard.assertClean();
});
