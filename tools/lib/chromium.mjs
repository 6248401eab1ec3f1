// Debian's Chromium as the build (tools/prerender.mjs), the end-to-end tests and the bench launch it.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// --no-sandbox: Chromium refuses to start as root with its sandbox. The rest keep Chromium from calling
// Google's services: the machine has no network, and a page must see only the site's own requests.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
