// Letters a seller sends as they are (issue 22): a WB case with a pasted loss table gives a pre-court claim laid
// out as a business letter — the addressee from the content data, the sender, «Исх. № … от …», the centred
// title for the exact situation, the case's facts and the table's total, no bracket to fill. What only the
// seller knows is a field next to the letter, kept with the case; an edit of the text survives a reload and can
// be reset to the generated text. The print view is rendered to PDF and to a screenshot per language; the DOCX
// made by the files worker opens in LibreOffice with the letter and its table.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startApp } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { ROMASHKA, addBusiness } from "./lib/business.mjs";
import { newCase } from "./lib/wizard.mjs";

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

async function preparedCase(s) {
  const { page } = s;
  await s.open("/settings");
  await addBusiness(page, "ru", { ...ROMASHKA, wb_supplier_id: "123456", email: "claims@romashka.ru" });
  await page.locator("#live-status", { hasText: "Business details saved." }).waitFor();
  const caseId = await newCase(s, "wb-lost-goods", {
    where: "warehouse",
    fire: "no",
    order_number: "WB-3ROWS",
    amount: "100",
    found_date: "2026-11-16",
    claim_sent: "no",
  });
  await page.locator("#loss-paste").fill(WB_PASTE);
  await page.getByRole("button", { name: "Check the rows" }).click();
  await page.getByRole("button", { name: "Add these rows" }).click();
  await page.locator("#live-status", { hasText: "Loss table saved." }).waitFor();
  return caseId;
}

test("WB claim: addressee, facts, centred title, the total, fields kept with the case, edit and reset", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  const caseId = await preparedCase(s);
  await s.open(`/cases/${caseId}/letter/precourt_claim?lang=ru`);
  const letter = page.locator("article.letter");
  await letter.locator(".letter-title").waitFor();

  assert.equal(
    await letter.locator(".letter-to").innerText(),
    "Кому: ООО «РВБ»\nОГРН 1247700471919\n(реквизиты указаны по открытым источникам и подлежат сверке с действующей редакцией Оферты)",
  );
  assert.match(await letter.locator(".letter-from").innerText(), /^От кого: ООО «Ромашка»\nИНН 7701234560, КПП 770101001, ОГРН 1027700000008\n/);
  assert.match(await letter.locator(".letter-from").innerText(), /ID продавца Wildberries: 123456$/);
  assert.match(await letter.locator(".letter-dated").innerText(), /^Исх\. № \[номер присваивается при копировании или печати\] от \d\d\.\d\d\.\d{4}$/);
  const title = letter.locator(".letter-title");
  assert.equal(await title.innerText(), "ПРЕТЕНЗИЯ\nо возмещении стоимости товара, утраченного на складе Wildberries");
  assert.equal(await title.evaluate((el) => getComputedStyle(el).textAlign), "center");
  const body = await letter.locator(".letter-text").innerText();
  assert.match(body, /2\. Товар по поставке № WB-3ROWS принят вами на склад по акту приёмки ________\./);
  assert.match(body, /утрату мы обнаружили 16\.11\.2026/);
  assert.match(body, /4\. Размер убытков составляет 3\s661,50\s₽/);
  assert.match(body, /1\. Расчёт суммы убытков по позициям \(3 позиции\)\./);
  assert.match(body, /Генеральный директор Иванов И\. И\./);
  assert.doesNotMatch(await letter.innerText(), /\[(?!номер присваивается)/, "no bracket but the number given on print");

  // The fields only the seller knows: the act, the ticket and WB's answer (not yet recorded on the case).
  await page.locator(".letter-fields-left", { hasText: "3 fields left to fill" }).waitFor();
  await page.getByLabel("Acceptance act: number and date").fill("№ АП-5521 от 10.10.2026");
  await page.getByLabel("Acceptance act: number and date").blur();
  await letter.locator(".letter-text", { hasText: "по акту приёмки № АП-5521 от 10.10.2026." }).waitFor();
  await page.locator(".letter-fields-left", { hasText: "2 fields left to fill" }).waitFor();
  await page.locator(".letter-addressee-check", { hasText: "check the company, its INN, KPP and legal address" }).waitFor();
  await assertAccessible(page);

  // Edit the text, reload: the edit is kept with the case; reset brings the generated text back.
  await page.getByRole("button", { name: "Edit the text" }).click();
  const editor = page.locator("#letter-edit");
  const generated = await editor.inputValue();
  await editor.fill(generated.replace("Размер убытков составляет", "Размер убытков по нашему расчёту составляет"));
  await page.getByRole("button", { name: "Done" }).click();
  await page.locator("#live-status", { hasText: "Your edit is kept with the case." }).waitFor();
  await page.reload();
  await letter.locator(".letter-text", { hasText: "Размер убытков по нашему расчёту составляет" }).waitFor();
  await page.locator(".letter-edited", { hasText: "Edited by you" }).waitFor();
  assert.equal(await page.getByLabel("Acceptance act: number and date").inputValue(), "№ АП-5521 от 10.10.2026");
  await page.getByRole("button", { name: "Reset to the generated text" }).click();
  await page.locator("#live-status", { hasText: "The generated text is back." }).waitFor();
  assert.match(await letter.locator(".letter-text").innerText(), /4\. Размер убытков составляет 3\s661,50\s₽/);
  assert.equal(await page.locator(".letter-edited").count(), 0);
  s.guard.assertClean();
});

