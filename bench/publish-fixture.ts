/*
 * Benchmark fixture: drafts by the demo drafter, submitted for review, for the publish-to-live
 * measurement. Prints one JSON line: [{ id, slug, title, topic, version }]. Run with tsx --conditions=react-server.
 */
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { topics, users } from "@/db/tables";
import { createDraft, saveWorkingCopy } from "@/lib/articles/editing";
import { applyTransition } from "@/lib/articles/transitions";
import type { CurrentUser } from "@/lib/permissions";

// Top-level await is not available to these scripts (tsx runs them as CommonJS).
void (async () => {

  const count = Number(process.argv[2] ?? 10);
  // On whichever engine DATABASE_URL chooses (bench/cluster.mjs runs it on PostgreSQL).
  const db = getDb();
  const drafter: CurrentUser | undefined = (await db.select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).where(eq(users.email, "drafter@example.edu")))[0];
  const topic = (await db.select({ id: topics.id, slug: topics.slug }).from(topics).where(eq(topics.slug, "research")))[0];
  if (!drafter || !topic) throw new Error("the demo drafter or the research topic is missing");
  const items = [];
  for (let i = 0; i < count; i++) {
    const title = `Publish benchmark story ${i} ${Date.now()}`;
    const id = await createDraft(drafter, title);
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Body of benchmark story ${i}.` }] }] };
    const saved = await saveWorkingCopy(drafter, { articleId: id, baseVersion: 1, title, standfirst: "For the publish benchmark.", body, topicIds: [topic.id], leadMediaId: null });
    await applyTransition(drafter, { articleId: id, action: "submit", baseVersion: saved.version });
    items.push({ id, slug: saved.slug, title, topic: topic.slug, version: saved.version });
  }
  console.log(JSON.stringify(items));
  await closeDb();
})();
