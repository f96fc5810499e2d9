import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/temp-db";
import { runScript, type Child } from "./support/child";
import { afterFault, publicationProblems, storageProblems } from "./support/consistency";
import { rawSql } from "../support/sql";
import { createReadyDrafts, createWorld, type World } from "./support/world";

/*
 * Two revisers approve the same articles at the same moment from two *processes* (two server
 * instances on one data folder or one PostgreSQL), through the engine's real locking rather than
 * one connection's serial calls: each article is published exactly once, by one of them, and the
 * other is told it was already acted on.
 */
const ARTICLES = 60;
let cleanup: () => Promise<void>;
let dir: string;
let world: World;
let articles: { id: number; version: number }[];

beforeAll(async () => {
  ({ cleanup, dir } = await useFreshDatabase());
  const { closeDb } = await import("@/db/client");
  const sql = await rawSql();
  world = await createWorld();
  const { applyTransition } = await import("@/lib/articles/transitions");
  const ids = await createReadyDrafts(world, ARTICLES, "Race");
  articles = [];
  for (const id of ids) {
    const { version } = (await sql.get<{ version: number }>("select version from articles where id = ?", id))!;
    await applyTransition(world.maya, { articleId: id, action: "submit", baseVersion: version });
    articles.push({ id, version });
  }
  await closeDb();
});
afterAll(() => cleanup());

const outcomes = (child: Child) =>
  new Map(
    child.lines
      .filter((l) => l.startsWith("won ") || l.startsWith("lost "))
      .map((l) => {
        const [kind, id, code, ...message] = l.split(" ");
        return [Number(id), { won: kind === "won", code, message: message.join(" ") }] as const;
      }),
  );

describe("two revisers approving at once, in two processes", () => {
  it("publish each article exactly once; the other reviser is told it was already acted on", async () => {
    const helen = runScript("approve-race.ts", { dataDir: dir, config: { reviser: world.helen, articles } });
    const rafael = runScript("approve-race.ts", { dataDir: dir, config: { reviser: world.rafael, articles } });
    await Promise.all([helen.waitFor((l) => l === "ready"), rafael.waitFor((l) => l === "ready")]);
    helen.send("go");
    rafael.send("go");
    const exits = await Promise.all([helen.exited, rafael.exited]);
    expect(exits.map((e) => e.code), helen.stderr() + rafael.stderr()).toEqual([0, 0]);

    const byHelen = outcomes(helen);
    const byRafael = outcomes(rafael);
    await afterFault(dir, async (sql, sqlite) => {
      if (sqlite) expect(storageProblems(sqlite)).toEqual([]);
      expect(await publicationProblems(sql)).toEqual([]);
      let helenWon = 0;
      for (const { id } of articles) {
        const h = byHelen.get(id)!;
        const r = byRafael.get(id)!;
        expect([h.won, r.won].filter(Boolean), `article ${id}`).toHaveLength(1);
        const [winner, loser] = h.won ? [world.helen, r] : [world.rafael, h];
        if (h.won) helenWon += 1;
        expect(loser.code).toBe("conflict");
        expect(loser.message).toMatch(/published now; someone may have acted on it a moment ago|Someone else acted on this article a moment ago/);
        expect(await sql.get("select count(*) n from publications where article_id = ? and reviser_id = ?", id, winner.id)).toEqual({ n: 1 });
        expect(await sql.get("select count(*) n from publications where article_id = ?", id)).toEqual({ n: 1 });
        const approvals = await sql.all("select actor_id from audit_log where article_id = ? and action = 'article.approve' and to_state = 'published'", id);
        expect(approvals).toEqual([{ actor_id: winner.id }]);
      }
      console.info(`two-process approval race: ${ARTICLES} articles, Helen won ${helenWon}, Rafael won ${ARTICLES - helenWon}, every loser told "conflict"`);
    });
  });
});
