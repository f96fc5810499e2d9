import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/*
 * The working copy of an article lives in `articles`; what readers see lives in `publications`.
 * A publication row exists exactly while an article is live, so the public read path can only
 * ever read published content: the filter is the table, not a flag a caller could forget.
 * Revisions, comments and the audit log attach to `articles.id` as tables of their own.
 */

const now = sql`(unixepoch() * 1000)`;

export const ROLES = ["drafter", "reviser", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ARTICLE_STATUSES = [
  "draft",
  "in_review",
  "changes_requested",
  "scheduled",
  "published",
  "unpublished",
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    passwordHash: text("password_hash"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** Bumped on deactivation, role change and password reset; stale sessions are refused. */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const topics = sqliteTable(
  "topics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("topics_slug_unique").on(t.slug)],
);

export const media = sqliteTable("media", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Generated file stem under the data folder's media directory; never a user-chosen name. */
  fileKey: text("file_key").notNull().unique(),
  mimeType: text("mime_type").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  bytes: integer("bytes").notNull(),
  alt: text("alt").notNull().default(""),
  caption: text("caption").notNull().default(""),
  credit: text("credit").notNull().default(""),
  /** Focal point, in percent of width and height from the top left: where every crop centres. */
  focalX: integer("focal_x").notNull().default(50),
  focalY: integer("focal_y").notNull().default(50),
  uploadedBy: integer("uploaded_by").references(() => users.id),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Unique; stable once the article has been published (old slugs live in slug_redirects). */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    /** TipTap JSON of the working copy, validated against lib/content before it is stored. */
    body: text("body", { mode: "json" }).notNull(),
    leadMediaId: integer("lead_media_id").references(() => media.id),
    /** The lead photo's words for this article (null: the library's description). */
    leadAlt: text("lead_alt"),
    leadCaption: text("lead_caption"),
    leadCredit: text("lead_credit"),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
    scheduledFor: integer("scheduled_for", { mode: "timestamp_ms" }),
    /** When the live version leaves the public site by itself (null: it stays); see lib/articles/expiry.ts. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    /** When the scheduler last took it down at its expiry (cleared when it goes live again), for "Expired on …". */
    expiredAt: integer("expired_at", { mode: "timestamp_ms" }),
    /** When it was last sent for review (the review queue is oldest first). */
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    viewCount: integer("view_count").notNull().default(0),
    /** Optimistic concurrency: every write is `WHERE id = ? AND version = ?`. */
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
    /** In the trash since then (null: not deleted); admins restore. */
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    /** Who moved it to the trash. */
    deletedBy: integer("deleted_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("articles_slug_unique").on(t.slug),
    index("articles_status_idx").on(t.status, t.updatedAt),
    index("articles_expires_at_idx").on(t.expiresAt),
  ],
);

/** The drafter(s) of an article, in credit order. */
export const articleDrafters = sqliteTable(
  "article_drafters",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index("article_drafters_user_idx").on(t.userId)],
);

/** Topics of the working copy. */
export const articleTopics = sqliteTable(
  "article_topics",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.topicId] })],
);

/** The live version of an article. Present only while the article is published. */
export const publications = sqliteTable(
  "publications",
  {
    articleId: integer("article_id")
      .primaryKey()
      .references(() => articles.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    body: text("body", { mode: "json" }).notNull(),
    leadMediaId: integer("lead_media_id").references(() => media.id),
    /** The lead photo's words as approved (null only on rows older than these columns: the library's). */
    leadAlt: text("lead_alt"),
    leadCaption: text("lead_caption"),
    leadCredit: text("lead_credit"),
    /** The reviser who approved the live version: the "Revision:" credit. */
    reviserId: integer("reviser_id").references(() => users.id),
    /** First publication; the public "Date:". */
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
    /** When the live text last changed ("Updated <date>"). */
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("publications_slug_unique").on(t.slug),
    index("publications_published_idx").on(t.publishedAt),
  ],
);

/** Topics of the live version, with the publish date copied in so topic pages read one index. */
export const publicationTopics = sqliteTable(
  "publication_topics",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => publications.articleId, { onDelete: "cascade" }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    position: integer("position").notNull().default(0),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.topicId] }),
    index("publication_topics_topic_idx").on(t.topicId, t.publishedAt),
  ],
);

