// Figure 1: what a first visit downloads, as gzip and brotli bytes. The files come from the build (dist/);
// which files a first visit loads is recorded from a real first visit: the page's own requests, and the
// downloads the service worker makes to precache the app on that same visit.
import { readFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { GZIP_LEVEL } from "./gzip-proxy.mjs";

/** Which column of the table a file belongs to. */
export function kindOf(file) {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".wasm") return "wasm";
  if (ext === ".js" || ext === ".mjs") return "js";
  if (ext === ".css") return "css";
  if (ext === ".html" || ext === "") return "html";
  if (/^pack-[a-z]{2}-[0-9a-f]{16}\.json$/.test(path.basename(file))) return "pack";
  return "other";
}

export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: GZIP_LEVEL }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** The dist/ file a URL of the site maps to ("/" is index.html; "/cases" is cases.html, as GitHub Pages serves it). */
function fileForURL(distDir, baseURL, url) {
  const relative = decodeURIComponent(new URL(url).pathname).slice(new URL(baseURL).pathname.length);
  if (!relative || relative.endsWith("/")) return path.join(distDir, relative, "index.html");
  return path.join(distDir, path.extname(relative) ? relative : `${relative}.html`);
}

/**
 * Records the downloads of a first visit in `context` (fresh: empty cache, no service worker) until the
 * service worker has finished precaching. What was downloaded comes from the server's side (`site.log`: only
 * full answers count; a 304 revalidation transfers no body); whether the page or the service worker asked
 * comes from the browser. Returns one entry per download: {url, file, byWorker}. `visit` opens the page and
 * resolves when the app is ready.
 */
export async function recordFirstVisit(context, distDir, site, visit) {
  const askedByPage = new Set();
  context.on("request", (request) => {
    if (!request.serviceWorker()) askedByPage.add(new URL(request.url()).pathname);
  });
  site.log.length = 0;
  const page = await visit();
  // The worker's install (the precache) is done once a registration has an active worker.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
  await page.waitForLoadState("networkidle");
  const downloadedOnce = new Set();
  return site.log
    .filter((entry) => entry.status === 200)
    .map(({ path: requested }) => {
      const url = new URL(requested, site.url).href;
      const pathname = new URL(url).pathname;
      const byWorker = downloadedOnce.has(pathname) || !askedByPage.has(pathname);
      downloadedOnce.add(pathname);
      return { url, file: fileForURL(distDir, site.url, url), byWorker };
    });
}

/**
 * Sums the sizes of the downloads by kind. `page` counts what the page itself fetched, `total` adds what the
 * service worker fetched for its precache on the same visit (a file fetched twice counts twice).
 */
export async function transferFigures(downloads) {
  const sizes = new Map();
  for (const { file } of downloads) {
    if (!sizes.has(file)) sizes.set(file, compressedSizes(await readFile(file)));
  }
  const zero = () => ({ raw: 0, gzip: 0, brotli: 0 });
  const figures = { wasm: zero(), js: zero(), css: zero(), html: zero(), pack: zero(), page: zero(), total: zero() };
  const add = (into, size) => {
    for (const k of ["raw", "gzip", "brotli"]) into[k] += size[k];
  };
  const seenByPage = new Set();
  for (const { file, byWorker } of downloads) {
    const size = sizes.get(file);
    add(figures.total, size);
    if (byWorker || seenByPage.has(file)) continue;
    seenByPage.add(file);
    add(figures.page, size);
    const kind = kindOf(file);
    if (figures[kind]) add(figures[kind], size);
  }
  return {
    figures,
    files: [...sizes.keys()].map((file) => ({
      file,
      ...sizes.get(file),
      byPage: seenByPage.has(file),
      byWorker: downloads.filter((d) => d.file === file && d.byWorker).length,
    })),
  };
}
