// Keyboard only: a skip link first in the tab order that moves focus to the main area; every control of each
// screen reached by Tab in order and by Shift-Tab in reverse, each with a visible focus indicator; a wizard moves
// focus to each new question; the case page's actions (status, note, checklist, amounts, delete with a
// confirmation that Esc cancels) and the settings (language, backup export and import) work with Tab, Enter,
// Space, arrows and Esc.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startApp } from "./lib/app.mjs";
import { BASE_PATH } from "./lib/config.mjs";
import { openTourSession, scenarioAnswers } from "./lib/tour.mjs";
import { createCase, walkToSummary } from "./lib/wizard.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Presses `key` until `locator` has the focus; fails after `max` presses. */
async function pressUntilFocused(page, locator, key = "Tab", max = 120) {
  const handle = await locator.elementHandle();
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    if (await handle.evaluate((el) => el === document.activeElement)) return;
  }
  assert.fail(`${key} never reached ${locator}`);
}

const activeInfo = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    return { id: el.id, tag: el.tagName, text: el.textContent.trim().replace(/\s+/g, " ").slice(0, 60) };
  });

/**
 * Tabs through the whole page (call it right after the page loaded, so that the first Tab starts at the top) and checks that every focusable control is reached once, that
 * Shift-Tab visits them in exactly the reverse order, and that each shows a focus indicator (an outline of at
 * least 2 px, or a box-shadow it does not have without focus). Radio buttons of one group count as one stop.
 */
async function checkTabCycle(page) {
  const expected = await page.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll("body *")) el.setAttribute("data-kb", String(n++));
    const stops = [];
    const seenRadio = new Set();
    for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")) {
      // checkVisibility is false for display:none, visibility:hidden and the content of a closed <details>.
      if (el.disabled || el.type === "hidden" || el.tabIndex < 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (el.type === "radio") {
        if (seenRadio.has(el.name)) continue;
        seenRadio.add(el.name);
        stops.push(`radio:${el.name}`);
      } else {
        stops.push(el.dataset.kb);
      }
    }
    return stops;
  });
  const stopOf = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        stop: el.type === "radio" ? `radio:${el.name}` : el.dataset.kb,
        kb: el.dataset.kb,
        name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.getAttribute("aria-label") || el.textContent || el.name || "").trim().replace(/\s+/g, " ").slice(0, 40)}"`,
        focusVisible: el.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow,
      };
    });

  // A date field is one stop with several parts (day, month, year) that Tab walks through: consecutive presses on
  // the same control count once.
  const forward = [];
  for (let i = 0; i < 3 * expected.length + 5; i++) {
    await page.keyboard.press("Tab");
    const now = await stopOf();
    if (now === null || (forward.length && now.stop === forward[0].stop)) break;
    if (forward.length && now.stop === forward.at(-1).stop) continue;
    forward.push(now);
  }
  const forwardStops = forward.map((f) => f.stop);
  const missed = await page.evaluate(
    (stops) =>
      stops.map((stop) => {
        const el = stop.startsWith("radio:") ? document.querySelector(`input[name="${stop.slice(6)}"]`) : document.querySelector(`[data-kb="${stop}"]`);
        return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")} "${el.textContent.trim().slice(0, 40)}"`;
      }),
    expected.filter((s) => !forwardStops.includes(s)),
  );
  assert.deepEqual(missed, [], `controls Tab never reaches on ${page.url()}`);
  const twice = forward.filter((f, i) => forwardStops.indexOf(f.stop) !== i).map((f) => f.name);
  assert.deepEqual(twice, [], "no control is reached twice in one cycle");

  // Focus indicator: an outline, or a box-shadow that only focus adds.
  await page.evaluate(() => document.activeElement?.blur());
  const unfocusedShadow = await page.evaluate(
    (kbs) => Object.fromEntries(kbs.map((kb) => [kb, getComputedStyle(document.querySelector(`[data-kb="${kb}"]`)).boxShadow])),
    forward.map((f) => f.kb),
  );
  const noIndicator = forward
    .filter((f) => !(f.focusVisible && (f.outline || (f.shadow !== "none" && f.shadow !== unfocusedShadow[f.kb]))))
    .map((f) => f.name);
  assert.deepEqual(noIndicator, [], "controls without a visible focus indicator");

  // Shift-Tab from the last stop walks back through the same stops.
  await page.locator(`[data-kb="${forward.at(-1).kb}"]`).focus();
  const backward = [forward.at(-1).stop];
  for (let i = 0; backward.length < forward.length && i < 3 * forward.length; i++) {
    await page.keyboard.press("Shift+Tab");
    const stop = (await stopOf())?.stop ?? null;
    if (stop !== backward.at(-1)) backward.push(stop);
  }
  assert.deepEqual(backward, [...forwardStops].reverse(), "Shift-Tab visits the controls in reverse order");
}

