import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/temp-db";
import { killHard, runScript, sleep } from "./support/child";
import { afterFault, publicationProblems, storageProblems } from "./support/consistency";
import { createReadyDrafts, createWorld, type World } from "./support/world";

/*
 * Fault: the server process is killed (SIGKILL) while it is publishing. A child takes many
 * articles through submit and approve+publish with the real applyTransition, printing each
 * transition after it returned; we kill it twice at random moments. Afterwards every article is
 * in exactly one consistent state: live ⇔ a publication row with its topics and search entry,
 * each state change audited once, and everything acknowledged as published is published.
 */
const ARTICLES = 400;
let cleanup: () => Promise<void>;
let dir: string;
let world: World;
let articleIds: number[];

beforeAll(async () => {
  ({ cleanup, dir } = await useFreshDatabase());
  const { closeDb } = await import("@/db/client");
  world = await createWorld();
  articleIds = await createReadyDrafts(world, ARTICLES, "Publish");
  await closeDb();
});
afterAll(() => cleanup());

const idsOf = (lines: string[], word: string) => lines.filter((l) => l.startsWith(`${word} `)).map((l) => Number(l.split(" ")[1]));

describe("kill -9 during publishing", () => {
  it("leaves every article in one consistent state, and everything acknowledged as published live", async () => {
    const submitted = new Set<number>();
    const published = new Set<number>();
    const figures: string[] = [];
    for (let round = 1; round <= 2; round++) {
      const child = runScript("publish-burst.ts", { dataDir: dir, config: { drafter: world.maya, reviser: world.helen, articleIds } });
      await child.waitFor((l) => l === "ready");
      await child.waitFor((_l, lines) => lines.length > 30);
      await sleep(Math.floor(Math.random() * 60));
      const exit = await killHard(child);
      expect(exit.signal).toBe("SIGKILL");
      expect(child.lines).not.toContain("done"); // killed mid-burst, not after it
      idsOf(child.lines, "submitted").forEach((id) => submitted.add(id));
      idsOf(child.lines, "published").forEach((id) => published.add(id));

      await afterFault(dir, async (sql, sqlite) => {
        if (sqlite) {
          expect(storageProblems(sqlite)).toEqual([]);
          expect(() => sqlite.prepare("insert into publication_search (publication_search) values ('integrity-check')").run()).not.toThrow();
        }
        expect(await publicationProblems(sql)).toEqual([]);
        const status = new Map((await sql.all<{ id: number; status: string }>("select id, status from articles")).map((r) => [r.id, r.status]));
        for (const s of status.values()) expect(["draft", "in_review", "published"]).toContain(s);
        for (const id of published) expect(status.get(id), `article ${id} was acknowledged as published`).toBe("published");
        for (const id of submitted) expect(["in_review", "published"]).toContain(status.get(id));
        // At most one transition committed without its line (the kill fell between the two).
        const live = [...status.values()].filter((s) => s === "published").length;
        const inReview = [...status.values()].filter((s) => s === "in_review").length;
        const unacknowledged = live - published.size + (live + inReview - submitted.size);
        expect(unacknowledged).toBeGreaterThanOrEqual(0);
        expect(unacknowledged).toBeLessThanOrEqual(round);
        figures.push(`round ${round}: ${published.size} published and ${submitted.size} submitted acknowledged so far, ${live} live, ${inReview} in review`);
      });
    }
    console.info(`kill -9 during publishing: ${figures.join("; ")}`);
    expect(published.size).toBeGreaterThan(20);
    expect(published.size).toBeLessThan(ARTICLES);
  });
});
