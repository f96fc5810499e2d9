import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawSql, type RawSql } from "./support/sql";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the demo seed (scripts/seed/) on a fresh database, that it writes through the
// newsroom's own functions, and that it never writes into a used one.
let cleanup: () => Promise<void>;
let db: RawSql;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  db = await rawSql();
});
const count = async (text: string) => (await db.get<{ n: number }>(text))!.n;
afterAll(() => cleanup());

// The seed makes 75 photographs with sharp: about 40 s on an idle machine, so a busy one needs room.
describe("demo seed", { timeout: 180_000 }, () => {
  it("fills an empty database with at least 30 live articles over 5+ topics and several months", async () => {
    const { seedDemoContent } = await import("@/scripts/seed/seed");
    expect(await seedDemoContent("a-demo-password-for-tests")).toBe(true);
    expect(await count("select count(*) n from publications")).toBeGreaterThanOrEqual(30);
    expect(await count("select count(distinct topic_id) n from publication_topics")).toBeGreaterThanOrEqual(5);
    const months = (await db.all<{ at: number }>("select published_at at from publications")).map((r) => new Date(r.at).toISOString().slice(0, 7));
    expect(new Set(months).size).toBeGreaterThanOrEqual(4);
    // Several articles carry 2–4 inline photographs, each with alt text and a caption.
    const withPhotos = await db.all(
      "select pm.article_id from publication_media pm join publications p on p.article_id = pm.article_id and pm.media_id <> p.lead_media_id group by pm.article_id having count(*) between 2 and 4",
    );
    expect(withPhotos.length).toBeGreaterThanOrEqual(5);
    expect(await count("select count(*) n from media where alt = '' or caption = ''")).toBe(0);
    // Drafts and articles under review exist but have no live version.
    const hidden = await db.all<{ status: string; live: number }>("select status, (select count(*) from publications p where p.article_id = a.id) live from articles a where status <> 'published'");
    expect(hidden.map((h) => h.status)).toEqual(expect.arrayContaining(["draft", "in_review"]));
    expect(hidden.every((h) => h.live === 0)).toBe(true);
    // Every live article credits a drafter and a reviser who is not that drafter.
    expect(await count("select count(*) n from publications p where p.reviser_id is null or p.reviser_id in (select user_id from article_drafters d where d.article_id = p.article_id)")).toBe(0);
  });

  it("gives the four demo accounts the demo password and nobody else a password", async () => {
    const { verifyPassword } = await import("@/lib/auth/password");
    const rows = await db.all<{ email: string; hash: string | null }>("select email, password_hash as hash from users order by id");
    const withPassword = rows.filter((r) => r.hash).map((r) => r.email);
    expect(withPassword.sort()).toEqual(["admin@example.edu", "drafter2@example.edu", "drafter@example.edu", "reviser@example.edu"]);
    const admin = rows.find((r) => r.email === "admin@example.edu")!;
    expect(admin.hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.hash, "a-demo-password-for-tests")).toBe(true);
    expect(await verifyPassword(admin.hash, "a-demo-password-for-test")).toBe(false);
  });

  it("writes through the newsroom's own steps: each live version approved by its reviser, each piece drafted and saved", async () => {
    // The approval that made each live version, by the credited reviser at its publication time.
    expect(await count("select count(*) n from publications p where not exists (select 1 from audit_log a where a.article_id = p.article_id and a.action = 'article.approve' and a.actor_id = p.reviser_id and a.at = p.published_at)"),
    ).toBe(0);
    // Every article was created and saved by its drafter (an assigned one is started by the
    // reviser who assigned it, and not written yet); every photograph uploaded by someone.
    const written = "articles a where not exists (select 1 from assignments s where s.article_id = a.id)";
    expect(await count(`select count(*) n from ${written} and not exists (select 1 from audit_log l join article_drafters d on d.article_id = a.id and d.user_id = l.actor_id where l.article_id = a.id and l.action = 'article.create')`)).toBe(0);
    expect(await count(`select count(*) n from ${written} and not exists (select 1 from revisions r where r.article_id = a.id and r.kind = 'save' and r.body = a.body)`)).toBe(0);
    expect(await count("select count(*) n from audit_log where action = 'media.upload'")).toBe(await count("select count(*) n from media"));
    // The piece sent back carries the reviser's comment, and its drafter has been told.
    const sentBack = await db.all<{ body: string; told: number }>(
      "select c.body, (select count(*) from notifications n where n.article_id = a.id and n.kind = 'changes_requested' and n.read_at is null and n.user_id = a.created_by) told from articles a join comments c on c.article_id = a.id where a.status = 'changes_requested'",
    );
    expect(sentBack).toEqual([{ body: expect.stringContaining("humanities figure"), told: 1 }]);
    // The archive's notices are old news: only work in progress is unread.
    expect(await count("select count(*) n from notifications n join articles a on a.id = n.article_id where n.read_at is null and a.status = 'published'")).toBe(0);
  });

  it("has stories assigned by the reviser, each the drafter's draft, and a live correction on one article", async () => {
    const assigned = await db.all<{ title: string; due: number; drafter: string; status: string; told: number; audited: number }>(
      `select s.working_title title, s.due_at due, u.email drafter, a.status, (select count(*) from notifications n where n.article_id = a.id and n.user_id = s.drafter_id and n.kind = 'assignment') told,
                (select count(*) from audit_log l join users r on r.id = l.actor_id where l.article_id = a.id and l.action = 'assignment.create' and r.email = 'reviser@example.edu') audited
           from assignments s join articles a on a.id = s.article_id join users u on u.id = s.drafter_id
           join article_drafters d on d.article_id = a.id and d.user_id = s.drafter_id order by s.due_at`,
    );
    expect(assigned.map((a) => [a.drafter, a.status, a.told, a.audited])).toEqual([
      ["kwame.mensah@example.edu", "draft", 1, 1],
      ["drafter2@example.edu", "draft", 1, 1],
    ]);
    for (const a of assigned) expect(a.due).toBeGreaterThan(Date.now());
    const notes = await db.all<{ kind: string; text: string; published_at: number | null; withdrawn_at: number | null; title: string }>(
      "select n.kind, n.text, n.published_at, n.withdrawn_at, p.title from article_notes n join publications p on p.article_id = n.article_id",
    );
    expect(notes).toEqual([{ kind: "correction", text: expect.stringContaining("compost"), published_at: expect.any(Number), withdrawn_at: null, title: expect.stringContaining("Tanner’s Lane") }]);
  });

  it("does not touch a database that already has content", async () => {
    const { seedDemoContent } = await import("@/scripts/seed/seed");
    expect(await db.run("update articles set title = 'Edited by a person' where id = 1")).toBe(1);
    const before = await count("select count(*) n from articles");
    expect(await seedDemoContent("a-demo-password-for-tests")).toBe(false);
    expect(await count("select count(*) n from articles")).toBe(before);
    expect(await db.get("select title from articles where id = 1")).toEqual({ title: "Edited by a person" });
  });
});

