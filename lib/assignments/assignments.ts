import "server-only";
import { getDb, immediate, type Db } from "@/db/client";
import { getAssignment, getAssignmentOfArticle, insertAssignment, listAssignableStaff, replaceDrafter, updateAssignment, type AssignmentRow } from "@/db/queries/assignments";
import { writeAudit } from "@/db/queries/audit";
import { existingTopicIds, getWorkingCopy } from "@/db/queries/articles";
import { getStaffById } from "@/db/queries/users";
import { listTopics } from "@/db/queries/public";
import { notify } from "@/db/queries/workflow";
import { createDraft } from "@/lib/articles/editing";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { dayOf, formatDue } from "@/lib/newsroom/calendar-days";
import { can, type CurrentUser } from "@/lib/permissions";
import { dateToZonedLocal, zonedLocalToDate } from "@/lib/time";
import type { CreateAssignmentInput, MoveAssignmentInput, UpdateAssignmentInput } from "@/lib/validation/assignment";
import { canRead } from "@/lib/workflow";

/*
 * Assignments: a reviser or admin commissions a piece from a drafter by a date. Creating one
 * starts the drafter's draft (through createDraft, with the topic) and notifies them; the brief,
 * due time and drafter can be changed later. Each change is one IMMEDIATE transaction with its
 * audit row and notification. Only revisers and admins (assignment.manage) change anything.
 */

const timeZone = () => env().MASTHEAD_TIME_ZONE;

function requireManager(user: CurrentUser) {
  if (!can(user, "assignment.manage")) throw new AppError("forbidden", "Only revisers and admins can assign stories.");
}

function dueFrom(local: string, now: Date): Date {
  const due = zonedLocalToDate(local, timeZone());
  if (!due) throw new AppError("invalid", "Enter the date and time it is due.", { dueAt: ["Enter a date and time."] });
  if (due.getTime() <= now.getTime()) throw new AppError("invalid", "The due time has already passed. Choose a later one.", { dueAt: ["Choose a time in the future."] });
  return due;
}

async function activeDrafter(db: Db, drafterId: number): Promise<CurrentUser> {
  const person = await getStaffById(drafterId, db);
  if (!person || !person.active) throw new AppError("invalid", "Choose someone on the staff to write it.", { drafterId: ["Choose an active staff member."] });
  return { id: person.id, name: person.name, email: person.email, role: person.role };
}

/** Creates the assignment and the drafter's draft; returns both ids. */
export async function createAssignment(user: CurrentUser, input: CreateAssignmentInput, now = new Date()): Promise<{ assignmentId: number; articleId: number }> {
  requireManager(user);
  const dueAt = dueFrom(input.dueAt, now);
  return await immediate(async (db) => {
    const drafter = await activeDrafter(db, input.drafterId);
    if ((await existingTopicIds(db, [input.topicId])).length !== 1) throw new AppError("invalid", "That topic no longer exists. Choose another.", { topicId: ["Choose a topic."] });
    // Nested in this transaction (a savepoint): the draft, the assignment and the notice land together.
    const articleId = await createDraft(user, input.workingTitle, now, { drafter, topicIds: [input.topicId] });
    const assignmentId = await insertAssignment(db, { articleId, workingTitle: input.workingTitle, brief: input.brief, drafterId: drafter.id, dueAt, createdBy: user.id, at: now });
    await writeAudit(db, { actorId: user.id, action: "assignment.create", articleId, subjectUserId: drafter.id, details: { assignmentId, dueAt: dueAt.toISOString() }, at: now });
    await notify(db, [drafter.id], { articleId, kind: "assignment", message: `New assignment: ${input.workingTitle}, due ${formatDue(dueAt, timeZone())}`, at: now });
    return { assignmentId, articleId };
  });
}

async function getAssignmentOrThrow(db: Db, id: number): Promise<AssignmentRow> {
  const row = await getAssignment(db, id);
  if (!row) throw new AppError("not_found", "That assignment no longer exists.");
  return row;
}

