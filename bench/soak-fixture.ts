/*
 * Soak benchmark fixture, run before the server starts: one working draft for each editor who
 * autosaves during the run (the two demo drafters on their own drafts, the admin correcting a
 * piece under review) and `count` pieces waiting for review for the reviser to publish.
 * Prints one JSON line: { editors: [{ email, articleId, version, topicIds }], queue: [{ id, slug, version }] }.
 * Run with tsx --conditions=react-server.
 */
import { closeDb, getSqlite } from "@/db/client";
import { createDraft, saveWorkingCopy } from "@/lib/articles/editing";
import { applyTransition } from "@/lib/articles/transitions";
import type { CurrentUser } from "@/lib/permissions";

// Top-level await is not available to these scripts (tsx runs them as CommonJS).
void (async () => {

  const count = Number(process.argv[2] ?? 60);
  const sqlite = getSqlite();
  const person = (email: string) => sqlite.prepare("select id, name, email, role from users where email = ?").get(email) as CurrentUser;
  const topic = sqlite.prepare("select id from topics where slug = 'research'").get() as { id: number };
  const words = "river campus research student library faculty laboratory harbour lecture archive".split(" ");
  const paragraph = (n: number) => ({ type: "paragraph", content: [{ type: "text", text: Array.from({ length: 60 }, (_, i) => words[(n + i) % words.length]).join(" ") + "." }] });
  /** About 1,200 words: a long feature, so each autosave carries a realistic payload. */
  const body = { type: "doc", content: Array.from({ length: 20 }, (_, i) => paragraph(i)) };

  async function readyForReview(drafter: CurrentUser, title: string) {
    const id = await createDraft(drafter, title);
    const saved = await saveWorkingCopy(drafter, { articleId: id, baseVersion: 1, title, standfirst: "For the soak benchmark.", body, topicIds: [topic.id], leadMediaId: null });
    await applyTransition(drafter, { articleId: id, action: "submit", baseVersion: saved.version });
    return { id, slug: saved.slug, version: saved.version };
  }

  const drafter = person("drafter@example.edu");
  const drafter2 = person("drafter2@example.edu");
  const editors: { email: string; articleId: number; version: number; topicIds: number[] }[] = [];
  for (const d of [drafter, drafter2]) {
    const title = `Soak draft of ${d.name}`;
    const id = await createDraft(d, title);
    const saved = await saveWorkingCopy(d, { articleId: id, baseVersion: 1, title, standfirst: "", body, topicIds: [topic.id], leadMediaId: null });
    editors.push({ email: d.email, articleId: id, version: saved.version, topicIds: [topic.id] });
  }
  const corrected = await readyForReview(drafter2, "Soak piece the admin corrects under review");
  editors.push({ email: "admin@example.edu", articleId: corrected.id, version: corrected.version, topicIds: [topic.id] });

  const queue: Awaited<ReturnType<typeof readyForReview>>[] = [];
  for (let i = 0; i < count; i++) queue.push(await readyForReview(i % 2 ? drafter2 : drafter, `Soak story ${i} for publishing`));
  console.log(JSON.stringify({ editors, queue }));
  await closeDb();
})();
