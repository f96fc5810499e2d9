import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";
import { paragraphDoc as body } from "./support/content";

/*
 * Integration: assignments against a fresh migrated database in the New York newsroom. Creating
 * one (revisers and admins only, in the domain and in the action) starts the drafter's draft
 * with the topic and notifies them; the calendar and the dashboard read them back by day.
 */
const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let a: typeof import("@/lib/assignments/assignments");
let cal: typeof import("@/lib/newsroom/calendar");
let dash: typeof import("@/lib/assignments/dashboard");
const p: Record<string, CurrentUser> = {};
let topicId = 0;
const NOW = new Date("2026-12-01T15:00:00Z"); // Tuesday 1 December, 10:00 in New York

beforeAll(async () => {
  process.env.MASTHEAD_TIME_ZONE = "America/New_York";
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  a = await import("@/lib/assignments/assignments");
  cal = await import("@/lib/newsroom/calendar");
  dash = await import("@/lib/assignments/dashboard");
  Object.assign(p, await addStaff([["maya", "drafter"], ["omar", "drafter"], ["helen", "reviser"], ["sam", "admin"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(() => cleanup());

const input = (extra: Partial<import("@/lib/validation/assignment").CreateAssignmentInput> = {}) => ({ workingTitle: "Sediment cores", brief: "Talk to the lab.\nAbout 600 words.", drafterId: p.maya!.id, dueAt: "2026-12-03T17:00", topicId, ...extra });
const counts = async () => (await sql.get("select (select count(*) from articles) articles, (select count(*) from assignments) assignments, (select count(*) from notifications) notifications, (select count(*) from audit_log) audit"));
const signInAs = (who: CurrentUser) => (claims.current = { uid: who.id, sv: 1 });
function form(values: Record<string, string | number>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, String(v));
  return f;
}

describe("creating an assignment", () => {
  it("makes the drafter's draft with the working title and topic, notifies them and audits it", async () => {
    const { assignmentId, articleId } = await a.createAssignment(p.helen!, input(), NOW);
    expect(await sql.get("select title, status, created_by from articles where id = ?", articleId)).toEqual({ title: "Sediment cores", status: "draft", created_by: p.maya!.id });
    expect(await sql.all("select user_id from article_drafters where article_id = ?", articleId)).toEqual([{ user_id: p.maya!.id }]);
    expect(await sql.all("select topic_id from article_topics where article_id = ?", articleId)).toEqual([{ topic_id: topicId }]);
    expect(await sql.get("select topic_ids from revisions where article_id = ?", articleId)).toEqual({ topic_ids: `[${topicId}]` });
    const row = await sql.get("select working_title, brief, drafter_id, due_at, created_by from assignments where id = ?", assignmentId);
    expect(row).toEqual({ working_title: "Sediment cores", brief: "Talk to the lab.\nAbout 600 words.", drafter_id: p.maya!.id, due_at: Date.parse("2026-12-03T22:00:00Z"), created_by: p.helen!.id });
    expect(await sql.all("select user_id, kind, message from notifications where article_id = ?", articleId)).toEqual([
      { user_id: p.maya!.id, kind: "assignment", message: "New assignment: Sediment cores, due Thursday 3 December, 17:00" },
    ]);
    expect(await sql.all("select actor_id, action, subject_user_id from audit_log where article_id = ? order by id", articleId)).toEqual([
      { actor_id: p.helen!.id, action: "article.create", subject_user_id: null },
      { actor_id: p.helen!.id, action: "assignment.create", subject_user_id: p.maya!.id },
    ]);
    // The drafter can open it and sees the assignment; another drafter cannot.
    expect((await a.getArticleAssignment(p.maya!, articleId))?.brief).toContain("Talk to the lab.");
    expect(await a.getArticleAssignment(p.omar!, articleId)).toBeNull();
  });

  it("refuses a drafter in the domain and in the server action, writing nothing", async () => {
    const before = await counts();
    await expect(async () => await a.createAssignment(p.maya!, input({ workingTitle: "Mine" }), NOW)).rejects.toThrow(/Only revisers and admins/);
    const { createAssignmentAction } = await import("@/lib/actions/assignments");
    signInAs(p.maya!);
    const result = await createAssignmentAction(null, form(input({ workingTitle: "Forged" })));
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await counts()).toEqual(before);
    expect(await a.getAssignmentFormOptions(p.maya!)).toBeNull();
  });

  it("an admin may assign through the action; bad input is named and changes nothing", async () => {
    const { createAssignmentAction } = await import("@/lib/actions/assignments");
    signInAs(p.sam!);
    const before = await counts();
    const bad = await createAssignmentAction(null, form({ workingTitle: " ", brief: "", drafterId: "x", dueAt: "tomorrow", topicId: "" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["drafterId", "dueAt", "topicId", "workingTitle"]);
    await expect(a.createAssignment(p.sam!, input({ dueAt: "2026-11-30T09:00" }), NOW)).rejects.toThrow(/already passed/);
    await expect(a.createAssignment(p.sam!, input({ topicId: 9999 }), NOW)).rejects.toThrow(/topic no longer exists/);
    await sql.run("update users set active = ? where id = ?", false, p.omar!.id);
    await expect(a.createAssignment(p.sam!, input({ drafterId: p.omar!.id }), NOW)).rejects.toThrow(/Choose someone on the staff/);
    await sql.run("update users set active = ? where id = ?", true, p.omar!.id);
    expect(await counts()).toEqual(before);
    const ok = await createAssignmentAction(null, form(input({ workingTitle: "Campus budget", drafterId: p.omar!.id, dueAt: "2099-01-05T09:30" })));
    expect(ok).toMatchObject({ ok: true });
    expect(await sql.get("select count(*) n from assignments a join article_drafters d on d.article_id = a.article_id where a.working_title = 'Campus budget' and d.user_id = ?", p.omar!.id)).toEqual({ n: 1 });
  });
});

describe("changing an assignment", () => {
  it("moves the due date by day, keeping the time, and refuses drafters", async () => {
    const { assignmentId, articleId } = await a.createAssignment(p.helen!, input({ workingTitle: "Move me" }), NOW);
    expect((await a.moveAssignment(p.helen!, { assignmentId, day: "2026-12-09" }, NOW)).toISOString()).toBe("2026-12-09T22:00:00.000Z");
    await expect(async () => await a.moveAssignment(p.maya!, { assignmentId, day: "2026-12-08" }, NOW)).rejects.toThrow(/Only revisers/);
    await expect(async () => await a.moveAssignment(p.helen!, { assignmentId, day: "2026-11-30" }, NOW)).rejects.toThrow(/already passed/);
    expect((await sql.get("select due_at from assignments where id = ?", assignmentId))?.due_at).toBe(Date.parse("2026-12-09T22:00:00Z"));
    expect((await sql.get("select message from notifications where article_id = ? order by id desc limit 1", articleId))?.message).toBe("New due date for Move me: Wednesday 9 December, 17:00");
    expect((await sql.get("select action from audit_log where article_id = ? order by id desc limit 1", articleId))?.action).toBe("assignment.move");
  });

  it("edits brief, due time and drafter; the new drafter owns the draft and is told", async () => {
    const { assignmentId, articleId } = await a.createAssignment(p.helen!, input({ workingTitle: "Hand over" }), NOW);
    await a.editAssignment(p.helen!, { assignmentId, brief: "New angle.", drafterId: p.omar!.id, dueAt: "2026-12-04T12:00" }, NOW);
    expect(await sql.all("select user_id from article_drafters where article_id = ?", articleId)).toEqual([{ user_id: p.omar!.id }]);
    expect(await a.getArticleAssignment(p.omar!, articleId)).toMatchObject({ brief: "New angle.", drafterId: p.omar!.id, dueAt: new Date("2026-12-04T17:00:00Z") });
    expect(await a.getArticleAssignment(p.maya!, articleId)).toBeNull();
    expect(await sql.get("select user_id, message from notifications where article_id = ? order by id desc limit 1", articleId)).toEqual({ user_id: p.omar!.id, message: "New assignment: Hand over, due Friday 4 December, 12:00" });
    await expect(async () => await a.editAssignment(p.maya!, { assignmentId, brief: "", drafterId: p.maya!.id, dueAt: "2026-12-04T12:00" }, NOW)).rejects.toThrow(/Only revisers/);
  });
});

describe("overdue and the calendar", () => {
  it("is overdue after its due time until the draft is sent for review; drafters see only theirs", async () => {
    const e = await import("@/lib/articles/editing");
    const t = await import("@/lib/articles/transitions");
    const { assignmentId, articleId } = await a.createAssignment(p.helen!, input({ workingTitle: "Late piece", dueAt: "2026-12-02T09:00" }), NOW);
    const other = await a.createAssignment(p.helen!, input({ workingTitle: "Omar's late piece", drafterId: p.omar!.id, dueAt: "2026-12-02T09:00" }), NOW);
    const later = new Date("2026-12-02T15:00:00Z");
    const titles = (rows: { workingTitle: string }[]) => rows.map((r) => r.workingTitle);
    expect(titles((await dash.getAssignmentsDashboard(p.helen!, NOW)).overdue)).not.toContain("Late piece");
    expect(titles((await dash.getAssignmentsDashboard(p.helen!, later)).overdue)).toEqual(expect.arrayContaining(["Late piece", "Omar's late piece"]));
    expect(titles((await dash.getAssignmentsDashboard(p.maya!, later)).overdue)).toContain("Late piece");
    expect(titles((await dash.getAssignmentsDashboard(p.maya!, later)).overdue)).not.toContain("Omar's late piece");
    expect(titles((await dash.getAssignmentsDashboard(p.maya!, later)).yours)).toContain("Late piece");
    // Sent for review: done, no longer overdue.
    await e.saveWorkingCopy(p.maya!, { articleId, baseVersion: 1, title: "Late piece", standfirst: "", body: body("Written."), topicIds: [topicId], leadMediaId: null });
    await t.applyTransition(p.maya!, { articleId, action: "submit", baseVersion: 2 });
    expect(titles((await dash.getAssignmentsDashboard(p.helen!, later)).overdue)).not.toContain("Late piece");
    expect((await dash.getAssignmentsDashboard(p.helen!, later)).overdue.map((r) => r.id)).toContain(other.assignmentId);
    expect(assignmentId).toBeGreaterThan(0);
  });

  it("puts due, scheduled and published entries on their day in the zone, edges included", async () => {
    // Due at 23:30 on Sunday 6 December in New York (04:30 UTC on the 7th): the week of 30 November.
    const edge = await a.createAssignment(p.helen!, input({ workingTitle: "Sunday night", dueAt: "2026-12-06T23:30" }), NOW);
    const first = await a.createAssignment(p.helen!, input({ workingTitle: "Monday morning", dueAt: "2026-12-07T00:00" }), NOW);
    await sql.run("update articles set status = 'scheduled', scheduled_for = ? where id = ?", new Date("2026-12-01T05:00:00Z"), first.articleId); // midnight Tue 1st
    const day = (c: import("@/lib/newsroom/calendar").Calendar, d: string) => c.weeks.flat().find((x) => x.day === d)?.entries.map((e) => `${e.label}: ${e.title}`) ?? [];
    const week = await cal.getCalendar(p.helen!, "week", "2026-12-03", NOW);
    expect(week.weeks.flat().map((d) => d.day)).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(day(week, "2026-12-06")).toEqual(["Due: Sunday night"]);
    expect(day(week, "2026-12-01")).toEqual(["Scheduled: Monday morning"]);
    expect(week.weeks.flat().flatMap((d) => d.entries).some((e) => e.title === "Monday morning" && e.kind === "due")).toBe(false);
    const nextWeek = await cal.getCalendar(p.helen!, "week", "2026-12-07", NOW);
    expect(day(nextWeek, "2026-12-07")).toEqual(["Due: Monday morning"]);
    // Published: by the day it first went live.
    await sql.run("insert into publications (article_id, slug, title, body, published_at, updated_at) values (?, 'sunday-night', 'Sunday night', '{}', ?, ?)", edge.articleId, new Date("2026-12-04T14:00:00Z"), new Date("2026-12-10T14:00:00Z"));
    const month = await cal.getCalendar(p.helen!, "month", "2026-12-15", NOW);
    expect(month.weeks).toHaveLength(5);
    expect(day(month, "2026-12-04")).toEqual(["Published: Sunday night", "Due: Hand over"]); // 09:00 before 12:00
    expect(day(month, "2026-12-10")).toEqual([]);
    // A drafter's calendar holds their own articles only.
    const omars = (await cal.getCalendar(p.omar!, "month", "2026-12-15", NOW)).weeks.flat().flatMap((d) => d.entries.map((e) => e.title));
    expect(omars).toContain("Omar's late piece");
    expect(omars).not.toContain("Sunday night");
    expect(omars).not.toContain("Monday morning");
  });

  it("puts a piece's expiry on its day, and a drafter sees only their own", async () => {
    const mine = await a.createAssignment(p.helen!, input({ workingTitle: "Open day notice", dueAt: "2026-12-20T09:00" }), NOW);
    // 23:30 on Friday 18 December in New York is 04:30 UTC on the 19th.
    await sql.run("update articles set status = 'published', expires_at = ? where id = ?", new Date("2026-12-19T04:30:00Z"), mine.articleId);
    const entries = async (who: CurrentUser) => (await cal.getCalendar(who, "month", "2026-12-15", NOW)).weeks.flat().flatMap((d) => d.entries.filter((e) => e.kind === "expiring").map((e) => `${d.day} ${e.label}: ${e.title}`));
    expect(await entries(p.helen!)).toEqual(["2026-12-18 Expires: Open day notice"]);
    expect(await entries(p.maya!)).toEqual(["2026-12-18 Expires: Open day notice"]);
    expect(await entries(p.omar!)).toEqual([]);
    // Once it has expired (the scheduler clears expires_at), it leaves the calendar's expiries.
    await sql.run("update articles set status = 'unpublished', expires_at = null, expired_at = ? where id = ?", new Date("2026-12-19T04:30:00Z"), mine.articleId);
    expect(await entries(p.helen!)).toEqual([]);
  });

  it("reads the view and date from the URL with fallbacks", () => {
    expect(cal.parseCalendarParams({ view: "week", date: "2026-12-03" }, "2026-12-01")).toEqual({ view: "week", focus: "2026-12-03" });
    expect(cal.parseCalendarParams({ view: "year", date: "2026-13-01" }, "2026-12-01")).toEqual({ view: "month", focus: "2026-12-01" });
    expect(cal.parseCalendarParams({ view: ["week"], date: ["x"] }, "2026-12-01")).toEqual({ view: "month", focus: "2026-12-01" });
  });
});

describe("moving a scheduled publication on the calendar", () => {
  it("is a new approval: same time on the new day, four-eyes kept, audited; the calendar offers it only to those allowed", async () => {
    const e = await import("@/lib/articles/editing");
    const t = await import("@/lib/articles/transitions");
    const m = await import("@/lib/newsroom/calendar-moves");
    const id = await e.createDraft(p.maya!, "Observatory opens");
    await e.saveWorkingCopy(p.maya!, { articleId: id, baseVersion: 1, title: "Observatory opens", standfirst: "", body: body("Stars."), topicIds: [topicId], leadMediaId: null });
    const version = async () => (await sql.get<{ version: number }>("select version from articles where id = ?", id))!.version;
    await t.applyTransition(p.maya!, { articleId: id, action: "submit", baseVersion: (await version()) });
    await t.applyTransition(p.helen!, { articleId: id, action: "schedule", baseVersion: (await version()), scheduledFor: new Date("2099-03-27T14:00:00Z") }); // 10:00 New York (EDT)
    // 1 March 2099 is before the DST change: 10:00 there is 15:00 UTC.
    await expect(async () => await m.moveScheduledToDay(p.maya!, { articleId: id, baseVersion: (await version()), day: "2099-03-01" })).rejects.toThrow(/Only a reviser who did not draft/);
    const moved = await m.moveScheduledToDay(p.sam!, { articleId: id, baseVersion: (await version()), day: "2099-03-01" });
    expect(moved.scheduledFor.toISOString()).toBe("2099-03-01T15:00:00.000Z");
    expect(await sql.get("select status, scheduled_for from articles where id = ?", id)).toEqual({ status: "scheduled", scheduled_for: Date.parse("2099-03-01T15:00:00Z") });
    expect(await sql.get("select actor_id, action from audit_log where article_id = ? order by id desc limit 1", id)).toEqual({ actor_id: p.sam!.id, action: "article.reschedule" });
    await expect(async () => await m.moveScheduledToDay(p.sam!, { articleId: id, baseVersion: (await version()) - 1, day: "2099-03-02" })).rejects.toThrow(/changed since/);
    const entry = async (who: CurrentUser) => (await cal.getCalendar(who, "month", "2099-03-01", NOW)).weeks.flat().flatMap((d) => d.entries).find((x) => x.articleId === id);
    expect(await entry(p.helen!)).toMatchObject({ kind: "scheduled", move: { kind: "scheduled", articleId: id, version: (await version()) } });
    expect(await entry(p.maya!)).toMatchObject({ kind: "scheduled" });
    expect((await entry(p.maya!))?.move).toBeUndefined();
  });
});
