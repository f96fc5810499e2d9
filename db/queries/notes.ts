import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type Db, returned } from "../client";
import type { NoteKind } from "../schema";
import { articleNotes, publications, publicationTopics, topics, users } from "../tables";
import { writeAudit } from "./audit";

/*
 * Corrections and clarifications. Rows are only ever added, published once and withdrawn once
 * (triggers in the migration refuse anything else), so a note can never vanish without a trace.
 */

/** A note as the newsroom panel shows it. */
export interface NoteRow {
  id: number;
  kind: NoteKind;
  text: string;
  notedAt: Date;
  createdBy: string;
  createdAt: Date;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
}

/** A note as readers see it: plain JSON, so the public cache can store it as it is. */
export interface PublicNote {
  kind: NoteKind;
  text: string;
  /** ISO 8601: the time the note speaks of. */
  notedAt: string;
  /** ISO 8601: when it went live. */
  publishedAt: string;
}

/** Adds a note; `publishedAt` is set when it goes live at once. Returns its id. */
export async function insertNote(db: Db, input: { articleId: number; kind: NoteKind; text: string; notedAt: Date; createdBy: number; at: Date; publishedAt: Date | null }): Promise<number> {
  return returned(await db
    .insert(articleNotes)
    .values({ articleId: input.articleId, kind: input.kind, text: input.text, notedAt: input.notedAt, createdBy: input.createdBy, createdAt: input.at, publishedAt: input.publishedAt })
    .returning({ id: articleNotes.id })).id;
}

/** Every note of an article (withdrawn ones included), oldest first, for the newsroom. */
export async function listNotes(db: Db, articleId: number): Promise<NoteRow[]> {
  const author = alias(users, "author");
  const withdrawer = alias(users, "withdrawer");
  return await db
      .select({
        id: articleNotes.id,
        kind: articleNotes.kind,
        text: articleNotes.text,
        notedAt: articleNotes.notedAt,
        createdBy: author.name,
        createdAt: articleNotes.createdAt,
        publishedAt: articleNotes.publishedAt,
        withdrawnAt: articleNotes.withdrawnAt,
        withdrawnBy: withdrawer.name,
        withdrawnReason: articleNotes.withdrawnReason,
      })
      .from(articleNotes)
      .innerJoin(author, eq(author.id, articleNotes.createdBy))
      .leftJoin(withdrawer, eq(withdrawer.id, articleNotes.withdrawnBy))
      .where(eq(articleNotes.articleId, articleId))
      .orderBy(asc(articleNotes.notedAt), asc(articleNotes.id));
}

/** One note of an article, or null. */
export async function getNote(db: Db, articleId: number, noteId: number) {
  return (await db.select().from(articleNotes).where(and(eq(articleNotes.id, noteId), eq(articleNotes.articleId, articleId))))[0] ?? null;
}

/** Withdraws a note that is not withdrawn yet; false if someone did so a moment ago. */
export async function markNoteWithdrawn(db: Db, input: { noteId: number; by: number; reason: string; at: Date }): Promise<boolean> {
  return (
    (await db
            .update(articleNotes)
            .set({ withdrawnAt: input.at, withdrawnBy: input.by, withdrawnReason: input.reason })
            .where(and(eq(articleNotes.id, input.noteId), isNull(articleNotes.withdrawnAt)))
            .returning({ id: articleNotes.id })).length === 1
  );
}

/**
 * Puts the article's pending notes live with the version being published, each with an audit
 * row. Called by writePublication, inside the transaction that makes the version live, so a
 * note can never be live without the approval it waited for, nor the approval without it.
 */
export async function publishPendingNotes(db: Db, input: { articleId: number; reviserId: number; at: Date }): Promise<number[]> {
  const pending = await db
      .select({ id: articleNotes.id, kind: articleNotes.kind })
      .from(articleNotes)
      .where(and(eq(articleNotes.articleId, input.articleId), isNull(articleNotes.publishedAt), isNull(articleNotes.withdrawnAt)));
  if (pending.length === 0) return [];
  const ids = pending.map((n) => n.id);
  await db.update(articleNotes).set({ publishedAt: input.at }).where(inArray(articleNotes.id, ids));
  for (const note of pending) {
    await writeAudit(db, { actorId: input.reviserId, action: "note.publish", articleId: input.articleId, details: { noteId: note.id, kind: note.kind, withApproval: true }, at: input.at });
  }
  return ids;
}

/**
 * The live, not withdrawn notes of live articles, by article id. Joined to `publications`, so a
 * note of an article that is not live is never read, like everything on the public path.
 */
export async function listPublicNotes(db: Db, articleIds: number[]): Promise<Map<number, PublicNote[]>> {
  const out = new Map<number, PublicNote[]>();
  if (articleIds.length === 0) return out;
  const rows = await db
      .select({ articleId: articleNotes.articleId, kind: articleNotes.kind, text: articleNotes.text, notedAt: articleNotes.notedAt, publishedAt: articleNotes.publishedAt })
      .from(articleNotes)
      .innerJoin(publications, eq(publications.articleId, articleNotes.articleId))
      .where(and(inArray(articleNotes.articleId, articleIds), isNotNull(articleNotes.publishedAt), isNull(articleNotes.withdrawnAt)))
      .orderBy(asc(articleNotes.notedAt), asc(articleNotes.id));
  for (const r of rows) {
    const note: PublicNote = { kind: r.kind, text: r.text, notedAt: r.notedAt.toISOString(), publishedAt: (r.publishedAt ?? r.notedAt).toISOString() };
    out.set(r.articleId, [...(out.get(r.articleId) ?? []), note]);
  }
  return out;
}

/** The live version's slug, topics and first publication (for the cache tags a change of its notes touches), or null. */
export async function getLiveTagFacts(db: Db, articleId: number): Promise<{ slug: string; topicSlugs: string[]; publishedAt: Date } | null> {
  const live = (await db.select({ slug: publications.slug, publishedAt: publications.publishedAt }).from(publications).where(eq(publications.articleId, articleId)))[0];
  if (!live) return null;
  const topicSlugs = (await db
      .select({ slug: topics.slug })
      .from(publicationTopics)
      .innerJoin(topics, eq(topics.id, publicationTopics.topicId))
      .where(eq(publicationTopics.articleId, articleId)))
    .map((t) => t.slug);
  return { slug: live.slug, topicSlugs, publishedAt: live.publishedAt };
}

/** Marks the live page as changed ("Updated …", feeds, sitemap) when a note changes it. */
export async function touchPublication(db: Db, articleId: number, at: Date): Promise<void> {
  await db.update(publications).set({ updatedAt: at }).where(eq(publications.articleId, articleId));
}
