import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the demo seed on a fresh database, and that it never writes into a used one.
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
});
afterAll(() => cleanup());

describe("demo seed", () => {
  it("fills an empty database with at least 30 live articles over 5+ topics and several months", async () => {
    const { seedDemoContent } = await import("@/db/seed");
    const { getSqlite } = await import("@/db/client");
    expect(await seedDemoContent("a-demo-password-for-tests")).toBe(true);
    const db = getSqlite();
    const one = <T>(sql: string) => db.prepare(sql).get() as T;
    expect(one<{ n: number }>("select count(*) n from publications").n).toBeGreaterThanOrEqual(30);
    expect(one<{ n: number }>("select count(distinct topic_id) n from publication_topics").n).toBeGreaterThanOrEqual(5);
    expect(
      one<{ n: number }>("select count(distinct strftime('%Y-%m', published_at / 1000, 'unixepoch')) n from publications").n,
    ).toBeGreaterThanOrEqual(4);
    // Several articles carry 2–4 inline photographs, each with alt text and a caption.
    const withPhotos = db
      .prepare("select count(*) n from publication_media pm join publications p on p.article_id = pm.article_id and pm.media_id <> p.lead_media_id group by pm.article_id having n between 2 and 4")
      .all();
    expect(withPhotos.length).toBeGreaterThanOrEqual(5);
    expect(one<{ n: number }>("select count(*) n from media where alt = '' or caption = ''").n).toBe(0);
    // Drafts and articles under review exist but have no live version.
    const hidden = db.prepare("select status, (select count(*) from publications p where p.article_id = a.id) live from articles a where status <> 'published'").all() as { status: string; live: number }[];
    expect(hidden.map((h) => h.status)).toEqual(expect.arrayContaining(["draft", "in_review"]));
    expect(hidden.every((h) => h.live === 0)).toBe(true);
    // Every live article credits a drafter and a reviser who is not that drafter.
    expect(
      one<{ n: number }>(
        "select count(*) n from publications p where p.reviser_id is null or p.reviser_id in (select user_id from article_drafters d where d.article_id = p.article_id)",
      ).n,
    ).toBe(0);
  });

  it("gives the four demo accounts the demo password and nobody else a password", async () => {
    const { getSqlite } = await import("@/db/client");
    const { verifyPassword } = await import("@/lib/auth/password");
    const rows = getSqlite().prepare("select email, password_hash as hash from users order by id").all() as { email: string; hash: string | null }[];
    const withPassword = rows.filter((r) => r.hash).map((r) => r.email);
    expect(withPassword.sort()).toEqual(["admin@example.edu", "drafter2@example.edu", "drafter@example.edu", "reviser@example.edu"]);
    const admin = rows.find((r) => r.email === "admin@example.edu")!;
    expect(admin.hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.hash, "a-demo-password-for-tests")).toBe(true);
    expect(await verifyPassword(admin.hash, "a-demo-password-for-test")).toBe(false);
  });

  it("does not touch a database that already has content", async () => {
    const { seedDemoContent } = await import("@/db/seed");
    const { getSqlite } = await import("@/db/client");
    const db = getSqlite();
    db.prepare("update articles set title = 'Edited by a person' where id = 1").run();
    const before = (db.prepare("select count(*) n from articles").get() as { n: number }).n;
    expect(await seedDemoContent("a-demo-password-for-tests")).toBe(false);
    expect((db.prepare("select count(*) n from articles").get() as { n: number }).n).toBe(before);
    expect((db.prepare("select title from articles where id = 1").get() as { title: string }).title).toBe("Edited by a person");
  });
});
