import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { ARTICLE_STATUSES, NOTE_KINDS, ROLES } from "../schema";

/*
 * The PostgreSQL mirror of db/schema.ts (DATABASE_URL=postgres://…): the same tables, columns
 * (same SQL names), defaults, keys, indexes and foreign keys, in PostgreSQL's own types. What
 * each table and column means is documented once, in db/schema.ts; tests/pg-schema-drift.test.ts
 * fails when the two drift, so a change there is made here too (then `npm run db:generate:pg`).
 * The search index, the audit log's and the notes' triggers are hand-written SQL in
 * db/pg/migrations (the custom migration), as on SQLite.
 *
 * Types:
 * - Times are `timestamp(3) with time zone`, mode "date". The SQLite schema stores milliseconds
 *   since the epoch (`timestamp_ms`) and the app only ever sees a `Date`: this mode gives the
 *   same `Date` with the same millisecond precision (3), while the database itself can compare,
 *   index and print real instants (bigint milliseconds would keep the numbers but make every
 *   ad-hoc query and `now()` default do arithmetic). Raw SQL that compares with
 *   `date.getTime()` (a few in db/queries) must pass the Date itself when ported.
 * - Booleans are `boolean`; JSON is `jsonb` (bodies, snapshots, audit details and topic ids are
 *   read whole or with `->>`, never compared as text); the daily-views day is a `date` read as
 *   the same "YYYY-MM-DD" string.
 * - Ids are identity columns "by default", so rows copied from SQLite may keep their ids (a copy
 *   that does must then move each sequence past them with setval(); pg_restore keeps them).
 * - Role, status and kind stay `text` with TypeScript enums, as on SQLite (no CHECK on either).
 */

const ms = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });
const id = () => integer("id").primaryKey().generatedByDefaultAsIdentity();
const now = sql`now()`;

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: ms("created_at").notNull().default(now),
    updatedAt: ms("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const topics = pgTable(
  "topics",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("topics_slug_unique").on(t.slug)],
);

export const media = pgTable("media", {
  id: id(),
  fileKey: text("file_key").notNull().unique("media_file_key_unique"),
  mimeType: text("mime_type").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  bytes: integer("bytes").notNull(),
  alt: text("alt").notNull().default(""),
  caption: text("caption").notNull().default(""),
  credit: text("credit").notNull().default(""),
  focalX: integer("focal_x").notNull().default(50),
  focalY: integer("focal_y").notNull().default(50),
  uploadedBy: integer("uploaded_by").references(() => users.id),
  createdAt: ms("created_at").notNull().default(now),
});

