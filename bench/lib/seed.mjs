// Realistic stored data from examples/bench_seed.rs: the app's own storage engine writes `n` generated cases
// into an in-memory localStorage, and the bench copies those keys and values into Chromium's.
import { execFile } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { routeURL } from "../../tests/e2e/lib/app.mjs";
import { OUT_DIR, REPO_ROOT } from "./config.mjs";

const run = promisify(execFile);
// cargo honours CARGO_TARGET_DIR (a target directory shared between worktrees), so the binary is found there too.
const TARGET_DIR = path.resolve(REPO_ROOT, process.env.CARGO_TARGET_DIR ?? "target");
const BINARY = path.join(TARGET_DIR, "release", "examples", "bench_seed");

/** Builds the native generator (release; seconds when nothing changed). */
export async function buildSeeder() {
  await run("cargo", ["build", "--release", "--example", "bench_seed"], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Generates `n` cases into bench/out/seed-<n>.json (and the same cases as a backup file, backup-<n>.json).
 * Returns {file, backupFile, values: {key: value}, native: {cases,
 * chars, plain_json_chars, save_ms, load_ms, ...}} where save_ms/load_ms are [median, min, max] of the
 * engine's native save and load of the whole set over `repeats` runs (0: not timed).
 */
export async function seed(n, repeats) {
  await mkdir(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `seed-${n}.json`);
  const backupFile = path.join(OUT_DIR, `backup-${n}.json`);
  const { stdout } = await run(BINARY, [String(n), file, String(repeats), backupFile], { maxBuffer: 16 * 1024 * 1024 });
  return { file, backupFile, values: JSON.parse(await readFile(file, "utf8")), native: JSON.parse(stdout) };
}

/** UTF-16 code units (keys included) the app's engine stores for `n` cases, without writing them anywhere. */
export async function storedChars(n) {
  const { stdout } = await run(BINARY, [String(n), "-", "0"]);
  return JSON.parse(stdout).chars;
}

// A file of the site that is not the app, where the bench works on the origin's storage while the app is not
// running. An image, because every browser shows it as a plain document of the origin (Firefox shows the web
// app manifest in its JSON viewer, where WebDriver's scripts fail).
export const NOT_THE_APP = "icons/icon-192.png";

/**
 * Replaces the origin's localStorage with `values`, from a page of the site that is not the app (NOT_THE_APP),
 * so the app never runs while its storage is being filled. Returns the milliseconds setItem took for all
 * values, or {quota: true} when the browser refused them.
 */
export async function fillStorage(page, site, values) {
  await page.goto(routeURL(site.url, NOT_THE_APP));
  return page.evaluate((entries) => {
    localStorage.clear();
    const start = performance.now();
    try {
      for (const [key, value] of entries) localStorage.setItem(key, value);
    } catch (error) {
      localStorage.clear();
      if (error.name === "QuotaExceededError") return { quota: true };
      throw error;
    }
    return { quota: false, setMs: performance.now() - start };
  }, Object.entries(values));
}

/** Milliseconds Chromium's getItem takes to read every value of ours back (the browser's side of a load). */
export function readAllStorage(page) {
  return page.evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith("claimdesk:cases:"));
    const start = performance.now();
    let chars = 0;
    for (const key of keys) chars += localStorage.getItem(key).length;
    return { getMs: performance.now() - start, chars };
  });
}
