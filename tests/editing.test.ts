import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { useFreshDatabase } from "./support/temp-db";

// Integration: saving working copies against a fresh migrated database.
let cleanup: () => Promise<void>;
let e: typeof import("@/lib/articles/editing");
let sql: import("./support/sql").RawSql;
const people: Record<string, CurrentUser> = {};
let topicId = 0;

const body = (...paragraphs: string[]) => ({ type: "doc", content: paragraphs.map((t) => ({ type: "paragraph", content: [{ type: "text", text: t }] })) });

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  e = await import("@/lib/articles/editing");
  for (const [key, role] of [["maya", "drafter"], ["tomas", "drafter"], ["helen", "reviser"]] as const) {
    const id = ((await sql.get("insert into users (email, name, role) values (?, ?, ?) returning id", `${key}@example.edu`, key, role)) as { id: number }).id;
    people[key] = { id, name: key, email: `${key}@example.edu`, role };
  }
  topicId = ((await sql.get("insert into topics (slug, name) values ('research', 'Research') returning id")) as { id: number }).id;
});
afterAll(() => cleanup());

function input(articleId: number, baseVersion: number, text: string, title = "A title") {
  return { articleId, baseVersion, title, standfirst: "", body: body(text), topicIds: [topicId], leadMediaId: null };
}
const revisionCount = async (id: number) => ((await sql.get("select count(*) n from revisions where article_id = ?", id)) as { n: number }).n;
const row = async (id: number) => (await sql.get("select title, body, version, slug from articles where id = ?", id)) as { title: string; body: string; version: number; slug: string };