/**
 * Photographs a live version shows (lead and body). The media route serves a photo to readers
 * only when it is listed here, so a photo placed only in a draft stays private.
 */
export const publicationMedia = sqliteTable(
  "publication_media",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => publications.articleId, { onDelete: "cascade" }),
    mediaId: integer("media_id")
      .notNull()
      .references(() => media.id),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.mediaId] }), index("publication_media_media_idx").on(t.mediaId)],
);

/** Former slugs of published articles; they keep redirecting to the current one. */
export const slugRedirects = sqliteTable("slug_redirects", {
  slug: text("slug").primaryKey(),
  articleId: integer("article_id")
    .notNull()
    .references(() => articles.id, { onDelete: "cascade" }),
});

/**
 * The live version an unpublish took down, kept so that a short "Undo" can put back exactly that
 * version (lib/articles/transitions.ts). One row per article: the latest unpublish.
 */
export const withdrawnPublications = sqliteTable("withdrawn_publications", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  /** The publication row, its topics (in order) and the photos it showed. */
  snapshot: text("snapshot", { mode: "json" }).notNull(),
  /** The working copy's version and update time at the unpublish: any change since refuses the undo. */
  articleVersion: integer("article_version").notNull(),
  withdrawnBy: integer("withdrawn_by").references(() => users.id),
  withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }).notNull(),
});

export const NOTE_KINDS = ["correction", "clarification"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/**
 * Corrections and clarifications of a live article. A note is never deleted or edited: it is
 * pending (`publishedAt` null) until the article's live version is next written, live after, and
 * a withdrawal keeps the row with who, when and why (the public page then no longer shows it).
 */
export const articleNotes = sqliteTable(
  "article_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTE_KINDS }).notNull(),
    text: text("text").notNull(),
    /** The time the note speaks of ("Correction, 3 December 2026"): when the error was corrected. */
    notedAt: integer("noted_at", { mode: "timestamp_ms" }).notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    /** When readers first saw it; null while it waits for the next approval. */
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
    withdrawnBy: integer("withdrawn_by").references(() => users.id),
    withdrawnReason: text("withdrawn_reason"),
  },
  (t) => [index("article_notes_article_idx").on(t.articleId, t.notedAt)],
);

export type User = typeof users.$inferSelect;
export type Topic = typeof topics.$inferSelect;
export type Media = typeof media.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type Publication = typeof publications.$inferSelect;

/** One-time links to set a password: a new person's invitation, or a reset by an admin. */
export const passwordTokens = sqliteTable(
  "password_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the token; the token itself is only ever shown once. */
    tokenHash: text("token_hash").notNull(),
    purpose: text("purpose", { enum: ["invite", "reset"] }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("password_tokens_hash_unique").on(t.tokenHash)],
);

/** Failed sign-ins per account and per address; kept in the database so a restart forgets nothing. */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: integer("last_failure_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

/** Append-only record of who did what, when (triggers in the migrations refuse UPDATE and DELETE). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(now),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    articleId: integer("article_id").references(() => articles.id),
    subjectUserId: integer("subject_user_id").references(() => users.id),
    fromState: text("from_state"),
    toState: text("to_state"),
    details: text("details", { mode: "json" }),
  },
  (t) => [index("audit_log_article_idx").on(t.articleId, t.at), index("audit_log_actor_idx").on(t.actorId, t.at)],
);

/**
 * Every save of an article's working copy. Autosaves by the same person within a few minutes
 * are folded into their latest revision (its `savedAt` moves on); anything else adds a row.
 */
export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    /** The article's version after this save. */
    version: integer("version").notNull(),
    kind: text("kind", { enum: ["save", "restore", "review_edit", "import"] }).notNull().default("save"),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    body: text("body", { mode: "json" }).notNull(),
    leadMediaId: integer("lead_media_id").references(() => media.id),
    /** The lead photo's words for this article (null: the library's description). */
    leadAlt: text("lead_alt"),
    leadCaption: text("lead_caption"),
    leadCredit: text("lead_credit"),
    topicIds: text("topic_ids", { mode: "json" }).$type<number[]>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("revisions_article_idx").on(t.articleId, t.id)],
);

