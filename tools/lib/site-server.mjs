// Starts tools/serve.py (the same GitHub-Pages-like server `make serve` uses) on a free loopback port: for the
// build's pre-rendering, the end-to-end tests and the bench.
import { spawn } from "node:child_process";
import { once } from "node:events";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const SERVE_PY = fileURLToPath(new URL("../serve.py", import.meta.url));

/**
 * @param {{dir: string, prefix?: string}} options  dir: the built site; prefix: the base path to mount it under.
 * @returns {Promise<{url: string, origin: string, stop: () => Promise<void>}>} url is the site's base URL.
 */
export async function startServer({ dir, prefix = "/" }) {
  const child = spawn(
    "python3",
    [SERVE_PY, "--dir", dir, "--prefix", prefix, "--port", "0", "--quiet"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const lines = readline.createInterface({ input: child.stdout });
  const firstLine = new Promise((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`serve.py exited with ${code} before it started:\n${stderr}`)));
    child.once("error", reject);
  });
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`serve.py did not start within 10 s:\n${stderr}`)), 10_000).unref(),
  );
  let url;
  try {
    url = (await Promise.race([firstLine, timeout])).trim();
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url,
    origin: new URL(url).origin,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}
