import "server-only";
import { immediate, type Db } from "@/db/client";
import { getWorkingCopy, type WorkingCopy } from "@/db/queries/articles";
import { writeAudit } from "@/db/queries/audit";
import { getLiveTagFacts, getNote, insertNote, listNotes, markNoteWithdrawn, touchPublication, type NoteRow, type PublicNote } from "@/db/queries/notes";
import { listFormerSlugs } from "@/db/queries/purges";
import type { NoteKind } from "@/db/schema";
import { recordPurge } from "@/lib/cache-tier/purge";
import { tagsForArticleChange } from "@/lib/cache-tags";
import { AppError } from "@/lib/errors";
import { can, type CurrentUser } from "@/lib/permissions";
import { getReadableArticle } from "./editing";

/*
 * Corrections and clarifications of a live article. Unlike a silent edit (changing the text and
 * approving it again), a note tells readers what changed and stays on the record: it is added by
 * a reviser or admin, goes live at once when the working copy is the live version (nothing else
 * pending) or else with the next approval (db/queries/publish.ts), and can only be withdrawn,
 * with a reason, never edited or deleted. Every add, publication, withdrawal and refusal is in
 * the audit log. A withdrawn note leaves the public page (readers see the live record only) and
 * stays listed, as withdrawn, in the newsroom.
 */

export const NOTE_TEXT_MAX = 1000;
export const NOTE_REASON_MAX = 500;
// A clock a little ahead in the browser must not refuse "now".
const FUTURE_SLACK_MS = 2 * 60_000;

export const NOTE_LABEL: Readonly<Record<NoteKind, string>> = { correction: "Correction", clarification: "Clarification" };

export const NOT_ALLOWED = "Only revisers and admins can add or withdraw corrections and clarifications. Leave a comment for a reviser instead.";

/** What the editor's panel needs: the notes and whether a new one would go live at once. */
export interface NotesPanelData {
  isLive: boolean;
  /** True when the working copy is the live version, so a new note appears at once. */
  liveAtOnce: boolean;
  mayCorrect: boolean;
  notes: NoteRow[];
}

/** A note's state in the newsroom. */
export function noteState(note: Pick<NoteRow, "publishedAt" | "withdrawnAt">): "live" | "pending" | "withdrawn" {
  if (note.withdrawnAt) return "withdrawn";
  return note.publishedAt ? "live" : "pending";
}

/** Whether the article's working copy is its live version: published, with no new copy begun. */
export function isWorkingCopyLive(article: Pick<WorkingCopy, "status" | "isLive">): boolean {
  return article.isLive && article.status === "published";
}

/** The notes of an article for someone who may open it. */
export async function getNotesPanel(user: CurrentUser, articleId: number): Promise<NotesPanelData> {
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, articleId);
    return { isLive: article.isLive, liveAtOnce: isWorkingCopyLive(article), mayCorrect: can(user, "article.correct"), notes: await listNotes(db, article.id) };
  });
}

/**
 * The notes the public page will show once the working copy is approved (live and pending, not
 * withdrawn), for the preview: newsroom read path, for someone who may open the article.
 */
export async function listPreviewNotes(user: CurrentUser, articleId: number, at = new Date()): Promise<PublicNote[]> {
  return (await getNotesPanel(user, articleId))
    .notes.filter((n) => !n.withdrawnAt)
    .map((n) => ({ kind: n.kind, text: n.text, notedAt: n.notedAt.toISOString(), publishedAt: (n.publishedAt ?? at).toISOString() }));
}

