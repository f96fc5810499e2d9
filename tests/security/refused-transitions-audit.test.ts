import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "../support/people";
import { useFreshDatabase } from "../support/temp-db";

/*
 * Finding 6 (second half) of the hostile test: a refused approval left no trace in the audit
 * log. Every refused transition is now recorded (who, what, from which state, why), while the
 * article itself stays exactly as it was.
 */
let cleanup: () => Promise<void>;
let sql: import("../support/sql").RawSql;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
const p: Record<string, CurrentUser> = {};
let topicId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("../support/sql")).rawSql();
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  Object.assign(p, await addStaff([["maya", "drafter"], ["tomas", "drafter"], ["helen", "reviser"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(() => cleanup());

const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] };
async function inReview(author: CurrentUser) {
  const id = await e.createDraft(author, "A piece");
  await e.saveWorkingCopy(author, { articleId: id, baseVersion: 1, title: "A piece", standfirst: "", body, topicIds: [topicId], leadMediaId: null });
  await t.applyTransition(author, { articleId: id, action: "submit", baseVersion: 2 });
  return id;
}
const row = async (id: number) => (await sql.get("select status, version from articles where id = ?", id)) as { status: string; version: number };
const refusals = async (id: number) =>
  ((await sql.all("select actor_id, action, from_state, to_state, details from audit_log where article_id = ? and action like '%.refused' order by id", id)) as {
    actor_id: number;
    action: string;
    from_state: string;
    to_state: string | null;
    details: string;
  }[]).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));

describe("refused transitions are in the audit log", () => {
  it("a drafter trying to approve: refused, recorded, nothing else changed", async () => {
    const id = await inReview(p.maya!);
    const before = await row(id);
    await expect(async () => await t.applyTransition(p.tomas!, { articleId: id, action: "approve", baseVersion: before.version })).rejects.toThrow();
    expect(await row(id)).toEqual(before);
    expect(await sql.get("select count(*) n from publications where article_id = ?", id)).toEqual({ n: 0 });
    expect(await refusals(id)).toEqual([
      { actor_id: p.tomas!.id, action: "article.approve.refused", from_state: "in_review", to_state: null, details: expect.objectContaining({ code: "not_found", version: before.version }) },
    ]);
  });

  it("four-eyes and stale-version refusals are recorded with their reason", async () => {
    const own = await e.createDraft(p.helen!, "Helen's piece");
    await e.saveWorkingCopy(p.helen!, { articleId: own, baseVersion: 1, title: "Helen's piece", standfirst: "", body, topicIds: [topicId], leadMediaId: null });
    await t.applyTransition(p.helen!, { articleId: own, action: "submit", baseVersion: 2 });
    await expect(async () => await t.applyTransition(p.helen!, { articleId: own, action: "approve", baseVersion: (await row(own)).version })).rejects.toThrow(/four-eyes/);
    expect((await refusals(own))[0]).toMatchObject({ actor_id: p.helen!.id, action: "article.approve.refused", details: { code: "forbidden", message: expect.stringMatching(/four-eyes/) } });

    const id = await inReview(p.maya!);
    await expect(async () => await t.applyTransition(p.helen!, { articleId: id, action: "approve", baseVersion: (await row(id)).version - 1 })).rejects.toThrow(/text changed/);
    expect((await refusals(id))[0]).toMatchObject({ action: "article.approve.refused", details: { code: "conflict", version: (await row(id)).version - 1 } });
    expect((await row(id)).status).toBe("in_review");
  });

  it("an attempt on an article that does not exist is recorded without one", async () => {
    await expect(async () => await t.applyTransition(p.helen!, { articleId: 99_999, action: "approve", baseVersion: 1 })).rejects.toThrow();
    const rows = (await sql.all("select actor_id, article_id, details from audit_log where action = 'article.approve.refused' and article_id is null")) as { actor_id: number; details: string }[];
    expect(rows.map((r) => ({ actor: r.actor_id, details: JSON.parse(r.details) as unknown }))).toEqual([{ actor: p.helen!.id, details: expect.objectContaining({ code: "not_found", requestedArticleId: 99_999 }) }]);
  });

  it("an approval that succeeds records no refusal", async () => {
    const id = await inReview(p.maya!);
    await t.applyTransition(p.helen!, { articleId: id, action: "approve", baseVersion: (await row(id)).version });
    expect(await refusals(id)).toEqual([]);
  });
});
