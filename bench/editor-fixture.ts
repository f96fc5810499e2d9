/*
 * Benchmark fixture: a 10,000-word draft with 20 photographs for the demo drafter, then the
 * server-side cost of saving it (validation, version check, revision, audit) measured in-process.
 * Prints one JSON line: { articleId, saveP50, saveP95 }. Run with tsx --conditions=react-server.
 */
import { closeDb, getSqlite } from "@/db/client";
import { createDraft, FOLD_WINDOW_MS, saveWorkingCopy } from "@/lib/articles/editing";
import type { CurrentUser } from "@/lib/permissions";

// Top-level await is not available to these scripts (tsx runs them as CommonJS).
void (async () => {

  const sqlite = getSqlite();
  const drafter = sqlite.prepare("select id, name, email, role from users where email = 'drafter@example.edu'").get() as CurrentUser;
  const mediaIds = (sqlite.prepare("select id from media order by id limit 20").all() as { id: number }[]).map((m) => m.id);
  const words = "river campus research student library faculty laboratory harbour lecture archive".split(" ");
  const paragraph = (n: number) => ({ type: "paragraph", content: [{ type: "text", text: Array.from({ length: 100 }, (_, i) => words[(n + i) % words.length]).join(" ") + "." }] });
  const content: unknown[] = [];
  for (let i = 0; i < 100; i++) {
    content.push(paragraph(i));
    if (i % 5 === 4) content.push({ type: "image", attrs: { mediaId: mediaIds[Math.floor(i / 5) % mediaIds.length], alt: "A photograph", caption: `Caption ${i}` } });
  }
  const body = { type: "doc", content };

  const id = await createDraft(drafter, "A very long article for the editor benchmark");
  let version = 1;
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    // Spread saves beyond the fold window half the time, so both paths are measured.
    const at = new Date(Date.now() + (i % 2) * (FOLD_WINDOW_MS + 1000) * i);
    version = (await saveWorkingCopy(drafter, { articleId: id, baseVersion: version, title: `Long article ${i}`, standfirst: "", body, topicIds: [], leadMediaId: null }, "save", at)).version;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pick = (p: number) => Number(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1));
  console.log(JSON.stringify({ articleId: id, saveP50: pick(50), saveP95: pick(95) }));
  await closeDb();
})();
