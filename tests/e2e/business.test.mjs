// Business profiles (issue 12 §1 and §3): the seller enters their business once in Settings, and every claim
// names its sender, in the language its addressee works in (Wildberries and Market: Russian; MALL: Polish)
// whatever the interface language; a missing detail stays visible in brackets; a save the storage refuses is
// never shown as saved.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import { startApp } from "./lib/app.mjs";
import { assertAccessible } from "./lib/axe.mjs";
import { ROMASHKA, addBusiness } from "./lib/business.mjs";
import { walkToSummary } from "./lib/wizard.mjs";


let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The text of the ready message with heading `title`, and its language select. */
function message(page, title) {
  const card = page.locator("article.message", { has: page.locator("h4", { hasText: title }) });
  return { body: card.locator(".message-body"), language: card.locator("select") };
}

test("a business entered once fills the WB, Market and MALL claims in the addressee's language", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  await s.open("/settings");
  await addBusiness(page, "ru", ROMASHKA);
  await page.locator("#live-status", { hasText: "Business details saved." }).waitFor();
  await page.locator(".profile-row label", { hasText: "ООО «Ромашка»" }).waitFor();
  await assertAccessible(page);

  await s.open("/wizard/wb-lost-goods");
  await walkToSummary(page, { where: "warehouse", fire: "no", order_number: "WB-555", amount: "12500", claim_sent: "no" });
  const claim = message(page, "Pre-court claim");
  assert.equal(await claim.language.inputValue(), "ru", "Wildberries works in Russian");
  const ru = await claim.body.innerText();
  assert.match(ru, /От кого: ООО «Ромашка»\nИНН 7701234560, КПП 770101001, ОГРН 1027700000008\nг\. Москва, ул\. Ленина, д\. 1\n/);
  assert.match(ru, /по реквизитам: ПАО Сбербанк, БИК 044525225, р\/с 40702810200000000001, к\/с 30101810400000000225/);
  assert.match(ru, /Генеральный директор Иванов И\. И\./);
  assert.match(ru, /Исх\. № \[номер присваивается при копировании или печати\]/, "the number is given on copy or print");
  assert.doesNotMatch(ru, /\[(наименование|ИНН|банк|должность)/, "no sender detail left in brackets");
  assert.equal(await claim.body.getAttribute("lang"), "ru");
  await claim.language.selectOption("en");
  assert.match(await claim.body.innerText(), /From: ООО «Ромашка»\nINN 7701234560, KPP 770101001/);

  await s.open("/wizard/ym-not-delivered");
  await walkToSummary(page, { model: "fby", order_number: "YM-9", scheduled_on: "2026-11-10", status: "in_delivery" });
  const ym = message(page, "Loss claim");
  assert.equal(await ym.language.inputValue(), "ru");
  assert.match(await ym.body.innerText(), /ИНН 7701234560.*ID кабинета на Маркете: 21000123/s);

  await s.open("/wizard/mall-incomplete-order");
  await walkToSummary(page, {});
  const toMall = page.locator("article.message", { has: page.locator("p.recipient", { hasText: "MALL Operations" }) }).first();
  assert.equal(await toMall.locator("select").inputValue(), "en", "a message to MALL is in English");
  assert.match(await toMall.locator(".message-body").innerText(), /ООО «Ромашка»/);
  s.guard.assertClean();
});

test("without a business the sender stays in brackets and the hint leads to the form", async () => {
  const s = await app.newSession({ lang: "ru" });
  const { page } = s;
  await s.open("/wizard/wb-lost-goods");
  await walkToSummary(page, { where: "warehouse", fire: "no", claim_sent: "no" });
  const card = page.locator("article.message", { has: page.locator("h4", { hasText: "Досудебная претензия" }) });
  assert.match(await card.locator(".message-body").innerText(), /От кого: \[наименование продавца\]\n\[ИНН, КПП, ОГРН\]\n\[юридический адрес\]/);
  await card.locator(".hint a").click();
  await page.waitForURL(/\/settings#business$/);
  await page.waitForFunction(() => document.activeElement?.id === "business");
  s.guard.assertClean();
});

test("business details the storage refuses are not shown as saved, and saved ones survive a reload", async () => {
  const s = await app.newSession({ lang: "en" });
  const { page } = s;
  await s.open("/settings");
  await addBusiness(page, "pl", { legal_name: "Nowak sp. z o.o.", nip: "5250000009" });
  await page.locator(".profile-row label", { hasText: "Nowak sp. z o.o." }).waitFor();
  await page.reload();
  await page.locator(".profile-row label", { hasText: "Nowak sp. z o.o." }).waitFor();

  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await addBusiness(page, "ru", { legal_name: "Второе ООО" });
  await page.locator(".profile-form [role=alert]", { hasText: "The business details were not saved." }).waitFor();
  assert.equal(await page.locator(".profile-row label", { hasText: "Второе ООО" }).count(), 0, "not listed as if saved");
  assert.equal(await page.locator("#profile-legal_name").inputValue(), "Второе ООО", "the typed details are kept");
  s.guard.assertClean();
});
