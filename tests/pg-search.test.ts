import type { PoolClient } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countSearchPg, MAX_PG_TERMS, searchPublishedPg, termsFromMatch, type SearchTerm } from "@/db/pg/search";
import { MARK_CLOSE, MARK_OPEN, MAX_TERMS, toMatchExpression } from "@/lib/search/query";
import { PG_HOOK_TIMEOUT, startMigratedPostgres, type MigratedPostgres } from "./support/pg";

// Search of live articles on PostgreSQL: the tsvector index built by the custom migration's
// triggers, queried by db/pg/search.ts with the terms lib/search/query.ts cuts out of the input
// (the same cases as tests/search.test.ts runs on SQLite, plus hostile input and the GIN index).
let pg: MigratedPostgres;
let reviser: number;
let topic: number;
let photo: number;
let day = 1;
const marks = { open: "[", close: "]" };

const terms = (q: string): SearchTerm[] => {
  const match = toMatchExpression(q);
  return match ? termsFromMatch(match) : [];
};
const find = (q: string) => searchPublishedPg(pg.pool, terms(q), marks, 50, 0);
const slugs = async (q: string) => (await find(q)).map((hit) => slugOf.get(hit.articleId));
const slugOf = new Map<number, string>();

/** Publishes an article the way db/queries/publish.ts writes it: the publication, then its topics. */
async function publish(slug: string, title: string, text: string, opts: { standfirst?: string; caption?: string; leadCaption?: string } = {}) {
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text }] },
      ...(opts.caption ? [{ type: "image", attrs: { mediaId: photo, alt: "x", caption: opts.caption } }] : []),
    ],
  };
  const at = new Date(Date.UTC(2026, 0, day++));
  const client = await pg.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: number }>("INSERT INTO articles (slug, title, standfirst, body, status) VALUES ($1, $2, $3, $4, 'published') RETURNING id", [slug, title, opts.standfirst ?? "", body]);
    const id = rows[0]!.id;
    await client.query(
      `INSERT INTO publications (article_id, slug, title, standfirst, body, lead_media_id, lead_caption, reviser_id, published_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [id, slug, title, opts.standfirst ?? "", body, opts.leadCaption ? photo : null, opts.leadCaption ?? null, reviser, at],
    );
    await client.query("INSERT INTO publication_topics (article_id, topic_id, published_at) VALUES ($1, $2, $3)", [id, topic, at]);
    await client.query("COMMIT");
    slugOf.set(id, slug);
    return id;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  pg = await startMigratedPostgres();
  const one = async (sql: string, params: unknown[] = []) => (await pg.pool.query<{ id: number }>(sql, params)).rows[0]!.id;
  reviser = await one("INSERT INTO users (email, name, role) VALUES ('r@example.edu', 'Rae', 'reviser') RETURNING id");
  topic = await one("INSERT INTO topics (slug, name) VALUES ('research', 'Research') RETURNING id");
  photo = await one("INSERT INTO media (file_key, mime_type, width, height, bytes, alt, caption) VALUES ('photo00000001', 'image/jpeg', 1600, 1000, 1, 'a', 'Library caption') RETURNING id");
  await publish("in-body", "A quiet week on campus", "The harbour mussels were measured again by the marine station.");
  await publish("in-title", "Harbour mussels carry fewer microplastics", "A survey of the bay.");
  await publish("in-standfirst", "Survey results", "Nothing more.", { standfirst: "Mussels in the harbour, again." });
  await publish("accented", "Zoë Brontë opens the café", "Crème brûlée for everyone at the opening.");
  await publish("chinese", "Visiting scholars", "大学新闻 was the headline in the partner paper.");
  await publish("hyphen", "State-of-the-art laboratory opens", "Climate-change research gets a new home.");
  await publish("captioned", "Photo essay", "Pictures from the week.", { caption: "Lanterns reflected in the canal" });
  await publish("lead", "Portrait series", "Faces of the faculty.", { leadCaption: "Approved words about an orchard" });
  // A draft: in articles only, never in publications.
  await pg.pool.query(`INSERT INTO articles (slug, title, body) VALUES ('draft-harbour', 'Secret harbour plans', '{"type":"doc","content":[]}')`);
}, PG_HOOK_TIMEOUT);

afterAll(() => pg?.stop(), PG_HOOK_TIMEOUT);

describe("search on PostgreSQL finds live articles, ranked", () => {
  it("takes at most as many terms as lib/search/query.ts makes", () => {
    expect(MAX_PG_TERMS).toBe(MAX_TERMS);
  });

  it("ranks a title match above a standfirst match above a body match", async () => {
    expect(await slugs("harbour mussels")).toEqual(["in-title", "in-standfirst", "in-body"]);
  });

  it("never finds a draft", async () => {
    expect(await slugs("secret")).toEqual([]);
    expect(await slugs("harbour")).not.toContain("draft-harbour");
  });

  it("searches captions, the approved lead caption and topics; folds accents; stems English", async () => {
    expect(await slugs("lanterns canal")).toEqual(["captioned"]);
    expect(await slugs("orchard")).toEqual(["lead"]);
    expect(await slugs("library caption")).toEqual([]); // the lead's own words win over the library's
    expect((await slugs("research")).length).toBe(8); // every article is in the Research topic
    expect(await slugs("zoe bronte cafe")).toEqual(["accented"]);
    expect(await slugs("creme brulee")).toEqual(["accented"]);
    expect(await slugs("measure")).toEqual(["in-body"]); // "measured"
  });

  it("treats hyphenated words and quoted text as phrases, in order", async () => {
    expect(await slugs("state-of-the-art")).toEqual(["hyphen"]);
    expect(await slugs('"climate change"')).toEqual(["hyphen"]);
    expect(await slugs('"change climate"')).toEqual([]);
    expect(await slugs('"mussels were measured"')).toEqual(["in-body"]);
    expect(await slugs('"mussels measured"')).toEqual([]);
  });

  it("matches a run of an unspaced script by its beginning, and only such runs", async () => {
    expect(await slugs("大学")).toEqual(["chinese"]);
    expect(await slugs("大学新闻")).toEqual(["chinese"]);
    expect(await slugs("新闻")).toEqual([]); // a prefix, not a substring
    expect(await slugs("harb")).toEqual([]); // spaced scripts match whole (stemmed) words, as on SQLite
  });

  it("marks the matched words in the title and the snippet with the markers", async () => {
    const [hit] = await find("microplastics");
    expect(hit!.title).toBe("Harbour mussels carry fewer [microplastics]");
    const [bodyHit] = await find("marine");
    expect(bodyHit!.snippet).toBe("The harbour mussels were measured again by the [marine] station"); // whole: no ellipsis
    const [marked] = await searchPublishedPg(pg.pool, terms("lanterns"), { open: MARK_OPEN, close: MARK_CLOSE }, 10, 0);
    expect(marked!.snippet).toContain(`${MARK_OPEN}Lanterns${MARK_CLOSE}`);
    const standfirstHit = (await find("mussels")).find((h) => slugOf.get(h.articleId) === "in-standfirst");
    expect(standfirstHit!.snippet).toBe("[Mussels] in the harbour, again"); // no body match: the standfirst
    const [title] = await find("portrait");
    expect(title!.snippet).not.toContain("["); // only the title matched: the body's start, unmarked
  });

  it("cuts a long body around the match, with an ellipsis where it cuts", async () => {
    const filler = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    await publish("long", "Long read", `${filler} the rare quokka appears ${filler}`);
    const [hit] = await find("quokka");
    expect(hit!.snippet).toMatch(/^….*\[quokka\].*…$/);
    expect(hit!.snippet.split(" ").length).toBeLessThanOrEqual(34);
  });

  it.each(['"', "*", "NEAR", "NEAR(a b, 2)", "(", ")", "a AND", "OR", "-", "^x", "col:x", '"a" NEAR/3 "b"', "大学\"*(", "'", "\\", "%_", "\u0000", "&|!:*()", "a & b | !c", "harbour:* | !x", "'harbour':*", "<->", "x <2> y", "; DROP TABLE publications; --", "$1", "\u0301\u0301"])(
    "input %j raises no error and matches nothing it should not",
    async (input) => {
      const parsed = terms(input);
      await expect(countSearchPg(pg.pool, parsed)).resolves.toBeTypeOf("number");
      const hits = await searchPublishedPg(pg.pool, parsed, marks, 50, 0);
      const live = (await pg.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM publications")).rows[0]!.n;
      expect(hits.length).toBeLessThanOrEqual(3); // at most the three harbour articles, never all
      expect(live).toBeGreaterThan(3);
    },
  );

  it("never matches everything: not with operators, not with no terms, not with a hand-made expression", async () => {
    expect(await countSearchPg(pg.pool, [])).toBe(0);
    expect(await countSearchPg(pg.pool, termsFromMatch('"*" OR "" NOT x'))).toBe(0);
    expect(await countSearchPg(pg.pool, [{ words: ["harbour:*", "|", "a"], prefix: true }])).toBe(0); // not words: dropped
    expect(await countSearchPg(pg.pool, [{ words: ["a'"], prefix: true }])).toBe(0);
    expect(await countSearchPg(pg.pool, terms("harbour | research"))).toBe(3); // "|" is not syntax: harbour AND research
  });

  it("bounds very long input (length and number of terms)", async () => {
    const long = Array.from({ length: 400 }, (_, i) => `t${i}`).join(" ") + " harbour";
    expect(terms(long).length).toBeLessThanOrEqual(MAX_TERMS);
    await expect(countSearchPg(pg.pool, terms(long))).resolves.toBe(0);
    const manyTerms = Array.from({ length: 50 }, () => ({ words: ["harbour"], prefix: false }));
    await expect(countSearchPg(pg.pool, manyTerms)).resolves.toBe(3);
    await expect(countSearchPg(pg.pool, [{ words: ["x".repeat(100_000)], prefix: false }])).resolves.toBe(0);
  });

  it("refuses marks that ts_headline's options cannot carry, and bad paging", async () => {
    await expect(searchPublishedPg(pg.pool, terms("harbour"), { open: '"', close: "]" }, 10, 0)).rejects.toThrow(/marks/);
    await expect(searchPublishedPg(pg.pool, terms("harbour"), marks, -1, 0)).rejects.toThrow(/limit/);
  });
});

describe("the index follows publishing at once", () => {
  it("adds, updates and removes rows with the publication", async () => {
    const id = await publish("follow-me", "Glacier expedition returns", "Ice cores from the north.");
    expect(await slugs("glacier")).toEqual(["follow-me"]);
    // An edit going live replaces the indexed text.
    await pg.pool.query("UPDATE publications SET title = 'Fjord expedition returns' WHERE article_id = $1", [id]);
    expect(await slugs("glacier")).toEqual([]);
    expect(await slugs("fjord")).toEqual(["follow-me"]);
    // Unpublishing (deleting the publication row) removes it.
    await pg.pool.query("DELETE FROM publications WHERE article_id = $1", [id]);
    expect(await slugs("fjord")).toEqual([]);
    const { rows } = await pg.pool.query("SELECT 1 FROM publication_search WHERE article_id = $1", [id]);
    expect(rows).toEqual([]);
  });

  it("follows a topic rename, and a topic leaving a live version", async () => {
    await pg.pool.query("UPDATE topics SET name = 'Oceanography' WHERE id = $1", [topic]);
    expect((await slugs("oceanography")).length).toBeGreaterThanOrEqual(8);
    expect(await slugs("research")).toEqual(["hyphen"]); // only its body still says "research"
    const inBody = [...slugOf].find(([, slug]) => slug === "in-body")![0];
    await pg.pool.query("DELETE FROM publication_topics WHERE article_id = $1", [inBody]);
    expect(await slugs("oceanography")).not.toContain("in-body");
  });

  it("counts matches for pagination and pages through them in rank order", async () => {
    expect(await countSearchPg(pg.pool, terms("harbour"))).toBe(3);
    const page2 = await searchPublishedPg(pg.pool, terms("harbour"), marks, 2, 2);
    expect(page2.map((h) => slugOf.get(h.articleId))).toEqual(["in-body"]);
  });
});

describe("the GIN index", () => {
  it("is what db/pg/search.ts's own queries read", async () => {
    const client = await pg.pool.connect();
    try {
      // Sequential scans priced out (the table is small), then the module's real SQL explained:
      // a stand-in client prefixes EXPLAIN to whatever the query functions send.
      await client.query("BEGIN");
      await client.query("SET LOCAL enable_seqscan = off");
      const plans: string[] = [];
      const explaining = {
        query: async (sql: string, params: unknown[]) => {
          const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params);
          plans.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
          return { rows: [] };
        },
      } as unknown as PoolClient;
      await countSearchPg(explaining, terms("harbour mussels"));
      await searchPublishedPg(explaining, terms("大学 harbour"), marks, 10, 0);
      expect(plans).toHaveLength(2);
      for (const plan of plans) expect(plan).toMatch(/Bitmap Index Scan on publication_search_document_idx/);
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
  });
});
