// The production server: Next's request handler behind the hash-based CSP of scripts/csp.mjs.
// `npm start`, the browser tests and the benchmark all serve through it.
import http from "node:http";
import path from "node:path";
import next from "next";
import { secureResponse } from "./csp.mjs";

const port = Number(process.env.PORT || 3000);
const dir = path.resolve(import.meta.dirname, "..");
const app = next({ dev: false, dir, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  secureResponse(req, res);
  handle(req, res).catch((error) => {
    console.error("request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end("Internal Server Error");
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`✓ Ready on http://localhost:${port}`));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: finishing open requests…`);
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
