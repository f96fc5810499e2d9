import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";

// The newsroom article list: search, filters, sort and pages done in SQL, within the reader's scope.
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let l: typeof import("@/lib/newsroom/article-list");
const p: Record<string, CurrentUser> = {};
const ids: Record<string, number> = {};

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  l = await import("@/lib/newsroom/article-list");
  Object.assign(p, await addStaff([["maya", "drafter"], ["tomas", "drafter"], ["helen", "reviser"], ["sam", "admin"]] as const));
  const research = await addTopic("research", "Research");
  await addTopic("campus", "Campus");
  const add = async (key: string, title: string, standfirst: string, status: string, drafter: string, updatedAt: number) => {
    const id = (await sql.get<{ id: number }>(
      "insert into articles (slug, title, standfirst, body, status, created_by, updated_at) values (?, ?, ?, '{}', ?, ?, ?) returning id",
      key, title, standfirst, status, p[drafter]!.id, new Date(updatedAt),
    ))!.id;
    await sql.run("insert into article_drafters (article_id, user_id, position) values (?, ?, 0)", id, p[drafter]!.id);
    ids[key] = id;
    return id;
  };
  await add("coral", "Coral reefs recover", "A decade of data", "published", "maya", 5_000);
  await add("ferry", "Ferry timetable changes", "New crossings at 100% capacity", "draft", "maya", 4_000);
  await add("budget", "Budget approved", "The senate votes", "in_review", "tomas", 3_000);
  await add("zebra", "zebra crossings", "Road safety", "unpublished", "tomas", 2_000);
  await add("gone", "Deleted coral piece", "", "draft", "maya", 6_000);
  await sql.run("update articles set deleted_at = ?, deleted_by = ? where id = ?", new Date(1), p.maya!.id, ids.gone);
  await sql.run("insert into article_topics (article_id, topic_id) values (?, ?)", ids.coral, research);
  await sql.run("insert into publications (article_id, slug, title, body, reviser_id, published_at, updated_at) values (?, 'coral', 'Coral reefs recover', '{}', ?, ?, ?)", ids.coral, p.helen!.id, new Date(1000), new Date(1000));
  // A piece Helen sent back: she is one of its "people" too.
  await sql.run("insert into audit_log (actor_id, action, article_id) values (?, 'article.request_changes', ?)", p.helen!.id, ids.budget);
  for (let i = 0; i < 25; i++) (await add(`bulk-${i}`, `Bulk item ${String(i).padStart(2, "0")}`, "", "draft", "tomas", 100 + i));
});
afterAll(() => cleanup());

const titles = async (who: CurrentUser, raw: Record<string, string | string[]>) => (await l.getArticleList(who, l.parseArticleListParams(raw))).rows.map((r) => r.title);

describe("what each role sees", () => {
  it("drafters see only their own articles (no person filter), revisers everything; deleted articles nobody", async () => {
    expect(await titles(p.maya!, {})).toEqual(["Coral reefs recover", "Ferry timetable changes"]);
    const list = await l.getArticleList(p.maya!, l.parseArticleListParams({}));
    expect(list.people).toEqual([]);
    expect((await l.getArticleList(p.helen!, l.parseArticleListParams({}))).total).toBe(29);
    expect(await titles(p.helen!, { q: "coral" })).toEqual(["Coral reefs recover"]);
    // A drafter asking for someone else's pieces by person still gets only their own scope.
    expect(await titles(p.tomas!, { q: "ferry", person: String(p.maya!.id) })).toEqual([]);
  });
});