/*
 * What each generated scene shows (scripts/seed/content/photos.ts draws them; every scene was looked
 * at), and things it never shows. A demo photo's alt text must name what the picture shows, and
 * neither its alt text nor what its caption says the picture is may be something the scene lacks.
 */
const SCENES: Record<string, { shows: RegExp; never: RegExp }> = {
  campus: { shows: /clock tower/, never: /boathouse|tents|bunting|flags|banners|queue|chamber/i },
  harbor: { shows: /harbour/, never: /barge|mudflats|divers|pontoon|sculptures|outlet|intake|wall with|fishing boats|sandy shore|at night/i },
  lab: { shows: /laboratory bench/, never: /glovebox|mud|timber panel|cells wired|control room|screens|bedroom|cabinet|machinery|heat pump/i },
  library: { shows: /bookshelves/, never: /booths|café counter|map with|cradle|camera|open illuminated|coffee/i },
  city: { shows: /city/, never: /station|tram|crane|bridge|bus|gallery|prints|scroll|hall with|benches|brick building/i },
  garden: { shows: /glasshouse/, never: /raised beds|crates|scales|willow|benches/i },
  mountains: { shows: /mountains/, never: /tents|rock layers|mast|solar|sunset|reddish/i },
  "night-sky": { shows: /observatory/, never: /bird|moon|bedroom|window at night|blinking|ring of light/i },
  lecture: { shows: /lecture theatre/, never: /chandelier|banners|grand hall/i },
  concert: { shows: /band/, never: /quartet|choir|conductor|tram car|carriage|actors|performers/i },
  sports: { shows: /football/, never: /rowing|sculls|eight|finish line/i },
  microscope: { shows: /microscope/, never: /plastic|fragments|electrode|micrograph|parchment|spindle|grains|side by side/i },
};

describe("demo photographs", () => {
  it("have captions and alt text that match what each picture shows", async () => {
    const { demoArticles } = await import("@/scripts/seed/content/articles");
    const photos = demoArticles.flatMap((a) => [a.lead, ...a.body.flatMap((b) => (b.type === "photo" ? [b] : []))]);
    expect(photos.length).toBeGreaterThan(60);
    const wrong = photos.flatMap((p) => {
      const scene = SCENES[p.photo.scene]!;
      const problems: string[] = [];
      if (!scene.shows.test(p.alt)) problems.push(`alt does not name ${scene.shows}`);
      // A caption's first clause says what the picture is; the rest may give context beyond it.
      const subject = p.caption.split(/[,:;]/)[0]!;
      if (scene.never.test(p.alt) || scene.never.test(subject)) problems.push(`describes what a ${p.photo.scene} picture lacks`);
      return problems.map((problem) => `${p.photo.scene} ${p.photo.seed}: ${problem} — “${p.caption}” / “${p.alt}”`);
    });
    expect(wrong).toEqual([]);
  });
});
