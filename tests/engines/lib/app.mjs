// The app through WebDriver (selenium-webdriver), for engines playwright-core cannot drive: open a route,
// wait for the screen, walk a wizard the way tests/e2e/lib/wizard.mjs does (answers by question id, defaults
// for the rest), click buttons by their visible name. Values are set with the native setter plus input/change
// events: the one way that works for every input type (dates included) in geckodriver and WebKitWebDriver.
import assert from "node:assert/strict";
import { By, until } from "selenium-webdriver";
import { APP_READY_TIMEOUT_MS } from "../../e2e/lib/config.mjs";
import { DEFAULT_DATE } from "../../e2e/lib/wizard.mjs";

export const ENGINE = process.env.ENGINE ?? "firefox";

/** The absolute URL of an app route on `server` (routes are relative to the deploy base). */
export function routeURL(server, route) {
  return new URL(route.replace(/^\/+/, ""), server.url).href;
}

// Polled with a script rather than WebDriver's element lookup: WebKitWebDriver's lookup can fail with "Could not
// parse element info" while the app replaces the pre-rendered page under it.
export async function waitForAppReady(d) {
  await waitInPage(d, () => Boolean(document.querySelector("main#main h1")) && !document.querySelector("main#main p.loading, [data-prerender]"), [], {
    timeout: APP_READY_TIMEOUT_MS,
    message: "the app's page heading (main#main h1), no loading line of a lazily loaded page, no pre-rendered copy",
  });
}

export async function open(d, server, route) {
  try {
    await d.get(routeURL(server, route));
    await waitForAppReady(d);
  } catch (error) {
    error.message = `opening ${route}: ${error.message}; the page then: ${await pageState(d)}`;
    throw error;
  }
}

/** What a page that did not open was doing, for the failure message: its load state and unfinished downloads. */
async function pageState(d) {
  // A short script timeout for this look only: the session's own setting is put back for the tests that follow.
  const { script } = await d.manage().getTimeouts().catch(() => ({}));
  try {
    await d.manage().setTimeouts({ script: 5_000 });
    return await d.executeScript(() =>
      JSON.stringify({
        url: location.href,
        readyState: document.readyState,
        controlledByWorker: Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),
        appStarted: Boolean(document.querySelector("main#main")),
        unfinished: performance.getEntriesByType("resource").filter((e) => !e.responseEnd).map((e) => e.name),
      }),
    );
  } catch (error) {
    return `unknown (${error.name}: ${error.message})`;
  } finally {
    if (script !== undefined) await d.manage().setTimeouts({ script }).catch(() => {});
  }
}

/** Waits until `fn` (run in the page with `args`) returns something truthy; returns it. */
export async function waitInPage(d, fn, args = [], { timeout = 15_000, message } = {}) {
  return d.wait(async () => d.executeScript(fn, ...args), timeout, message ?? `page condition: ${fn}`);
}

/** Waits for an element matching `css` whose text matches `pattern`; returns its text. */
export async function waitForText(d, css, pattern, timeout = 15_000) {
  return waitInPage(
    d,
    (selector, source, flags) => {
      const re = new RegExp(source, flags);
      const hit = [...document.querySelectorAll(selector)].find((el) => re.test(el.textContent));
      return hit ? hit.textContent : null;
    },
    [css, pattern.source, pattern.flags],
    { timeout, message: `${css} with text ${pattern}` },
  );
}

/** Clicks the button (inside `scope`, a CSS selector) whose visible name matches `pattern`. */
export async function clickButton(d, pattern, scope = "body") {
  const button = await waitInPage(
    d,
    (selector, source, flags) => {
      const re = new RegExp(source, flags);
      const root = document.querySelector(selector);
      return [...(root?.querySelectorAll("button") ?? [])].find((b) => re.test(b.textContent.trim())) ?? null;
    },
    [scope, pattern.source, pattern.flags],
    { message: `button ${pattern} in ${scope}` },
  );
  await button.click();
}

/** Sets an input, textarea or select the way typing or picking does (value setter + input and change). */
export async function setValue(d, css, value) {
  const done = await d.executeScript(
    (selector, text) => {
      const el = document.querySelector(selector);
      if (!el) return false;
      const proto = Object.getPrototypeOf(el);
      Object.getOwnPropertyDescriptor(proto, "value").set.call(el, text);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
      // A select silently refuses a value none of its options has: report it instead of waiting in vain later.
      return el.value === text ? "set" : `kept ${JSON.stringify(el.value)}`;
    },
    css,
    value,
  );
  assert.ok(done, `no element ${css}`);
  assert.equal(done, "set", `${css} did not take the value ${JSON.stringify(value)}`);
}