/** A fresh session with one MALL case created through the wizard; returns the session and the case URL. */
async function withCase(lang = "en") {
  const s = await openTourSession(app, { lang });
  await s.open("/wizard/mall-incomplete-order");
  await walkToSummary(s.page, scenarioAnswers(lang)["mall-incomplete-order"]);
  await createCase(s.page);
  await s.page.locator(".case-page h1").waitFor();
  return { s, caseURL: s.page.url() };
}

describe("skip link and focus order", () => {
  test("the skip link is the first stop, visible when focused, and moves focus to the main area", async () => {
    const s = await openTourSession(app, { lang: "en" });
    await s.open("/");
    await s.page.keyboard.press("Tab");
    const skip = s.page.locator("a.skip-link");
    assert.ok(await skip.evaluate((el) => el === document.activeElement), "the first Tab focuses the skip link");
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 0, `the focused skip link is on screen: ${JSON.stringify(box)}`);
    await s.page.keyboard.press("Enter");
    await s.page.waitForFunction(() => document.activeElement?.id === "main");
    await s.page.keyboard.press("Tab");
    assert.ok(
      await s.page.evaluate(() => document.querySelector("main").contains(document.activeElement)),
      "the next Tab goes to the first control of the main area, past the header",
    );
    s.guard.assertClean();
  });

  for (const [name, route] of [
    ["home", "/"],
    ["settings", "/settings"],
    ["not found", "/no-such-page"],
  ]) {
    test(`${name}: every control reachable with Tab and Shift-Tab, with a focus indicator`, async () => {
      const s = await openTourSession(app, { lang: "en" });
      await s.open(route);
      await checkTabCycle(s.page);
      s.guard.assertClean();
    });
  }

  test("home: a scenario opens with Enter; the language changes with the arrow keys", async () => {
    const s = await openTourSession(app, { lang: "en" });
    const { page } = s;
    await s.open("/");
    await pressUntilFocused(page, page.locator("#lang-select"));
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.documentElement.lang !== "en");
    await page.keyboard.press("ArrowUp");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const card = page.locator("a.scenario-card").first();
    const target = await card.evaluate((a) => new URL(a.href).pathname);
    assert.ok(target.startsWith(BASE_PATH), `the link ${target} stays under the app's base path ${BASE_PATH}`);
    await pressUntilFocused(page, card);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/wizard\/[a-z-]+$/);
    await page.locator("form.wizard-step").waitFor();
    s.guard.assertClean();
  });
});

