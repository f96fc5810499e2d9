/*
 * Benchmark fixture: drafts by the demo drafter, submitted for review, for the publish-to-live
 * measurement. Prints one JSON line: [{ id, slug, title, topic, version }]. Run with tsx --conditions=react-server.
 */
import { closeDb, getSqlite } from "@/db/client";
import { createDraft, saveWorkingCopy } from "@/lib/articles/editing";
import { applyTransition } from "@/lib/articles/transitions";
import type { CurrentUser } from "@/lib/permissions";

// Top-level await is not available to these scripts (tsx runs them as CommonJS).
void (async () => {

  const count = Number(process.argv[2] ?? 10);
  const sqlite = getSqlite();
  const drafter = sqlite.prepare("select id, name, email, role from users where email = 'drafter@example.edu'").get() as CurrentUser;
  const topic = sqlite.prepare("select id, slug from topics where slug = 'research'").get() as { id: number; slug: string };
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
