import sharp from "sharp";
import { getSqlite } from "@/db/client";
import { countPublished, getPublishedArticle, listPublishedCards, listTopics } from "@/db/queries/public";
import { createDraft, saveWorkingCopy } from "@/lib/articles/editing";
import { toAppError } from "@/lib/errors";
import { acceptUpload } from "@/lib/media/upload";
import type { CurrentUser } from "@/lib/permissions";
import { readConfig, say, waitForWord } from "./script-io";

/*
 * Child of tests/faults/disk-fault.test.ts: the app's process on a disk that refuses writes.
 * Opens the database, says "ready", waits for "go" (the test applies the fault in between when
 * it is one that needs a running pid), then reads the public site, tries three kinds of write,
 * and reads again, printing one JSON line per step.
 */
const config = readConfig<{ user: CurrentUser; articleId: number; baseVersion: number; slug: string; topicId: number }>();
// With a file-size limit the kernel sends SIGXFSZ on a refused write; a real full disk does not.
process.on("SIGXFSZ", () => {});

const reads = async () => ({ count: await countPublished(), cards: (await listPublishedCards(10)).map((c) => c.slug), article: (await getPublishedArticle(config.slug))?.title ?? null, topics: (await listTopics()).length });
const refusal = (error: unknown) => {
  const known = toAppError(error);
  return { code: known?.code ?? "unknown", message: known?.message ?? String(error), retryAfterSeconds: known?.retryAfterSeconds ?? null };
};
async function attempt(step: string, fn: () => unknown | Promise<unknown>) {
  try {
    await fn();
    say(JSON.stringify({ step, ok: true }));
  } catch (error) {
    say(JSON.stringify({ step, ok: false, ...refusal(error) }));
  }
}

getSqlite().prepare("select count(*) from articles").get();
say("ready");
void waitForWord("go").then(async () => {
  say(JSON.stringify({ step: "read-before", ...await reads() }));
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Written on a failing disk." }] }] };
  await attempt("save", async () => await saveWorkingCopy(config.user, { articleId: config.articleId, baseVersion: config.baseVersion, title: "Draft on a bad day", standfirst: "", body, topicIds: [config.topicId], leadMediaId: null }));
  await attempt("create", async () => await createDraft(config.user, "Another draft"));
  const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#336699" } }).png().toBuffer();
  await attempt("upload", () => acceptUpload(config.user, png, "image/png", { alt: "A photo", caption: "", credit: "" }));
  say(JSON.stringify({ step: "read-after", ...await reads() }));
  say("done");
  process.exit(0);
});
