// Figures 2 and 3: navigation → home screen interactive, throttled like a cheap phone on a poor connection.
// Cold: a fresh context (no cache, no service worker), the app and the static floor page alternating so both
// see the same machine load. Warm: the service worker installed on a first visit, then offline and reloaded.
import { waitForServiceWorkerControl } from "../../tests/e2e/lib/app.mjs";
import { openSession, throttle, waitForProbe } from "./session.mjs";

async function coldOnce(browser, site) {
  const session = await openSession(browser, site.origin);
  try {
    await throttle(session.page);
    await session.page.goto(site.url, { waitUntil: "commit" });
    const probe = await waitForProbe(session, "home");
    // When the wasm had arrived: what the rest of the start (compile, run, render) adds comes after it.
    const wasmArrived = await session.page.evaluate(
      () => performance.getEntriesByType("resource").find((entry) => entry.name.endsWith(".wasm"))?.responseEnd ?? null,
    );
    // Layout shifts are reported a frame late: wait for one more second of the page at rest.
    await session.page.waitForTimeout(1000);
    const { fcp, shift } = await session.page.evaluate(() => window.__bench);
    return { painted: probe.home.painted, fcp, shift, wasmArrived };
  } finally {
    await session.context.close();
  }
}

/**
 * Cold start times (ms from navigation start) of the app and the floor: the first contentful paint, the painted
 * interactive home, when the app's wasm had finished downloading; and the app's cumulative layout shift.
 */
export async function measureCold(browser, appSite, floor, runs) {
  const ours = [];
  const oursPainted = [];
  const shifts = [];
  const wasmArrived = [];
  const floors = [];
  const floorsPainted = [];
  for (let run = 0; run < runs; run++) {
    const ourRun = await coldOnce(browser, appSite);
    ours.push(ourRun.painted);
    oursPainted.push(ourRun.fcp);
    shifts.push(ourRun.shift);
    if (ourRun.wasmArrived !== null) wasmArrived.push(ourRun.wasmArrived);
    const floorRun = await coldOnce(browser, floor);
    floors.push(floorRun.painted);
    floorsPainted.push(floorRun.fcp);
  }
  return { ours, oursPainted, shifts, wasmArrived, floors, floorsPainted };
}

/** Warm start times: service worker in control, network offline, CPU slowed, reload → home interactive. */
export async function measureWarm(browser, app, runs) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const session = await openSession(browser, app.origin);
    try {
      await session.page.goto(app.url);
      await waitForProbe(session, "home");
      await waitForServiceWorkerControl(session.page);
      await throttle(session.page, { network: false });
      await session.context.setOffline(true);
      await session.page.reload({ waitUntil: "commit" });
      const probe = await waitForProbe(session, "home");
      times.push(probe.home.painted);
    } finally {
      await session.context.close();
    }
  }
  return times;
}
