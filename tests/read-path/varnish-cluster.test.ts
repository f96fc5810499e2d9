import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileVcl, renderVcl, startVarnish, type RunningVarnish } from "../../scripts/varnish.mjs";
import { freePort } from "../../scripts/service.mjs";

/*
 * deploy/varnish/masthead.vcl in front of several instances: it compiles with one backend (as
 * start:cached runs it) and with several (start:cluster), and a real Varnish in front of two
 * small HTTP servers standing in for the instances shows the director's behaviour: requests in
 * turn, a GET that meets a dead or unavailable instance answered by the other, a POST never
 * sent twice. e2e/cluster.spec.ts checks the same with two real instances of the app.
 */


interface Instance {
  name: string;
  port: number;
  posts: number;
  /** Answers 503 to /api/flaky when true (an instance draining or overloaded). */
  unavailable: boolean;
  server: http.Server;
}

/** An instance stand-in: healthy, names itself in every answer, never cacheable. */
async function instance(name: string): Promise<Instance> {
  const self: Instance = { name, port: 0, posts: 0, unavailable: false, server: http.createServer() };
  self.server.on("request", (req, res) => {
    if (req.method === "POST") self.posts++;
    const status = req.url === "/api/flaky" && self.unavailable ? 503 : 200;
    req.resume();
    req.on("end", () => {
      res.writeHead(status, { "content-type": "text/plain", "cache-control": "private, no-store" });
      res.end(name);
    });
  });
  await new Promise<void>((r) => self.server.listen(0, "127.0.0.1", r));
  self.port = (self.server.address() as AddressInfo).port;
  return self;
}

/** The instance dies at once: no new connections, and its open ones (Varnish's pool) cut. */
async function kill(target: Instance) {
  const closed = new Promise((r) => target.server.close(r));
  target.server.closeAllConnections();
  await closed;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-vcl-test-"));
let a: Instance;
let b: Instance;
let varnish: RunningVarnish | null = null;
let front = "";

beforeAll(async () => {
  [a, b] = await Promise.all([instance("A"), instance("B")]);
  const port = await freePort();
  varnish = await startVarnish({ port, backends: [{ port: a.port }, { port: b.port }] });
  front = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await varnish?.stop();
  for (const s of [a, b]) if (s?.server.listening) await kill(s);
  fs.rmSync(tmp, { recursive: true, force: true });
});

const get = (url: string, method = "GET") => fetch(url, { method, signal: AbortSignal.timeout(10_000) }).then(async (r) => ({ status: r.status, body: await r.text() }));

describe("the VCL", () => {
  it("compiles with one backend and with several, every placeholder filled", () => {
    const one = renderVcl({ backendPort: 3001 });
    const three = renderVcl({ backends: [{ port: 3001 }, { host: "10.0.0.2", port: 3001 }, { port: 3003 }], purgers: ["10.0.0.0/8"] });
    for (const [name, text] of [["one", one], ["three", three]] as const) {
      expect(text).not.toMatch(/\{\{[A-Z_]+\}\}|^# (\} )?each backend/m);
      const file = path.join(tmp, `${name}.vcl`);
      fs.writeFileSync(file, text);
      expect(compileVcl(file), name).toBe("");
    }
    expect(one.match(/^backend /gm)).toHaveLength(1);
    expect(one).not.toContain("others_");
    expect(three.match(/^backend origin_\d /gm)).toHaveLength(3);
    expect(three).toContain('.host = "10.0.0.2";');
    expect(three.match(/origins\.add_backend\(origin_\d\);/g)).toHaveLength(3);
    // A failed GET is retried once less than there are instances, each time on another one.
    expect(three.match(/bereq\.retries < 2\)/g)).toHaveLength(2);
    expect(three).toContain("others_origin_2.add_backend(origin_1);");
    expect(three).toContain("others_origin_2.add_backend(origin_3);");
    expect(three).not.toContain("others_origin_2.add_backend(origin_2);");
  });

  it("refuses a backend that is not a host and a port", () => {
    expect(() => renderVcl({ backends: [] })).toThrow(/at least one/);
    expect(() => renderVcl({ backends: [{ port: 0 }] })).toThrow(/Not a port/);
    expect(() => renderVcl({ backends: [{ host: 'x"; } backend y {', port: 80 }] })).toThrow(/Not a host/);
  });
});

describe("Varnish in front of two instances", () => {
  it("sends requests to both in turn", async () => {
    const bodies = [];
    for (let i = 0; i < 6; i++) bodies.push((await get(`${front}/api/who`)).body);
    expect(new Set(bodies)).toEqual(new Set(["A", "B"]));
    expect(bodies.filter((x) => x === "A")).toHaveLength(3);
  });

  it("answers a GET from the other instance when one says it is unavailable", async () => {
    a.unavailable = true;
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, async () => await get(`${front}/api/flaky`)));
      expect(answers).toEqual(Array.from({ length: 8 }, () => ({ status: 200, body: "B" })));
    } finally {
      a.unavailable = false;
    }
  });

  it("when one instance dies, every GET is answered by the other and a POST is never sent twice", async () => {
    await kill(a);
    // Before the probes notice (two seconds): the director still picks A every other time.
    const gets = await Promise.all(Array.from({ length: 10 }, async () => await get(`${front}/api/who`)));
    const head = await fetch(`${front}/api/who`, { method: "HEAD" });
    const postsBefore = b.posts;
    const posts = [];
    for (let i = 0; i < 4; i++) posts.push(await get(`${front}/api/save`, "POST"));
    expect(gets).toEqual(Array.from({ length: 10 }, () => ({ status: 200, body: "B" })));
    expect(head.status).toBe(200);
    // Those the director gave to A failed and reached nobody; only those given to B were done.
    const done = posts.filter((p) => p.status === 200);
    expect(done.every((p) => p.body === "B")).toBe(true);
    expect(posts.filter((p) => p.status === 503).length).toBeGreaterThan(0);
    expect(b.posts - postsBefore).toBe(done.length);

    // Once the probes have called A sick, nothing is sent to it any more.
    await new Promise((r) => setTimeout(r, 3_500));
    const later = [];
    for (let i = 0; i < 4; i++) later.push(await get(`${front}/api/save`, "POST"));
    expect(later).toEqual(Array.from({ length: 4 }, () => ({ status: 200, body: "B" })));
  });
});
