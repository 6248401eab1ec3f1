// Accessibility checks with axe-core against WCAG 2.0/2.1 A and AA, for any test file.
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe on the current page and returns its violations.
 * @param {import("playwright-core").Page} page
 * @param {{include?: string, exclude?: string, disableRules?: string[]}} [options]
 */
export async function axeViolations(page, { include, exclude, disableRules = [] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  if (exclude) builder = builder.exclude(exclude);
  if (disableRules.length) builder = builder.disableRules(disableRules);
  const results = await builder.analyze();
  return results.violations;
}

/** Fails with a readable list (rule, impact, offending elements) when axe finds any violation. */
export async function assertAccessible(page, options) {
  const violations = await axeViolations(page, options);
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`,
  );
  assert.deepEqual(summary, [], `accessibility violations on ${page.url()}`);
}
