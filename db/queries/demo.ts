import "server-only";
import { eq, count } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { articles, topics, users } from "../tables";

/*
 * The few writes the demo seed (scripts/seed/) makes directly: everything else it writes through
 * the same lib/ functions as the newsroom. These have no such function, on purpose: topics are
 * set up once per deployment (the newsroom has no topic page yet), and a view count months long
 * is history that only readers could have made.
 */

/** True when the database holds no people and no articles: the only state the seed writes into. */
export async function isDatabaseEmpty(db: Db = getDb()): Promise<boolean> {
  const rows = async (table: typeof users | typeof articles) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return await rows(users) === 0 && await rows(articles) === 0;
}

/** Adds the topics in the order given (their position on the site); returns their ids by slug. */
export async function insertTopics(db: Db, list: { slug: string; name: string; description: string }[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [position, t] of list.entries()) {
    ids.set(t.slug, (await db.insert(topics).values({ ...t, position }).returning({ id: topics.id }))[0]!.id);
  }
  return ids;
}

/** Sets an article's running view total, as if readers had read it since it went live. */
export async function backdateViewCount(db: Db, articleId: number, views: number): Promise<void> {
  await db.update(articles).set({ viewCount: views }).where(eq(articles.id, articleId));
}
