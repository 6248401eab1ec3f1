// axe-core (WCAG 2.1 A and AA) on every screen in every language: home (empty and with cases), each wizard at
// its first question, with a validation error and at its summary, each case page (also with the delete
// confirmation open), the case list, statistics, settings and a missing page. The dark theme changes only colours,
// so there (in English) the contrast rule alone is run, which also keeps the suite quicker.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";

import { startApp } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { LANGUAGES } from "./lib/config.mjs";
import { openAllDetails, openTourSession, tour } from "./lib/tour.mjs";

const NEXT = /^(Next|Далее|Dalej)$/;
const DELETE = /^(Delete case|Удалить дело|Usuń sprawę)$/;
const CANCEL = /^(Cancel|Отмена|Anuluj)$/;

async function assertContrast(page) {
  const { violations } = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  const summary = violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.any[0]?.message ?? v.help}`));
  assert.deepEqual(summary, [], `contrast below AA on ${page.url()}`);
}

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** An empty submit shows an error that is announced with its field: aria-invalid and aria-describedby. */
async function checkErrorState(page) {
  const form = page.locator("form.wizard-step");
  await form.getByRole("button", { name: NEXT }).click();
  const error = form.locator(".field-error");
  await error.waitFor();
  const errorId = await error.getAttribute("id");
  assert.ok(errorId, "the error message has an id");
  const field = form.locator(`[aria-describedby~="${errorId}"]`);
  assert.equal(await field.count(), 1, "exactly one field is described by the error");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  await assertAccessible(page);
}

async function checkDeleteConfirmation(page) {
  await page.getByRole("button", { name: DELETE }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await assertAccessible(page);
  await dialog.getByRole("button", { name: CANCEL }).click();
  await dialog.waitFor({ state: "detached" });
}

for (const [lang, colorScheme] of [...LANGUAGES.map((l) => [l, "light"]), ["en", "dark"]]) {
  test(`no axe violations on any route in ${lang}, ${colorScheme} theme${colorScheme === "dark" ? " (contrast)" : ""}`, async (t) => {
    const session = await openTourSession(app, { lang, colorScheme });
    const { page } = session;
    for await (const stop of tour(session, lang)) {
      await t.test(stop.name, async () => {
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        await openAllDetails(page);
        await (colorScheme === "dark" ? assertContrast(page) : assertAccessible(page));
      });
      if (stop.kind === "wizard-start" && colorScheme === "light") {
        await t.test(`${stop.name} with a validation error`, () => checkErrorState(page));
      }
      if (stop.kind === "case" && stop.scenario === "mall-incomplete-order") {
        await t.test(`${stop.name} with the delete confirmation open`, () => checkDeleteConfirmation(page));
      }
    }
    session.guard.assertClean();
  });
}