/** The id of the question on screen, or null on the summary. */
export function currentQuestion(d) {
  return d.executeScript(() => {
    const form = document.querySelector("form.wizard-step");
    if (!form) return null;
    const radio = form.querySelector("input[type=radio]");
    if (radio) return radio.name;
    return form.querySelector("input[id^='q-']")?.id.replace(/^q-/, "") ?? null;
  });
}

/** Answers the question on screen with `value` (or keeps / defaults it, as tests/e2e/lib/wizard.mjs does). */
export async function answerCurrent(d, value) {
  const kind = await d.executeScript((wanted) => {
    const form = document.querySelector("form.wizard-step");
    const radios = [...form.querySelectorAll("input[type=radio]")];
    if (radios.length) {
      const pick = wanted === null ? (radios.some((r) => r.checked) ? null : radios[0]) : radios.find((r) => r.value === wanted);
      if (pick === undefined) return `no option ${wanted}`;
      if (pick) pick.click();
      return "radio";
    }
    const input = form.querySelector("input[id^='q-']");
    return input.type === "date" ? "date" : input.inputMode === "decimal" ? "decimal" : "text";
  }, value ?? null);
  assert.ok(!kind.startsWith("no option"), kind);
  if (kind !== "radio") {
    const css = "form.wizard-step input[id^='q-']";
    const current = await d.executeScript((s) => document.querySelector(s).value, css);
    const fallback = kind === "date" ? DEFAULT_DATE : kind === "decimal" ? "150" : "AUTO-1";
    if (value !== undefined) await setValue(d, css, value);
    else if (!current) await setValue(d, css, fallback);
  }
  const next = await d.findElement(By.css("form.wizard-step button[type=submit]"));
  await next.click();
}

/** Walks from the current question to the summary; returns the ids of the questions answered, in order. */
export async function walkToSummary(d, answers, limit = 30) {
  const asked = [];
  for (let step = 0; step < limit; step++) {
    const id = await currentQuestion(d);
    if (id === null) return asked;
    asked.push(id);
    const before = await d.executeScript(() => document.querySelector("form.wizard-step").innerHTML);
    await answerCurrent(d, answers[id]);
    await waitInPage(d, (html) => document.querySelector("form.wizard-step")?.innerHTML !== html, [before], {
      message: `the wizard did not move on from ${id}`,
    });
  }
  assert.fail(`the wizard did not reach its summary within ${limit} steps: ${asked.join(" → ")}`);
}

/** Clicks "Create case" and waits for the case page; returns the case id from the URL. */
export async function createCase(d) {
  await clickButton(d, /^(Create case|Создать дело|Utwórz sprawę)$/, ".summary");
  await d.wait(until.urlMatches(/\/cases\/[^/]+$/), 15_000);
  await d.wait(until.elementLocated(By.css(".case-page")), 15_000);
  return new URL(await d.getCurrentUrl()).pathname.split("/").pop();
}

/**
 * Stores the language choice for the origin of `server` (the app reads it at start). The page is left only once
 * its app has started: leaving a page that WebKitGTK is still starting hung the next page load now and then.
 */
export async function setLanguage(d, server, lang) {
  await open(d, server, "/");
  await d.executeScript((v) => localStorage.setItem("claimdesk:lang", v), lang);
}

/** Waits until a service worker controls the page (one reload after the first visit, if needed). */
export async function waitForServiceWorkerControl(d) {
  await d.executeAsyncScript((done) => {
    navigator.serviceWorker.ready.then((registration) => {
      const worker = registration.active;
      if (worker.state === "activated") return done(true);
      worker.addEventListener("statechange", () => worker.state === "activated" && done(true));
    });
  });
  if (!(await d.executeScript(() => Boolean(navigator.serviceWorker.controller)))) {
    // A navigation, not WebDriver's Refresh: geckodriver's refresh bypasses the service worker.
    await d.get(await d.getCurrentUrl());
    await waitForAppReady(d);
  }
  assert.ok(await d.executeScript(() => Boolean(navigator.serviceWorker.controller)), "a service worker controls the page");
}
