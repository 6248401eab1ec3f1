// `make bench`: measures the release build in dist/ (or $DIST_DIR) the way a seller would feel it and prints
// one Markdown table, also written to bench/results.md. See "What each figure means" in docs/performance.md.
//
// It exits non-zero only when something could not be measured (a crash, a hang, a missing build), never
// because a budget was missed. Runs per figure: see lib/config.mjs (BENCH_*_RUNS environment variables).
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BASE_PATH } from "../tests/e2e/lib/config.mjs";
import { launchBrowser } from "../tests/e2e/lib/browser.mjs";
import { startServer } from "../tests/e2e/lib/server.mjs";
import { makeFloor } from "./floor/make-floor.mjs";
import { measureCapacity } from "./lib/capacity.mjs";
import { measureCaseList } from "./lib/case-list.mjs";
import { measureImport } from "./lib/import.mjs";
import { measureReports } from "./lib/reports.mjs";
import { BUDGET, CASE_COUNTS, CPU_SLOWDOWN, DIST_DIR, NETWORK, OUT_DIR, RESULTS_FILE, RUNS } from "./lib/config.mjs";
import { measureFirefox } from "./lib/firefox.mjs";
import { GZIP_LEVEL, startGzipProxy } from "./lib/gzip-proxy.mjs";
import { CATEGORIES, METRICS, lighthouseScores } from "./lib/lighthouse.mjs";
import { kb, markdownTable, missing, ms, samplesRow, sizeText, timeRow, valueRow } from "./lib/report.mjs";
import { buildSeeder, seed } from "./lib/seed.mjs";
import { openSession, waitForProbe } from "./lib/session.mjs";
import { measureCold, measureWarm } from "./lib/startup.mjs";
import { summarise } from "./lib/stats.mjs";
import { recordFirstVisit, transferFigures } from "./lib/transfer.mjs";
import { measureWizard } from "./lib/wizard-steps.mjs";

