// Settings shared by every end-to-end test file. The whole suite runs once per deploy base path:
//   BASE_PATH=/            tests the build in dist/ served at the domain root;
//   BASE_PATH=/claimdesk/  tests the build in dist-sub/ served under a sub-path, as on GitHub Pages.
import { fileURLToPath } from "node:url";
import path from "node:path";

function normaliseBase(value) {
  const trimmed = value.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const BASE_PATH = normaliseBase(process.env.BASE_PATH ?? "/");
export const DIST_DIR = path.resolve(REPO_ROOT, process.env.DIST_DIR ?? (BASE_PATH === "/" ? "dist" : "dist-sub"));

export const LANGUAGES = ["ru", "en", "pl"];
// The localStorage key under which the app remembers the chosen language.
export const LANG_STORAGE_KEY = "claimdesk:lang";

// How long the app may take to show its first screen (a cold wasm start on a busy 2-core machine).
export const APP_READY_TIMEOUT_MS = 20_000;
