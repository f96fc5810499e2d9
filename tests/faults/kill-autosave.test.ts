import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/temp-db";
import { killHard, runScript, sleep } from "./support/child";
import { afterFault, revisionProblems, storageProblems } from "./support/consistency";
import { createReadyDrafts, createWorld, type World } from "./support/world";

/*
 * Fault: the server process is killed (SIGKILL: no handler, no cleanup) in the middle of a
 * burst of autosaves. A child process saves in a tight loop through the real saveWorkingCopy
 * and prints each save only after it returned; we kill it at a random moment, three times over
 * the same database, and after each kill open the file afresh and check that every
 * acknowledged save is there and that nothing is half-written.
 */
const ROUNDS = 3;
let cleanup: () => Promise<void>;
let dir: string;
let world: World;
let articleIds: number[];
let foldIds: number[];

beforeAll(async () => {
  ({ cleanup, dir } = await useFreshDatabase());
  const { closeDb } = await import("@/db/client");
  world = await createWorld();
  articleIds = await createReadyDrafts(world, 6, "Burst");
  foldIds = articleIds.slice(0, 2);
  await closeDb(); // from here on only the child writes; the test reads through fresh connections
});
afterAll(() => cleanup());

interface Ack {
  articleId: number;
  version: number;
  marker: string;
}
const parseAcks = (lines: string[]): Ack[] =>
  lines.filter((l) => l.startsWith("ack ")).map((l) => {
    const [, id, version, marker] = l.split(" ");
    return { articleId: Number(id), version: Number(version), marker: marker! };
  });

describe("kill -9 during a burst of autosaves", () => {
  it("keeps every acknowledged save, whole, across three kills", async () => {
    const acked: Ack[] = [];
    const figures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const child = runScript("autosave-burst.ts", { dataDir: dir, config: { user: world.maya, topicId: world.topicId, articleIds, foldIds, round, maxSaves: 1_000_000, maxMs: 15_000 } });
      await child.waitFor((l) => l === "ready");
      // Kill at a moment we do not choose: after a random pause, once some saves are acknowledged.
      await child.waitFor((_l, lines) => lines.length > 40);
      await sleep(50 + Math.floor(Math.random() * 400));
      const exit = await killHard(child);
      expect(exit.signal).toBe("SIGKILL");
      expect(child.lines).not.toContain("done"); // it really was mid-burst
      const acks = parseAcks(child.lines);
      acked.push(...acks);

      await afterFault(dir, async (sql, sqlite) => {
        if (sqlite) expect(storageProblems(sqlite)).toEqual([]);
        expect(await revisionProblems(sql)).toEqual([]);

        const version = async (id: number) => (await sql.get<{ version: number }>("select version from articles where id = ?", id))!.version;
        // Every acknowledged save of every round so far is still there.
        for (const ack of acked) {
          expect(await version(ack.articleId)).toBeGreaterThanOrEqual(ack.version);
          if (foldIds.includes(ack.articleId)) continue; // folded saves share a revision by design
          const revision = await sql.get<{ body: string }>("select body from revisions where article_id = ? and version = ?", ack.articleId, ack.version);
          expect(revision?.body, `revision ${ack.version} of article ${ack.articleId}`).toContain(ack.marker);
        }
        // The newest acknowledged text is the stored text, or a later save (at most one: the one
        // that committed just before the kill, whose line was never printed).
        let unacknowledged = 0;
        for (const id of articleIds) {
          const last = acked.filter((a) => a.articleId === id).at(-1);
          const stored = (await sql.get<{ version: number; body: string }>("select version, body from articles where id = ?", id))!;
          const base = last?.version ?? 2;
          unacknowledged += stored.version - base;
          if (last && stored.version === last.version) expect(stored.body).toContain(last.marker);
        }
        expect(unacknowledged).toBeGreaterThanOrEqual(0);
        expect(unacknowledged).toBeLessThanOrEqual(1);
        figures.push(`round ${round}: ${acks.length} saves acknowledged before the kill, ${unacknowledged} committed unacknowledged`);
      });
    }
    console.info(`kill -9 during autosaves: ${figures.join("; ")}`);
    expect(acked.length).toBeGreaterThan(ROUNDS * 40);
  });
});
