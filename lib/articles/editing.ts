import "server-only";
import { isDeepStrictEqual } from "node:util";
import { immediate, type Db } from "@/db/client";
import {
  existingMediaIds,
  existingTopicIds,
  foldIntoRevision,
  getLatestRevision,
  getRevision,
  getWorkingCopy,
  insertDraft,
  insertRevision,
  isSlugTaken,
  setArticleTopics,
  updateWorkingCopy,
  type ContentFields,
  type LeadWords,
  type RevisionKind,
  type WorkingCopy,
} from "@/db/queries/articles";
import { writeAudit } from "@/db/queries/audit";
import { isRevisionPinned } from "@/db/queries/review-links";
import { updateSlug, wasEverPublished } from "@/db/queries/workflow";
import { fillMissingDescriptions } from "@/db/queries/media";
import { discardUntouchedDrafts, findUntouchedDraft } from "@/db/queries/trash";
import { validateBody } from "@/lib/content/validate";
import { AppError } from "@/lib/errors";
import { can, type CurrentUser } from "@/lib/permissions";
import { followsTitle, slugify, uniqueSlug } from "@/lib/slug";
import type { SaveArticleInput } from "@/lib/validation/article";
import { canEdit, canRead } from "@/lib/workflow";

/*
 * Writing: creating drafts, saving the working copy (version-checked, with revision folding),
 * and restoring revisions. Each save is one IMMEDIATE transaction: article, topics, revision
 * and audit row together or not at all.
 */

/** Saves by the same person within this window fold into one revision. */
export const FOLD_WINDOW_MS = 5 * 60_000;

export const EMPTY_BODY = { type: "doc", content: [{ type: "paragraph" }] };

/** The server's copy, sent back when a save lost a race so the person can choose. */
export interface ConflictCopy {
  version: number;
  title: string;
  standfirst: string;
  body: unknown;
  topicIds: number[];
  leadMediaId: number | null;
  leadAlt: string | null;
  leadCaption: string | null;
  leadCredit: string | null;
  savedBy: string | null;
  savedAt: string;
}

export class ConflictError extends AppError {
  constructor(readonly current: ConflictCopy) {
    super("conflict", "Someone else saved this article since you opened it. Compare both versions and choose.", undefined, current);
  }
}

/** The article if this person may read it; the same "not found" whether it is absent or hidden. */
export async function getReadableArticle(db: Db, user: CurrentUser, id: number): Promise<WorkingCopy> {
  const article = await getWorkingCopy(db, id);
  if (!article || !canRead(user, article)) throw new AppError("not_found", "That article does not exist or is not yours to open.");
  return article;
}

/** Untouched empty drafts older than this are discarded when anyone starts a new one. */
export const EMPTY_DRAFT_TTL_MS = 24 * 3_600_000;

/**
 * Starts a new draft for `user`; returns its id. "New article" without a title reuses this
 * person's own untouched empty draft rather than leaving another "Untitled draft" behind, and
 * discards everyone's untouched empty drafts older than a day (never one that was ever saved).
 */
export async function createDraft(user: CurrentUser, title = "", at = new Date(), commission?: { drafter: CurrentUser; topicIds: number[] }): Promise<number> {
  if (!can(user, "article.create")) throw new AppError("forbidden", "You do not have permission to write articles.");
  // An assignment (lib/assignments) starts the draft for someone else, with its topic.
  const drafter = commission?.drafter ?? user;
  const topicIds = commission?.topicIds ?? [];
  return await immediate(async (db) => {
    const clean = title.trim().slice(0, 200);
    for (const id of await discardUntouchedDrafts(db, new Date(at.getTime() - EMPTY_DRAFT_TTL_MS), at)) {
      await writeAudit(db, { actorId: null, action: "article.discard_empty", articleId: id, fromState: "draft", toState: "draft", at });
    }
    const reusable = clean || commission ? null : await findUntouchedDraft(db, user.id);
    if (reusable) return reusable;
    const slug = await uniqueSlug(slugify(clean || "untitled draft"), (s) => isSlugTaken(db, s));
    const id = await insertDraft(db, { slug, title: clean, body: EMPTY_BODY, drafterId: drafter.id, at });
    if (topicIds.length) await setArticleTopics(db, id, topicIds);
    await insertRevision(db, { articleId: id, authorId: drafter.id, version: 1, kind: "save", title: clean, standfirst: "", body: EMPTY_BODY, ...NO_LEAD, topicIds, at });
    await writeAudit(db, { actorId: user.id, action: "article.create", articleId: id, toState: "draft", ...(commission ? { details: { drafterId: drafter.id } } : {}), at });
    return id;
  });
}

