import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";
import { paragraphDoc } from "./support/content";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

/*
 * The checklist's blockers in the workflow: "Submit for review" and a resubmission are refused
 * while one remains, and so are "Approve and publish" and "Schedule", with the reasons; warnings
 * stop nothing. Against a fresh migrated database.
 */
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
const p: Record<string, CurrentUser> = {};
let topicId = 0;
let photoId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  Object.assign(p, await addStaff([["maya", "drafter"], ["helen", "reviser"]] as const));
  topicId = await addTopic("research", "Research");
  photoId = ((await sql.get("insert into media (file_key, mime_type, width, height, bytes, alt, caption, credit) values ('checkphoto01', 'image/jpeg', 1600, 1000, 1000, 'Library alt', '', '') returning id")) as { id: number }).id;
});
afterAll(() => cleanup());

const version = async (id: number) => ((await sql.get("select version from articles where id = ?", id)) as { version: number }).version;
const status = async (id: number) => ((await sql.get("select status from articles where id = ?", id)) as { status: string }).status;
const slugOf = async (id: number) => ((await sql.get("select slug from articles where id = ?", id)) as { slug: string }).slug;
const act = async (who: CurrentUser, id: number, action: import("@/lib/workflow").WorkflowAction, extra: Record<string, unknown> = {}) =>
  await t.applyTransition(who, { articleId: id, action, baseVersion: (await version(id)), ...extra });
const save = async (who: CurrentUser, id: number, body: unknown, over: Record<string, unknown> = {}) =>
  await e.saveWorkingCopy(who, { articleId: id, baseVersion: (await version(id)), title: (await sql.get<{ title: string }>("select title from articles where id = ?", id))!.title, standfirst: "", body, topicIds: [topicId], leadMediaId: null, ...over });
const withPhoto = (alt: string) => ({ type: "doc", content: [paragraphDoc("The ice is moving.").content[0], { type: "image", attrs: { mediaId: photoId, alt, caption: "", credit: null } }] });
const linking = (href: string, words = "the earlier piece") => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "See " }, { type: "text", text: words, marks: [{ type: "link", attrs: { href } }] }, { type: "text", text: "." }] }],
});
async function draft(title: string, body: unknown) {
  const id = await e.createDraft(p.maya!, title);
  await save(p.maya!, id, body);
  return id;
}

