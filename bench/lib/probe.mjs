// What the bench runs inside the page. Times are the page's own performance.now() (milliseconds since the
// navigation started), so neither the CDP round trips nor the throttled Node side add to them.
//
// "Painted" means: the DOM change happened and the frame showing it was produced. It is taken in a message
// posted from a requestAnimationFrame callback, which runs right after that frame's style, layout and paint.

/**
 * Installed with context.addInitScript before any page script runs. Records, on `window.__bench`:
 * - `home`: when the app's home screen is interactive (the app's own first scenario card visible and enabled,
 *   its main heading visible; the page pre-rendered at build time does not count, its copies' ids carry a
 *   language suffix) and when that frame was painted;
 * - `fcp`: the browser's first contentful paint; `shift`: the cumulative layout shift so far;
 * - `list`: the same for the case list (first `.case-row` visible);
 * - `storage`: when the app first touched localStorage (its wasm has started) and the times of the
 *   app's reads of its record sets (`claimdesk:cases:*`), to time the store's load inside the app.
 */
export function installProbe() {
  const bench = { home: null, list: null, fcp: null, shift: 0, storage: { first: null, firstKey: null, shardReads: [] } };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") bench.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.shift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });

  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  const visible = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  const enabled = (element) => !element.matches(":disabled, [aria-disabled=true], [inert] *");
  const conditions = {
    home: () => {
      const card = document.querySelector("main#main [data-scenario]");
      return visible(card) && enabled(card) && visible(document.querySelector("main#main h1"));
    },
    list: () => visible(document.querySelector(".case-row")),
  };
  const check = () => {
    for (const [name, ready] of Object.entries(conditions)) {
      if (bench[name] || !ready()) continue;
      const record = { ready: performance.now(), painted: null };
      bench[name] = record;
      afterPaint().then((t) => (record.painted = t));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });

  // Storage timing: wrap the three calls the app's storage engine makes, keeping their behaviour.
  const proto = Storage.prototype;
  const { getItem, key, setItem } = proto;
  // The app has started at its first access once its wasm has arrived: public/lang.js reads the remembered
  // language long before, while the page is parsed.
  const wasmArrived = () => performance.getEntriesByType("resource").some((entry) => entry.name.endsWith(".wasm"));
  const touched = () => {
    if (bench.storage.first === null && wasmArrived()) bench.storage.first = performance.now();
  };
  // The engine lists the keys first: the first key() call is where the store's load begins.
  proto.key = function (index) {
    touched();
    bench.storage.firstKey ??= performance.now();
    return key.call(this, index);
  };
  proto.getItem = function (name) {
    touched();
    const start = performance.now();
    const value = getItem.call(this, name);
    if (String(name).startsWith("claimdesk:cases:")) bench.storage.shardReads.push({ start, end: performance.now() });
    return value;
  };
  proto.setItem = function (name, value) {
    touched();
    return setItem.call(this, name, value);
  };
}

/**
 * Runs inside the page: performs `action` at the start of a frame and resolves with the milliseconds until
 * the frame showing its DOM change was painted (`ms`), and whether a change was seen at all (`changed`).
 * If the app defers its update beyond that frame, the wait goes on until the change and its frame; when nothing
 * changes within `timeoutMs` (a keystroke that leaves the same cases listed), `changed` is false.
 * `watch` is the CSS selector of the element whose subtree must change. `action` is data, not code (the
 * app's Content-Security-Policy forbids eval in the page):
 *   {click: selector} | {type: selector, value} (sets the value, fires `input`) | {select: selector, value}.
 */
export function timeInteractionInPage({ watch, action, timeoutMs = 500 }) {
  const target = document.querySelector(action.click ?? action.type ?? action.select);
  const act = () => {
    if (action.click) return target.click();
    target.value = action.value;
    target.dispatchEvent(new Event(action.type ? "input" : "change", { bubbles: true }));
  };
  return new Promise((resolve, reject) => {
    const root = document.querySelector(watch);
    if (!root) return reject(new Error(`nothing matches ${watch}`));
    if (!target) return reject(new Error(`nothing matches ${JSON.stringify(action)}`));
    let changedAt = null;
    const observer = new MutationObserver(() => (changedAt ??= performance.now()));
    requestAnimationFrame(() => {
      observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
      const start = performance.now();
      act();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (changedAt !== null) {
          observer.disconnect();
          return resolve({ ms: performance.now() - start, changed: true });
        }
        // No change in that frame: wait for one (or give up and report the frame we have).
        const sameFrame = performance.now() - start;
        const deadline = setTimeout(() => {
          observer.disconnect();
          resolve({ ms: sameFrame, changed: false });
        }, timeoutMs);
        const waitForChange = () => {
          if (changedAt === null) return requestAnimationFrame(waitForChange);
          clearTimeout(deadline);
          observer.disconnect();
          const after = new MessageChannel();
          after.port1.onmessage = () => resolve({ ms: performance.now() - start, changed: true });
          requestAnimationFrame(() => after.port2.postMessage(null));
        };
        waitForChange();
      };
      channel.port2.postMessage(null);
    });
  });
}
