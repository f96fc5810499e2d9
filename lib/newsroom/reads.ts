import "server-only";
import { immediate } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { listLibrary } from "@/db/queries/media";
import { listScopedArticles } from "@/db/queries/newsroom";
import { listStaff } from "@/db/queries/users";
import { ARTICLE_STATUSES } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can, type Capability, type CurrentUser } from "@/lib/permissions";
import { articleScope } from "./dashboard";

/*
 * The newsroom's list reads, each deciding itself whether this person may have it: a page that
 * forgot its own check would still get nothing it should not show.
 */

function demand(user: CurrentUser, capability: Capability) {
  if (!can(user, capability)) throw new AppError("forbidden", "You do not have access to this.");
}

/** Every article this person may open, newest first. */
export function listArticlesFor(user: CurrentUser) {
  demand(user, "newsroom.enter");
  return listScopedArticles(articleScope(user), [...ARTICLE_STATUSES], "newest", 200);
}

/** Staff accounts, for admins. */
export function listStaffFor(user: CurrentUser) {
  demand(user, "staff.manage");
  return listStaff();
}

/** The media library, for anyone who may place photos. */
export function listLibraryFor(user: CurrentUser, query: string, limit?: number) {
  demand(user, "media.upload");
  return listLibrary(query, limit);
}

/** The audit log and the people to filter it by, for admins. */
export function getAuditLog(user: CurrentUser, filter: { articleId?: number; personId?: number }) {
  demand(user, "audit.read");
  return { rows: immediate((db) => listAudit(db, filter)), staff: listStaff() };
}
