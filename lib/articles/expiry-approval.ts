import "server-only";
import type { Db } from "@/db/client";
import type { WorkingCopy } from "@/db/queries/articles";
import { writeAudit } from "@/db/queries/audit";
import { updateExpiry } from "@/db/queries/expiry";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { expiryProblem } from "./expiry-rules";

/*
 * The expiry given with an approval ("Approve and publish", "Schedule", "Reschedule"), checked
 * before the state changes and written in the same transaction, so a refused expiry changes
 * nothing and an accepted one never goes live without it.
 */

/**
 * The expiry the approval leaves the piece with: `requested` (null removes it; undefined keeps
 * the current one), checked against now and the publication time. Throws a clear refusal.
 */
export function checkApprovalExpiry(article: Pick<WorkingCopy, "expiresAt">, requested: Date | null | undefined, at: Date, publishAt: Date | null): Date | null {
  const expiresAt = requested === undefined ? article.expiresAt : requested;
  if (!expiresAt) return null;
  const problem = expiryProblem(expiresAt, at, publishAt, env().MASTHEAD_TIME_ZONE);
  if (!problem) return expiresAt;
  // A kept expiry that the new time overtakes needs a word about where it came from.
  const message = requested === undefined ? `This piece is set to expire before then. ${problem} Or remove the expiry.` : problem;
  throw new AppError("invalid", message, { expiresAt: [problem] });
}

/** The audit action for a change of expiry from `before` to `after`, or null if none. */
export function expiryChange(before: Date | null, after: Date | null): "article.expiry_set" | "article.expiry_changed" | "article.expiry_removed" | null {
  if ((before?.getTime() ?? null) === (after?.getTime() ?? null)) return null;
  if (!after) return "article.expiry_removed";
  return before ? "article.expiry_changed" : "article.expiry_set";
}

/**
 * Writes the expiry an approval leaves the piece with (in state `to`, just moved there) and
 * audits it when it changed.
 */
export async function writeApprovalExpiry(db: Db, input: { actorId: number; article: Pick<WorkingCopy, "id" | "status" | "expiresAt">; to: WorkingCopy["status"]; expiresAt: Date | null; at: Date }): Promise<void> {
  await updateExpiry(db, { id: input.article.id, status: input.to, expiresAt: input.expiresAt, at: input.at });
  const action = expiryChange(input.article.expiresAt, input.expiresAt);
  if (!action) return;
  await writeAudit(db, {
    actorId: input.actorId,
    action,
    articleId: input.article.id,
    fromState: input.article.status,
    toState: input.to,
    details: { expiresAt: input.expiresAt?.toISOString() ?? null, previously: input.article.expiresAt?.toISOString() ?? null },
    at: input.at,
  });
}
