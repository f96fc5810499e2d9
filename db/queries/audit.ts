import "server-only";
import type { Db } from "../client";
import { auditLog } from "../schema";

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
