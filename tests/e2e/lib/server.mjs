// The GitHub-Pages-like server of `make serve`, shared with the build (tools/prerender.mjs) and the bench.
export { startServer } from "../../../tools/lib/site-server.mjs";
