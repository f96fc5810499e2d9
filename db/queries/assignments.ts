import "server-only";
import { and, asc, eq, isNull, lt, sql, type SQL, gte } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type Db, returned } from "../client";
import { articleDrafters, articles, assignments, articleTopics, topics, users } from "../tables";

/*
 * Assignment rows and the reads around them. No authorization here: lib/assignments decides who
 * may call what and passes the transaction in.
 */

export interface AssignmentRow {
  id: number;
  articleId: number;
  workingTitle: string;
  /** The draft's current title ("" while untitled). */
  title: string;
  brief: string;
  drafterId: number;
  drafterName: string;
  dueAt: Date;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: Date;
  topicName: string | null;
  /** Sent for review at least once: the assignment is done. */
  submittedAt: Date | null;
  articleStatus: string;
}

const creator = alias(users, "creator");
const drafter = alias(users, "drafter");

function selectAssignments(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: assignments.id,
      articleId: assignments.articleId,
      workingTitle: assignments.workingTitle,
      title: articles.title,
      brief: assignments.brief,
      drafterId: assignments.drafterId,
      drafterName: drafter.name,
      dueAt: assignments.dueAt,
      createdBy: assignments.createdBy,
      createdByName: creator.name,
      createdAt: assignments.createdAt,
      topicName: sql<string | null>`(select ${topics.name} from ${articleTopics} join ${topics} on ${topics.id} = ${articleTopics.topicId} where ${articleTopics.articleId} = ${assignments.articleId} order by ${articleTopics.position} limit 1)`,
      submittedAt: articles.submittedAt,
      articleStatus: articles.status,
    })
    .from(assignments)
    .innerJoin(articles, eq(articles.id, assignments.articleId))
    .innerJoin(drafter, eq(drafter.id, assignments.drafterId))
    .leftJoin(creator, eq(creator.id, assignments.createdBy))
    .where(and(isNull(articles.deletedAt), where))
    .orderBy(asc(assignments.dueAt), asc(assignments.id));
}

/** Adds an assignment for an existing draft; returns its id. */
export async function insertAssignment(db: Db, input: { articleId: number; workingTitle: string; brief: string; drafterId: number; dueAt: Date; createdBy: number; at: Date }): Promise<number> {
  return returned(await db
        .insert(assignments)
        .values({ ...input, createdAt: input.at, updatedAt: input.at })
        .returning({ id: assignments.id })).id;
}

/** One assignment by id (its draft not in the trash); null if absent. */
export async function getAssignment(db: Db, id: number): Promise<AssignmentRow | null> {
  return (await selectAssignments(db, eq(assignments.id, id)))[0] ?? null;
}

/** The assignment an article was written for, if any. */
export async function getAssignmentOfArticle(db: Db, articleId: number): Promise<AssignmentRow | null> {
  return (await selectAssignments(db, eq(assignments.articleId, articleId)))[0] ?? null;
}

/** Sets brief, due time and drafter of an assignment. */
export async function updateAssignment(db: Db, id: number, input: { brief: string; dueAt: Date; drafterId: number; at: Date }): Promise<void> {
  await db.update(assignments).set({ brief: input.brief, dueAt: input.dueAt, drafterId: input.drafterId, updatedAt: input.at }).where(eq(assignments.id, id));
}

/** Makes `drafterId` the article's (first) drafter in place of `previousId`. */
export async function replaceDrafter(db: Db, articleId: number, previousId: number, drafterId: number): Promise<void> {
  await db.delete(articleDrafters).where(and(eq(articleDrafters.articleId, articleId), eq(articleDrafters.userId, drafterId)));
  await db.update(articleDrafters).set({ userId: drafterId }).where(and(eq(articleDrafters.articleId, articleId), eq(articleDrafters.userId, previousId)));
}

/** Assignments due in [from, to), optionally only one drafter's. */
export async function listAssignmentsDue(db: Db, from: Date, to: Date, drafterId?: number): Promise<AssignmentRow[]> {
  return await selectAssignments(
      db,
      and(gte(assignments.dueAt, from), lt(assignments.dueAt, to), drafterId === undefined ? undefined : eq(assignments.drafterId, drafterId)),
    );
}

/** Assignments not yet sent for review, soonest due first, optionally only one drafter's. */
export async function listOpenAssignments(db: Db, drafterId?: number): Promise<AssignmentRow[]> {
  return await selectAssignments(db, and(isNull(articles.submittedAt), drafterId === undefined ? undefined : eq(assignments.drafterId, drafterId)));
}

/** Active staff who can be given an assignment (everyone writes), by name. */
export async function listAssignableStaff(db: Db) {
  return await db.select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).where(eq(users.active, true)).orderBy(asc(users.name));
}
