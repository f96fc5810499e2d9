/*
 * The writer of the backup drill (tests/faults/backup-drill.test.ts). Creates articles and
 * uploads photos through the app's own domain functions, one after another, and prints one
 * JSON line per acknowledged write, i.e. after its transaction committed, until stdin closes.
 * Run with `tsx --conditions=react-server` and MASTHEAD_DATA_DIR set to a migrated folder.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { closeDb, getSqlite } from "@/db/client";
import { createDraft, saveWorkingCopy } from "@/lib/articles/editing";
import { mediaDir } from "@/lib/env";
import { acceptUpload } from "@/lib/media/upload";
import type { CurrentUser } from "@/lib/permissions";
import { paragraphDoc as body } from "../../support/content";

const MAX_RUN_MS = 60_000; // a lost parent must not leave this running
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

let stopping = false;
process.stdin.on("end", () => (stopping = true));
process.stdin.on("close", () => (stopping = true));
process.stdin.resume();

async function main() {
  const sqlite = getSqlite();
  // Keep every commit of the drill in the WAL file, as a long-running reader would on a busy
  // site: a backup that copied masthead.db as a plain file would then miss them all.
  sqlite.pragma("wal_autocheckpoint = 0");
  const email = "drill@example.edu";
  const userId = (sqlite.prepare("insert into users (email, name, role) values (?, 'Drill', 'drafter') returning id").get(email) as { id: number }).id;
  const user: CurrentUser = { id: userId, name: "Drill", email, role: "drafter" };
  const topicId = (sqlite.prepare("insert into topics (slug, name) values ('drill', 'Drill') returning id").get() as { id: number }).id;
  say({ kind: "ready", user });

  const started = Date.now();
  let lead: number | null = null;
  for (let i = 1; !stopping && Date.now() - started < MAX_RUN_MS; i++) {
    const title = `Drill article ${i} ${crypto.randomBytes(4).toString("hex")}`;
    const id = await createDraft(user, "");
    await saveWorkingCopy(user, { articleId: id, baseVersion: 1, title, standfirst: "", body: body(`Paragraph ${i}.`), topicIds: [topicId], leadMediaId: lead });
    say({ kind: "article", id, title });

    if (i % 2 === 0) {
      const [r, g, b] = crypto.randomBytes(3);
      const input = await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: r!, g: g!, b: b! } } }).png().toBuffer();
      const photo = await acceptUpload(user, input, "image/png", { alt: `Drill photo ${i}`, caption: "", credit: "Drill" });
      const stored = fs.readFileSync(path.join(mediaDir(), "originals", `${photo.fileKey}.jpg`));
      say({ kind: "photo", id: photo.id, fileKey: photo.fileKey, sha256: crypto.createHash("sha256").update(stored).digest("hex") });
      lead = photo.id;
    }
    await new Promise((resolve) => setImmediate(resolve)); // let the stdin "end" event in
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
