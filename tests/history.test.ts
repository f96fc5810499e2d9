import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";
import { paragraphDoc as body } from "./support/content";

// Integration: the history marks the revision that is live, and a save never folds into the
// revision a reviser sent back or approved (it would change what they saw).
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let people: Record<string, CurrentUser> = {};
let topicId = 0;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
let h: typeof import("@/lib/articles/history");
let d: typeof import("@/lib/articles/editor-data");

const start = Date.parse("2026-12-01T10:00:00Z");
const minute = (n: number) => new Date(start + n * 60_000);

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  people = await addStaff([
    ["maya", "drafter"],
    ["helen", "reviser"],
  ]);
  topicId = await addTopic("research", "Research");
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  h = await import("@/lib/articles/history");
  d = await import("@/lib/articles/editor-data");
});
afterAll(() => cleanup());

const save = async (user: CurrentUser, articleId: number, baseVersion: number, text: string, at: Date) =>
  await e.saveWorkingCopy(user, { articleId, baseVersion, title: "Ferries", standfirst: "", body: body(text), topicIds: [topicId], leadMediaId: null }, "save", at);

describe("history", () => {
  it("keeps the revision that was sent back: the drafter's next save is a new one, and the reviser sees what changed", async () => {
    const id = await e.createDraft(people.maya!, "Ferries");
    await save(people.maya!, id, 1, "Boats leave at nine.", minute(1));
    await t.applyTransition(people.maya!, { articleId: id, action: "submit", baseVersion: 2 }, minute(2));
    await t.applyTransition(people.helen!, { articleId: id, action: "request_changes", baseVersion: 2, comment: "Which boats?" }, minute(3));
    const before = (await sql.get("select count(*) n from revisions where article_id = ?", id)) as { n: number };
    await save(people.maya!, id, 2, "The island boats leave at nine.", minute(4)); // within the fold window
    expect(((await sql.get("select count(*) n from revisions where article_id = ?", id)) as { n: number }).n).toBe(before.n + 1);
    await t.applyTransition(people.maya!, { articleId: id, action: "submit", baseVersion: 3 }, minute(5));
    const changes = await d.getReviewChanges(people.helen!, id);
    expect(changes?.label).toBe("Changes since changes were requested");
    expect(JSON.stringify(changes?.sections)).toContain("island");
  });

  it("marks the live revision, and a correction after 'Edit again' does not fold into it", async () => {
    const id = await e.createDraft(people.maya!, "Ferries");
    await save(people.maya!, id, 1, "Boats leave at nine.", minute(10));
    await t.applyTransition(people.maya!, { articleId: id, action: "submit", baseVersion: 2 }, minute(11));
    const correction = await save(people.helen!, id, 2, "Boats leave at ten.", minute(12));
    await t.applyTransition(people.helen!, { articleId: id, action: "approve", baseVersion: 3 }, minute(13));
    expect((await h.getHistoryView(people.maya!, id)).live?.revisionId).toBe(correction.revisionId);
    await t.applyTransition(people.helen!, { articleId: id, action: "edit_again", baseVersion: 3 }, minute(14));
    const next = await save(people.helen!, id, 3, "Boats leave at eleven.", minute(15)); // same person, same kind, within 5 minutes
    expect(next.revisionId).not.toBe(correction.revisionId);
    const view = await h.getHistoryView(people.maya!, id);
    expect(view.live).toEqual({ revisionId: correction.revisionId, since: minute(13) });
    expect(view.revisions.map((r) => r.id)).toEqual([next.revisionId, correction.revisionId, expect.any(Number)]);
    // The default comparison is the working copy against the live text.
    expect(JSON.stringify(view.sections)).toContain("eleven");
  });
});