describe("blockers stop the workflow, with the reason", () => {
  it("refuses to submit a photo whose alt text is a file name; fixing it lets it through", async () => {
    const id = await draft("Glacier survey", withPhoto("IMG_0042.jpg"));
    await expect(async () => await act(p.maya!, id, "submit")).rejects.toThrow("Not ready for review: Photo 1: the alt text “IMG_0042.jpg” looks like a file name; say what the photo shows.");
    expect(await status(id)).toBe("draft");
    const refused = (await sql.get("select action, details from audit_log where article_id = ? and action like '%refused' order by id desc", id)) as { action: string; details: string };
    expect(refused.action).toBe("article.submit.refused");
    expect(JSON.parse(refused.details).message).toMatch(/IMG_0042/);
    await save(p.maya!, id, withPhoto("Two researchers on the glacier"));
    expect((await act(p.maya!, id, "submit")).to).toBe("in_review");
  });

  it("refuses links into the newsroom, by path or with the site's host", async () => {
    const id = await draft("Newsroom link", linking("/newsroom/articles/1", "the draft"));
    await expect(async () => await act(p.maya!, id, "submit")).rejects.toThrow("Not ready for review: The link “the draft” goes to /newsroom/articles/1, which readers cannot open.");
    await save(p.maya!, id, linking("http://localhost:3000/login"));
    await expect(async () => await act(p.maya!, id, "submit")).rejects.toThrow(/goes to \/login, which readers cannot open/);
    await save(p.maya!, id, linking("https://elsewhere.example.org/newsroom"));
    expect((await act(p.maya!, id, "submit")).to).toBe("in_review");
  });

  it("refuses a link to an article that is not live, until it is; a former slug of a live one is fine", async () => {
    const target = await draft("Earlier piece", paragraphDoc("Earlier."));
    const targetSlug = await slugOf(target);
    const id = await draft("Follow-up", linking(`/news/${targetSlug}`));
    // The expected message is made first: `.rejects` starts the call at once, so an await in the
    // matcher's argument would leave its rejection without a handler meanwhile.
    await expect(async () => await act(p.maya!, id, "submit")).rejects.toThrow(`Not ready for review: The link “the earlier piece” goes to /news/${targetSlug}, which is not published.`);
    await act(p.maya!, target, "submit");
    await act(p.helen!, target, "approve");
    expect((await act(p.maya!, id, "submit")).to).toBe("in_review");
    // A renamed live article keeps its old address as a redirect: links to it still work.
    const old = await slugOf(target);
    await act(p.helen!, target, "edit_again");
    await sql.run("insert into slug_redirects (slug, article_id) values (?, ?)", `${old}-before`, target);
    await act(p.helen!, id, "request_changes", { comment: "Link the old address." });
    await save(p.maya!, id, linking(`/news/${old}-before`));
    expect((await act(p.maya!, id, "submit")).to).toBe("in_review");
  });

  it("refuses a link to a topic page that does not exist; the real topic's page is fine", async () => {
    const id = await draft("Topic link check", linking("/topics/reserch", "the research section"));
    await expect(async () => await act(p.maya!, id, "submit")).rejects.toThrow("Not ready for review: The link “the research section” goes to /topics/reserch, which is not one of the site's topics.");
    expect(await status(id)).toBe("draft");
    await save(p.maya!, id, linking("/topics/research", "the research section"));
    expect((await act(p.maya!, id, "submit")).to).toBe("in_review");
  });

  it("refuses approval and scheduling when a blocker appeared after submission (a reviser's edit, a piece taken down)", async () => {
    const target = await draft("Piece to unpublish", paragraphDoc("Soon gone."));
    await act(p.maya!, target, "submit");
    await act(p.helen!, target, "approve");
    const targetSlug = await slugOf(target);
    const id = await draft("Depends on it", linking(`/news/${targetSlug}`));
    await act(p.maya!, id, "submit");
    await act(p.helen!, target, "unpublish");
    await expect(async () => await act(p.helen!, id, "approve")).rejects.toThrow(`Not ready to publish: The link “the earlier piece” goes to /news/${targetSlug}, which is not published.`);
    await expect(async () => await act(p.helen!, id, "schedule", { scheduledFor: new Date(Date.now() + 3_600_000) })).rejects.toThrow(/^Not ready to publish:/);
    expect(await status(id)).toBe("in_review");
    // The reviser fixes it in review, and then it goes live.
    await save(p.helen!, id, linking("/newsroom", "the dashboard"));
    await expect(async () => await act(p.helen!, id, "approve")).rejects.toThrow(/which readers cannot open/);
    await save(p.helen!, id, paragraphDoc("No link now."));
    expect((await act(p.helen!, id, "approve")).to).toBe("published");
  });

  it("lets warnings through: vague link text, a short title, no standfirst, headings out of order, no lead image", async () => {
    const body = { type: "doc", content: [{ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Later" }] }, ...linking("https://example.org", "click here").content] };
    const id = await draft("Short", body);
    expect((await act(p.maya!, id, "submit")).to).toBe("in_review");
    expect((await act(p.helen!, id, "approve")).to).toBe("published");
  });

  it("refuses a resubmission that lost its topic, naming it", async () => {
    const id = await draft("Topic kept", paragraphDoc("Text."));
    await act(p.maya!, id, "submit");
    await act(p.helen!, id, "request_changes", { comment: "Shorter." });
    await save(p.maya!, id, paragraphDoc("Text."), { topicIds: [] });
    await expect(async () => await act(p.maya!, id, "submit")).rejects.toThrow("Not ready for review: Choose at least one topic.");
    expect(await status(id)).toBe("changes_requested");
  });
});
