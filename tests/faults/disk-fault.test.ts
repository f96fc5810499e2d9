import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/temp-db";
import { runScript } from "./support/child";
import { createReadyDrafts, createWorld, type World } from "./support/world";

/*
 * Fault: the disk under the data folder refuses writes, read-only or full. The public site must
 * keep serving what is live; every write must be refused with a message that says what happened
 * and that nothing was lost, and nothing may be half-written.
 *
 * How the faults are made, without mount, loop devices or filling the machine's shared disk:
 * - read-only: the app process sees the data folder through a read-only bind mount in a
 *   private mount namespace (`unshare --mount`, we run as root), so every write fails with
 *   EROFS as on a disk remounted read-only; nothing outside that process is affected. (Running
 *   it as `nobody` against 0555/0444 modes failed on a fresh clone in a 0700 temp folder, where
 *   `nobody` cannot reach node_modules; `PRAGMA query_only` is not a disk fault, and `chattr +i`
 *   under a running process made SQLite's shared-memory mapping raise SIGBUS.) The test
 *   process keeps its own connection open meanwhile, so the -wal and -shm files exist as they
 *   do under a running server (a read-only folder *without* them cannot even be read).
 * - full: once the app process is up, `prlimit --fsize=0` sets its RLIMIT_FSIZE to 0, so the
 *   kernel refuses every write() it makes to a regular file, as a full disk does (EFBIG rather
 *   than ENOSPC; SQLite reports SQLITE_IOERR_WRITE rather than SQLITE_FULL; both are mapped).
 */
const MESSAGE = "The server cannot save right now (its disk is full or read-only). Nothing was changed; your text is kept in this browser.";

let cleanup: () => Promise<void>;
let dir: string;
let sqlite: Database.Database;
let world: World;
let draftId = 0;
let liveSlug = "";

beforeAll(async () => {
  ({ cleanup, dir } = await useFreshDatabase());
  sqlite = (await import("@/db/client")).getSqlite();
  world = await createWorld();
  const { applyTransition } = await import("@/lib/articles/transitions");
  const [liveId, id] = await createReadyDrafts(world, 2, "Disk");
  await applyTransition(world.maya, { articleId: liveId!, action: "submit", baseVersion: 2 });
  await applyTransition(world.helen, { articleId: liveId!, action: "approve", baseVersion: 2 });
  liveSlug = (sqlite.prepare("select slug from publications where article_id = ?").get(liveId) as { slug: string }).slug;
  draftId = id!;
  fs.mkdirSync(path.join(dir, "media", "originals"), { recursive: true });
});
afterAll(() => cleanup());

/** Everything a write could have touched: the tables and the stored photo files. */
const snapshot = () =>
  JSON.stringify([
    ...["articles", "revisions", "audit_log", "media", "publications", "article_topics"].map((t) => sqlite.prepare(`select * from ${t} order by rowid`).all()),
    fs.readdirSync(path.join(dir, "media", "originals")),
  ]);

type Step = { step: string; ok?: boolean; code?: string; message?: string; count?: number; article?: string | null; cards?: string[] };

async function runApp(options: { readOnly?: boolean; afterReady?: (pid: number) => void }) {
  const child = runScript("disk-fault-app.ts", { dataDir: dir, readOnlyDir: options.readOnly ? dir : undefined, config: { user: world.maya, articleId: draftId, baseVersion: 2, slug: liveSlug, topicId: world.topicId } });
  await child.waitFor((l) => l === "ready");
  options.afterReady?.(child.process.pid!);
  child.send("go");
  const exit = await child.exited;
  expect(exit, child.stderr()).toEqual({ code: 0, signal: null });
  return new Map(child.lines.filter((l) => l.startsWith("{")).map((l) => [(JSON.parse(l) as Step).step, JSON.parse(l) as Step]));
}

function expectServedAndRefused(steps: Map<string, Step>) {
  for (const read of ["read-before", "read-after"]) {
    expect(steps.get(read), read).toMatchObject({ count: 1, article: "Disk 1", cards: [liveSlug] });
  }
  for (const write of ["save", "create", "upload"]) {
    expect(steps.get(write), write).toMatchObject({ ok: false, code: "storage_unavailable", message: MESSAGE });
  }
}

describe("a disk that refuses writes", () => {
  it("read-only: the public site keeps serving, writes are refused clearly, nothing changes", async () => {
    const before = snapshot();
    const steps = await runApp({ readOnly: true });
    expectServedAndRefused(steps);
    expect(snapshot()).toBe(before);
  });

  it("full: the public site keeps serving, writes are refused clearly, nothing changes", async () => {
    const before = snapshot();
    const steps = await runApp({ afterReady: (pid) => execFileSync("prlimit", ["--pid", String(pid), "--fsize=0:unlimited"]) });
    expectServedAndRefused(steps);
    expect(snapshot()).toBe(before); // no half-written photo file either
  });
});

describe("the mapping of storage faults", () => {
  it("names SQLite's read-only, full and I/O errors and the errno of file writes, through drizzle's wrapper too", async () => {
    const { failureFor } = await import("@/lib/actions/define");
    const { unavailableResponse } = await import("@/lib/errors");
    const fault = (code: string) => Object.assign(new Error(code), { code });
    for (const code of ["SQLITE_READONLY", "SQLITE_READONLY_DIRECTORY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_IOERR_WRITE", "ENOSPC", "EROFS", "EACCES", "EFBIG"]) {
      expect(failureFor(fault(code)), code).toEqual({ ok: false, code: "storage_unavailable", message: MESSAGE, retryable: true });
    }
    const wrapped = Object.assign(new Error("Failed query: insert into …"), { cause: fault("SQLITE_BUSY_SNAPSHOT") });
    expect(failureFor(wrapped)).toMatchObject({ code: "busy", retryable: true });
    expect(failureFor(fault("SQLITE_CONSTRAINT_UNIQUE"))).toMatchObject({ code: "unexpected" });
    const response = unavailableResponse(fault("SQLITE_FULL"))!;
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toEqual({ code: "storage_unavailable", message: MESSAGE, retryable: true });
  });
});
