#!/usr/bin/env node
// Pre-renders, at build time and with the app itself, every page a first visit can land on, so the browser paints
// content before the wasm has arrived (docs/performance.md, "First visit").
//
//   node tools/prerender.mjs <site dir> <base path>      (run by tools/post_build.py on Trunk's staged build)
//
// The release build just staged is served as GitHub Pages would serve it and opened in Debian's Chromium, once
// per page and language, with an empty profile: a first visit. What the app drew (the skip link, header, main
// area and live region) is saved into the page's HTML, one copy per language: public/lang.js shows the copy of
// the language the app will pick, and the app removes them all when it mounts its own (ui::start). Pages:
// - index.html: home, with the scenario cards as real links;
// - wizard/<id>.html: each wizard's first question, for every scenario the home page links to;
// - cases.html, stats.html, settings.html, rules.html: their loading pages (the app in its loading-shell mode,
//   see src/i18n/loading.rs), because what they show lives in the visitor's storage;
// - 404.html: the generic loading page, which GitHub Pages sends for every other address (a case, a letter).
// In every copy the ids get a language suffix (the copies share one document) and form controls are inert:
// a click on a link works before the app runs, input into a form that is about to be replaced would be lost.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./lib/chromium.mjs";
import { startServer } from "./lib/site-server.mjs";

const LOADING_PAGES = [
  { route: "/cases", file: "cases.html" },
  { route: "/stats", file: "stats.html" },
  { route: "/settings", file: "settings.html" },
  { route: "/rules", file: "rules.html" },
  { route: "/", file: "404.html" },
];
const SHELL_META = '<meta name="claimdesk-prerender" content="shell">';
const BASE_META = /<meta name="claimdesk-base" content="[^"]*">/;
const RENDER_TIMEOUT_MS = 20_000;
const PARALLEL = 4;

function fail(message) {
  console.error(`prerender: ${message}`);
  process.exit(1);
}

const escapeAttribute = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Runs in the page once the app has drawn its screen: moves what it drew out of the document, gives every id a
 * language suffix (and every reference to one), makes form controls inert, and returns the HTML and the title.
 */
function takeRenderedScreen(lang) {
  const suffix = `--${lang}`;
  const drawn = [...document.body.children].filter((e) => !["SCRIPT", "NOSCRIPT", "TEMPLATE"].includes(e.tagName));
  const root = document.createElement("div");
  root.append(...drawn);
  const ids = new Set([...root.querySelectorAll("[id]")].map((e) => e.id));
  const renamed = (id) => (ids.has(id) ? id + suffix : id);
  for (const element of root.querySelectorAll("[id]")) element.id = renamed(element.id);
  const references = ["for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-details", "aria-errormessage", "list", "form"];
  for (const attribute of references) {
    for (const element of root.querySelectorAll(`[${attribute}]`)) {
      element.setAttribute(attribute, element.getAttribute(attribute).split(/\s+/).map(renamed).join(" "));
    }
  }
  for (const link of root.querySelectorAll('a[href^="#"]')) link.setAttribute("href", `#${renamed(link.getAttribute("href").slice(1))}`);
  for (const control of root.querySelectorAll("input, select, textarea, button")) control.setAttribute("inert", "");
  // Leptos's empty comment markers matter only to the live app, which renders its own.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.remove();
  return { html: root.innerHTML, title: document.title };
}

/** The app's screen for `route` in `lang`, rendered from `html` (the staged index.html, as every route gets it). */
async function render(browser, server, html, route, lang) {
  const context = await browser.newContext({ locale: lang, serviceWorkers: "block" });
  try {
    // Every navigation gets the app's page, as GitHub Pages' 404.html would give it, before any page exists.
    await context.route("**/*", (routed) =>
      routed.request().isNavigationRequest()
        ? routed.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
        : routed.continue(),
    );
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.goto(new URL(route.replace(/^\//, ""), server.url).href);
    await page
      .locator("main#main h1")
      .first()
      .waitFor({ state: "visible", timeout: RENDER_TIMEOUT_MS })
      .catch((error) => {
        throw new Error(`${route} (${lang}) was not drawn: ${error.message}\n${errors.join("\n")}`);
      });
    // Two frames: effects that run after the first render (titles, focus) have settled.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    if (errors.length) throw new Error(`${route} (${lang}): ${errors.join("; ")}`);
    const languages = await page.$$eval("#lang-select option", (options) => options.map((o) => o.value));
    const wizards = await page.$$eval("main#main a[data-scenario]", (links) => links.map((a) => a.getAttribute("href")));
    return { ...(await page.evaluate(takeRenderedScreen, lang)), languages, wizards };
  } finally {
    await context.close();
  }
}

/** `template` with one copy of the screen per language, the English title as the page's own. */
function compose(template, screens) {
  const copies = screens
    .map(({ lang, html, title }) => `<div data-prerender="${lang}" lang="${lang}" data-title="${escapeAttribute(title)}">${html}</div>`)
    .join("\n");
  const english = screens.find((s) => s.lang === "en") ?? screens[0];
  return template
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeAttribute(english.title)}</title>`)
    .replace("</body>", `${copies}\n</body>`);
}

/** Runs `jobs` (functions returning promises) at most `limit` at a time, in order of the results. */
async function inParallel(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

async function main() {
  const [site, base] = process.argv.slice(2);
  if (!site || !base) fail("usage: node tools/prerender.mjs <site dir> <base path>");
  const template = await readFile(path.join(site, "index.html"), "utf8");
  if (!BASE_META.test(template)) fail('index.html has no <meta name="claimdesk-base">');
  const shellTemplate = template.replace(BASE_META, (meta) => `${meta}\n  ${SHELL_META}`);

  const server = await startServer({ dir: site, prefix: base });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true }).catch((error) =>
    fail(`cannot start Chromium at ${CHROMIUM_PATH} (make browser-tools installs it): ${error.message}`),
  );
  try {
    // The languages and the wizards are the app's own: read from its home page.
    const home = await render(browser, server, template, "/", "en");
    const pages = [
      { route: "/", file: "index.html", html: template },
      ...home.wizards.map((href) => {
        const route = "/" + href.slice(base.length);
        return { route, file: `${route.slice(1)}.html`, html: template };
      }),
      ...LOADING_PAGES.map((p) => ({ ...p, html: shellTemplate })),
    ];
    if (home.wizards.length === 0) fail("the home page links to no wizard");
    const jobs = pages.flatMap((page) =>
      home.languages.map((lang) => async () => ({ page, lang, ...(await render(browser, server, page.html, page.route, lang)) })),
    );
    const screens = await inParallel(jobs, PARALLEL);
    for (const page of pages) {
      const target = path.join(site, page.file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, compose(template, screens.filter((s) => s.page === page)));
    }
    console.log(`prerender: ${pages.length} pages in ${home.languages.join(", ")}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => fail(error.stack ?? String(error)));
