// Claims ready to send (issue 12): a seller enters their business once, creates a case, pastes a loss table
// from a spreadsheet, and gets the claim with every sender field filled, the table totalled and attached, in
// the addressee's language while the interface is in English; the letter's number is given when it is copied
// or printed and lands on the timeline; Market's 10-row limit splits the table; backups carry profiles and
// tables.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startApp } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { ROMASHKA, addBusiness } from "./lib/business.mjs";
import { newCase } from "./lib/wizard.mjs";


// As Excel copies three rows of a Russian WB report: a header, decimal commas, a percentage commission.
const WB_PASTE = [
  "Артикул WB\tАртикул продавца\tРазмер\tБаркод\tКол-во\tЦена розничная с учетом согласованной скидки\tКомиссия, %",
  "123456789\tART-1\tM\t2040000000017\t2\t1 500,00\t15",
  "987654321\tART-2\tL\t2040000000024\t1\t990,00\t15",
  "555555555\tART-3\t\t2040000000031\t3\t100,00\t10",
].join("\n");

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Adds a business in Settings and waits until it is saved. */
async function addSavedBusiness(page, country, fields) {
  await addBusiness(page, country, fields);
  await page.locator("#live-status", { hasText: "Business details saved." }).waitFor();
}

async function pasteRows(page, text) {
  await page.locator("#loss-paste").fill(text);
  await page.getByRole("button", { name: "Check the rows" }).click();
  await page.getByRole("button", { name: "Add these rows" }).click();
  await page.locator("#live-status", { hasText: "Loss table saved." }).waitFor();
}

function messageCard(page, title) {
  return page.locator("article.message", { has: page.locator("h4", { hasText: title }) });
}

test("WB: a pasted 3-row table makes a complete Russian pre-court claim, numbered on copy and on print", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  await s.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
  await s.open("/settings");
  await addSavedBusiness(page, "ru", ROMASHKA);
  const caseId = await newCase(s, "wb-lost-goods", { where: "warehouse", fire: "no", order_number: "WB-3ROWS", amount: "100", claim_sent: "no" });

  await pasteRows(page, WB_PASTE);
  // WB: 2 × (1500 − 225) + 1 × (990 − 148.50) + 3 × (100 − 10) = 2550 + 841.50 + 270 = 3661.50 ₽.
  assert.equal(await page.locator(".loss-table tbody tr").count(), 3);
  assert.match(await page.locator(".loss-table tfoot .total").innerText(), /3,661\.50/);
  await page.locator(".claimed-follows", { hasText: "3,661.50" }).waitFor();
  // On a phone the wide table scrolls inside its box; the page itself never scrolls sideways.
  await page.setViewportSize({ width: 320, height: 740 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.match(await page.locator("#money-claimed").inputValue(), /3\s?661[.,]50/, "the claimed amount follows the table");
  await assertAccessible(page);

  const claim = messageCard(page, "Pre-court claim");
  assert.equal(await claim.locator("select").inputValue(), "ru");
  const text = await claim.locator(".message-body").innerText();
  assert.match(text, /Кому: ООО «РВБ»\nОГРН 1247700471919\n\(реквизиты указаны по открытым источникам и подлежат сверке с действующей редакцией Оферты\)\n/, "the addressee comes from the content data, with its check line");
  assert.match(text, /От кого: ООО «Ромашка»\nИНН 7701234560, КПП 770101001, ОГРН 1027700000008\n/);
  assert.match(text, /Размер убытков составляет 3\s661,50\s₽/, "the amount is the table's total");
  assert.match(text, /по реквизитам: ПАО Сбербанк, БИК 044525225, р\/с 40702810200000000001/);
  assert.match(text, /Генеральный директор Иванов И\. И\./);
  assert.doesNotMatch(text, /\[(наименование|ИНН|банк|должность)/, "every sender field is filled");

  await claim.getByRole("button", { name: "Copy" }).click();
  await page.locator("#live-status", { hasText: "Copied as letter No. 1." }).waitFor();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /Исх\. № 1 от \d\d\.\d\d\.\d{4}\n/);
  assert.match(clip, /От кого: ООО «Ромашка»/);
  await page.locator(".timeline li", { hasText: "Letter No. 1 copied: Pre-court claim" }).waitFor();

  // The A4 letter: the same letter keeps its number when printed after copying, the loss table attached,
  // headers in Russian.
  await claim.getByRole("link", { name: "Print as a letter (A4)" }).click();
  await page.waitForURL(new RegExp(`/cases/${caseId}/letter/precourt_claim\\?lang=ru$`));
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  await page.getByRole("button", { name: "Print or save as PDF" }).click();
  await page.waitForFunction(() => window.__printed === 1);
  const letter = page.locator("article.letter");
  assert.equal(await letter.getAttribute("lang"), "ru");
  assert.match(await letter.locator(".letter-dated").innerText(), /^Исх\. № 1 от \d\d\.\d\d\.\d{4}$/);
  assert.match(await letter.locator(".letter-attachment h2").innerText(), /Приложение: таблица убытков/);
  assert.equal(await letter.locator(".loss-table tbody tr").count(), 3);
  assert.match(await letter.locator(".loss-table tfoot").innerText(), /Итого\s+3\s661,50\s₽/);
  await assertAccessible(page);

  // Printed, only the letter remains: no header, no buttons, white page.
  await page.emulateMedia({ media: "print" });
  const hidden = await page.evaluate(() =>
    [".site-header", ".letter-tools", "button"].map((sel) => [...document.querySelectorAll(sel)].every((el) => !el.checkVisibility())),
  );
  assert.deepEqual(hidden, [true, true, true], "print shows the letter only");
  const shot = await letter.screenshot({ path: path.join(os.tmpdir(), "claimdesk-letter-print.png") });
  assert.ok(shot.length > 10_000, "the printed letter renders");
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: "Back to the case" }).click();
  await page.locator(".timeline li", { hasText: "Letter No. 1 printed: Pre-court claim" }).waitFor();
  s.guard.assertClean();
});

