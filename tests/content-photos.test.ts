import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateBody } from "@/lib/content/validate";
import type { CurrentUser } from "@/lib/permissions";
import { useFreshDatabase } from "./support/temp-db";

// Photos in articles: credits per placement, the lead image from the library, focal points
// (the lead's own words: tests/lead-placement.test.ts).
let cleanup: () => Promise<void>;
let e: typeof import("@/lib/articles/editing");
let m: typeof import("@/lib/media/describe");
let sql: import("./support/sql").RawSql;
let maya: CurrentUser;
let topicId = 0;

const insertPhoto = async (key: string, credit = "") =>
  ((await sql.get("insert into media (file_key, mime_type, width, height, bytes, alt, caption, credit) values (?, 'image/jpeg', 1600, 1000, 1000, '', '', ?) returning id", key, credit)) as { id: number }).id;
const photoRow = async (id: number) => (await sql.get('select alt, caption, credit, focal_x as "focalX", focal_y as "focalY" from media where id = ?', id)) as { alt: string; caption: string; credit: string; focalX: number; focalY: number };
const image = (attrs: Record<string, unknown>) => ({ type: "doc", content: [{ type: "image", attrs }] });
const problems = (body: unknown) => {
  const r = validateBody(body);
  return r.ok ? [] : r.problems;
};

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  e = await import("@/lib/articles/editing");
  m = await import("@/lib/media/describe");
  const id = ((await sql.get("insert into users (email, name, role) values ('maya@example.edu', 'Maya', 'drafter') returning id")) as { id: number }).id;
  maya = { id, name: "Maya", email: "maya@example.edu", role: "drafter" };
  topicId = ((await sql.get("insert into topics (slug, name) values ('research', 'Research') returning id")) as { id: number }).id;
});
afterAll(() => cleanup());

const save = async (articleId: number, baseVersion: number, body: unknown, leadMediaId: number | null) =>
  await e.saveWorkingCopy(maya, { articleId, baseVersion, title: "Photos", standfirst: "", body, topicIds: [topicId], leadMediaId });

describe("the credit of a placed photo", () => {
  it("is plain text of at most 200 characters, or null for the library's", () => {
    expect(problems(image({ mediaId: 1, alt: "A", caption: "C", credit: "Photo: Ada Lovelace" }))).toEqual([]);
    expect(problems(image({ mediaId: 1, alt: "A", caption: "C", credit: null }))).toEqual([]);
    expect(problems(image({ mediaId: 1, credit: "x".repeat(201) })).join(" ")).toContain("credit is longer than 200 characters");
    expect(problems(image({ mediaId: 1, credit: "<b>Photo</b>" })).join(" ")).toContain("credit must be plain text");
    expect(problems(image({ mediaId: 1, credit: 5 })).join(" ")).toContain("credit must be text");
  });

  it("typed for a photo with no library credit, becomes the library's", async () => {
    const photo = await insertPhoto("credit000001");
    const id = await e.createDraft(maya, "Credits");
    await save(id, 1, image({ mediaId: photo, alt: "Rowers at dawn", caption: "On the river", credit: "Photo: Sam Lee" }), null);
    expect(await photoRow(photo)).toMatchObject({ alt: "Rowers at dawn", caption: "On the river", credit: "Photo: Sam Lee" });
  });
});

describe("the lead image", () => {
  it("may be any photo of the library, not only one of the body's", async () => {
    const inBody = await insertPhoto("lead00000001");
    const elsewhere = await insertPhoto("lead00000002");
    const id = await e.createDraft(maya, "Lead from the library");
    await save(id, 1, image({ mediaId: inBody, alt: "A", caption: "" }), elsewhere);
    expect(((await sql.get("select lead_media_id as lead from articles where id = ?", id)) as { lead: number }).lead).toBe(elsewhere);
  });

  it("must exist: an unknown photo is refused with a message and nothing changes", async () => {
    const id = await e.createDraft(maya, "Missing lead");
    await expect(async () => await save(id, 1, { type: "doc", content: [{ type: "paragraph" }] }, 999_999)).rejects.toThrow(/lead image is no longer in the media library/);
    expect(((await sql.get("select version, lead_media_id as lead from articles where id = ?", id)) as { version: number; lead: number | null })).toEqual({ version: 1, lead: null });
  });
});

describe("the focal point", () => {
  it("is stored per photo, 50 % / 50 % until set", async () => {
    const photo = await insertPhoto("focal0000001");
    expect(await photoRow(photo)).toMatchObject({ focalX: 50, focalY: 50 });
    await m.setFocalPoint(maya, m.focalPointSchema.parse({ mediaId: String(photo), focalX: "20", focalY: "85" }));
    expect(await photoRow(photo)).toMatchObject({ focalX: 20, focalY: 85 });
    const audit = (await sql.get("select details from audit_log where action = 'media.focal_point' order by id desc limit 1")) as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ mediaId: photo, focalX: 20, focalY: 85 });
  });

  it.each([
    ["above 100", { focalX: 101, focalY: 50 }],
    ["below 0", { focalX: 50, focalY: -1 }],
    ["a fraction", { focalX: 12.5, focalY: 50 }],
    ["not a number", { focalX: "left", focalY: 50 }],
  ])("refuses a value %s", (_name, values) => {
    expect(m.focalPointSchema.safeParse({ mediaId: 1, ...values }).success).toBe(false);
  });

  it("refuses a photo that is not in the library", async () => {
    await expect(async () => await m.setFocalPoint(maya, { mediaId: 999_999, focalX: 10, focalY: 10 })).rejects.toThrow(/no longer in the media library/);
  });
});