describe("search and filters", () => {
  it("searches title and standfirst, every word, with % and _ taken literally", async () => {
    expect(await titles(p.helen!, { q: "senate" })).toEqual(["Budget approved"]);
    expect(await titles(p.helen!, { q: "FERRY 100%" })).toEqual(["Ferry timetable changes"]);
    expect(await titles(p.helen!, { q: "%" })).toEqual(["Ferry timetable changes"]);
    expect(await titles(p.helen!, { q: "_" })).toEqual([]);
  });

  it("filters by status, topic and person (drafter, or reviser who approved or sent it back)", async () => {
    expect(await titles(p.helen!, { status: "in_review" })).toEqual(["Budget approved"]);
    expect(await titles(p.helen!, { topic: "research" })).toEqual(["Coral reefs recover"]);
    expect(await titles(p.helen!, { topic: "campus" })).toEqual([]);
    expect((await titles(p.helen!, { person: String(p.helen!.id) })).sort()).toEqual(["Budget approved", "Coral reefs recover"]);
    expect(await titles(p.helen!, { person: String(p.maya!.id) })).toEqual(["Coral reefs recover", "Ferry timetable changes"]);
    expect(await titles(p.helen!, { person: String(p.maya!.id), status: "draft" })).toEqual(["Ferry timetable changes"]);
  });
});

describe("sort and pages", () => {
  it("sorts by title, status, publish date and last change, both ways", async () => {
    const top = async (raw: Record<string, string>) => (await titles(p.helen!, raw)).slice(0, 3);
    expect(await top({ sort: "title", dir: "asc" })).toEqual(["Budget approved", "Bulk item 00", "Bulk item 01"]);
    expect(await top({ sort: "title", dir: "desc" })).toEqual(["zebra crossings", "Ferry timetable changes", "Coral reefs recover"]);
    expect(await top({ sort: "status", dir: "desc" })).toEqual(["zebra crossings", "Coral reefs recover", "Budget approved"]);
    expect((await top({ sort: "published", dir: "desc" }))[0]).toBe("Coral reefs recover");
    expect((await top({ sort: "published", dir: "asc" }))[0]).toBe("Coral reefs recover");
    expect(await top({})).toEqual(["Coral reefs recover", "Ferry timetable changes", "Budget approved"]);
    expect(await top({ sort: "updated", dir: "asc" })).toEqual(["Bulk item 00", "Bulk item 01", "Bulk item 02"]);
  });

  it("pages by 20; a page past the end shows the last page", async () => {
    const one = await l.getArticleList(p.helen!, l.parseArticleListParams({}));
    expect([one.rows.length, one.pages]).toEqual([20, 2]);
    const two = await l.getArticleList(p.helen!, l.parseArticleListParams({ page: "2" }));
    expect(two.rows.length).toBe(9);
    expect(two.rows.map((r) => r.id)).not.toContain(one.rows[0]!.id);
    expect((await l.getArticleList(p.helen!, l.parseArticleListParams({ page: "99" }))).params.page).toBe(2);
  });
});

describe("the URL", () => {
  it("ignores invalid values instead of failing", async () => {
    expect(l.parseArticleListParams({ status: "deleted", sort: "id; drop table", dir: "sideways", page: "-3", person: "x", topic: "../etc" })).toEqual({
      q: "",
      status: null,
      topic: null,
      person: null,
      sort: "updated",
      dir: "desc",
      page: 1,
    });
    expect(l.parseArticleListParams({ q: ["a", "b"], page: "1e9" })).toMatchObject({ q: "a", page: 1 });
    // A topic or person that does not exist is dropped too.
    const list = await l.getArticleList(p.helen!, l.parseArticleListParams({ topic: "no-such-topic", person: "99999" }));
    expect([list.params.topic, list.params.person, list.total]).toEqual([null, null, 29]);
  });

  it("writes only what differs from the defaults", () => {
    const params = l.parseArticleListParams({ q: "coral reef", status: "draft", sort: "title", dir: "asc", page: "2" });
    expect(l.articleListHref(params)).toBe("/newsroom/articles?q=coral+reef&status=draft&sort=title&dir=asc&page=2");
    expect(l.articleListHref(l.parseArticleListParams({}), { page: 1 })).toBe("/newsroom/articles");
  });
});
