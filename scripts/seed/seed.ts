import "server-only";
import sharp from "sharp";
import { immediate } from "@/db/client";
import { backdateViewCount, insertTopics, isDatabaseEmpty } from "@/db/queries/demo";
import { createDraft, saveWorkingCopy } from "@/lib/articles/editing";
import { addNote } from "@/lib/articles/notes";
import { applyTransition } from "@/lib/articles/transitions";
import { createAssignment } from "@/lib/assignments/assignments";
import { env } from "@/lib/env";
import { dateToZonedLocal } from "@/lib/time";
import { hashPassword } from "@/lib/auth/password";
import { removeOriginal, type StoredOriginal } from "@/lib/media/store";
import { recordUpload, storeUpload } from "@/lib/media/upload";
import { markAllNotificationsRead } from "@/lib/newsroom/notifications";
import type { CurrentUser } from "@/lib/permissions";
import { addStaffMember, setPasswordHashWithToken } from "@/lib/staff";
import { saveArticleSchema } from "@/lib/validation/article";
import { demoArticles, demoStaff, demoTopics } from "./content/articles";
import { demoAssignments } from "./content/assignments";
import { demoPhotoSvg } from "./content/photos";
import { demoBodyToDoc } from "./content/to-tiptap";
import type { DemoArticle, DemoBlock, DemoPhoto } from "./content/types";

/*
 * The demo newsroom, written the way the newsroom itself writes: staff are added and set their
 * password through their invite link, photographs are uploaded, articles are drafted, saved,
 * submitted, sent back and approved by the lib/ functions behind the editor and the workflow
 * buttons, with their checks (validation, four-eyes, completeness) and their audit rows. Only
 * topics and old view counts are written directly (db/queries/demo.ts says why).
 *
 * All of it is one transaction (the lib/ functions' own transactions nest inside as savepoints):
 * a seed that fails half-way leaves the database empty, so the next start simply seeds again.
 */

export { isDatabaseEmpty };

const PHOTO_WIDTH = 1600;
const PHOTO_HEIGHT = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The accounts that get the demo password; the other demo staff exist only as bylines. */
export const DEMO_ACCOUNTS = ["drafter@example.edu", "drafter2@example.edu", "reviser@example.edu", "admin@example.edu"];

async function drawPhoto(photo: DemoPhoto): Promise<StoredOriginal> {
  const png = await sharp(Buffer.from(demoPhotoSvg(photo.photo, PHOTO_WIDTH, PHOTO_HEIGHT))).png().toBuffer();
  return storeUpload(png, "image/png");
}

/** Draws and stores every demo photograph (the slow part), four at a time. */
async function drawPhotos(log: (line: string) => void): Promise<Map<DemoPhoto, StoredOriginal>> {
  const photos = [...new Set(demoArticles.flatMap((a) => [a.lead, ...a.body.filter((b) => b.type === "photo")]))];
  log(`Drawing ${photos.length} demo photographs…`);
  const stored = new Map<DemoPhoto, StoredOriginal>();
  for (let i = 0; i < photos.length; i += 4) {
    const batch = photos.slice(i, i + 4);
    const results = await Promise.all(batch.map(drawPhoto));
    batch.forEach((p, j) => stored.set(p, results[j]!));
  }
  return stored;
}

const byDate = (a: DemoArticle, b: DemoArticle) => a.date.localeCompare(b.date);

/**
 * Fills an empty database with the demo newsroom: topics, staff, generated photographs and the
 * demo articles in every state. Never touches a database that already has content. Returns
 * whether it wrote anything.
 */
export async function seedDemoContent(demoPassword: string, log: (line: string) => void = () => {}): Promise<boolean> {
  if (!await isDatabaseEmpty()) return false;
  const passwordHash = await hashPassword(demoPassword);
  const stored = await drawPhotos(log);

  let wrote = false;
  try {
    wrote = await writeDemoContent(passwordHash, stored);
  } finally {
    // Nothing was written (someone else seeded first, or a check refused): no files left behind.
    if (!wrote) for (const file of stored.values()) removeOriginal(file.fileKey);
  }
  if (wrote) log(`Seeded ${demoArticles.length} demo articles, ${demoTopics.length} topics and ${demoStaff.length} staff.`);
  return wrote;
}