describe("wizard", () => {
  test("arrows pick an answer, Enter moves on and focus lands on the new question; Back and errors too", async () => {
    const s = await openTourSession(app, { lang: "en" });
    const { page } = s;
    await s.open("/wizard/mall-incomplete-order");
    await checkTabCycle(page);
    await s.open("/wizard/mall-incomplete-order");

    // Enter with nothing chosen: the error appears and the focus goes to the field.
    await pressUntilFocused(page, page.locator("form.wizard-step input[type=radio]").first());
    await page.keyboard.press("Enter");
    await page.locator(".field-error").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("type")), "radio", "focus stays on the answers");

    // Arrow keys move between the radios (and check them); Enter submits. The shop first, then when the shortage
    // was found.
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement?.value), "hr");
    await page.keyboard.press("Enter");
    await page.locator("form.wizard-step input[value=after_delivery]").waitFor();
    await pressUntilFocused(page, page.locator("form.wizard-step input[type=radio]").first());
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement?.value), "after_delivery");
    await page.keyboard.press("Enter");
    await page.locator("#q-order_number").waitFor();
    const heading = await activeInfo(page);
    assert.equal(heading?.tag, "H2", "focus moved to the new question's heading");
    assert.match(heading.text, /order number/i);

    // The heading is followed by the input: type, Enter.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "q-order_number");
    await page.keyboard.type("KB-77");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.querySelector("#q-order_number"));
    assert.equal((await activeInfo(page))?.tag, "H2");

    // Back with Space returns to the previous question, focus on its heading, the answer kept.
    await pressUntilFocused(page, page.getByRole("button", { name: "Back" }));
    await page.keyboard.press("Space");
    await page.locator("#q-order_number").waitFor();
    assert.equal((await activeInfo(page))?.tag, "H2");
    assert.equal(await page.locator("#q-order_number").inputValue(), "KB-77");

    // Forward again to the optional name, then an amount in the wrong format: the error is tied to the field
    // and the field gets the focus.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator("#q-buyer_name").waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.type("Ann");
    await page.keyboard.press("Enter");
    // A yes/no question: Tab reaches the first answer, Space checks it, Enter moves on.
    await page.waitForFunction(() => /packing records/i.test(document.activeElement?.textContent ?? ""));
    assert.equal((await activeInfo(page))?.tag, "H2");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("type")), "radio");
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await page.locator("#q-missing_value").waitFor();
    assert.equal((await activeInfo(page))?.tag, "H2");
    await page.keyboard.press("Tab");
    await page.keyboard.type("twelve");
    await page.keyboard.press("Enter");
    const error = page.locator(".field-error");
    await error.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "q-missing_value");
    const describedBy = await page.locator("#q-missing_value").getAttribute("aria-describedby");
    assert.ok(describedBy?.split(" ").includes(await error.getAttribute("id")), "the error is tied to its field");
    s.guard.assertClean();
  });

  test("summary: focus on the answers heading; Change, Why-this-date and Copy work from the keyboard", async () => {
    const s = await openTourSession(app, { lang: "en" });
    const { page } = s;
    await s.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
    await s.open("/wizard/mall-incomplete-order");
    const answers = scenarioAnswers("en")["mall-incomplete-order"];
    // Reach the summary once, then re-answer the last question with Enter to see where the focus lands.
    await walkToSummary(page, answers);
    await page.getByRole("button", { name: /^Change — / }).last().click();
    await page.locator("form.wizard-step").waitFor();
    await page.locator("form.wizard-step input").first().focus();
    await page.keyboard.press("Enter");
    await page.locator(".summary").waitFor();
    const heading = await activeInfo(page);
    assert.equal(heading?.tag, "H2");
    assert.equal(heading.text, "Your answers");

    await s.open("/wizard/mall-incomplete-order");
    await page.locator(".summary").waitFor();
    await checkTabCycle(page);

    await s.open("/wizard/mall-incomplete-order");
    const why = page.locator("details.why summary").first();
    await pressUntilFocused(page, why);
    await page.keyboard.press("Enter");
    assert.equal(await why.evaluate((el) => el.parentElement.open), true, "Enter opens “Why this date?”");

    const copy = page.locator("article.message").first().getByRole("button", { name: "Copy text" });
    await pressUntilFocused(page, copy);
    await page.keyboard.press("Space");
    await page.locator("[role=status]", { hasText: "Copied" }).waitFor();

    await pressUntilFocused(page, page.getByRole("button", { name: /^Change — / }).first(), "Shift+Tab");
    await page.keyboard.press("Enter");
    await page.locator("form.wizard-step").waitFor();
    assert.equal((await activeInfo(page))?.tag, "H2", "Change puts the focus on the question");
    s.guard.assertClean();
  });
});

