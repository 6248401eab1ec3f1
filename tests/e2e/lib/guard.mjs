// Watches a browser context for what the app must never do: request another origin, violate its
// Content-Security-Policy, or throw an uncaught error. Attach it before the first navigation.
import assert from "node:assert/strict";

const CSP_MESSAGE = /Refused to|Content Security Policy|CSP violation/i;

/**
 * @param {import("playwright-core").BrowserContext} context
 * @param {string} origin  the only origin the app may talk to, e.g. "http://127.0.0.1:41234"
 */
export async function guardContext(context, origin) {
  const guard = {
    requests: [],
    foreignRequests: [],
    cspViolations: [],
    pageErrors: [],
    consoleErrors: [],
    /** Fails the test if anything forbidden happened since the guard was attached (or last reset). */
    assertClean() {
      assert.deepEqual(guard.foreignRequests, [], "the app requested another origin");
      assert.deepEqual(guard.cspViolations, [], "Content-Security-Policy violations");
      assert.deepEqual(guard.pageErrors, [], "uncaught errors in the page");
    },
    reset() {
      for (const list of [guard.requests, guard.foreignRequests, guard.cspViolations, guard.pageErrors, guard.consoleErrors]) {
        list.length = 0;
      }
    },
  };

  context.on("request", (request) => {
    const url = request.url();
    guard.requests.push(url);
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    let requestOrigin;
    try {
      requestOrigin = new URL(url).origin;
    } catch {
      requestOrigin = url;
    }
    if (requestOrigin !== origin) guard.foreignRequests.push(url);
  });
  context.on("console", (message) => {
    const text = message.text();
    if (CSP_MESSAGE.test(text)) guard.cspViolations.push(text);
    else if (message.type() === "error") guard.consoleErrors.push(text);
  });
  context.on("weberror", (webError) => {
    const error = webError.error();
    guard.pageErrors.push(error?.stack || String(error));
  });
  // Console text alone can miss a violation (e.g. a blocked attribute style); the DOM event cannot.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return guard;
}