async function writeDemoContent(passwordHash: string, stored: Map<DemoPhoto, StoredOriginal>): Promise<boolean> {
  return await immediate(async (db) => {
    if (!await isDatabaseEmpty(db)) return false;
    const topicIds = await insertTopics(db, demoTopics);
    const people = new Map<string, CurrentUser>();
    for (const s of demoStaff) {
      const { id, link } = await addStaffMember(null, s);
      if (DEMO_ACCOUNTS.includes(s.email)) await setPasswordHashWithToken(new URL(link).searchParams.get("token")!, passwordHash);
      people.set(s.email, { id, name: s.name, email: s.email, role: s.role });
    }
    const person = (email: string | undefined) => {
      const found = email ? people.get(email) : undefined;
      if (!found) throw new Error(`Demo content names unknown staff ${email}`);
      return found;
    };

    // Each photograph is uploaded once, by the drafter of the first article that shows it.
    const mediaIds = new Map<DemoPhoto, number>();
    const mediaId = async (photo: DemoPhoto, uploader: CurrentUser) => {
      let id = mediaIds.get(photo);
      if (id === undefined) {
        id = (await recordUpload(uploader, stored.get(photo)!, { alt: photo.alt, caption: photo.caption, credit: photo.credit })).id;
        mediaIds.set(photo, id);
      }
      return id;
    };

    const write = async (demo: DemoArticle) => {
      const at = new Date(demo.date);
      const drafter = person(demo.drafter);
      // `date` is when a live piece went out, or an unpublished one last changed.
      const writtenAt = new Date(at.getTime() - { draft: 0, in_review: HOUR, changes_requested: DAY, published: 2 * DAY }[demo.status]);
      const articleId = await createDraft(drafter, demo.title, writtenAt);
      const leadMediaId = await mediaId(demo.lead, drafter);
      const photoIds = new Map<DemoBlock, number>();
      for (const block of demo.body) if (block.type === "photo") photoIds.set(block, await mediaId(block, drafter));
      const body = demoBodyToDoc(demo.body, (block: DemoBlock) => photoIds.get(block) ?? 0);
      const input = saveArticleSchema.parse({
        articleId,
        baseVersion: 1,
        title: demo.title,
        standfirst: demo.standfirst,
        body,
        topicIds: demo.topics.map((t) => topicIds.get(t)!),
        leadMediaId,
      });
      const { version } = await saveWorkingCopy(drafter, input, "save", writtenAt);
      if (demo.status === "draft") return;

      const submitAt = demo.status === "in_review" ? at : new Date(at.getTime() - DAY);
      await applyTransition(drafter, { articleId, action: "submit", baseVersion: version }, submitAt);
      if (demo.status === "published") {
        await applyTransition(person(demo.reviser), { articleId, action: "approve", baseVersion: version }, at);
        if (demo.views) await backdateViewCount(db, articleId, demo.views);
        if (demo.correction) {
          const correctedAt = new Date(demo.correction.at);
          await addNote(person(demo.reviser), { articleId, kind: "correction", text: demo.correction.text, notedAt: correctedAt }, correctedAt);
        }
      } else if (demo.status === "changes_requested") {
        await applyTransition(person(demo.reviser), { articleId, action: "request_changes", baseVersion: version, comment: demo.reviewComment }, at);
      }
    };

    // The archive first, oldest first (ids follow publication order as in real use); its
    // "waits for review" and "is live" notices are old news that everyone has read. Then the
    // work in progress, whose notices are current.
    for (const demo of demoArticles.filter((a) => a.status === "published").sort(byDate)) await write(demo);
    for (const p of people.values()) await markAllNotificationsRead(p);
    for (const demo of demoArticles.filter((a) => a.status !== "published").sort(byDate)) await write(demo);
    // Commissioned stories, due in the days after the seed runs.
    const now = new Date();
    for (const a of demoAssignments) {
      const due = dateToZonedLocal(new Date(now.getTime() + a.dueInDays * DAY), env().MASTHEAD_TIME_ZONE).slice(0, 10);
      await createAssignment(person(a.assignedBy), { workingTitle: a.workingTitle, brief: a.brief, drafterId: person(a.drafter).id, dueAt: `${due}T17:00`, topicId: topicIds.get(a.topic)! }, now);
    }
    return true;
  });
}