describe("case page", () => {
  test("every control reachable with Tab and Shift-Tab, with a focus indicator", async () => {
    const { s, caseURL } = await withCase();
    await s.page.goto(caseURL);
    await s.page.locator(".case-page h1").waitFor();
    await checkTabCycle(s.page);
    s.guard.assertClean();
  });

  test("status, note, checklist and amounts with the keyboard only", async () => {
    const { s } = await withCase();
    const { page } = s;
    const timeline = page.locator("ol.timeline");

    await pressUntilFocused(page, page.locator("#new-status"));
    await page.keyboard.press("ArrowDown");
    const chosen = await page.locator("#new-status").evaluate((el) => el.selectedOptions[0]?.textContent.trim());
    assert.ok(chosen && chosen !== "—", "an arrow key picks a new status");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator(".case-status", { hasText: chosen }).waitFor();
    await timeline.locator("li", { hasText: `→ ${chosen}` }).waitFor();

    const checkbox = page.locator(".checklist input[type=checkbox]").first();
    const item = (await page.locator(".checklist label").first().innerText()).trim();
    await pressUntilFocused(page, checkbox);
    await page.keyboard.press("Space");
    assert.equal(await checkbox.isChecked(), true, "Space ticks the checklist item");
    await timeline.locator("li", { hasText: item }).first().waitFor();

    await pressUntilFocused(page, page.locator("#money-received"));
    await page.keyboard.type("100.25");
    await page.keyboard.press("Enter");
    await page.locator(".case-facts", { hasText: "100.25" }).waitFor();

    await pressUntilFocused(page, page.locator("#note-text"));
    await page.keyboard.type("Called MALL support, ticket 5521");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await timeline.locator("li", { hasText: "ticket 5521" }).waitFor();
    await page.locator("[role=status]", { hasText: "Note added" }).waitFor();
    s.guard.assertClean();
  });

  test("delete asks first: focus moves into the confirmation, stays there, Esc cancels and returns focus", async () => {
    const { s, caseURL } = await withCase();
    const { page } = s;
    const deleteButton = page.getByRole("button", { name: "Delete case" });
    await pressUntilFocused(page, deleteButton);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    const inDialog = () => dialog.evaluate((el) => el.contains(document.activeElement));
    assert.ok(await inDialog(), "focus moves into the confirmation");
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      assert.ok(await inDialog(), "Tab stays inside the confirmation");
    }
    await page.keyboard.press("Shift+Tab");
    assert.ok(await inDialog(), "Shift-Tab stays inside the confirmation");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.ok(await deleteButton.evaluate((el) => el === document.activeElement), "focus returns to “Delete case”");
    assert.equal(page.url(), caseURL, "Esc deleted nothing");

    await page.keyboard.press("Space");
    await dialog.waitFor();
    await pressUntilFocused(page, dialog.getByRole("button", { name: "Yes, delete" }), "Tab", 5);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/cases$/);
    await page.locator("main#main h1").waitFor();
    assert.equal(await page.locator(".case-row").count(), 0, "the case is gone from the list");
    s.guard.assertClean();
  });

  test("cases list, statistics and home with a case: every control reachable, with a focus indicator", async () => {
    const { s } = await withCase();
    for (const route of ["/", "/stats"]) {
      await s.open(route);
      await checkTabCycle(s.page);
    }
    await s.open("/cases");
    await s.page.locator(".case-row").first().waitFor();
    await checkTabCycle(s.page);
    await pressUntilFocused(s.page, s.page.locator(".case-row a").first());
    await s.page.keyboard.press("Enter");
    await s.page.waitForURL(/\/cases\/[^/]+$/);
    s.guard.assertClean();
  });
});

describe("settings", () => {
  test("the language radios follow the arrow keys; a backup is exported and imported with the keyboard only", async () => {
    const { s: source } = await withCase();
    const page = source.page;
    await source.open("/settings");
    await pressUntilFocused(page, page.locator("input[name=settings-lang]:checked"));
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.documentElement.lang === "pl");
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(() => document.documentElement.lang === "en");

    const downloaded = page.waitForEvent("download");
    await pressUntilFocused(page, page.getByRole("button", { name: "Export backup (JSON)" }));
    await page.keyboard.press("Enter");
    const file = path.join(os.tmpdir(), `claimdesk-keyboard-${process.pid}.json`);
    await (await downloaded).saveAs(file);

    try {
      const target = await openTourSession(app, { lang: "en" });
      await target.open("/settings");
      const chooser = target.page.waitForEvent("filechooser");
      await pressUntilFocused(target.page, target.page.locator("#import-file"));
      await target.page.keyboard.press("Space");
      await (await chooser).setFiles(file);
      const preview = target.page.getByRole("region", { name: "What the import will do" });
      await preview.waitFor();
      assert.match(await preview.innerText(), /New cases to add: 1/);
      await pressUntilFocused(target.page, preview.getByRole("button", { name: "Import", exact: true }));
      await target.page.keyboard.press("Enter");
      await target.page.locator("[role=status]", { hasText: "Import finished" }).waitFor();
      await target.open("/cases");
      assert.equal(await target.page.locator(".case-row").count(), 1, "the imported case is listed");
      target.guard.assertClean();
    } finally {
      await rm(file, { force: true });
    }
    source.guard.assertClean();
  });
});
