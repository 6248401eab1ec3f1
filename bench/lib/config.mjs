// Settings of `make bench`: how many runs per figure, the throttling profile, the data sizes and the budgets
// of issue 5. Everything else (Chromium, flags, the server) comes from the end-to-end harness in tests/e2e/lib/.
import path from "node:path";
import { DIST_DIR, REPO_ROOT } from "../../tests/e2e/lib/config.mjs";

export { DIST_DIR, REPO_ROOT };
export const BENCH_DIR = path.join(REPO_ROOT, "bench");
// Generated files (seed data, the floor page): never committed.
export const OUT_DIR = path.join(BENCH_DIR, "out");
export const RESULTS_FILE = path.join(BENCH_DIR, "results.md");

const count = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

// Runs per figure. Modest on purpose: the whole bench must finish in under 10 minutes on 2 busy cores.
export const RUNS = {
  cold: count("BENCH_COLD_RUNS", 5),
  warm: count("BENCH_WARM_RUNS", 5),
  wizardRounds: count("BENCH_WIZARD_ROUNDS", 3),
  reports: count("BENCH_REPORTS_RUNS", 3),
  listLoads: count("BENCH_LIST_RUNS", 5),
  listRounds: count("BENCH_LIST_ROUNDS", 2),
  imports: count("BENCH_IMPORT_RUNS", 3),
  nativeRepeats: count("BENCH_NATIVE_REPEATS", 5),
  lighthouse: count("BENCH_LIGHTHOUSE_RUNS", 3),
};

export const CASE_COUNTS = [1_000, 10_000];

// DevTools' network preset "Slow 4G" (called "Fast 3G" before Chrome 125), the one Lighthouse's mobile
// run simulates: 562.5 ms round trip, 1.6 Mbit/s down and 750 kbit/s up, each × 0.9 as DevTools applies it.
export const NETWORK = {
  name: "DevTools Slow 4G / former Fast 3G: RTT 562.5 ms, 1.44 Mbit/s down, 675 kbit/s up",
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
export const CPU_SLOWDOWN = 4;

// Budgets of issue 5 (bytes are 1 KB = 1,000 bytes, the stricter reading).
export const BUDGET = {
  firstVisitGzipBytes: 250_000,
  coldVsFloor: 2,
  paintedVsFloor: 1.2,
  layoutShift: 0.05,
  lighthousePerformance: 95,
  wizardStepMs: 16,
  listPaintMs: 200,
  searchKeystrokeMs: 50,
  filterChangeMs: 50,
  capacityCases: 10_000,
};

// How long one measurement may wait for the app before the bench gives up (throttled cold starts are slow).
export const WAIT_MS = 120_000;