describe("saving the working copy", () => {
  it("saves, bumps the version and follows the title with the slug while unpublished", async () => {
    const id = await e.createDraft(people.maya!, "");
    const saved = await e.saveWorkingCopy(people.maya!, input(id, 1, "First words.", "Ferry timetable changes"));
    expect(saved.version).toBe(2);
    expect(await row(id)).toMatchObject({ title: "Ferry timetable changes", version: 2, slug: "ferry-timetable-changes" });
    expect(JSON.parse((await row(id)).body).content[0].content[0].text).toBe("First words.");
  });

  it("refuses a save based on an old version and hands back the newer copy; nothing is overwritten", async () => {
    const id = await e.createDraft(people.maya!, "Race");
    await e.saveWorkingCopy(people.maya!, input(id, 1, "Tab one wrote this."));
    let caught: unknown;
    try {
      await e.saveWorkingCopy(people.maya!, input(id, 1, "Tab two wrote this."));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(e.ConflictError);
    const current = (caught as InstanceType<typeof e.ConflictError>).current;
    expect(current.version).toBe(2);
    expect(JSON.stringify(current.body)).toContain("Tab one wrote this.");
    expect((await row(id)).body).toContain("Tab one wrote this.");
    expect((await row(id)).body).not.toContain("Tab two");
  });

  it("answers a save sent again after its answer was lost as the first save was answered, and stores nothing twice", async () => {
    // The instance stored the save and died before answering; the editor sends the same save,
    // still based on the version it had.
    const id = await e.createDraft(people.maya!, "Lost answer");
    const first = await e.saveWorkingCopy(people.maya!, input(id, 1, "Words that were stored."));
    const audits = async () => ((await sql.get("select count(*) n from audit_log where article_id = ?", id)) as { n: number }).n;
    const [revisions, audited] = [await revisionCount(id), await audits()];
    expect(await e.saveWorkingCopy(people.maya!, input(id, 1, "Words that were stored."))).toEqual(first);
    expect((await row(id)).version).toBe(2);
    expect([await revisionCount(id), await audits()]).toEqual([revisions, audited]);
    // The same words with the topics in another order (another primary topic) are another save.
    const second = ((await sql.get("insert into topics (slug, name) values ('campus', 'Campus') returning id")) as { id: number }).id;
    const both = (order: number[]) => ({ ...input(id, 1, "Words that were stored."), topicIds: order });
    await sql.run("insert into article_topics (article_id, topic_id, position) values (?, ?, 1)", id, second);
    await sql.run("update revisions set topic_ids = ? where id = ?", JSON.stringify([topicId, second]), first.revisionId);
    expect((await e.saveWorkingCopy(people.maya!, both([topicId, second]))).version).toBe(2);
    await expect(async () => await e.saveWorkingCopy(people.maya!, both([second, topicId]))).rejects.toThrow(e.ConflictError);
    // Other words on the same old base are still a conflict, and so is the same save by someone else.
    await expect(async () => await e.saveWorkingCopy(people.maya!, input(id, 1, "Different words."))).rejects.toThrow(e.ConflictError);
    await sql.run("insert into article_drafters (article_id, user_id) values (?, ?)", id, people.tomas!.id);
    await expect(async () => await e.saveWorkingCopy(people.tomas!, input(id, 1, "Words that were stored."))).rejects.toThrow(e.ConflictError);
  });

  it("does not take a repeat for a save when a later save came between", async () => {
    const id = await e.createDraft(people.maya!, "Two saves");
    await e.saveWorkingCopy(people.maya!, input(id, 1, "First."));
    await e.saveWorkingCopy(people.maya!, input(id, 2, "Second."));
    await expect(async () => await e.saveWorkingCopy(people.maya!, input(id, 1, "First."))).rejects.toThrow(e.ConflictError);
    expect(JSON.parse((await row(id)).body).content[0].content[0].text).toBe("Second.");
  });

  it("folds quick saves by the same person into one revision, but not across people, time or a conflict", async () => {
    const id = await e.createDraft(people.maya!, "Folding");
    const t0 = Date.now();
    await e.saveWorkingCopy(people.maya!, input(id, 1, "a"), "save", new Date(t0 + 1000));
    await e.saveWorkingCopy(people.maya!, input(id, 2, "ab"), "save", new Date(t0 + 2000));
    expect(await revisionCount(id)).toBe(1);
    await e.saveWorkingCopy(people.maya!, { ...input(id, 3, "abc"), noFold: true }, "save", new Date(t0 + 3000));
    expect(await revisionCount(id)).toBe(2);
    await e.saveWorkingCopy(people.maya!, input(id, 4, "abcd"), "save", new Date(t0 + e.FOLD_WINDOW_MS + 5000));
    expect(await revisionCount(id)).toBe(3);
    const latest = (await sql.get("select version, body from revisions where article_id = ? order by id desc limit 1", id)) as { version: number; body: string };
    expect(latest.version).toBe(5);
    expect(latest.body).toContain("abcd");
  });

  it("refuses an invalid body naming the problem, and stores nothing", async () => {
    const id = await e.createDraft(people.maya!, "Invalid");
    const before = JSON.stringify([await row(id), await revisionCount(id)]);
    const bad = { ...input(id, 1, "x"), body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] } };
    await expect(async () => await e.saveWorkingCopy(people.maya!, bad)).rejects.toThrow(/href must be/);
    await expect(async () => await e.saveWorkingCopy(people.maya!, { ...input(id, 1, "x"), topicIds: [9999] })).rejects.toThrow(/topics does not exist/);
    await expect(async () => await e.saveWorkingCopy(people.maya!, { ...input(id, 1, "x"), leadMediaId: 9999 })).rejects.toThrow(/no longer in the media library/);
    expect(JSON.stringify([await row(id), await revisionCount(id)])).toBe(before);
  });

  it("lets only the drafter edit a draft; others get not-found or forbidden", async () => {
    const id = await e.createDraft(people.maya!, "Mine");
    await expect(async () => await e.saveWorkingCopy(people.tomas!, input(id, 1, "x"))).rejects.toThrow(/does not exist or is not yours/);
    await expect(async () => await e.saveWorkingCopy(people.helen!, input(id, 1, "x"))).rejects.toThrow(/cannot be edited by you/);
    await sql.run("update articles set status = 'in_review' where id = ?", id);
    await expect(async () => await e.saveWorkingCopy(people.maya!, input(id, 1, "x"))).rejects.toThrow(/cannot be edited by you/);
    const saved = await e.saveWorkingCopy(people.helen!, input(id, 1, "Corrected by the reviser."));
    expect(saved.version).toBe(2);
    const kinds = (await sql.all("select kind, author_id from revisions where article_id = ? order by id", id)) as { kind: string; author_id: number }[];
    expect(kinds.at(-1)).toEqual({ kind: "review_edit", author_id: people.helen!.id });
  });

  it("restores an old revision as a new one, keeping the history", async () => {
    const id = await e.createDraft(people.maya!, "Restore me");
    const first = (await sql.get("select id from revisions where article_id = ?", id)) as { id: number };
    await e.saveWorkingCopy(people.maya!, input(id, 1, "Second thoughts."), "save", new Date(Date.now() + e.FOLD_WINDOW_MS + 1000));
    expect(await revisionCount(id)).toBe(2);
    await e.restoreRevision(people.maya!, { articleId: id, revisionId: first.id, baseVersion: 2 });
    expect(await revisionCount(id)).toBe(3);
    expect(await row(id)).toMatchObject({ title: "Restore me", version: 3 });
    expect((await row(id)).body).not.toContain("Second thoughts");
  });
});

describe("compareVersions", () => {
  it("marks added and removed words in title, body and captions", async () => {
    const { compareVersions } = await import("@/lib/articles/diff");
    const before = { title: "Ferry changes", standfirst: "", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Boats leave at nine." }] }, { type: "image", attrs: { mediaId: 1, alt: "A boat", caption: "The old ferry" } }] } };
    const after = { title: "Ferry timetable changes", standfirst: "", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Boats leave at ten." }] }, { type: "image", attrs: { mediaId: 1, alt: "A boat", caption: "The new ferry" } }] } };
    const [title, standfirst, text] = compareVersions(before, after);
    expect(title!.parts.filter((p) => p.change === "added").map((p) => p.text.trim())).toEqual(["timetable"]);
    expect(standfirst!.changed).toBe(false);
    const [paragraph, photo] = text!.blocks!;
    expect(paragraph!.parts!.filter((p) => p.change === "removed").map((p) => p.text)).toEqual(["nine"]);
    expect(paragraph!.parts!.filter((p) => p.change === "added").map((p) => p.text)).toEqual(["ten"]);
    expect(photo!.photo!.caption.filter((p) => p.change !== "same").map((p) => `${p.change}:${p.text}`)).toEqual(["removed:old", "added:new"]);
  });
});
