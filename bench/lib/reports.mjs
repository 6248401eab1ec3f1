// Issue 21's figure: a 100,000-row report dropped on the Reports page. The same WB sales detail as
// tests/report_scale.rs (80 compensations paid, 20 underpaid), written as a CSV file; the page imports it through
// the files worker. Timed from choosing the file to the findings shown, with the longest main-thread task
// (PerformanceObserver "longtask") in that span: the parsing runs in the worker, so the page's own tasks must
// stay short. Memory is not measured here (the worker's heap is not visible to the page).
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { routeURL } from "../../tests/e2e/lib/app.mjs";
import { OUT_DIR, WAIT_MS } from "./config.mjs";
import { openSession } from "./session.mjs";

const LINES = 100_000;

async function salesDetailFile() {
  const lines = [
    "№;Номер поставки;Баркод;Обоснование для оплаты;Кол-во;Цена розничная с учетом согласованной скидки;Размер кВВ, %;К перечислению Продавцу за реализованный Товар",
  ];
  for (let i = 1; i <= LINES; i++) {
    const [reason, payout] =
      i % 5000 === 0 ? ["Компенсация ущерба", "800,00"] : i % 1000 === 0 ? ["Оплата потерянного товара", "850,00"] : ["Продажа", "850,00"];
    lines.push(`${i};1;46${String(i).padStart(11, "0")};${reason};1;1 000,00;15;${payout}`);
  }
  await mkdir(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, "wb-sales-detail-100000.csv");
  await writeFile(file, lines.join("\r\n") + "\r\n");
  return file;
}

/** `runs` imports of the 100,000-row file: [{ms, longestTaskMs, findings}] per run. */
export async function measureReports(browser, app, runs) {
  const file = await salesDetailFile();
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const session = await openSession(browser, app.origin);
    try {
      const { page } = session;
      await page.goto(routeURL(app.url, "/reports"));
      await page.locator("#report-files").waitFor({ timeout: WAIT_MS });
      await page.evaluate(() => {
        window.__longest = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
        }).observe({ type: "longtask" });
        window.__started = performance.now();
      });
      await page.setInputFiles("#report-files", file);
      await page.locator(".findings-range, .findings-none").waitFor({ timeout: WAIT_MS });
      const figures = await page.evaluate(() => ({
        ms: performance.now() - window.__started,
        longestTaskMs: window.__longest,
        findings: document.querySelector(".findings-range")?.textContent ?? "",
      }));
      if (!/ of 100$/.test(figures.findings)) throw new Error(`expected 100 findings, the page says "${figures.findings}"`);
      samples.push(figures);
    } finally {
      await session.context.close();
    }
  }
  return samples;
}
