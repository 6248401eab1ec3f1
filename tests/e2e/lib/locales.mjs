// The app's translation tables, read from their source so tests can expect the exact texts of each language.
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./config.mjs";

/** key → text of one locale table (`key = text`, `#` comments, `\n` for a line break). */
export function readTable(lang) {
  const table = new Map();
  const file = path.join(REPO_ROOT, "src", "i18n", "locales", `${lang}.txt`);
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^([a-z0-9_.]+)\s*=\s*(.*)$/.exec(line.trim());
    if (match) table.set(match[1], match[2].replaceAll("\\n", "\n"));
  }
  return table;
}
