// The notice about losing data in the engine named by ENGINE: right after the first case is created, WebKit
// (Safari's engine) advises adding Claimdesk to the Home Screen, with its picture; Firefox, which offers no
// install prompt, advises keeping backups. Dismissed, it stays away after a reload.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../e2e/lib/server.mjs";
import { DIST_DIR } from "../e2e/lib/config.mjs";
import { startDriver } from "./lib/driver.mjs";
import { ENGINE, clickButton, createCase, open, setLanguage, waitForAppReady, waitForText, waitInPage, walkToSummary } from "./lib/app.mjs";

const EXPECTED = {
  webkit: { advice: "add-to-home-screen", text: /Safari deletes this site's data after 7 days without a visit.*Share → Add to Home Screen/s },
  firefox: { advice: "keep-backups", text: /Keep a backup file of your cases outside the browser/ },
}[ENGINE];

let browser, server;
before(async () => {
  server = await startServer({ dir: DIST_DIR, prefix: "/" });
  browser = await startDriver(ENGINE);
});
after(async () => {
  await browser?.stop();
  await server?.stop();
});

test(`${ENGINE}: the first case brings the advice for this engine, once`, async () => {
  const d = browser.driver;
  await setLanguage(d, server, "en");
  await open(d, server, "/");
  assert.equal(await d.executeScript(() => document.querySelectorAll(".risk-notice").length), 0, "no notice before any case");

  await open(d, server, "/wizard/ym-not-delivered");
  await walkToSummary(d, { model: "fby", order_number: "YM-RISK" });
  await createCase(d);
  const advice = await waitInPage(d, () => document.querySelector(".risk-notice")?.dataset.advice, [], {
    message: "the risk notice after the first case",
  });
  assert.equal(advice, EXPECTED.advice);
  await waitForText(d, ".risk-notice", EXPECTED.text);

  if (ENGINE === "webkit") {
    // The picture of the steps is served by the app itself, loaded, and described in words.
    const image = await waitInPage(d, () => {
      const img = document.querySelector(".risk-notice img.risk-steps");
      return img && img.complete ? { width: img.naturalWidth, alt: img.alt, src: img.src } : null;
    });
    assert.ok(image.width > 0, `the picture loaded: ${JSON.stringify(image)}`);
    assert.match(image.alt, /Share button.*Add to Home Screen/);
    assert.equal(new URL(image.src).origin, new URL(server.url).origin);
  } else {
    assert.ok(await d.executeScript(() => [...document.querySelectorAll(".risk-notice button")].some((b) => /Export backup/.test(b.textContent))));
    // No File System Access API in Firefox: the link goes to the backup settings, not to an automatic backup.
    assert.ok(await d.executeScript(() => [...document.querySelectorAll(".risk-notice a")].some((a) => a.textContent.trim() === "Backup settings")));
  }

  await clickButton(d, /^Dismiss$/, ".risk-notice");
  await waitInPage(d, () => document.querySelectorAll(".risk-notice").length === 0, [], { message: "dismissed" });
  assert.equal(await d.executeScript(() => localStorage.getItem("claimdesk:risk-notice-dismissed")), "1");
  await d.navigate().refresh();
  await waitForAppReady(d);
  assert.equal(await d.executeScript(() => document.querySelectorAll(".risk-notice").length), 0, "gone after a reload");
});