/**
 * Outside review links: one working copy shown to someone without an account at
 * `/review/<token>`. Only the SHA-256 of the token is kept; the token is shown once, in the URL.
 * `revisionId` pins the version the link was made for; null shows the latest working copy.
 */
export const reviewLinks = sqliteTable(
  "review_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    /** Who it is for, as its maker wrote it ("Prof. Ada Smith, quotes"); may be empty. */
    label: text("label").notNull().default(""),
    revisionId: integer("revision_id").references(() => revisions.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedBy: integer("revoked_by").references(() => users.id),
    /** When an opening was last written to the audit log (at most one entry an hour). */
    viewLoggedAt: integer("view_logged_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("review_links_token_hash_unique").on(t.tokenHash), index("review_links_article_idx").on(t.articleId, t.createdAt)],
);

/** Review comments: on the whole piece (no anchor) or on a passage; replies point to a parent. */
export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** The member of staff who wrote it; null for an outside comment (see `outsideName`). */
    authorId: integer("author_id").references(() => users.id),
    /** An outside comment: the name its writer gave on the review link it came through. */
    outsideName: text("outside_name"),
    reviewLinkId: integer("review_link_id").references(() => reviewLinks.id),
    parentId: integer("parent_id"),
    body: text("body").notNull(),
    /**
     * The commented passage, kept outside the body so that commenting is never an edit: the quoted
     * text with a few characters either side (to tell repeated phrases apart). Older comments
     * have an `anchorId` naming a mark in the body instead.
     */
    anchorId: text("anchor_id"),
    quote: text("quote"),
    anchorPrefix: text("anchor_prefix"),
    anchorSuffix: text("anchor_suffix"),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedBy: integer("resolved_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("comments_article_idx").on(t.articleId, t.createdAt)],
);

/** In-app notifications (sent back, published, waiting for review). */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt)],
);

/**
 * Views per article per day (UTC), for the newsroom chart. Written in batches by the view
 * buffer together with `articles.view_count`; holds counts only, nothing about readers.
 */
export const articleViewsDaily = sqliteTable(
  "article_views_daily",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** "YYYY-MM-DD" in UTC. */
    day: text("day").notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index("article_views_daily_day_idx").on(t.day)],
);

/**
 * Purges the cache tier still has to receive: written in the same transaction as the change of
 * live content they belong to, delivered by the server after the commit and deleted once the
 * cache tier confirmed them, retried with backoff until then (also after a restart).
 */
export const cachePurges = sqliteTable(
  "cache_purges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The cache tags (surrogate keys) to purge, space-separated. */
    tags: text("tags").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull().default(now),
    lastError: text("last_error"),
  },
  (t) => [index("cache_purges_due_idx").on(t.nextAttemptAt)],
);

/**
 * Assignments: a reviser asks a drafter for a piece by a date. The piece itself is an ordinary
 * draft (article_drafters names the drafter, article_topics the topic); this row holds what the
 * draft does not: the brief, the due time and who asked. It counts as done once the draft has
 * been sent for review (articles.submitted_at), so there is no second state to keep in step.
 */
export const assignments = sqliteTable(
  "assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** The title it was commissioned under (the draft's title may change while it is written). */
    workingTitle: text("working_title").notNull(),
    /** Plain text; shown beside the editor, never rendered as HTML. */
    brief: text("brief").notNull().default(""),
    drafterId: integer("drafter_id")
      .notNull()
      .references(() => users.id),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("assignments_article_unique").on(t.articleId), index("assignments_due_idx").on(t.dueAt), index("assignments_drafter_idx").on(t.drafterId, t.dueAt)],
);

/**
 * Leases: which running instance does a job that must run in one place only (the scheduler).
 * A holder keeps its lease by renewing it before `expiresAt`; once it lapses (the holder died
 * or hung), another instance takes it over.
 */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  acquiredAt: integer("acquired_at", { mode: "timestamp_ms" }).notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});
