// Evidence kept with the case: a photo attached through the file input gets its thumbnail and SHA-256, is tied
// to a checklist item (the checklist shows a paperclip), is listed in the claim letter and the printed case file,
// and is still there after a reload; a quota that cannot hold a file refuses it with the space left and saves
// nothing; a file whose bytes the browser lost shows as missing, not as a broken image.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";

import { startApp, waitForAppReady } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { png } from "./lib/png.mjs";
import { newCase } from "./lib/wizard.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const PHOTO = png(400, 300);
const PHOTO_SHA256 = crypto.createHash("sha256").update(PHOTO).digest("hex");

const WB_ANSWERS = { where: "warehouse", fire: "no", order_number: "WB-PHOTO", amount: "100", claim_sent: "no" };

async function attachPhoto(page, name = "packing.png") {
  await page.setInputFiles("#evidence-files", { name, mimeType: "image/png", buffer: PHOTO });
  await page.locator("#live-status", { hasText: `Attached: ${name}` }).waitFor();
  await page.locator("li.attachment").waitFor();
}

/** Waits until the row's thumbnail is drawn: 240 × 180 pixels made from the 400 × 300 photo (it loads lazily,
 * so it is scrolled into view first). */
async function thumbnailDrawn(page) {
  await page.locator("li.attachment img.attachment-thumb").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const img = document.querySelector("li.attachment img.attachment-thumb");
    return Boolean(img && img.complete && img.naturalWidth === 240 && img.naturalHeight === 180);
  });
}

/** How many files the browser's file storage holds. */
function storedFiles(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("claimdesk:files", 1);
        open.onupgradeneeded = () => ["files", "written"].forEach((name) => open.result.createObjectStore(name));
        open.onsuccess = () => {
          const request = open.result.transaction("files").objectStore("files").count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

test("a photo tied to a checklist item is in the claim letter and the case file with its hash, and stays", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  const caseId = await newCase(s, "wb-lost-goods", WB_ANSWERS);

  await attachPhoto(page);
  const row = page.locator("li.attachment");
  assert.equal(await row.locator(".attachment-title").innerText(), "packing.png");
  assert.equal(await row.locator(".attachment-hash").innerText(), `SHA-256: ${PHOTO_SHA256}`);
  await thumbnailDrawn(page);
  // The file and its thumbnail are stored.
  assert.equal(await storedFiles(page), 2);

  // Tied to the first checklist item: the checklist shows the paperclip there.
  await row.locator("select").selectOption({ index: 1 });
  await page.locator("#live-status", { hasText: "Saved." }).waitFor();
  const proven = page.locator(".check-item", { has: page.locator(".proof-mark") });
  assert.equal(await proven.count(), 1);
  assert.equal(await proven.locator("label").innerText(), (await row.locator("select option").nth(1).innerText()).trim());

  await row.getByLabel("Caption").fill("Фото упаковки");
  await row.getByLabel("Caption").press("Tab");
  await page.locator(".timeline li", { hasText: "File captioned: Фото упаковки" }).waitFor();

  // The claim letter, in Russian, lists it.
  const claim = page.locator("article.message", { has: page.locator("h4", { hasText: "Pre-court claim" }) });
  assert.match(await claim.locator(".message-body").innerText(), /Приложения:\n1\. Фото упаковки \(PNG\)\s*$/);

  // The printed case file lists the file with its date and hash.
  await page.emulateMedia({ media: "print" });
  const caseFile = page.locator(".case-file-files");
  await caseFile.waitFor();
  const printed = await caseFile.innerText();
  assert.match(printed, /Files of the case/);
  assert.match(printed, /Фото упаковки \(PNG, \d+(\.\d)?\s(KB|B)\), added \w{3} \d{1,2}, \d{4}/);
  assert.match(printed, new RegExp(`SHA-256: ${PHOTO_SHA256}`));
  await page.emulateMedia({ media: "screen" });

  await assertAccessible(page);

  // After a reload: the same file, the same hash, the thumbnail drawn from storage.
  await page.reload();
  await waitForAppReady(page);
  await page.waitForURL(new RegExp(`/cases/${caseId}$`));
  await thumbnailDrawn(page);
  assert.equal(await row.locator(".attachment-hash").innerText(), `SHA-256: ${PHOTO_SHA256}`);
  assert.equal(await row.getByLabel("Caption").inputValue(), "Фото упаковки");
  assert.equal(await page.locator(".check-item .proof-mark").count(), 1);
  s.guard.assertClean();
});

test("a file the quota cannot hold is refused with the space left, and nothing is saved", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  // The browser says 1 MiB is left (the file needs its size and 2 MiB kept free).
  await s.context.addInitScript(() => {
    const mib = 1024 * 1024;
    Object.defineProperty(navigator.storage, "estimate", {
      value: async () => ({ usage: 99 * mib, quota: 100 * mib }),
    });
  });
  await newCase(s, "wb-lost-goods", WB_ANSWERS);
  await page.setInputFiles("#evidence-files", { name: "packing.png", mimeType: "image/png", buffer: PHOTO });
  const problem = page.locator("#evidence-problems");
  await problem.waitFor();
  assert.match(
    await problem.innerText(),
    /“packing\.png” \(\d+(\.\d)?\sKB\) does not fit: Claimdesk has 1\.0\sMB left on this device\. Remove files you no longer need/,
  );
  assert.equal(await page.locator("li.attachment").count(), 0);
  assert.equal(await page.locator(".timeline li", { hasText: "File attached" }).count(), 0);
  assert.equal(await storedFiles(page), 0, "nothing stored");
  await page.reload();
  await waitForAppReady(page);
  assert.equal(await page.locator("li.attachment").count(), 0, "nothing recorded on the case");
  s.guard.assertClean();
});

test("a file whose bytes the browser lost shows as missing, not as a broken image", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  await newCase(s, "wb-lost-goods", WB_ANSWERS);
  await attachPhoto(page);
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("claimdesk:files", 1);
        open.onsuccess = () => {
          const transaction = open.result.transaction("files", "readwrite");
          transaction.objectStore("files").clear();
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.reload();
  await waitForAppReady(page);
  const row = page.locator("li.attachment");
  await row.locator(".attachment-missing").waitFor();
  assert.match(await row.locator(".attachment-missing").innerText(), /^Missing: this browser no longer has the file's data\./);
  assert.equal(await row.locator("img").count(), 0, "no image without data");
  assert.equal(await row.getByRole("link", { name: "Open" }).count(), 0);
  assert.equal(await row.locator(".attachment-hash").innerText(), `SHA-256: ${PHOTO_SHA256}`, "the record stays");
  await assertAccessible(page);
  s.guard.assertClean();
});