/** Changes the brief, due time and drafter. The drafter only changes while it is not yet submitted. */
export async function editAssignment(user: CurrentUser, input: UpdateAssignmentInput, now = new Date()): Promise<void> {
  requireManager(user);
  await immediate(async (db) => {
    const row = await getAssignmentOrThrow(db, input.assignmentId);
    const dueAt = input.dueAt === dateToZonedLocal(row.dueAt, timeZone()) ? row.dueAt : dueFrom(input.dueAt, now);
    const reassigned = input.drafterId !== row.drafterId;
    if (reassigned) {
      if (row.submittedAt) throw new AppError("invalid", "The piece has been sent for review, so its drafter stays as it is.", { drafterId: ["Already submitted."] });
      const drafter = await activeDrafter(db, input.drafterId);
      await replaceDrafter(db, row.articleId, row.drafterId, drafter.id);
      await notify(db, [drafter.id], { articleId: row.articleId, kind: "assignment", message: `New assignment: ${row.workingTitle}, due ${formatDue(dueAt, timeZone())}`, at: now });
    } else if (dueAt.getTime() !== row.dueAt.getTime()) {
      await notify(db, [row.drafterId], { articleId: row.articleId, kind: "assignment", message: `New due date for ${row.workingTitle}: ${formatDue(dueAt, timeZone())}`, at: now });
    }
    await updateAssignment(db, row.id, { brief: input.brief, dueAt, drafterId: input.drafterId, at: now });
    await writeAudit(db, {
      actorId: user.id,
      action: "assignment.update",
      articleId: row.articleId,
      subjectUserId: input.drafterId,
      details: { assignmentId: row.id, dueAt: dueAt.toISOString(), previousDueAt: row.dueAt.toISOString(), ...(reassigned ? { previousDrafterId: row.drafterId } : {}), briefChanged: input.brief !== row.brief },
      at: now,
    });
  });
}

/** Moves the due date to another day, keeping its time of day; returns the new due time. */
export async function moveAssignment(user: CurrentUser, input: MoveAssignmentInput, now = new Date()): Promise<Date> {
  requireManager(user);
  return await immediate(async (db) => {
    const row = await getAssignmentOrThrow(db, input.assignmentId);
    if (dayOf(row.dueAt, timeZone()) === input.day) return row.dueAt;
    const dueAt = dueFrom(`${input.day}T${dateToZonedLocal(row.dueAt, timeZone()).slice(11)}`, now);
    await updateAssignment(db, row.id, { brief: row.brief, dueAt, drafterId: row.drafterId, at: now });
    await writeAudit(db, { actorId: user.id, action: "assignment.move", articleId: row.articleId, subjectUserId: row.drafterId, details: { assignmentId: row.id, dueAt: dueAt.toISOString(), previousDueAt: row.dueAt.toISOString() }, at: now });
    await notify(db, [row.drafterId], { articleId: row.articleId, kind: "assignment", message: `New due date for ${row.workingTitle}: ${formatDue(dueAt, timeZone())}`, at: now });
    return dueAt;
  });
}

/** The assignment behind an article, for whoever may open the article; null if it has none. */
export async function getArticleAssignment(user: CurrentUser, articleId: number): Promise<AssignmentRow | null> {
  const db = getDb();
  const article = await getWorkingCopy(db, articleId);
  if (!article || !canRead(user, article)) return null;
  return await getAssignmentOfArticle(db, articleId);
}

export interface AssignmentFormOptions {
  staff: { id: number; name: string; role: string }[];
  topics: { id: number; name: string }[];
}

/** The choices of the assignment forms, for those who assign; null for everyone else. */
export async function getAssignmentFormOptions(user: CurrentUser): Promise<AssignmentFormOptions | null> {
  if (!can(user, "assignment.manage")) return null;
  return {
    staff: (await listAssignableStaff(getDb())).map((p) => ({ id: p.id, name: p.name, role: p.role })),
    topics: (await listTopics()).map((t) => ({ id: t.id, name: t.name })),
  };
}
