/*
 * Adds generated live articles to a data folder until it holds `target` of them, reusing the
 * demo photographs. For benchmarks only: run with `tsx --conditions=react-server`.
 */
import { count } from "drizzle-orm";
import { closeDb, getDb, immediate, returned } from "@/db/client";
import { writePublication } from "@/db/queries/publish";
import { articleDrafters, articles, articleTopics, media, publications, topics, users } from "@/db/tables";

// Top-level await is not available to these scripts (tsx runs them as CommonJS).
void (async () => {

  const target = Number(process.argv[2] ?? 10_000);
  const WORDS =
    "river campus research student library faculty laboratory city harbour lecture music grant climate history language data health archive garden theatre".split(" ");

  function paragraph(seed: number): string {
    const words = Array.from({ length: 60 }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]);
    return words.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".";
  }

  const db = getDb();
  const have = (await db.select({ n: count() }).from(publications))[0]?.n ?? 0;
  const topicIds = (await db.select({ id: topics.id }).from(topics)).map((t) => t.id);
  const mediaIds = (await db.select({ id: media.id }).from(media)).map((m) => m.id);
  const staff = await db.select({ id: users.id, role: users.role }).from(users);
  const drafters = staff.filter((s) => s.role === "drafter").map((s) => s.id);
  const revisers = staff.filter((s) => s.role !== "drafter").map((s) => s.id);
  const start = Date.UTC(2019, 0, 1);

  let made = 0;
  while (have + made < target) {
    const batch = Math.min(1000, target - have - made);
    await immediate(async (tx) => {
      for (let i = 0; i < batch; i++) {
        const n = made + i;
        const photo = mediaIds[n % mediaIds.length]!;
        const inline = mediaIds[(n + 3) % mediaIds.length]!;
        const body = {
          type: "doc",
          content: [
            ...[0, 1, 2, 3].map((k) => ({ type: "paragraph", content: [{ type: "text", text: paragraph(n + k) }] })),
            { type: "image", attrs: { mediaId: inline, alt: "Generated photo", caption: "A generated caption." } },
            ...[4, 5, 6].map((k) => ({ type: "paragraph", content: [{ type: "text", text: paragraph(n + k) }] })),
          ],
        };
        const at = new Date(start + n * 3_600_000);
        const row = returned(await tx
                  .insert(articles)
                  .values({ slug: `bench-story-${n}`, title: `Benchmark story number ${n}`, standfirst: paragraph(n).slice(0, 160), body, leadMediaId: photo, status: "published", viewCount: n % 5000, createdAt: at, updatedAt: at })
                  .returning({ id: articles.id }));
        await tx.insert(articleDrafters).values({ articleId: row.id, userId: drafters[n % drafters.length]! });
        await tx.insert(articleTopics).values({ articleId: row.id, topicId: topicIds[n % topicIds.length]! });
        await writePublication(tx, { articleId: row.id, reviserId: revisers[n % revisers.length]!, at, bodyMediaIds: [inline] });
      }
    });
    made += batch;
  }
  console.log(`Live articles: ${have + made} (added ${made}).`);
  await closeDb();
})();
