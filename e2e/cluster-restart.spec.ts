import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { RunningCluster } from "../scripts/cluster.mjs";

/*
 * `npm run start:cluster` starts a dead instance again by itself (scripts/cluster.mjs, restart):
 * killed with SIGKILL, it is back on its port with a new process within seconds, and Varnish
 * serves readers from it again. A cluster of this spec's own (E2E_PORT + 27 to + 29) with one
 * instance, so nothing but the restart can bring the site back, on the embedded SQLite file of
 * a data folder prepared without demo content (the restart does not depend on the engine).
 */
const E2E = Number(process.env.E2E_PORT || 3100);
const FRONT_PORT = E2E + 27;
const INSTANCE_PORT = E2E + 28;
const REDIS_PORT = E2E + 29;
const front = `http://127.0.0.1:${FRONT_PORT}`;

let dataDir = "";
let cluster: RunningCluster | null = null;
const logLines: string[] = [];

const status = async (url: string) => await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const { startCluster } = await import("../scripts/cluster.mjs");
  const { prepareData } = await import("../scripts/lib.mjs");
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-restart-"));
  prepareData(dataDir, { seed: false });
  cluster = await startCluster({
    port: FRONT_PORT,
    dataDir,
    instancePorts: [INSTANCE_PORT],
    redisPort: REDIS_PORT,
    siteUrl: front,
    secret: crypto.randomBytes(32).toString("hex"),
    restart: true,
    log: (line) => logLines.push(line),
  });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("cluster log", { body: logLines.slice(-200).join("\n"), contentType: "text/plain" });
});

test.afterAll(async () => {
  await cluster?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("an instance killed with SIGKILL is started again on its port and serves readers through Varnish", async () => {
  test.setTimeout(120_000);
  const before = cluster!.instances[0]!;
  // /api/health is passed by Varnish to an instance every time (never cached): through the
  // front it answers only while an instance does.
  expect(await status(`${front}/api/health`)).toBe(200);

  await before.kill("SIGKILL");
  expect(await status(`${before.url}/api/health`)).toBe(0);
  expect(await status(`${front}/api/health`)).not.toBe(200);

  await expect(async () => {
    const now = cluster!.instances[0]!;
    expect(now.pid).not.toBe(before.pid);
    expect(now.alive()).toBe(true);
    expect(await status(`${now.url}/api/health`)).toBe(200);
    expect(await status(`${front}/api/health`)).toBe(200);
  }).toPass({ timeout: 60_000 });

  const after = cluster!.instances[0]!;
  expect(after.port).toBe(INSTANCE_PORT);
  expect(after.restarted).toBe(true);
  expect(logLines).toContain(`↻ app 1 starts again on :${INSTANCE_PORT} in 1 s.`);
  expect(logLines.some((l) => l.startsWith(`✓ app 1 is back on :${INSTANCE_PORT} (pid ${after.pid})`))).toBe(true);
  // A page nobody asked for before must be rendered by an instance: the new process renders it.
  const search = await fetch(`${front}/search?q=${crypto.randomBytes(6).toString("hex")}`);
  expect(search.status).toBe(200);
  expect(await search.text()).toContain("Halden University News");
});

test("stopping the cluster while a restart is pending cancels it: nothing starts again", async () => {
  const current = cluster!.instances[0]!;
  await current.kill("SIGKILL");
  // Within the 1 s pause before the restart.
  await expect.poll(() => logLines.filter((l) => l.startsWith("↻ app 1 starts again")).length).toBe(2);
  await cluster!.stop();
  cluster = null;
  await new Promise((r) => setTimeout(r, 2_500));
  expect(await status(`http://127.0.0.1:${INSTANCE_PORT}/api/health`)).toBe(0);
  expect(logLines.filter((l) => l.startsWith("✓ app 1 is back"))).toHaveLength(1);
});