test("Market: a claim in Russian, the table split into claims of at most 10 rows", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  await s.open("/settings");
  await addSavedBusiness(page, "ru", ROMASHKA);
  await newCase(s, "ym-not-delivered", { model: "fby", order_number: "YM-12", scheduled_on: "2026-11-10", status: "in_delivery" });
  const rows = ["SKU на Маркете\tКоличество\tЦена", ...Array.from({ length: 12 }, (_, i) => `10${i + 1}\t1\t100,00`)].join("\n");
  await pasteRows(page, rows);
  await page.locator(".loss-parts", { hasText: "Number of claims for this table: 2" }).waitFor();
  const parts = await page.locator(".loss-parts li").allInnerTexts();
  assert.equal(parts.length, 2);
  assert.match(parts[0], /Claim 1 of 2: rows 1–10, .*1,000\.00/);
  assert.match(parts[1], /Claim 2 of 2: rows 11–12, .*200\.00/);
  const claim = messageCard(page, "Loss claim");
  assert.equal(await claim.locator("select").inputValue(), "ru");
  assert.match(await claim.locator(".message-body").innerText(), /ID кабинета на Маркете: 21000123/);
  s.guard.assertClean();
});

test("MALL: a message to MALL in English, on behalf of the business chosen for the case", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  await s.open("/settings");
  await addSavedBusiness(page, "pl", { legal_name: "Nowak sp. z o.o.", nip: "5250000009" });
  await addSavedBusiness(page, "pl", { legal_name: "Kowalski S.A.", nip: "5260000005" });
  await newCase(s, "mall-incomplete-order", {});
  const toMall = page.locator("article.message", { has: page.locator("p.recipient", { hasText: "MALL Operations" }) }).first();
  assert.equal(await toMall.locator("select").inputValue(), "en", "MALL's partner help and teams work in Czech and English");
  assert.match(await toMall.locator(".message-body").innerText(), /Kowalski S\.A\./, "the business saved last is used");
  const nowak = await page.locator("#case-profile option", { hasText: "Nowak sp. z o.o." }).getAttribute("value");
  await page.selectOption("#case-profile", nowak);
  await page.locator("#live-status", { hasText: "Saved" }).waitFor();
  assert.match(await toMall.locator(".message-body").innerText(), /Nowak sp\. z o\.o\./);
  await page.reload();
  assert.equal(await page.locator("#case-profile").inputValue(), nowak, "the case keeps its business");
  s.guard.assertClean();
});

test("a backup carries the business profiles and the loss tables back into an empty browser", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  await s.open("/settings");
  await addSavedBusiness(page, "ru", ROMASHKA);
  const caseId = await newCase(s, "wb-lost-goods", { where: "warehouse", fire: "no", order_number: "WB-BACKUP", claim_sent: "no" });
  await pasteRows(page, WB_PASTE);

  await s.open("/settings");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export backup (JSON)" }).click();
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-claims-")), "backup.json");
  await (await download).saveAs(file);
  const exported = JSON.parse(await fs.readFile(file, "utf8"));
  assert.equal(exported.schema, 2);
  assert.equal(exported.profiles.profiles[0].fields.inn, "7701234560");
  assert.equal(exported.cases.find((c) => c.id === caseId).losses.rows.length, 3);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator("#import-file").setInputFiles(file);
  await page.locator(".import-summary", { hasText: "Business details to add: 1" }).waitFor();
  await page.getByRole("button", { name: /^Import$/ }).click();
  await page.locator("[role=status]", { hasText: /Import finished/ }).waitFor();
  await page.locator(".profile-row label", { hasText: "ООО «Ромашка»" }).waitFor();
  await s.open(`/cases/${caseId}`);
  assert.equal(await page.locator(".loss-table tbody tr").count(), 3);
  assert.match(await page.locator(".loss-table tfoot .total").innerText(), /3,661\.50/);
  s.guard.assertClean();
});
