import "server-only";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { jsonNumber } from "../sql";
import { type Db, returned } from "../client";
import { auditLog, comments, users } from "../tables";

/** Comments of an article, oldest first, with their authors and who resolved them. */
export async function listCommentRows(db: Db, articleId: number) {
  return await db
      .select({
        id: comments.id,
        parentId: comments.parentId,
        body: comments.body,
        anchorId: comments.anchorId,
        quote: comments.quote,
        anchorPrefix: comments.anchorPrefix,
        anchorSuffix: comments.anchorSuffix,
        resolvedAt: comments.resolvedAt,
        resolvedBy: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${comments.resolvedBy})`,
        createdAt: comments.createdAt,
        authorId: comments.authorId,
        // Staff by their account's name; an outside comment by the name its writer gave.
        author: sql<string>`coalesce(${users.name}, ${comments.outsideName}, '')`,
        outside: sql<number>`${comments.reviewLinkId} is not null`,
      })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.articleId, articleId))
      .orderBy(asc(comments.id));
}

/** Adds a comment, anchored to a passage by its text when `quote` is given; returns its id. */
export async function insertTextAnchoredComment(
  db: Db,
  input: { articleId: number; authorId: number; body: string; parentId?: number | null; quote?: string | null; prefix?: string | null; suffix?: string | null; at: Date },
): Promise<number> {
  return returned(await db
        .insert(comments)
        .values({
          articleId: input.articleId,
          authorId: input.authorId,
          body: input.body,
          parentId: input.parentId ?? null,
          quote: input.quote ?? null,
          anchorPrefix: input.quote ? (input.prefix ?? "") : null,
          anchorSuffix: input.quote ? (input.suffix ?? "") : null,
          createdAt: input.at,
        })
        .returning({ id: comments.id })).id;
}

/** The version an article had when it last went live (from the audit log), and when. */
export async function getLastGoLive(db: Db, articleId: number): Promise<{ version: number; at: Date } | null> {
  const row = (await db
      .select({ version: jsonNumber(auditLog.details, "version"), at: auditLog.at })
      .from(auditLog)
      .where(and(eq(auditLog.articleId, articleId), eq(auditLog.toState, "published"), isNotNull(auditLog.details)))
      .orderBy(desc(auditLog.id))
      .limit(1))[0];
  return row?.version ? { version: row.version, at: row.at } : null;
}
