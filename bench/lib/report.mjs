// The bench's one Markdown table: each figure with its median and spread, the number of samples, and the
// budget of issue 5 with ✅ or ❌. Figures that could not be measured say so instead of a number.
import { summarise } from "./stats.mjs";

const ms = (v) => (Number.isFinite(v) ? (Math.abs(v) < 100 ? `${v.toFixed(1)} ms` : `${Math.round(v).toLocaleString("en-US")} ms`) : "—");
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** A table row from samples: median, p25–p75 and min–max, each shown with `format`. */
export function samplesRow(figure, samples, budget, format = ms) {
  if (!samples?.length) return missing(figure, budget);
  const s = summarise(samples);
  const spread = s.n > 1 ? `${format(s.p25)}–${format(s.p75)} (min ${format(s.min)}, max ${format(s.max)})` : "";
  return { figure, median: format(s.median), spread, n: s.n, ...verdict(s.median, budget, format) };
}

/** A table row from samples in milliseconds. */
export function timeRow(figure, samples, budget) {
  return samplesRow(figure, samples, budget, ms);
}

/** A row for a figure that is one number (sizes, counts, scores). */
export function valueRow(figure, value, text, budget, format = (v) => String(v)) {
  if (!Number.isFinite(value)) return missing(figure, budget);
  return { figure, median: text ?? format(value), spread: "", n: 1, ...verdict(value, budget, format) };
}

export function missing(figure, budget) {
  return { figure, median: "not measured", spread: "", n: 0, budget: budget ? budgetText(budget, String) : "", ok: "" };
}

/** budget: {max} or {min}, with an optional `format` for the limit. */
function verdict(value, budget, format) {
  if (!budget) return { budget: "", ok: "" };
  const pass = budget.max !== undefined ? value <= budget.max : value >= budget.min;
  return { budget: budgetText(budget, budget.format ?? format), ok: pass ? "✅" : "❌" };
}

function budgetText(budget, format) {
  return budget.max !== undefined ? `≤ ${format(budget.max)}` : `≥ ${format(budget.min)}`;
}

export function sizeText(size) {
  return `${kb(size.gzip)} gzip · ${kb(size.brotli)} br · ${kb(size.raw)} raw`;
}

export { kb, ms };

export function markdownTable(rows) {
  const header = ["Figure", "Median", "Spread: p25–p75 (min, max)", "n", "Budget", ""];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const row of rows) {
    if (row.section) {
      lines.push(`| **${row.section}** | | | | | |`);
      continue;
    }
    lines.push(`| ${[row.figure, row.median, row.spread, row.n || "", row.budget, row.ok].join(" | ")} |`);
  }
  return lines.join("\n");
}
