import "server-only";
import { and, desc, eq, like, or, type SQL, count } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { likeText, likePattern } from "../sql";
import type { Db } from "../client";
import { articles, auditLog, users } from "../tables";

export interface AuditEntry {
  actorId: number | null;
  action: string;
  articleId?: number | null;
  subjectUserId?: number | null;
  fromState?: string | null;
  toState?: string | null;
  details?: Record<string, unknown> | null;
  at?: Date;
}

/** Appends one row to the audit log. Call inside the transaction of the change it records. */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog)
      .values({
        actorId: entry.actorId,
        action: entry.action,
        articleId: entry.articleId ?? null,
        subjectUserId: entry.subjectUserId ?? null,
        fromState: entry.fromState ?? null,
        toState: entry.toState ?? null,
        details: entry.details ?? null,
        at: entry.at ?? new Date(),
      });
}

export interface AuditFilter {
  articleId?: number;
  /** Words in the article's title. */
  articleQuery?: string;
  personId?: number;
  /** One action, or "refused" for every refused attempt. */
  action?: string;
  page?: number;
  perPage?: number;
}

function auditWhere(filter: AuditFilter): SQL | undefined {
  const words = (filter.articleQuery ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 5);
  return and(
    filter.articleId ? eq(auditLog.articleId, filter.articleId) : undefined,
    filter.personId ? or(eq(auditLog.actorId, filter.personId), eq(auditLog.subjectUserId, filter.personId)) : undefined,
    filter.action === "refused" ? like(auditLog.action, "%.refused") : filter.action ? eq(auditLog.action, filter.action) : undefined,
    ...words.map((w) => likeText(articles.title, likePattern(w))),
  );
}

/** One page of the audit log, newest first, optionally for one article, person or action; with the total. */
export async function listAudit(db: Db, filter: AuditFilter) {
  const actor = alias(users, "actor");
  const subject = alias(users, "subject");
  const where = auditWhere(filter);
  const perPage = filter.perPage ?? 200;
  const total =
    (await db.select({ n: count() }).from(auditLog).leftJoin(articles, eq(articles.id, auditLog.articleId)).where(where))[0]?.n ?? 0;
  const rows = await db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        fromState: auditLog.fromState,
        toState: auditLog.toState,
        details: auditLog.details,
        articleId: auditLog.articleId,
        articleTitle: articles.title,
        actor: actor.name,
        subject: subject.name,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(subject, eq(subject.id, auditLog.subjectUserId))
      .leftJoin(articles, eq(articles.id, auditLog.articleId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(perPage)
      .offset(((filter.page ?? 1) - 1) * perPage);
  return { rows, total };
}

/** The actions that occur in the log, for the filter. */
export async function listAuditActions(db: Db): Promise<string[]> {
  return (await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action)).map((r) => r.action);
}
