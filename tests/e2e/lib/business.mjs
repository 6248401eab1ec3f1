// A business profile entered the way a seller does it in Settings → "Your business" (issue 12).

/** A Russian company with every field the Russian form asks for, as the e2e tests enter it. */
export const ROMASHKA = {
  legal_form: "ООО",
  legal_name: "«Ромашка»",
  inn: "7701234560",
  kpp: "770101001",
  ogrn: "1027700000008",
  address: "г. Москва, ул. Ленина, д. 1",
  bank_name: "ПАО Сбербанк",
  bic: "044525225",
  account: "40702810200000000001",
  corr_account: "30101810400000000225",
  signatory_position: "Генеральный директор",
  signatory_name: "Иванов И. И.",
  market_id: "21000123",
};

/** Adds a business in Settings (the page must be open): country, fields by code, then Save. */
export async function addBusiness(page, country, fields) {
  await page.getByRole("button", { name: "Add a business" }).click();
  await page.selectOption("#profile-country", country);
  for (const [code, value] of Object.entries(fields)) await page.locator(`#profile-${code}`).fill(value);
  await page.getByRole("button", { name: "Save business details" }).click();
}
