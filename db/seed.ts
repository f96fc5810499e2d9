import "server-only";
import sharp from "sharp";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { storeOriginal } from "@/lib/media/store";
import { slugify, uniqueSlug } from "@/lib/slug";
import { getDb, immediate } from "./client";
import { writePublication } from "./queries/publish";
import { articleDrafters, articles, articleTopics, media, revisions, topics, users } from "./schema";
import { demoArticles, demoStaff, demoTopics } from "./seed-content/articles";
import { demoPhotoSvg } from "./seed-content/photos";
import { demoBodyToDoc } from "./seed-content/to-tiptap";
import type { DemoBlock, DemoPhoto } from "./seed-content/types";

const PHOTO_WIDTH = 1600;
const PHOTO_HEIGHT = 1000;

/** True when the database holds no people and no articles: the only state the seed writes into. */
export function isDatabaseEmpty(): boolean {
  const db = getDb();
  const count = (table: typeof users | typeof articles) =>
    db.select({ n: sql<number>`count(*)` }).from(table).get()?.n ?? 0;
  return count(users) === 0 && count(articles) === 0;
}

async function makePhoto(photo: DemoPhoto) {
  const png = await sharp(Buffer.from(demoPhotoSvg(photo.photo, PHOTO_WIDTH, PHOTO_HEIGHT))).png().toBuffer();
  return storeOriginal(png);
}

/** The accounts that get the demo password; the other demo staff exist only as bylines. */
export const DEMO_ACCOUNTS = ["drafter@example.edu", "drafter2@example.edu", "reviser@example.edu", "admin@example.edu"];

/**
 * Fills an empty database with the demo newsroom: topics, staff, generated photographs and the
 * demo articles (published ones with their live versions). Never touches a database that
 * already has content. Returns whether it wrote anything.
 */
export async function seedDemoContent(demoPassword: string, log: (line: string) => void = () => {}): Promise<boolean> {
  if (!isDatabaseEmpty()) return false;
  const passwordHash = await hashPassword(demoPassword);

  // Photographs first (slow, async); the rows all go in one transaction afterwards.
  const photos = demoArticles.flatMap((a) => [a.lead, ...a.body.filter((b) => b.type === "photo")]);
  log(`Drawing ${photos.length} demo photographs…`);
  const stored = new Map<DemoPhoto, Awaited<ReturnType<typeof makePhoto>>>();
  for (let i = 0; i < photos.length; i += 4) {
    const batch = photos.slice(i, i + 4);
    const results = await Promise.all(batch.map(makePhoto));
    batch.forEach((p, j) => stored.set(p, results[j]!));
  }

  immediate((db) => {
    if (!isDatabaseEmpty()) return;
    const topicIds = new Map<string, number>();
    demoTopics.forEach((t, position) => {
      const row = db.insert(topics).values({ ...t, position }).returning({ id: topics.id }).get();
      topicIds.set(t.slug, row.id);
    });
    const userIds = new Map<string, number>();
    for (const s of demoStaff) {
      const row = db
        .insert(users)
        .values({ email: s.email, name: s.name, role: s.role, passwordHash: DEMO_ACCOUNTS.includes(s.email) ? passwordHash : null })
        .returning({ id: users.id })
        .get();
      userIds.set(s.email, row.id);
    }
    const userId = (email: string) => {
      const id = userIds.get(email);
      if (!id) throw new Error(`Demo content names unknown staff ${email}`);
      return id;
    };

    const mediaIds = new Map<DemoPhoto, number>();
    const mediaId = (photo: DemoPhoto, uploader: number) => {
      const existing = mediaIds.get(photo);
      if (existing) return existing;
      const file = stored.get(photo)!;
      const row = db
        .insert(media)
        .values({ ...file, alt: photo.alt, caption: photo.caption, credit: photo.credit, uploadedBy: uploader })
        .returning({ id: media.id })
        .get();
      mediaIds.set(photo, row.id);
      return row.id;
    };

    const slugs = new Set<string>();
    // Oldest first, so ids follow publication order as they would in real use.
    const ordered = [...demoArticles].sort((a, b) => a.date.localeCompare(b.date));
    for (const demo of ordered) {
      const at = new Date(demo.date);
      const drafter = userId(demo.drafter);
      const slug = uniqueSlug(slugify(demo.title), (s) => slugs.has(s));
      slugs.add(slug);
      const body = demoBodyToDoc(demo.body, (block: DemoBlock) =>
        block.type === "photo" ? mediaId(block, drafter) : 0,
      );
      const article = db
        .insert(articles)
        .values({
          slug,
          title: demo.title,
          standfirst: demo.standfirst,
          body,
          leadMediaId: mediaId(demo.lead, drafter),
          status: demo.status,
          viewCount: demo.views ?? 0,
          createdBy: drafter,
          createdAt: new Date(at.getTime() - 3 * 86_400_000),
          updatedAt: at,
        })
        .returning({ id: articles.id })
        .get();
      db.insert(articleDrafters).values({ articleId: article.id, userId: drafter, position: 0 }).run();
      const topicIdList = demo.topics.map((t) => topicIds.get(t)!);
      db.insert(revisions)
        .values({ articleId: article.id, authorId: drafter, version: 1, kind: "import", title: demo.title, standfirst: demo.standfirst, body, leadMediaId: mediaId(demo.lead, drafter), topicIds: topicIdList, createdAt: at, savedAt: at })
        .run();
      db.insert(articleTopics)
        .values(demo.topics.map((t, position) => ({ articleId: article.id, topicId: topicIds.get(t)!, position })))
        .run();
      if (demo.status === "published") {
        if (!demo.reviser) throw new Error(`Published demo article "${demo.title}" has no reviser`);
        writePublication(db, { articleId: article.id, reviserId: userId(demo.reviser), at });
      }
    }
  });
  log(`Seeded ${demoArticles.length} demo articles, ${demoTopics.length} topics and ${demoStaff.length} staff.`);
  return true;
}
