// Evidence in the engine named by ENGINE (firefox | webkit): a photo attached through the file input is stored
// in IndexedDB with its SHA-256 and thumbnail (SubtleCrypto, createImageBitmap and a canvas in that engine) and
// is still there, drawn from storage, after a reload.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { By } from "selenium-webdriver";
import { startServer } from "../e2e/lib/server.mjs";
import { DIST_DIR } from "../e2e/lib/config.mjs";
import { png } from "../e2e/lib/png.mjs";
import { startDriver } from "./lib/driver.mjs";
import { ENGINE, createCase, open, setLanguage, waitForAppReady, waitForText, waitInPage, walkToSummary } from "./lib/app.mjs";

let browser, folder;
const servers = [];
before(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-evidence-"));
  browser = await startDriver(ENGINE);
});
after(async () => {
  await browser?.stop();
  await Promise.allSettled(servers.map((s) => s.stop()));
  await fs.rm(folder, { recursive: true, force: true });
});

test(`${ENGINE}: a photo attached to a case keeps its hash and thumbnail after a reload`, async () => {
  const d = browser.driver;
  const server = await startServer({ dir: DIST_DIR, prefix: "/" });
  servers.push(server);
  await setLanguage(d, server, "en");
  const photo = png(400, 300);
  const sha256 = crypto.createHash("sha256").update(photo).digest("hex");
  const file = path.join(folder, "packing.png");
  await fs.writeFile(file, photo);

  await open(d, server, "/wizard/wb-lost-goods");
  await walkToSummary(d, { where: "warehouse", fire: "no", order_number: "WB-PHOTO", claim_sent: "no" });
  await createCase(d);
  await d.findElement(By.css("#evidence-files")).sendKeys(file);
  await waitForText(d, "li.attachment .attachment-hash", new RegExp(`SHA-256: ${sha256}`));
  const thumbnailDrawn = () => {
    const img = document.querySelector("li.attachment img.attachment-thumb");
    // It loads lazily: in view first.
    img?.scrollIntoView();
    return Boolean(img && img.complete && img.naturalWidth === 240);
  };
  await waitInPage(d, thumbnailDrawn, [], { message: "the thumbnail is drawn" });

  await d.navigate().refresh();
  await waitForAppReady(d);
  await waitForText(d, "li.attachment .attachment-hash", new RegExp(`SHA-256: ${sha256}`));
  await waitInPage(d, thumbnailDrawn, [], { message: "the thumbnail is drawn from storage after a reload" });
  assert.equal(await d.executeScript(() => document.querySelectorAll("li.attachment .attachment-missing").length), 0);
});
