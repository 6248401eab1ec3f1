// What a typical JavaScript app does to show a stored case list: read the cases as JSON from localStorage, sort
// the active ones by their next deadline, and write the first 50 rows to the DOM. bench/lib/reference.mjs times
// it in the same run as the app's own list, in the same browser, so the ratio travels between machines.
"use strict";
(() => {
  const record = { start: performance.now(), painted: null, rows: 0 };
  window.__reference = record;
  const cases = JSON.parse(localStorage.getItem("reference:cases") || "[]");
  const ACTIVE = new Set(["open", "waiting_marketplace", "waiting_buyer"]);
  const nextDue = (c) => c.deadlines.filter((d) => !d.done).map((d) => d.due).sort()[0] || "9999-12-31";
  const shown = cases
    .filter((c) => ACTIVE.has(c.status))
    .map((c) => ({ c, due: nextDue(c) }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .slice(0, 50);
  const money = new Map();
  const list = document.getElementById("cases");
  for (const { c, due } of shown) {
    const currency = c.money.currency || "RUB";
    if (!money.has(currency)) money.set(currency, new Intl.NumberFormat("en", { style: "currency", currency }));
    const row = document.createElement("li");
    row.className = "case-row";
    const name = document.createElement("div");
    const link = document.createElement("a");
    link.href = `#${c.id}`;
    link.textContent = `${c.marketplace} · ${c.order_number || "no order number"}`;
    const scenario = document.createElement("div");
    scenario.textContent = c.scenario;
    name.append(link, scenario);
    const cells = [c.status, due, money.get(currency).format(c.money.at_stake / 100)].map((text) => {
      const cell = document.createElement("div");
      cell.textContent = text;
      return cell;
    });
    row.append(name, ...cells);
    list.append(row);
  }
  record.rows = shown.length;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (record.painted = performance.now());
    channel.port2.postMessage(null);
  });
})();
