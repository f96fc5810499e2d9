import "server-only";
import { and, desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { articles, auditLog, users } from "../schema";

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
export function writeAudit(db: Db, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      articleId: entry.articleId ?? null,
      subjectUserId: entry.subjectUserId ?? null,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      details: entry.details ?? null,
      at: entry.at ?? new Date(),
    })
    .run();
}

/** The audit log, newest first, optionally for one article and/or one person. */
export function listAudit(db: Db, filter: { articleId?: number; personId?: number; limit?: number }) {
  const actor = alias(users, "actor");
  const subject = alias(users, "subject");
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      fromState: auditLog.fromState,
      toState: auditLog.toState,
      articleId: auditLog.articleId,
      articleTitle: articles.title,
      actor: actor.name,
      subject: subject.name,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(subject, eq(subject.id, auditLog.subjectUserId))
    .leftJoin(articles, eq(articles.id, auditLog.articleId))
    .where(
      and(
        filter.articleId ? eq(auditLog.articleId, filter.articleId) : undefined,
        filter.personId ? or(eq(auditLog.actorId, filter.personId), eq(auditLog.subjectUserId, filter.personId)) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 200)
    .all();
}