const started = Date.now();
const LOAD_AT_START = os.loadavg().map((v) => v.toFixed(1)).join(", ");
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const failures = [];
const results = {};
// BENCH_ONLY=list,wizard measures only those parts (quicker while working on one figure). The table then
// has gaps, so bench/results.md is left as it was. Parts: transfer, cold, warm, wizard, reports, list, capacity,
// firefox, lighthouse (cold brings the floor with it; list, capacity and firefox the seeder).
const ONLY = (process.env.BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const NEEDED_BY = { floor: ["cold"], seeder: ["list", "capacity", "firefox"] };
// Lighthouse's pages: home, and the start page of the first wizard (both pre-rendered at build time).
const LIGHTHOUSE_PAGES = [
  ["home", ""],
  ["wizard start (wb-lost-goods)", "wizard/wb-lost-goods"],
];

/** Runs one part of the bench; a failure is reported and the other parts still run. */
async function part(name, measure) {
  const kind = name.split(" ")[0];
  if (ONLY.length && !ONLY.includes(kind) && !(NEEDED_BY[kind] ?? []).some((p) => ONLY.includes(p))) return;
  log(`${name}…`);
  try {
    results[name] = await measure();
  } catch (error) {
    failures.push(name);
    log(`${name} FAILED: ${error.stack ?? error}`);
  }
}

/** serve.py for `dir` behind the gzip layer: {url, origin, stop}. */
async function startSite(dir) {
  const server = await startServer({ dir, prefix: BASE_PATH });
  const proxy = await startGzipProxy(server.origin);
  return {
    origin: proxy.origin,
    url: `${proxy.origin}${BASE_PATH}`,
    log: proxy.log,
    async stop() {
      await proxy.stop();
      await server.stop();
    },
  };
}

if (!existsSync(path.join(DIST_DIR, "index.html"))) {
  console.error(`bench: ${DIST_DIR}/index.html not found: build the release first (make build)`);
  process.exit(1);
}

const app = await startSite(DIST_DIR);
const sites = [app];
const browser = await launchBrowser();
const floorDir = path.join(OUT_DIR, "floor");
let floor = null;

try {
  await part("transfer", async () => {
    const session = await openSession(browser, app.origin);
    try {
      const downloads = await recordFirstVisit(session.context, DIST_DIR, app, async () => {
        await session.page.goto(app.url);
        await waitForProbe(session, "home");
        return session.page;
      });
      return transferFigures(downloads);
    } finally {
      await session.context.close();
    }
  });

  await part("floor", async () => {
    const session = await openSession(browser, app.origin);
    try {
      await session.page.goto(app.url);
      await waitForProbe(session, "home");
      const cards = await makeFloor(session.page, DIST_DIR, floorDir);
      floor = await startSite(floorDir);
      sites.push(floor);
      return { cards };
    } finally {
      await session.context.close();
    }
  });

  if (floor) await part("cold", () => measureCold(browser, app, floor, RUNS.cold));
  await part("warm", () => measureWarm(browser, app, RUNS.warm));
  await part("wizard", () => measureWizard(browser, app, RUNS.wizardRounds));
  await part("reports", () => measureReports(browser, app, RUNS.reports));

  await part("seeder", () => buildSeeder());
  if (!failures.includes("seeder")) {
    for (const n of CASE_COUNTS) {
      await part(`list ${n}`, async () => {
        const { values, backupFile, native } = await seed(n, RUNS.nativeRepeats);
        const page = await measureCaseList(browser, app, values, { loads: RUNS.listLoads, rounds: RUNS.listRounds });
        const imports = await measureImport(browser, app, backupFile, n, RUNS.imports);
        return { native, page, imports };
      });
    }
    await part("capacity", () => measureCapacity(browser, app, BUDGET.capacityCases));
  }
} finally {
  await browser.close();
}
try {
  // After Chromium has closed: two browsers at once on two cores would slow each other's figures.
  if (!failures.includes("seeder")) {
    await part("firefox", () =>
      measureFirefox(app, { cases: CASE_COUNTS.at(-1), loads: RUNS.listLoads, capacityFrom: BUDGET.capacityCases }),
    );
  }
  await part("lighthouse", async () => {
    const pages = {};
    for (const [name, route] of LIGHTHOUSE_PAGES) {
      pages[name] = [];
      for (let run = 0; run < RUNS.lighthouse; run++) pages[name].push(await lighthouseScores(`${app.url}${route}`));
    }
    return pages;
  });
} finally {
  await Promise.allSettled(sites.map((site) => site.stop()));
}

// ---- the table ----------------------------------------------------------------------------------------------
const rows = [];
const budgetMs = (max) => ({ max, format: ms });

rows.push({ section: "1. Transfer (first visit; gzip level 6, brotli quality 11; 1 KB = 1,000 bytes)" });
const transfer = results.transfer?.figures;
for (const [kind, label] of [["wasm", "wasm"], ["pack", "Language pack (one language)"], ["html", "HTML (pre-rendered page)"], ["js", "JavaScript"], ["css", "CSS"]]) {
  rows.push(transfer ? valueRow(label, transfer[kind].gzip, sizeText(transfer[kind])) : missing(label));
}
rows.push(transfer ? valueRow("Page's own requests, total", transfer.page.gzip, sizeText(transfer.page)) : missing("Page's own requests"));
rows.push(
  transfer
    ? valueRow("First visit total (page + service-worker precache)", transfer.total.gzip, sizeText(transfer.total), {
        max: BUDGET.firstVisitGzipBytes,
        format: kb,
      })
    : missing("First visit total", { max: BUDGET.firstVisitGzipBytes }),
);

rows.push({ section: `2. Cold start (no cache, no service worker; ${CPU_SLOWDOWN}× CPU, Slow 4G)` });
const cold = results.cold;

/** The ratio of two medians as a row, with the spread of the per-run ratios. */
function ratioRow(figure, ours, floors, max) {
  if (!ours || !floors) return missing(figure, { max });
  const ratio = summarise(ours).median / summarise(floors).median;
  const pairs = ours.map((v, i) => v / floors[i]);
  const row = valueRow(figure, ratio, `${ratio.toFixed(2)}×`, { max, format: (v) => `${v}×` });
  row.spread = `per run ${Math.min(...pairs).toFixed(2)}×–${Math.max(...pairs).toFixed(2)}×`;
  row.n = pairs.length;
  return row;
}

rows.push(timeRow("Home painted (first contentful paint): Claimdesk", cold?.oursPainted));
rows.push(timeRow("Home painted: floor (static HTML + same CSS, no script, no wasm)", cold?.floorsPainted));
rows.push(ratioRow("Home painted: ratio Claimdesk / floor (of the medians)", cold?.oursPainted, cold?.floorsPainted, BUDGET.paintedVsFloor));
rows.push(timeRow("Home usable (the app's own card ready and painted): Claimdesk", cold?.ours));
rows.push(timeRow("Claimdesk: of which until the wasm had downloaded", cold?.wasmArrived));
rows.push(timeRow("Home usable: floor (its card painted)", cold?.floors));
rows.push(ratioRow("Home usable: ratio Claimdesk / floor (of the medians)", cold?.ours, cold?.floors, BUDGET.coldVsFloor));
rows.push(
  samplesRow("Cumulative layout shift (until 1 s after usable)", cold?.shifts, { max: BUDGET.layoutShift, format: (v) => v.toFixed(3) }, (v) => v.toFixed(3)),
);

rows.push({ section: `3. Warm start → home interactive (service worker, offline; ${CPU_SLOWDOWN}× CPU)` });
rows.push(timeRow("Claimdesk", results.warm));

rows.push({ section: "4. Wizard step (Next pressed → next screen painted; CPU not slowed)" });
rows.push(timeRow("Answer → next question", results.wizard?.question, budgetMs(BUDGET.wizardStepMs)));
rows.push(timeRow("Last answer → summary and plan", results.wizard?.summary));

rows.push({ section: "4b. Reports page: a 100,000-row WB sales detail CSV (files worker; CPU not slowed)" });
rows.push(timeRow("File chosen → findings shown", results.reports?.map((r) => r.ms)));
rows.push(timeRow("Longest main-thread task during the import", results.reports?.map((r) => r.longestTaskMs)));

for (const n of CASE_COUNTS) {
  const at10k = n === 10_000;
  const list = results[`list ${n}`];
  const label = n.toLocaleString("en-US");
  rows.push({ section: `5. Case list, ${label} cases (CPU not slowed; service worker in control)` });
  rows.push(timeRow("Load → first rows painted, from app start", list?.page.fromAppStart, at10k && budgetMs(BUDGET.listPaintMs)));
  rows.push(timeRow("Load → first rows painted, from navigation", list?.page.fromNavigation));
  rows.push(timeRow("Search: one keystroke → list updated", list?.page.keystroke, at10k && budgetMs(BUDGET.searchKeystrokeMs)));
  rows.push(timeRow("Filter change → list updated", list?.page.filter, at10k && budgetMs(BUDGET.filterChangeMs)));

  rows.push({ section: `6. Storage, ${label} cases` });
  if (list) {
    const { native } = list;
    const perCase = (chars) => (chars / native.cases).toFixed(0);
    rows.push(
      valueRow(
        "Stored size (UTF-16 code units, keys included)",
        native.chars,
        `${native.chars.toLocaleString("en-US")}: ${perCase(native.chars)} per case (plain JSON: ${perCase(native.plain_json_chars)})`,
      ),
    );
    const nativeRow = (figure, [median, min, max]) => ({ ...timeRow(figure, [median]), spread: `min ${ms(min)}, max ${ms(max)}`, n: native.repeats });
    rows.push(timeRow("Load inside the app (engine reads and decodes every set)", list.page.storageLoad));
    rows.push(nativeRow("Load, native (same engine: decode, check, build the book)", native.load_ms));
    rows.push(timeRow("Save of the whole set inside the app (import of a backup: Import pressed → saved and shown)", list.imports));
    rows.push(nativeRow("Save of the whole set, native (encode, compress, write)", native.save_ms));
    rows.push(timeRow("Chromium localStorage: setItem of every set", [list.page.setItem]));
    rows.push(timeRow("Chromium localStorage: getItem of every set", [list.page.getItem]));
  } else {
    rows.push(missing("Storage figures"));
  }
}

/** The capacity row of one browser, from what capacity.mjs found. */
function capacityRow(figure, capacity) {
  const count = (v) => v.toLocaleString("en-US");
  const budget = { min: BUDGET.capacityCases, format: count };
  if (!capacity) return missing(figure, budget);
  const text = `${count(capacity.fits.cases)} (${count(capacity.fails.cases)} do not): ${count(capacity.fits.chars)} of ${count(capacity.quota)} code units`;
  return valueRow(figure, capacity.fits.cases, text, budget);
}

rows.push({ section: "6. Capacity (Chromium's localStorage quota, the app's encoding)" });
const capacity = results.capacity;
rows.push(capacityRow("Realistic cases that fit", capacity));

const largest = results[`list ${CASE_COUNTS.at(-1)}`]?.native;
if (capacity && largest) {
  // Without the compact encoding each case would take its plain JSON size (sets and keys add almost nothing).
  const plain = Math.floor(capacity.quota / (largest.plain_json_chars / largest.cases));
  rows.push(
    valueRow("For comparison, as plain JSON (estimate: quota ÷ JSON size per case)", plain, `≈ ${plain.toLocaleString("en-US")}`),
  );
}

// The same figures in Firefox, labelled as such: its quota is its own, and so is its wasm engine.
const firefox = results.firefox;
const firefoxName = firefox ? `Firefox ESR ${firefox.version}` : "Firefox ESR";
const firefoxCases = (firefox?.cases ?? CASE_COUNTS.at(-1)).toLocaleString("en-US");
rows.push({ section: `5 and 6 in ${firefoxName} (headless, WebDriver): ${firefoxCases} cases, capacity (CPU not slowed; service worker in control)` });
rows.push(timeRow("Load → first rows painted, from app start", firefox?.list.fromAppStart, budgetMs(BUDGET.listPaintMs)));
rows.push(timeRow("Load → first rows painted, from navigation", firefox?.list.fromNavigation));
rows.push(timeRow("Load inside the app (engine reads and decodes every set)", firefox?.list.storageLoad));
rows.push(capacityRow("Realistic cases that fit in Firefox's localStorage quota", firefox?.capacity));

for (const [name] of LIGHTHOUSE_PAGES) {
  const runs = results.lighthouse?.[name];
  rows.push({ section: `7. Lighthouse: ${name} (default mobile settings: simulated slow 4G, 4× CPU)` });
  for (const id of CATEGORIES) {
    const budget = id === "performance" ? { min: BUDGET.lighthousePerformance, format: (v) => `${v}` } : { min: 100, format: (v) => `${v}` };
    rows.push(samplesRow(id, runs?.map((scores) => scores[id]), budget, (v) => `${Math.round(v)}`));
  }
  for (const id of METRICS) {
    const format = id === "cumulative-layout-shift" ? (v) => v.toFixed(3) : ms;
    rows.push(samplesRow(`  ${id} (lab)`, runs?.map((scores) => scores.metrics[id]), undefined, format));
  }
}

const table = markdownTable(rows);
const cpus = os.cpus();
const transferFiles = results.transfer?.files ?? [];
const filesList = transferFiles
  .map((f) => `| ${path.relative(DIST_DIR, f.file)} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} | ${f.byPage ? "yes" : ""} | ${f.byWorker || ""} |`)
  .join("\n");
const markdown = `# Claimdesk benchmark

Measured ${new Date().toISOString()} on ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, Chromium ${browser.version()}${firefox ? ` and Firefox ESR ${firefox.version}` : ""},
build \`${path.relative(process.cwd(), DIST_DIR) || "."}\` served by tools/serve.py behind gzip (as GitHub Pages serves it).
Load average when the bench started: ${LOAD_AT_START} (a busy shared machine slows every figure).
Throttling for cold and warm starts: ${NETWORK.name}; CPU ${CPU_SLOWDOWN}× slower.
Runs: cold ${RUNS.cold} (each app and floor), warm ${RUNS.warm}, wizard ${RUNS.wizardRounds} walks of every scenario,
case list ${RUNS.listLoads} loads (in each browser) and ${RUNS.listRounds} rounds of searching and filtering, ${RUNS.imports} imports, native storage ${RUNS.nativeRepeats} repeats,
Lighthouse ${RUNS.lighthouse}.
Bench time: ${((Date.now() - started) / 1000).toFixed(0)} s.${failures.length ? `\n\n**Not measured (errors):** ${failures.join(", ")}.` : ""}

${table}

## Files of the first visit

| File | Raw | gzip ${GZIP_LEVEL} | brotli 11 | Page | Worker downloads |
|---|---|---|---|---|---|
${filesList}
`;

console.log(markdown);
if (ONLY.length === 0) {
  await writeFile(RESULTS_FILE, markdown);
  log(`written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
} else {
  log(`BENCH_ONLY=${ONLY.join(",")}: ${path.relative(process.cwd(), RESULTS_FILE)} left unchanged`);
}
if (failures.length) {
  log(`could not measure: ${failures.join(", ")}`);
  process.exit(1);
}
