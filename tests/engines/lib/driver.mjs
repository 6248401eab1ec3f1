// Starts a WebDriver server (geckodriver, or WebKitWebDriver under xvfb-run) on a free loopback port and a
// selenium-webdriver session for it. ENGINE=firefox|webkit picks the engine.
import { spawn } from "node:child_process";
import net from "node:net";
import { Builder } from "selenium-webdriver";

async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

async function waitForPort(port, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((r) => {
      const s = net.connect(port, "127.0.0.1", () => (s.end(), r(true)));
      s.on("error", () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`WebDriver did not listen on ${port}`);
}

function downloadPrefs(dir) {
  return {
    "browser.download.folderList": 2,
    "browser.download.dir": dir,
    "browser.download.useDownloadDir": true,
    "browser.download.always_ask_before_handling_new_types": false,
    "browser.helperApps.neverAsk.saveToDisk": "application/json,text/plain",
  };
}

/**
 * @returns {Promise<{driver: import("selenium-webdriver").WebDriver, stop: () => Promise<void>}>}
 * downloadDir (Firefox only): downloads are saved there without a dialog, so a test can read them back.
 * WebKitGTK's MiniBrowser under WebDriver has no such setting; tests read its downloads from the page instead.
 * bidi: also open a WebDriver BiDi connection (Firefox), for what classic WebDriver cannot do, such as a script
 * that runs in every page before the page's own scripts (the bench's timing probe).
 */
export async function startDriver(engine, { lang = "en", downloadDir, bidi = false } = {}) {
  const port = await freePort();
  let cmd, args, caps;
  if (engine === "firefox") {
    cmd = "geckodriver";
    args = ["--host", "127.0.0.1", "--port", String(port)];
    caps = {
      browserName: "firefox",
      "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"], prefs: { "intl.accept_languages": lang, ...(downloadDir ? downloadPrefs(downloadDir) : {}) } },
      ...(bidi ? { webSocketUrl: true } : {}),
    };
  } else {
    cmd = "xvfb-run";
    args = ["-a", "/usr/bin/WebKitWebDriver", `--port=${port}`];
    caps = {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", args: ["--automation"] },
    };
  }
  const child = spawn(cmd, args, { stdio: "ignore", detached: true });
  await waitForPort(port);
  const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
  return {
    driver,
    async stop() {
      await driver.quit().catch(() => {});
      try { process.kill(-child.pid, "SIGTERM"); } catch {}
    },
  };
}
