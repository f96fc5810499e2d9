import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";

// The audit log's filters and pages, and the media library's search and pages, against SQLite.
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let r: typeof import("@/lib/newsroom/reads");
const p: Record<string, CurrentUser> = {};

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  r = await import("@/lib/newsroom/reads");
  Object.assign(p, await addStaff([["maya", "drafter"], ["helen", "reviser"], ["sam", "admin"]] as const));
  const article = async (title: string) => ((await sql.get("insert into articles (slug, title, body) values (?, ?, '{}') returning id", title.toLowerCase().replace(/\W+/g, "-"), title)) as { id: number }).id;
  const coral = await article("Coral reefs recover");
  const ferry = await article("Ferry timetable");
  const log = async (...params: unknown[]) => await sql.run("insert into audit_log (actor_id, action, article_id, details) values (?, ?, ?, ?)", ...params);
  await log(p.maya!.id, "article.submit", coral, null);
  await log(p.helen!.id, "article.approve", coral, null);
  await log(p.maya!.id, "article.approve.refused", ferry, JSON.stringify({ code: "forbidden", message: "Not yours." }));
  for (let i = 0; i < 55; i++) await log(p.maya!.id, "article.save", ferry, null);
  const photo = async (...params: unknown[]) => await sql.run("insert into media (file_key, mime_type, width, height, bytes, alt, caption, credit, uploaded_by) values (?, 'image/jpeg', 10, 10, 1, ?, ?, '', ?)", ...params);
  await photo("k-harbour-1", "Boats at dusk", "The harbour at dusk", p.maya!.id);
  await photo("k-lab-2", "A microscope", "In the lab", p.helen!.id);
  for (let i = 0; i < 30; i++) await photo(`k-bulk-${i}`, "", "", p.sam!.id);
});
afterAll(() => cleanup());

describe("the audit log", () => {
  it("filters by person, action, refused attempts and article title or id, 50 rows a page", async () => {
    const actions = async (filter: Parameters<typeof r.getAuditLog>[1]) => (await r.getAuditLog(p.sam!, filter)).rows.map((x) => x.action);
    expect(await actions({ personId: p.helen!.id })).toEqual(["article.approve"]);
    expect(await actions({ action: "refused" })).toEqual(["article.approve.refused"]);
    expect(await actions({ action: "article.submit" })).toEqual(["article.submit"]);
    expect(await actions({ articleQuery: "coral" })).toEqual(["article.approve", "article.submit"]);
    const all = await r.getAuditLog(p.sam!, {});
    expect([all.total, all.rows.length, all.pages]).toEqual([58, 50, 2]);
    expect((await r.getAuditLog(p.sam!, { page: 2 })).rows).toHaveLength(8);
    expect((await r.getAuditLog(p.sam!, { page: 9 })).page).toBe(2);
    expect(all.actions).toContain("article.approve.refused");
    await expect(async () => await r.getAuditLog(p.helen!, {})).rejects.toThrow(/do not have access/);
  });
});

describe("the media library page", () => {
  it("finds photos by caption, alt text, file name and uploader; 24 a page", async () => {
    const keys = async (q: string) => (await r.getLibraryPage(p.maya!, q, 1)).photos.map((x) => x.fileKey);
    expect(await keys("harbour")).toEqual(["k-harbour-1"]);
    expect(await keys("microscope")).toEqual(["k-lab-2"]);
    expect(await keys("k-lab")).toEqual(["k-lab-2"]);
    expect(await keys("helen")).toEqual(["k-lab-2"]);
    expect(await keys("%")).toEqual([]);
    const first = await r.getLibraryPage(p.maya!, "", 1);
    expect([first.total, first.photos.length, first.pages]).toEqual([32, 24, 2]);
    expect((await r.getLibraryPage(p.maya!, "", 2)).photos).toHaveLength(8);
    expect((await r.getLibraryPage(p.maya!, "", 1)).photos[0]!.uploader).toBe("sam");
  });
});