test("the print view in each language: A4 PDF and a screenshot, the head placed by the language's convention", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  const caseId = await preparedCase(s);
  for (const [lang, title, dated] of [
    ["ru", /^ПРЕТЕНЗИЯ\n/, /^Исх\. № /],
    ["pl", /^PRZEDSĄDOWE WEZWANIE DO ZAPŁATY\nodszkodowania za towar utracony w magazynie Wildberries$/, /^Nr pisma: /],
    ["en", /^PRE-COURT CLAIM\nfor the value of goods lost at a Wildberries warehouse$/, /^Ref\. No\. /],
  ]) {
    await s.open(`/cases/${caseId}/letter/precourt_claim?lang=${lang}`);
    const letter = page.locator(`article.letter[lang="${lang}"]`);
    await letter.locator(".letter-title").waitFor();
    assert.match(await letter.locator(".letter-title").innerText(), title);
    assert.match(await letter.locator(".letter-dated").innerText(), dated);
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() =>
      [".letter-tools", ".letter-fields", ".letter-addressee-check"].map((sel) =>
        [...document.querySelectorAll(sel)].every((el) => !el.checkVisibility()),
      ),
    );
    assert.deepEqual(hidden, [true, true, true], `${lang}: print shows the letter only`);
    // Russian: the addressee to the right of the sender; Polish: the date line at the top right.
    const box = async (sel) => letter.locator(sel).boundingBox();
    const [to, from, datedBox] = [await box(".letter-to"), await box(".letter-from"), await box(".letter-dated")];
    if (lang === "ru") assert.ok(to.x > from.x && Math.abs(to.y - from.y) < 2, "ru: addressee top right");
    if (lang === "pl") assert.ok(datedBox.x > from.x && datedBox.y <= to.y, "pl: place and date top right");
    if (lang === "en") assert.ok(from.y < datedBox.y && datedBox.y < to.y, "en: sender, date line, addressee");
    const shot = await letter.screenshot({ path: path.join(os.tmpdir(), `claimdesk-letter-${lang}.png`) });
    assert.ok(shot.length > 10_000, `${lang}: the printed letter renders`);
    const pdf = await page.pdf({ format: "A4", path: path.join(os.tmpdir(), `claimdesk-letter-${lang}.pdf`) });
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-", `${lang}: a PDF`);
    await page.emulateMedia({ media: "screen" });
  }
  s.guard.assertClean();
});

test("DOCX: the files worker writes the letter with its table, numbered like print, and LibreOffice reads it", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  const caseId = await preparedCase(s);
  await s.open(`/cases/${caseId}/letter/precourt_claim?lang=ru`);
  await page.locator("article.letter .letter-title").waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download as DOCX" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${caseId}-precourt_claim.docx`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "claimdesk-docx-"));
  const file = path.join(dir, "letter.docx");
  await download.saveAs(file);
  await page.locator("#live-status", { hasText: "The DOCX file is downloaded." }).waitFor();
  assert.match(await page.locator("article.letter .letter-dated").innerText(), /^Исх\. № 1 от /, "numbered on download");
  execFileSync("soffice", ["--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, file], {
    env: { ...process.env, HOME: dir },
    stdio: "ignore",
  });
  const text = await fs.readFile(path.join(dir, "letter.txt"), "utf8");
  for (const expected of [
    "Кому: ООО «РВБ»",
    "Исх. № 1 от ",
    "ПРЕТЕНЗИЯ",
    "о возмещении стоимости товара, утраченного на складе Wildberries",
    "Товар по поставке № WB-3ROWS",
    "Артикул WB",
    "987654321",
    "3 661,50 ₽",
  ]) {
    assert.ok(text.replace(/\u00a0/g, " ").includes(expected), `${expected} in the DOCX:\n${text}`);
  }
  await s.open(`/cases/${caseId}`);
  await page.locator(".timeline li", { hasText: "Letter No. 1 downloaded as DOCX: Pre-court claim" }).waitFor();
  s.guard.assertClean();
});
