// Figure 4: answering a wizard question → the next question painted. Every scenario is walked to its summary
// the way tests/e2e/lib/wizard.mjs walks it (same selectors, same default answers); the answer is entered first,
// and only the press of "Next" is timed, inside the page (see probe.mjs).
import { DEFAULT_DATE, currentQuestion } from "../../tests/e2e/lib/wizard.mjs";
import { routeURL } from "../../tests/e2e/lib/app.mjs";
import { timeInteractionInPage } from "./probe.mjs";
import { openSession, waitForProbe } from "./session.mjs";

const STEP_LIMIT = 40;

/** Puts an answer in the form without submitting it. `round` varies the choices between walks. */
async function enterAnswer(page, round, step) {
  await page.evaluate(
    ({ pick, date }) => {
      const form = document.querySelector("main#main form.wizard-step");
      const radios = form.querySelectorAll("input[type=radio]");
      if (radios.length) {
        radios[pick % radios.length].click();
        return;
      }
      const input = form.querySelector("input[id^='q-']");
      input.value = input.type === "date" ? date : input.inputMode === "decimal" ? "150" : "AUTO-1";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    { pick: round + step, date: DEFAULT_DATE },
  );
}

/**
 * Step times (ms) of `rounds` walks through every scenario shown on the home screen: `question` for steps
 * that lead to another question, `summary` for the last answer, which leads to the summary and plan.
 */
export async function measureWizard(browser, app, rounds) {
  const session = await openSession(browser, app.origin);
  const { page } = session;
  const samples = { question: [], summary: [] };
  try {
    await page.goto(app.url);
    await waitForProbe(session, "home");
    const scenarios = await page.locator("main#main [data-scenario]").evaluateAll((cards) => cards.map((c) => c.dataset.scenario));
    for (let round = 0; round < rounds; round++) {
      for (const scenario of scenarios) {
        // A saved draft would resume where the last walk ended: start each walk from nothing.
        await page.evaluate(() => localStorage.clear());
        await page.goto(routeURL(app.url, `/wizard/${scenario}`));
        await page.locator("main#main form.wizard-step").waitFor();
        for (let step = 0; ; step++) {
          if (step === STEP_LIMIT) throw new Error(`the ${scenario} wizard did not end within ${STEP_LIMIT} steps`);
          const question = await currentQuestion(page);
          if (question === null) break;
          await enterAnswer(page, round, step);
          const result = await page.evaluate(timeInteractionInPage, {
            watch: "main#main",
            action: { click: "main#main form.wizard-step button[type=submit]" },
          });
          const next = await currentQuestion(page);
          if (next === question) throw new Error(`the ${scenario} wizard stayed on "${question}" after an answer was given`);
          if (result.changed) samples[next === null ? "summary" : "question"].push(result.ms);
        }
      }
    }
  } finally {
    await session.context.close();
  }
  return samples;
}
