import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { changeSlugSchema } from "@/lib/validation/article";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";
import { paragraphDoc as body } from "./support/content";

// Integration: the URL of an article, editable until it is first published, then fixed.
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
const p: Record<string, CurrentUser> = {};
let topicId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  Object.assign(p, await addStaff([["maya", "drafter"], ["helen", "reviser"], ["omar", "drafter"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(() => cleanup());

const row = async (id: number) => (await sql.get("select slug, version, status from articles where id = ?", id)) as { slug: string; version: number; status: string };
const save = async (who: CurrentUser, id: number, title: string) =>
  await e.saveWorkingCopy(who, { articleId: id, baseVersion: (await row(id)).version, title, standfirst: "", body: body("Text."), topicIds: [topicId], leadMediaId: null });
const act = async (who: CurrentUser, id: number, action: import("@/lib/workflow").WorkflowAction) => await t.applyTransition(who, { articleId: id, action, baseVersion: (await row(id)).version });

describe("the slug field's input", () => {
  it("accepts lowercase letters, digits and single hyphens; refuses anything else with a clear message", () => {
    expect(changeSlugSchema.safeParse({ articleId: "1", slug: "new-lab-opens-2026" }).success).toBe(true);
    for (const bad of ["New-Lab", "new lab", "new--lab", "-new", "new-", "ny-lab-på-campus", "", "a".repeat(81), "../etc"]) {
      const parsed = changeSlugSchema.safeParse({ articleId: "1", slug: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/lowercase letters|Enter the URL|under 80/);
    }
  });
});

describe("changing the slug", () => {
  it("follows the title until set by hand, then stays; the change is audited and the version unchanged", async () => {
    const id = await e.createDraft(p.maya!, "");
    await save(p.maya!, id, "Glacier retreat");
    expect((await row(id)).slug).toBe("glacier-retreat");
    expect(await e.getSlugState(p.maya!, id)).toEqual({ slug: "glacier-retreat", editable: true, followsTitle: true, fixed: false });
    const version = (await row(id)).version;
    expect(await e.changeSlug(p.maya!, { articleId: id, slug: "glaciers-2026" })).toBe("glaciers-2026");
    expect(await row(id)).toMatchObject({ slug: "glaciers-2026", version });
    await save(p.maya!, id, "Glacier retreat, measured");
    expect((await row(id)).slug).toBe("glaciers-2026");
    const slugged = await sql.get<{ details: string }>("select details from audit_log where article_id = ? and action = 'article.slug'", id);
    expect(JSON.parse(slugged!.details)).toEqual({ from: "glacier-retreat", to: "glaciers-2026" });
  });

  it("refuses a slug another article uses, or a former URL, and changes nothing", async () => {
    const a = await e.createDraft(p.maya!, "Taken slug");
    const b = await e.createDraft(p.maya!, "Other piece");
    await expect(async () => await e.changeSlug(p.maya!, { articleId: b, slug: (await row(a)).slug })).rejects.toThrow(/Another article already uses \/news\/taken-slug/);
    await sql.run("insert into slug_redirects (slug, article_id) values ('an-old-url', ?)", a);
    await expect(async () => await e.changeSlug(p.maya!, { articleId: b, slug: "an-old-url" })).rejects.toThrow(/already uses/);
    expect((await row(b)).slug).toBe("other-piece");
  });

  it("only someone who may edit the article now may change it", async () => {
    const id = await e.createDraft(p.maya!, "Not yours");
    await expect(async () => await e.changeSlug(p.omar!, { articleId: id, slug: "mine-now" })).rejects.toThrow(/does not exist or is not yours/);
    await save(p.maya!, id, "Not yours");
    await act(p.maya!, id, "submit");
    await expect(async () => await e.changeSlug(p.maya!, { articleId: id, slug: "in-review-now" })).rejects.toThrow(/cannot be edited by you/);
    expect(await e.changeSlug(p.helen!, { articleId: id, slug: "revised-url" })).toBe("revised-url");
  });

  it("is fixed once published, also after an unpublish and a new version with another title", async () => {
    const id = await e.createDraft(p.maya!, "Published once");
    await save(p.maya!, id, "Published once");
    await act(p.maya!, id, "submit");
    await act(p.helen!, id, "approve");
    expect(await e.getSlugState(p.helen!, id)).toEqual({ slug: "published-once", editable: false, followsTitle: false, fixed: true });
    await act(p.helen!, id, "unpublish");
    await act(p.maya!, id, "edit_again");
    await expect(async () => await e.changeSlug(p.maya!, { articleId: id, slug: "something-else" })).rejects.toThrow(/fixed once an article has been published/);
    await save(p.maya!, id, "A new headline");
    expect((await row(id)).slug).toBe("published-once");
  });
});
