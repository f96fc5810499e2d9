import "server-only";
import { immediate } from "@/db/client";
import { listAudit, listAuditActions, type AuditFilter } from "@/db/queries/audit";
import { listLibrary } from "@/db/queries/media";
import { listLibraryPage } from "@/db/queries/media-library";
import { listStaff } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { can, type Capability, type CurrentUser } from "@/lib/permissions";

/*
 * The newsroom's list reads, each deciding itself whether this person may have it: a page that
 * forgot its own check would still get nothing it should not show.
 */

function demand(user: CurrentUser, capability: Capability) {
  if (!can(user, capability)) throw new AppError("forbidden", "You do not have access to this.");
}

export const LIBRARY_PER_PAGE = 24;

/** One page of the media library page's search (caption, alt, credit, file name, uploader), past-the-end pages showing the last. */
export async function getLibraryPage(user: CurrentUser, query: string, page: number) {
  demand(user, "media.upload");
  let result = await listLibraryPage(query, page, LIBRARY_PER_PAGE);
  const pages = Math.max(1, Math.ceil(result.total / LIBRARY_PER_PAGE));
  if (page > pages) result = await listLibraryPage(query, pages, LIBRARY_PER_PAGE);
  return { ...result, page: Math.min(page, pages), pages };
}

/** Staff accounts, for admins. */
export async function listStaffFor(user: CurrentUser) {
  demand(user, "staff.manage");
  return await listStaff();
}

/** The media library, for anyone who may place photos. */
export async function listLibraryFor(user: CurrentUser, query: string, limit?: number) {
  demand(user, "media.upload");
  return await listLibrary(query, limit);
}

export const AUDIT_PER_PAGE = 50;

/** The audit log (one page of it), the people and actions to filter it by, for admins. */
export async function getAuditLog(user: CurrentUser, filter: Omit<AuditFilter, "perPage">) {
  demand(user, "audit.read");
  return await immediate(async (db) => {
    let page = filter.page ?? 1;
    let result = await listAudit(db, { ...filter, page, perPage: AUDIT_PER_PAGE });
    const pages = Math.max(1, Math.ceil(result.total / AUDIT_PER_PAGE));
    if (page > pages) {
      page = pages;
      result = await listAudit(db, { ...filter, page, perPage: AUDIT_PER_PAGE });
    }
    return { ...result, page, pages, staff: await listStaff(), actions: await listAuditActions(db) };
  });
}
