// A gzip layer in front of tools/serve.py. GitHub Pages sends HTML, JS, CSS, wasm and JSON gzip-compressed;
// serve.py sends them as they are. Under a throttled network that difference would be most of the cold start,
// so the bench puts this in between: everything else (paths, 404s, headers) is serve.py's own answer.
import http from "node:http";
import { once } from "node:events";
import zlib from "node:zlib";

const COMPRESSIBLE = /^(text\/|application\/(wasm|javascript|json|manifest\+json)|image\/svg)/;
// Level 6 is zlib's default and what on-the-fly compressing servers typically use.
export const GZIP_LEVEL = 6;

/**
 * @param {string} upstream  serve.py's origin, e.g. "http://127.0.0.1:41234"
 * @returns {Promise<{origin: string, log: {path: string, status: number}[], stop: () => Promise<void>}>}
 *   `log` lists every answer sent (what really crossed the network), for the transfer figure.
 */
export async function startGzipProxy(upstream) {
  // The build does not change during a run: compress each answer once.
  const compressed = new Map();
  const log = [];
  const server = http.createServer((request, response) => {
    const forward = http.request(
      `${upstream}${request.url}`,
      { method: request.method, headers: { ...request.headers, "accept-encoding": "identity" } },
      (answer) => {
        const chunks = [];
        answer.on("data", (chunk) => chunks.push(chunk));
        answer.on("end", () => {
          const body = Buffer.concat(chunks);
          log.push({ path: request.url, status: answer.statusCode });
          const headers = { ...answer.headers };
          const wantsGzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
          const type = headers["content-type"] ?? "";
          if (wantsGzip && body.length > 0 && COMPRESSIBLE.test(type) && !headers["content-encoding"]) {
            const key = `${answer.statusCode} ${request.url} ${headers["last-modified"] ?? ""}`;
            if (!compressed.has(key)) compressed.set(key, zlib.gzipSync(body, { level: GZIP_LEVEL }));
            const gz = compressed.get(key);
            headers["content-encoding"] = "gzip";
            headers["content-length"] = String(gz.length);
            headers.vary = "Accept-Encoding";
            response.writeHead(answer.statusCode, headers);
            response.end(request.method === "HEAD" ? undefined : gz);
          } else {
            response.writeHead(answer.statusCode, headers);
            response.end(body);
          }
        });
      },
    );
    forward.on("error", (error) => {
      response.writeHead(502, { "content-type": "text/plain" });
      response.end(String(error));
    });
    request.pipe(forward);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