/** Plain text on one line: control characters out, runs of white space as one space. */
export function cleanNoteText(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface AddNoteInput {
  articleId: number;
  kind: NoteKind;
  text: string;
  /** When the error was corrected; now when absent. */
  notedAt?: Date;
  /** What the person was told would happen (true: "appears on the public page now"). */
  expectLiveAtOnce?: boolean;
}

/** Adds a correction or clarification; returns whether it went live at once and the tags to expire. */
export async function addNote(user: CurrentUser, input: AddNoteInput, at = new Date()): Promise<{ noteId: number; live: boolean; tags: string[] }> {
  return await refusalsAudited(user, "add_note", input.articleId, at, async () =>
    await immediate(async (db) => {
      if (!can(user, "article.correct")) throw new AppError("forbidden", NOT_ALLOWED);
      const article = await getReadableArticle(db, user, input.articleId);
      if (!article.isLive) throw new AppError("conflict", "Only a live article can get a correction or clarification. This one is not on the public site.");
      const text = cleanNoteText(input.text);
      if (!text) throw new AppError("invalid", "Write the correction: what was wrong and what is right.", { text: ["Write the text readers will see."] });
      if (text.length > NOTE_TEXT_MAX) throw new AppError("invalid", `Keep it under ${NOTE_TEXT_MAX} characters.`, { text: [`At most ${NOTE_TEXT_MAX} characters (now ${text.length}).`] });
      const notedAt = input.notedAt ?? at;
      if (notedAt.getTime() > at.getTime() + FUTURE_SLACK_MS) throw new AppError("invalid", "The time of a correction cannot be in the future.", { notedAt: ["Choose now or a time in the past."] });
      const live = (await getLiveTagFacts(db, article.id))?.publishedAt;
      if (live && notedAt.getTime() < live.getTime() - 60_000) throw new AppError("invalid", "The time cannot be before the article was first published.", { notedAt: ["Choose a time after the article went live."] });
      const atOnce = isWorkingCopyLive(article);
      if (input.expectLiveAtOnce !== undefined && input.expectLiveAtOnce !== atOnce) {
        throw new AppError("conflict", atOnce ? "The article's new version was published meanwhile, so this would appear at once. Reload and confirm." : "Someone started a new version meanwhile, so this would wait for the next approval. Reload and try again.");
      }
      const noteId = await insertNote(db, { articleId: article.id, kind: input.kind, text, notedAt, createdBy: user.id, at, publishedAt: atOnce ? at : null });
      await writeAudit(db, { actorId: user.id, action: "note.add", articleId: article.id, details: { noteId, kind: input.kind, notedAt: notedAt.toISOString(), live: atOnce }, at });
      if (!atOnce) return { noteId, live: false, tags: [] };
      await writeAudit(db, { actorId: user.id, action: "note.publish", articleId: article.id, details: { noteId, kind: input.kind, withApproval: false }, at });
      return { noteId, live: true, tags: await publicChange(db, article.id, at) };
    }),
  );
}

/** Withdraws a note with a reason (kept, audited); returns the tags to expire when it was live. */
export async function withdrawNote(user: CurrentUser, input: { articleId: number; noteId: number; reason: string }, at = new Date()): Promise<{ tags: string[] }> {
  return await refusalsAudited(user, "withdraw_note", input.articleId, at, async () =>
    await immediate(async (db) => {
      if (!can(user, "article.correct")) throw new AppError("forbidden", NOT_ALLOWED);
      const article = await getReadableArticle(db, user, input.articleId);
      const note = await getNote(db, article.id, input.noteId);
      if (!note) throw new AppError("not_found", "That correction does not exist on this article.");
      const reason = cleanNoteText(input.reason);
      if (reason.length < 5) throw new AppError("invalid", "Say why it is withdrawn: the reason stays on the record.", { reason: ["Give a reason (at least 5 characters)."] });
      if (reason.length > NOTE_REASON_MAX) throw new AppError("invalid", `Keep the reason under ${NOTE_REASON_MAX} characters.`, { reason: [`At most ${NOTE_REASON_MAX} characters.`] });
      if (!await markNoteWithdrawn(db, { noteId: note.id, by: user.id, reason, at })) throw new AppError("conflict", "This note was already withdrawn.");
      const wasLive = Boolean(note.publishedAt);
      await writeAudit(db, { actorId: user.id, action: "note.withdraw", articleId: article.id, details: { noteId: note.id, kind: note.kind, reason, wasLive }, at });
      return { tags: wasLive && article.isLive ? await publicChange(db, article.id, at) : [] };
    }),
  );
}

// The live page changed: "Updated" moves on, and its pages, lists and feeds are purged, the
// cache tier from the outbox written in this same transaction.
async function publicChange(db: Db, articleId: number, at: Date): Promise<string[]> {
  const facts = await getLiveTagFacts(db, articleId);
  if (!facts) return [];
  await touchPublication(db, articleId, at);
  const tags = tagsForArticleChange({ slugs: [facts.slug, ...await listFormerSlugs(db, articleId)], topicSlugs: facts.topicSlugs });
  await recordPurge(db, tags, at);
  return tags;
}

// A refused attempt is recorded (who, which article, why) after the refused transaction rolled
// back, like refused transitions; recording is best effort and never hides the refusal.
async function refusalsAudited<T>(user: CurrentUser, action: "add_note" | "withdraw_note", articleId: number, at: Date, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && (error.code === "forbidden" || error.code === "conflict")) {
      try {
        await immediate(async (db) => {
          const article = await getWorkingCopy(db, articleId);
          const known = article && (can(user, "article.read_all") || article.drafterIds.includes(user.id));
          await writeAudit(db, { actorId: user.id, action: `article.${action}.refused`, articleId: known ? article.id : null, fromState: known ? article.status : null, details: { code: error.code, message: error.message, ...(known ? {} : { requestedArticleId: articleId }) }, at });
        });
      } catch (failure) {
        console.error("could not record a refused correction", failure);
      }
    }
    throw error;
  }
}