export const articles = pgTable(
  "articles",
  {
    id: id(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    body: jsonb("body").notNull(),
    leadMediaId: integer("lead_media_id").references(() => media.id),
    leadAlt: text("lead_alt"),
    leadCaption: text("lead_caption"),
    leadCredit: text("lead_credit"),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
    scheduledFor: ms("scheduled_for"),
    expiresAt: ms("expires_at"),
    expiredAt: ms("expired_at"),
    submittedAt: ms("submitted_at"),
    viewCount: integer("view_count").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: ms("created_at").notNull().default(now),
    updatedAt: ms("updated_at").notNull().default(now),
    deletedAt: ms("deleted_at"),
    deletedBy: integer("deleted_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("articles_slug_unique").on(t.slug),
    index("articles_status_idx").on(t.status, t.updatedAt),
    index("articles_expires_at_idx").on(t.expiresAt),
  ],
);

export const articleDrafters = pgTable(
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

export const articleTopics = pgTable(
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

export const publications = pgTable(
  "publications",
  {
    articleId: integer("article_id")
      .primaryKey()
      .references(() => articles.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    body: jsonb("body").notNull(),
    leadMediaId: integer("lead_media_id").references(() => media.id),
    leadAlt: text("lead_alt"),
    leadCaption: text("lead_caption"),
    leadCredit: text("lead_credit"),
    reviserId: integer("reviser_id").references(() => users.id),
    publishedAt: ms("published_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [uniqueIndex("publications_slug_unique").on(t.slug), index("publications_published_idx").on(t.publishedAt)],
);

export const publicationTopics = pgTable(
  "publication_topics",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => publications.articleId, { onDelete: "cascade" }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id),
    position: integer("position").notNull().default(0),
    publishedAt: ms("published_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.topicId] }), index("publication_topics_topic_idx").on(t.topicId, t.publishedAt)],
);

export const publicationMedia = pgTable(
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

export const slugRedirects = pgTable("slug_redirects", {
  slug: text("slug").primaryKey(),
  articleId: integer("article_id")
    .notNull()
    .references(() => articles.id, { onDelete: "cascade" }),
});

export const withdrawnPublications = pgTable("withdrawn_publications", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  snapshot: jsonb("snapshot").notNull(),
  articleVersion: integer("article_version").notNull(),
  withdrawnBy: integer("withdrawn_by").references(() => users.id),
  withdrawnAt: ms("withdrawn_at").notNull(),
});

export const articleNotes = pgTable(
  "article_notes",
  {
    id: id(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTE_KINDS }).notNull(),
    text: text("text").notNull(),
    notedAt: ms("noted_at").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: ms("created_at").notNull().default(now),
    publishedAt: ms("published_at"),
    withdrawnAt: ms("withdrawn_at"),
    withdrawnBy: integer("withdrawn_by").references(() => users.id),
    withdrawnReason: text("withdrawn_reason"),
  },
  (t) => [index("article_notes_article_idx").on(t.articleId, t.notedAt)],
);

export const passwordTokens = pgTable(
  "password_tokens",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    purpose: text("purpose", { enum: ["invite", "reset"] }).notNull(),
    expiresAt: ms("expires_at").notNull(),
    usedAt: ms("used_at"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("password_tokens_hash_unique").on(t.tokenHash)],
);

export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: ms("last_failure_at").notNull(),
  lockedUntil: ms("locked_until"),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    at: ms("at").notNull().default(now),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    articleId: integer("article_id").references(() => articles.id),
    subjectUserId: integer("subject_user_id").references(() => users.id),
    fromState: text("from_state"),
    toState: text("to_state"),
    details: jsonb("details"),
  },
  (t) => [index("audit_log_article_idx").on(t.articleId, t.at), index("audit_log_actor_idx").on(t.actorId, t.at)],
);

export const revisions = pgTable(
  "revisions",
  {
    id: id(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull(),
    kind: text("kind", { enum: ["save", "restore", "review_edit", "import"] })
      .notNull()
      .default("save"),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    body: jsonb("body").notNull(),
    leadMediaId: integer("lead_media_id").references(() => media.id),
    leadAlt: text("lead_alt"),
    leadCaption: text("lead_caption"),
    leadCredit: text("lead_credit"),
    topicIds: jsonb("topic_ids").$type<number[]>().notNull(),
    createdAt: ms("created_at").notNull().default(now),
    savedAt: ms("saved_at").notNull().default(now),
  },
  (t) => [index("revisions_article_idx").on(t.articleId, t.id)],
);

export const reviewLinks = pgTable(
  "review_links",
  {
    id: id(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    label: text("label").notNull().default(""),
    revisionId: integer("revision_id").references(() => revisions.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: ms("created_at").notNull().default(now),
    expiresAt: ms("expires_at").notNull(),
    revokedAt: ms("revoked_at"),
    revokedBy: integer("revoked_by").references(() => users.id),
    viewLoggedAt: ms("view_logged_at"),
  },
  (t) => [uniqueIndex("review_links_token_hash_unique").on(t.tokenHash), index("review_links_article_idx").on(t.articleId, t.createdAt)],
);

export const comments = pgTable(
  "comments",
  {
    id: id(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id),
    outsideName: text("outside_name"),
    reviewLinkId: integer("review_link_id").references(() => reviewLinks.id),
    /** No foreign key, as on SQLite (a reply names its parent in the same article). */
    parentId: integer("parent_id"),
    body: text("body").notNull(),
    anchorId: text("anchor_id"),
    quote: text("quote"),
    anchorPrefix: text("anchor_prefix"),
    anchorSuffix: text("anchor_suffix"),
    resolvedAt: ms("resolved_at"),
    resolvedBy: integer("resolved_by").references(() => users.id),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [index("comments_article_idx").on(t.articleId, t.createdAt)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    createdAt: ms("created_at").notNull().default(now),
    readAt: ms("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt)],
);

export const articleViewsDaily = pgTable(
  "article_views_daily",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index("article_views_daily_day_idx").on(t.day)],
);

export const cachePurges = pgTable(
  "cache_purges",
  {
    id: id(),
    tags: text("tags").notNull(),
    createdAt: ms("created_at").notNull().default(now),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at").notNull().default(now),
    lastError: text("last_error"),
  },
  (t) => [index("cache_purges_due_idx").on(t.nextAttemptAt)],
);

export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    workingTitle: text("working_title").notNull(),
    brief: text("brief").notNull().default(""),
    drafterId: integer("drafter_id")
      .notNull()
      .references(() => users.id),
    dueAt: ms("due_at").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: ms("created_at").notNull().default(now),
    updatedAt: ms("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("assignments_article_unique").on(t.articleId), index("assignments_due_idx").on(t.dueAt), index("assignments_drafter_idx").on(t.drafterId, t.dueAt)],
);

export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  acquiredAt: ms("acquired_at").notNull(),
  expiresAt: ms("expires_at").notNull(),
});
