// The floor of the cold-start figure: a static HTML page with the app's home content and the app's CSS, and
// no script or wasm at all. It is made from the home screen the app itself renders (in English), so the two
// pages show the same header, headings, scenario cards and styles; only the way they get there differs.
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes the floor site into `outDir` from `page`, which shows the app's home screen, and copies the app's
 * stylesheets from `distDir`. Returns the number of scenario cards on it.
 */
export async function makeFloor(page, distDir, outDir) {
  const snapshot = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    for (const element of body.querySelectorAll("script, noscript, template")) element.remove();
    const sheets = [...document.querySelectorAll("link[rel=stylesheet]")].map((link) => new URL(link.href).pathname);
    return {
      lang: document.documentElement.lang || "en",
      title: document.title,
      bodyClass: document.body.className,
      body: body.innerHTML,
      sheets,
      cards: document.querySelectorAll("[data-scenario]").length,
    };
  });
  if (snapshot.cards === 0) throw new Error("the home screen shows no scenario card: nothing to copy into the floor");
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const sheet of snapshot.sheets) {
    const target = path.join(outDir, sheet);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(distDir, sheet), target);
  }
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const html = [
    "<!doctype html>",
    `<html lang="${escape(snapshot.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(snapshot.title)}</title>`,
    ...snapshot.sheets.map((sheet) => `<link rel="stylesheet" href="${escape(sheet)}">`),
    "</head>",
    `<body${snapshot.bodyClass ? ` class="${escape(snapshot.bodyClass)}"` : ""}>`,
    snapshot.body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
  await writeFile(path.join(outDir, "index.html"), html);
  return snapshot.cards;
}
