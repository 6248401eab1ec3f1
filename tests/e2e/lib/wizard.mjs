// Drives a Claimdesk wizard through the page the way a user does: read the current question, answer it,
// press Next. Answers are given per question id; questions without one get a sensible default.
import assert from "node:assert/strict";

export const DEFAULT_DATE = "2026-11-20";

/** The id of the question on screen, or null on the summary. */
export async function currentQuestion(page) {
  const form = page.locator("form.wizard-step");
  if ((await form.count()) === 0) return null;
  const radio = form.locator("input[type=radio]").first();
  if (await radio.count()) return radio.getAttribute("name");
  const input = form.locator("input[id^='q-']").first();
  const id = await input.getAttribute("id");
  return id.replace(/^q-/, "");
}

/** Answers the question on screen with `value` (an option id, a date, an amount or a text) and presses Next. */
export async function answerCurrent(page, value) {
  const form = page.locator("form.wizard-step");
  const radios = form.locator("input[type=radio]");
  // Without a value, an answer already given is kept (as a user pressing Next would); else a default.
  if (await radios.count()) {
    const checked = form.locator("input[type=radio]:checked");
    if (value !== undefined) await form.locator(`input[type=radio][value="${value}"]`).check();
    else if ((await checked.count()) === 0) await radios.first().check();
  } else {
    const input = form.locator("input[id^='q-']").first();
    const type = await input.getAttribute("type");
    const fallback = type === "date" ? DEFAULT_DATE : (await input.getAttribute("inputmode")) === "decimal" ? "150" : "AUTO-1";
    if (value !== undefined) await input.fill(value);
    else if (!(await input.inputValue())) await input.fill(fallback);
  }
  await form.getByRole("button", { name: /^(Next|Далее|Dalej)$/ }).click();
}

/**
 * Walks from the current question to the summary. `answers` maps question ids to values; the walk fails if
 * it takes more than `limit` steps (a loop) and returns the ids of the questions it answered, in order.
 */
export async function walkToSummary(page, answers, limit = 30) {
  const asked = [];
  for (let step = 0; step < limit; step++) {
    const id = await currentQuestion(page);
    if (id === null) return asked;
    asked.push(id);
    const before = await page.locator("form.wizard-step").innerHTML();
    await answerCurrent(page, answers[id]);
    // Wait until the step changed (next question or summary).
    await page.waitForFunction(
      (html) => document.querySelector("form.wizard-step")?.innerHTML !== html,
      before,
    );
  }
  assert.fail(`the wizard did not reach its summary within ${limit} steps: ${asked.join(" → ")}`);
}

/** Clicks "Create case" and waits for the case page. Returns the case id from the URL. */
export async function createCase(page) {
  await page.getByRole("button", { name: /^(Create case|Создать дело|Utwórz sprawę)$/ }).click();
  await page.waitForURL(/\/cases\/[^/]+$/);
  return new URL(page.url()).pathname.split("/").pop();
}

/** Opens the wizard `scenario` in session `s`, answers it (see walkToSummary), creates the case and waits for its
 * page. Returns the case id. */
export async function newCase(s, scenario, answers) {
  await s.open(`/wizard/${scenario}`);
  await walkToSummary(s.page, answers);
  const id = await createCase(s.page);
  await s.page.locator("main#main h1").waitFor();
  return id;
}
