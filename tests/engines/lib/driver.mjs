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
  let command, caps;
  if (engine === "firefox") {
    command = (port) => ["geckodriver", ["--host", "127.0.0.1", "--port", String(port)]];
    caps = {
      browserName: "firefox",
      "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"], prefs: { "intl.accept_languages": lang, ...(downloadDir ? downloadPrefs(downloadDir) : {}) } },
      ...(bidi ? { webSocketUrl: true } : {}),
    };
  } else {
    command = (port) => ["xvfb-run", ["-a", "/usr/bin/WebKitWebDriver", `--port=${port}`]];
    caps = {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", args: ["--automation"] },
    };
  }
  return startSession(engine, command, caps);
}

// A WebDriver server that never answers (a browser that did not come up) would otherwise hold a test until the
// whole file times out, with nothing said about why.
const SESSION_TIMEOUT_MS = 60_000;
// WebDriver's own default is 300 s, as long as a whole test file may take: a page that never finishes loading
// fails its step instead, naming it.
const PAGE_LOAD_TIMEOUT_MS = 60_000;
const LOG_TAIL_CHARS = 4_000;

async function startSession(engine, command, caps) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const [cmd, args] = command(port);
    const server = spawnServer(cmd, args);
    try {
      await waitForPort(port);
      const driver = await withTimeout(
        new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build(),
        SESSION_TIMEOUT_MS,
        `no ${engine} session within ${SESSION_TIMEOUT_MS / 1000} s`,
      );
      await driver.manage().setTimeouts({ pageLoad: PAGE_LOAD_TIMEOUT_MS });
      return {
        driver,
        async stop() {
          await withTimeout(driver.quit(), 10_000, "quit").catch(() => {});
          await server.stop();
        },
      };
    } catch (error) {
      await server.stop();
      const detail = `${error.message}\n--- ${cmd} printed ---\n${server.log() || "(nothing)"}`;
      // Starting a browser is the one step retried: it depends on the machine (an X server, a display number).
      if (attempt === 2) throw new Error(`the ${engine} WebDriver session did not start twice: ${detail}`);
      console.error(`the ${engine} WebDriver session did not start (${detail}); starting it once more`);
    }
  }
}

/** The WebDriver server in its own process group (xvfb-run's X server included), with the tail of its output. */
function spawnServer(cmd, args) {
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  const keep = (chunk) => (log = (log + chunk).slice(-LOG_TAIL_CHARS));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    log: () => log.trim(),
    /** Ends the group and waits for it, so the next start never meets this one's X server or port. */
    async stop() {
      signalGroup(child, "SIGTERM");
      if (!(await withTimeout(exited, 5_000, "exit").then(() => true, () => false))) {
        signalGroup(child, "SIGKILL");
        await withTimeout(exited, 5_000, "exit").catch(() => {});
      }
      child.stdout.destroy();
      child.stderr.destroy();
    },
  };
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