async function conflictCopy(db: Db, article: WorkingCopy): Promise<ConflictCopy> {
  const latest = await getLatestRevision(db, article.id);
  const savedBy = latest ? ((await getRevision(db, article.id, latest.id))?.author ?? null) : null;
  return {
    version: article.version,
    title: article.title,
    standfirst: article.standfirst,
    body: article.body,
    topicIds: article.topicIds,
    leadMediaId: article.leadMediaId,
    leadAlt: article.leadAlt,
    leadCaption: article.leadCaption,
    leadCredit: article.leadCredit,
    savedBy,
    savedAt: article.updatedAt.toISOString(),
  };
}

/**
 * The lead image is any photo of the media library, placed in the body or not: it must exist,
 * and a new choice must be one the person may place (the capability to use the library).
 */
async function checkLead(db: Db, user: CurrentUser, article: WorkingCopy, leadMediaId: number | null) {
  if (leadMediaId === null) return;
  if ((await existingMediaIds(db, [leadMediaId])).length !== 1) throw new AppError("invalid", "The lead image is no longer in the media library. Choose another.");
  if (leadMediaId !== article.leadMediaId && !can(user, "media.upload")) throw new AppError("forbidden", "You do not have permission to choose photographs.");
}

const NO_LEAD = { leadMediaId: null, leadAlt: null, leadCaption: null, leadCredit: null };

/**
 * The lead and its words as this version places them: the words belong to the article (its
 * working copy, revisions and live version), never to the library row other articles share.
 */
function leadPlacement(input: SaveArticleInput): Pick<ContentFields, "leadMediaId" | keyof LeadWords> {
  if (input.leadMediaId === null) return NO_LEAD;
  return { leadMediaId: input.leadMediaId, leadAlt: input.leadAlt ?? null, leadCaption: input.leadCaption ?? null, leadCredit: input.leadCredit ?? null };
}

/**
 * Saves the working copy if it is still at `baseVersion`. Refuses an invalid body with the
 * problems named, a stale base with ConflictError (carrying the newer copy), and anything the
 * person may not edit. Returns the new version.
 */
export async function saveWorkingCopy(user: CurrentUser, input: SaveArticleInput, kind: RevisionKind = "save", at = new Date()) {
  const checked = validateBody(input.body);
  if (!checked.ok) throw new AppError("invalid", `The body cannot be saved: ${checked.problems.join(" ")}`, { body: checked.problems });
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, input.articleId);
    if (!canEdit(user, article)) throw new AppError("forbidden", "This article cannot be edited by you in its current state.");
    const topicIds = [...new Set(input.topicIds)];
    if (article.version !== input.baseVersion) {
      const repeated = await repeatedSave(db, user, article, input, checked.doc, topicIds);
      if (repeated) return repeated;
      throw new ConflictError(await conflictCopy(db, article));
    }

    if ((await existingTopicIds(db, topicIds)).length !== topicIds.length) throw new AppError("invalid", "One of the chosen topics does not exist.");
    if ((await existingMediaIds(db, checked.mediaIds)).length !== checked.mediaIds.length) throw new AppError("invalid", "A photograph in the article is no longer in the media library.");
    await checkLead(db, user, article, input.leadMediaId);

    // The slug follows the title until someone sets it by hand or the article is first
    // published; from then on it is stable.
    const automatic = input.title && followsTitle(article.slug, article.title) && !await wasEverPublished(db, article.id);
    const slug = automatic ? await uniqueSlug(slugify(input.title), (s) => isSlugTaken(db, s, article.id)) : article.slug;
    const fields = { title: input.title, standfirst: input.standfirst, body: checked.doc, ...leadPlacement(input), slug };
    if (!await updateWorkingCopy(db, article.id, input.baseVersion, fields, at)) throw new ConflictError(await conflictCopy(db, article));
    await setArticleTopics(db, article.id, topicIds);
    await fillMissingDescriptions(db, checked.placements);

    const version = input.baseVersion + 1;
    const revisionKind: RevisionKind = kind === "save" && article.status === "in_review" && !article.drafterIds.includes(user.id) ? "review_edit" : kind;
    const latest = await getLatestRevision(db, article.id);
    // Never fold across a transition (the article changed after that revision was saved): the
    // revision a reviser sent back or approved must stay as it was, for comparisons and "Live".
    const unchangedSince = latest !== null && latest.savedAt.getTime() >= article.updatedAt.getTime();
    // Nor into a revision an outside review link shows: the link shows exactly that version.
    const folds = latest && unchangedSince && !input.noFold && !await isRevisionPinned(db, latest.id) && latest.authorId === user.id && latest.kind === revisionKind && revisionKind !== "restore" && at.getTime() - latest.createdAt.getTime() < FOLD_WINDOW_MS;
    const { slug: _slug, ...placed } = fields;
    const content = { ...placed, topicIds, version, at };
    const revisionId = folds ? latest.id : await insertRevision(db, { articleId: article.id, authorId: user.id, kind: revisionKind, ...content });
    if (folds) await foldIntoRevision(db, latest.id, content);
    await writeAudit(db, { actorId: user.id, action: `article.${revisionKind}`, articleId: article.id, fromState: article.status, toState: article.status, details: { version, revisionId }, at });
    return { version, revisionId, savedAt: at.toISOString(), slug };
  });
}

