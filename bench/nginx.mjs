// The static copy of the public pages for the read-path benchmark: the exact bytes the app sent
// (identity, gzip and brotli bodies, and the app's own response headers) written to a temp
// folder and served by an nginx child process on loopback — the limit of this machine.
//
// nginx-light has no brotli module, and compressing on the fly would make nginx do per-request
// work the app does not do (the app compresses once per rendering). So, as with gzip_static,
// each request is answered from a precompressed file: the variant is chosen from
// Accept-Encoding by a `map`, the same order as the app's (br, then gzip, then identity).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { rawGet } from "./raw-http.mjs";

/** Headers that belong to one delivery, or that nginx writes itself. */
const NOT_COPIED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "content-type", "vary", "age", "server"]);

const quote = (value) => `"${String(value).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;

function locationBlock(page, file) {
  const lines = [`  location = ${page.path.split("?")[0]} {`, `    default_type ${quote(page.headers["content-type"] ?? "text/html")};`, `    try_files /${file}.$variant =404;`];
  lines.push(`    add_header Content-Encoding $variant_encoding;`, `    add_header Vary Accept-Encoding;`);
  for (const [name, value] of Object.entries(page.headers)) {
    // A "$" would be read as an nginx variable; no page header has one today.
    if (NOT_COPIED.has(name) || String(value).includes("$")) continue;
    for (const v of [value].flat()) lines.push(`    add_header ${name} ${quote(v)};`);
  }
  lines.push("  }");
  return lines.join("\n");
}

function config(dir, port, pages) {
  return `daemon off;
user root;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65s;
  keepalive_requests 1000000;
  etag off;
  server_tokens off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  types { }
  map $http_accept_encoding $variant { default id; "~*(^|[ ,])br( *[,;]|$)" br; "~*(^|[ ,])gzip( *[,;]|$)" gz; }
  map $variant $variant_encoding { br br; gz gzip; default ""; }
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
${pages.map((p, i) => locationBlock(p, `page${i}`)).join("\n")}
  }
}
`;
}

/**
 * Writes `pages` ({ path, headers, bodies: { identity, gzip, br } }) and starts nginx on
 * 127.0.0.1:`port`; resolves once it answers. `stop()` ends it and removes the folder.
 */
export async function startStaticCopy({ port, pages }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-static-"));
  fs.mkdirSync(path.join(dir, "www"));
  fs.mkdirSync(path.join(dir, "tmp"));
  pages.forEach((page, i) => {
    fs.writeFileSync(path.join(dir, "www", `page${i}.id`), page.bodies.identity);
    if (page.bodies.gzip) fs.writeFileSync(path.join(dir, "www", `page${i}.gz`), page.bodies.gzip);
    if (page.bodies.br) fs.writeFileSync(path.join(dir, "www", `page${i}.br`), page.bodies.br);
  });
  fs.writeFileSync(path.join(dir, "nginx.conf"), config(dir, port, pages));
  const child = spawn("nginx", ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) break;
    try {
      await rawGet(`http://127.0.0.1:${port}${pages[0].path}`, {}, { timeoutMs: 1_000 });
      return { port, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const log = fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : "";
  await stop();
  throw new Error(`nginx did not start: ${stderr}${log}`.slice(0, 2000));
}
