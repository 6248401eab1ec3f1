// Claimdesk service worker. This file is a template: tools/post_build.py fills in the build's cache version
// (a hash of the build's contents) and the exact list of its files, and writes the result to dist/sw.js.
//
// Strategy:
// - install: precache every file of this build; a failed download fails the install, so a half-cached
//   version never takes over.
// - navigations: answered with the cached app shell (index.html) first, network only if it is missing.
//   The shell and the hashed assets it names then always come from the same build, whether online or
//   offline, and a new build never slips in on a plain navigation: it waits (see below).
// - precached assets: cache first. Anything else is left to the network untouched.
// - updates: a new worker installs in the background and then waits. The page shows
//   "A new version is available — Reload" and, when the user clicks, posts {type: "SKIP_WAITING"} to
//   registration.waiting; the page reloads on `controllerchange`. The worker never skips waiting by itself,
//   so nothing is swapped under someone who is typing.
// - activate: deletes this site's older caches only. Many sites share one origin on GitHub Pages
//   (user.github.io/a/, user.github.io/b/), so cache names carry the app name and the scope path.

const VERSION = "__BUILD_VERSION__";
const PRECACHE = __PRECACHE_LIST__;

const APP = "claimdesk";
const SCOPE_PATH = new URL(self.registration.scope).pathname;
// Space-separated: a URL path cannot contain a raw space, so the three parts split back unambiguously.
const CACHE_NAME = `${APP} ${SCOPE_PATH} ${VERSION}`;
// Entries are relative to this worker's URL, which sits at the site's base path.
const PRECACHE_URLS = new Set(PRECACHE.map((path) => new URL(path, self.location.href).href));
const SHELL_URL = new URL("index.html", self.location.href).href;
// Trunk's file names: name-<16 hex digits>.ext (also loader-<hash>.js from tools/post_build.py).
const HASHED_NAME = /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/;

function isOwnCache(name) {
  const parts = name.split(" ");
  return parts.length === 3 && parts[0] === APP && parts[1] === SCOPE_PATH;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE_NAME).then((cache) =>
      // Files with a content hash in their name (the wasm, JS, CSS) cannot change under that name: take them
      // from the HTTP cache the page just filled, so a first visit does not download the wasm twice. The rest
      // (index.html, manifest, icons) skips the HTTP cache, so the precache holds what the server has now.
      cache.addAll([...PRECACHE_URLS].map((url) => new Request(url, { cache: HASHED_NAME.test(url) ? "default" : "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => isOwnCache(name) && name !== CACHE_NAME).map((name) => caches.delete(name))),
      ),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") {
    self.skipWaiting();
  }
});

async function fromCache(url) {
  const cache = await caches.open(CACHE_NAME);
  return cache.match(url);
}

async function appShell(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  // Opening a precached file directly (an icon, the manifest) gets that file; every other path is a route.
  const cached = (PRECACHE_URLS.has(url.href) && (await fromCache(url.href))) || (await fromCache(SHELL_URL));
  return cached || fetch(request);
}

async function cacheFirst(request) {
  return (await fromCache(request.url)) || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE_PATH)) return;
  if (request.mode === "navigate") {
    event.respondWith(appShell(request));
  } else if (PRECACHE_URLS.has(request.url)) {
    event.respondWith(cacheFirst(request));
  }
});
