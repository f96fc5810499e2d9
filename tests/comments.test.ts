import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";

// Integration: comments against a fresh migrated database. Commenting, also on a passage, is
// not an edit: no revision, no new version, no change to the credits.
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let people: Record<string, CurrentUser> = {};
let topicId = 0;
let c: typeof import("@/lib/articles/comments");
let e: typeof import("@/lib/articles/editing");

const body = (...paragraphs: string[]) => ({ type: "doc", content: paragraphs.map((t) => ({ type: "paragraph", content: [{ type: "text", text: t }] })) });

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  people = await addStaff([
    ["maya", "drafter"],
    ["helen", "reviser"],
    ["tomas", "drafter"],
  ]);
  topicId = await addTopic("research", "Research");
  c = await import("@/lib/articles/comments");
  e = await import("@/lib/articles/editing");
});
afterAll(() => cleanup());

async function draft(text: string) {
  const id = await e.createDraft(people.maya!, "Mussels");
  await e.saveWorkingCopy(people.maya!, { articleId: id, baseVersion: 1, title: "Mussels", standfirst: "", body: body(text), topicIds: [topicId], leadMediaId: null });
  return id;
}
const state = async (id: number) => ({
  article: (await sql.get("select version, body from articles where id = ?", id)),
  revisions: (await sql.all("select id, author_id, kind, version from revisions where article_id = ? order by id", id)),
});

describe("comments on a passage", () => {
  it("are stored with their passage and leave the text, its version and its revisions alone", async () => {
    const id = await draft("Levels fell by half since the ban.");
    const before = await state(id);
    const added = await c.addComment(people.helen!, { articleId: id, body: "Source?", quote: "fell by half", anchorPrefix: "Levels ", anchorSuffix: " since the ban." });
    expect(await state(id)).toEqual(before);
    expect(added.comments).toMatchObject([{ id: added.id, author: "helen", body: "Source?", quote: "fell by half", anchorPrefix: "Levels ", anchorSuffix: " since the ban.", resolvedAt: null, anchorId: null }]);
    // The drafter typing meanwhile saves on the version she had: no conflict.
    const saved = await e.saveWorkingCopy(people.maya!, { articleId: id, baseVersion: 2, title: "Mussels", standfirst: "", body: body("Levels fell by half since the ban of bags."), topicIds: [topicId], leadMediaId: null });
    expect(saved.version).toBe(3);
    expect(((await state(id)).revisions as { author_id: number }[]).every((r) => r.author_id === people.maya!.id)).toBe(true);
  });

  it("returns the comments at once when adding, replying, resolving and reopening", async () => {
    const id = await draft("Some text.");
    const { id: thread } = await c.addComment(people.helen!, { articleId: id, body: "Whole piece: good." });
    const replied = await c.addComment(people.maya!, { articleId: id, body: "Thanks.", parentId: thread, quote: "ignored for a reply" });
    expect(replied.comments.map((x) => [x.body, x.parentId, x.quote])).toEqual([
      ["Whole piece: good.", null, null],
      ["Thanks.", thread, null],
    ]);
    const resolved = await c.resolveComment(people.maya!, { articleId: id, commentId: thread, resolved: true });
    expect(resolved[0]).toMatchObject({ resolvedBy: "maya" });
    expect(resolved[0]!.resolvedAt).toEqual(expect.any(String));
    const reopened = await c.resolveComment(people.helen!, { articleId: id, commentId: thread, resolved: false });
    expect(reopened[0]).toMatchObject({ resolvedAt: null, resolvedBy: null });
  });

  it("refuses a reply to a comment of another article", async () => {
    const one = await draft("One.");
    const two = await draft("Two.");
    const { id } = await c.addComment(people.helen!, { articleId: one, body: "On one." });
    await expect(async () => await c.addComment(people.helen!, { articleId: two, body: "Stray.", parentId: id })).rejects.toThrow(/does not exist/);
    expect(await c.getComments(people.helen!, two)).toEqual([]);
  });

  it("are not shown to, nor taken from, someone who may not open the article", async () => {
    const id = await draft("Private draft.");
    await c.addComment(people.helen!, { articleId: id, body: "Note." });
    await expect(async () => await c.getComments(people.tomas!, id)).rejects.toThrow(/does not exist/);
    await expect(async () => await c.addComment(people.tomas!, { articleId: id, body: "Sneaky.", quote: "Private" })).rejects.toThrow(/does not exist/);
    expect(await c.getComments(people.helen!, id)).toHaveLength(1);
  });
});