/**
 * A save that already happened: it was stored, but its answer never reached the editor (the
 * instance died, the connection broke), so the editor sends it again on the same base version.
 * When the latest revision is this person's, made by that very save with nothing since, and holds
 * exactly these words, the answer is the one the first save had: not a conflict over one's own
 * words, and nothing stored twice.
 */
async function repeatedSave(db: Db, user: CurrentUser, article: WorkingCopy, input: SaveArticleInput, doc: unknown, topicIds: number[]) {
  if (article.version !== input.baseVersion + 1) return null;
  const latest = await getLatestRevision(db, article.id);
  if (!latest || latest.authorId !== user.id || latest.version !== article.version || latest.savedAt.getTime() !== article.updatedAt.getTime()) return null;
  const lead = leadPlacement(input);
  const same =
    latest.title === input.title &&
    latest.standfirst === input.standfirst &&
    // Compared as values: PostgreSQL's jsonb gives the keys back in its own order.
    isDeepStrictEqual(latest.body, doc) &&
    // In order: the first topic is the article's primary one.
    latest.topicIds.join(",") === topicIds.join(",") &&
    latest.leadMediaId === lead.leadMediaId &&
    latest.leadAlt === lead.leadAlt &&
    latest.leadCaption === lead.leadCaption &&
    latest.leadCredit === lead.leadCredit;
  return same ? { version: article.version, revisionId: latest.id, savedAt: latest.savedAt.toISOString(), slug: article.slug } : null;
}

/** Makes an old revision the working copy again, as a new revision of its own. */
export async function restoreRevision(user: CurrentUser, input: { articleId: number; revisionId: number; baseVersion: number }) {
  const found = await immediate(async (db) => {
    await getReadableArticle(db, user, input.articleId);
    return await getRevision(db, input.articleId, input.revisionId);
  });
  if (!found) throw new AppError("not_found", "That revision does not exist.");
  const { revision } = found;
  return await saveWorkingCopy(
    user,
    {
      articleId: input.articleId,
      baseVersion: input.baseVersion,
      title: revision.title,
      standfirst: revision.standfirst,
      body: revision.body,
      topicIds: revision.topicIds,
      leadMediaId: revision.leadMediaId,
      leadAlt: revision.leadAlt,
      leadCaption: revision.leadCaption,
      leadCredit: revision.leadCredit,
    },
    "restore",
  );
}

/** What the editor shows of the URL: the slug, whether it may still change, whether it follows the title. */
export async function getSlugState(user: CurrentUser, articleId: number) {
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, articleId);
    const fixed = await wasEverPublished(db, article.id);
    return { slug: article.slug, editable: !fixed && canEdit(user, article), followsTitle: !fixed && followsTitle(article.slug, article.title), fixed };
  });
}

/**
 * Sets the slug by hand, until the article is first published. Refuses a slug another article
 * (or a former URL) uses, with a message that says so; nothing changes then.
 */
export async function changeSlug(user: CurrentUser, input: { articleId: number; slug: string }, at = new Date()): Promise<string> {
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, input.articleId);
    if (!canEdit(user, article)) throw new AppError("forbidden", "This article cannot be edited by you in its current state.");
    if (await wasEverPublished(db, article.id)) throw new AppError("conflict", "The URL is fixed once an article has been published, so that links to it keep working.");
    if (input.slug === article.slug) return article.slug;
    if (await isSlugTaken(db, input.slug, article.id)) {
      throw new AppError("invalid", `Another article already uses /news/${input.slug}. Choose a different URL.`, { slug: ["That URL is taken."] });
    }
    await updateSlug(db, article.id, input.slug);
    await writeAudit(db, { actorId: user.id, action: "article.slug", articleId: article.id, fromState: article.status, toState: article.status, details: { from: article.slug, to: input.slug }, at });
    return input.slug;
  });
}
