// Claimdesk service worker. This file is a template: tools/post_build.py fills in the build's cache version
// (a hash of the build's contents) and the exact list of its files, and writes the result to dist/sw.js.
//
// Strategy:
// - install: precache every file of this build; a failed download fails the install, so a half-cached
//   version never takes over.
// - navigations: answered from the cache first, network only if it is missing: the route's own pre-rendered
//   page when it is precached ("/" → index.html, "/cases" → cases.html), else the generic loading page
//   (404.html; the app then draws the route). The page and the hashed assets it names then always come from
//   the same build, whether online or offline, and a new build never slips in on a plain navigation: it waits
//   (see below).
// - precached assets: cache first. Anything else is left to the network untouched.
// - language packs (the texts of one language each): the install keeps the one the page has just downloaded
//   (from the HTTP cache, no second download); any other is kept the first time the page asks for it, and every
//   visit after the first (a navigation this worker answers) fetches the missing ones in the background, and so
//   does installing the app (the page posts {type: "KEEP_LANGUAGES"} on `appinstalled`): switching language
//   offline works from then on, without the first visit paying for three languages.
// - updates: a new worker installs in the background and then waits. The page shows
//   "A new version is available — Reload" and, when the user clicks, posts {type: "SKIP_WAITING"} to
//   registration.waiting; the page reloads on `controllerchange`. The worker never skips waiting by itself,
//   so nothing is swapped under someone who is typing.
// - activate: deletes this site's older caches only. Many sites share one origin on GitHub Pages
//   (user.github.io/a/, user.github.io/b/), so cache names carry the app name and the scope path.
// - reminders: a worker cannot read localStorage, so the page leaves it the coming days' notifications, already
//   worded in the seller's language (domain::reminders), as reminders.json in the cache "claimdesk-reminders
//   <scope>". On a Periodic Background Sync (Chromium, installed app, after the seller turned reminders on in
//   Settings) the worker shows today's entry and sets the app's badge to its count; a click opens the case list.

const VERSION = "__BUILD_VERSION__";
const PRECACHE = __PRECACHE_LIST__;
const PACKS = __PACK_LIST__;

const APP = "claimdesk";
const SCOPE_PATH = new URL(self.registration.scope).pathname;
// Space-separated: a URL path cannot contain a raw space, so the three parts split back unambiguously.
const CACHE_NAME = `${APP} ${SCOPE_PATH} ${VERSION}`;
// Entries are relative to this worker's URL, which sits at the site's base path.
const PRECACHE_URLS = new Set(PRECACHE.map((path) => new URL(path, self.location.href).href));
const PACK_URLS = PACKS.map((path) => new URL(path, self.location.href).href);
// The generic loading page, which GitHub Pages also sends for addresses without a page of their own.
const SHELL_URL = new URL("404.html", self.location.href).href;
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
      cache
        .addAll([...PRECACHE_URLS].map((url) => new Request(url, { cache: HASHED_NAME.test(url) ? "default" : "reload" })))
        .then(() => Promise.all(PACK_URLS.map((url) => keepPack(cache, url, "only-if-cached")))),
    ),
  );
});

/**
 * Keeps one language pack in `cache` unless it is there. "only-if-cached" takes it from the HTTP cache or not at
 * all (the pack the page downloaded); "default" may download it. A pack that cannot be had is simply not kept.
 */
function keepPack(cache, url, mode) {
  return keepOnce(url, async () => {
    if (await cache.match(url)) return;
    const response = await fetch(new Request(url, { cache: mode, mode: "same-origin" }));
    if (response.ok) await cache.put(url, response);
  });
}

// Navigations close together, and the page itself, ask for the same packs: one download and one store each.
const packsBeingKept = new Map();
function keepOnce(url, store) {
  if (!packsBeingKept.has(url)) {
    const kept = store()
      .catch(() => {}) // Offline, or not in the HTTP cache: a later visit tries again.
      .finally(() => packsBeingKept.delete(url));
    packsBeingKept.set(url, kept);
  }
  return packsBeingKept.get(url);
}

async function keepAllPacks() {
  const cache = await caches.open(CACHE_NAME);
  await Promise.all(PACK_URLS.map((url) => keepPack(cache, url, "default")));
}

/**
 * A pack from the cache, else from the network. A download of it already under way is waited for rather than
 * repeated. The page gets a network copy at once, and it is stored while the page reads it (awaiting the store
 * first would hold the page's download on the cache's write).
 */
async function packFirstFromCache(event) {
  const url = event.request.url;
  const cache = await caches.open(CACHE_NAME);
  await packsBeingKept.get(url);
  const cached = await cache.match(url);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(keepOnce(url, () => cache.put(url, copy)));
  }
  return response;
}

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
  // The app was installed: it keeps every language now, for offline use before any later visit.
  if (event.data && event.data.type === "KEEP_LANGUAGES") {
    event.waitUntil(keepAllPacks());
  }
});

async function fromCache(url) {
  const cache = await caches.open(CACHE_NAME);
  return cache.match(url);
}

/** The precached file that answers a navigation to `url`: the file itself, the route's page, or none. */
function pageFor(url) {
  const path = url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname;
  return [path, `${path}.html`].map((p) => new URL(p, url).href).find((href) => PRECACHE_URLS.has(href));
}

async function appShell(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const page = pageFor(url);
  const cached = (page && (await fromCache(page))) || (await fromCache(SHELL_URL));
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
    event.waitUntil(keepAllPacks());
  } else if (PACK_URLS.includes(request.url)) {
    event.respondWith(packFirstFromCache(event));
  } else if (PRECACHE_URLS.has(request.url)) {
    event.respondWith(cacheFirst(request));
  }
});

const REMINDERS_CACHE = `claimdesk-reminders ${SCOPE_PATH}`;
const REMINDERS_URL = new URL("reminders.json", self.registration.scope).href;
const REMINDERS_TAG = "claimdesk-reminders";

/** Today's date on this device as YYYY-MM-DD, the form the plan's days are written in. */
function localDay(now) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function remindToday() {
  const cache = await caches.open(REMINDERS_CACHE);
  const stored = await cache.match(REMINDERS_URL);
  if (!stored) return;
  const plan = await stored.json();
  const today = localDay(new Date());
  const day = (plan.days || []).find((entry) => entry.date === today);
  const count = day ? day.count : 0;
  if ("setAppBadge" in self.navigator) {
    await (count > 0 ? self.navigator.setAppBadge(count) : self.navigator.clearAppBadge()).catch(() => {});
  }
  if (day && self.Notification && Notification.permission === "granted") {
    await self.registration.showNotification(day.title, {
      body: day.body,
      lang: plan.lang,
      tag: REMINDERS_TAG,
      icon: new URL("icons/icon-192.png", self.registration.scope).href,
      data: { url: new URL("cases", self.registration.scope).href },
    });
  }
}

self.addEventListener("periodicsync", (event) => {
  if (event.tag === REMINDERS_TAG) event.waitUntil(remindToday());
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || self.registration.scope;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((windows) => {
      const open = windows.find((client) => client.url.startsWith(self.registration.scope));
      return open ? open.navigate(url).then((client) => client && client.focus()) : self.clients.openWindow(url);
    }),
  );
});
