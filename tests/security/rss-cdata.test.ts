import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import type { FeedEntry } from "@/db/queries/feeds";
import { escapeHtml } from "@/lib/content/render";
import { buildRss } from "@/lib/public/feeds";

/*
 * Finding 2 of the hostile test: a title or standfirst holding "]]>" more than once broke out
 * of CDATA in the feeds (the feed package's XML layer escaped only the first one), putting
 * elements of the author's choosing into every subscriber's feed.
 */

const HOSTILE = "A ]]> B ]]><injected>owned</injected><![CDATA[ C ]]> & <b>bold</b> ' \" \u2028 end";

const entry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  articleId: 1,
  slug: "hostile",
  title: HOSTILE,
  standfirst: HOSTILE,
  publishedAt: "2026-03-18T10:00:00.000Z",
  updatedAt: "2026-03-18T10:00:00.000Z",
  topics: [HOSTILE],
  authors: [HOSTILE],
  lead: null,
  ...over,
});

describe("feed text is data, never markup", () => {
  const xml = buildRss({ title: HOSTILE, description: HOSTILE, pagePath: "/", feedPath: "/feed.xml" }, [entry()]);

  it("no element of the author's choosing appears", () => {
    expect(xml).not.toMatch(/<injected/);
    expect(xml).not.toMatch(/<b>/);
  });

  it("every field reads back exactly as written", async () => {
    const parsed = await new Parser({ customFields: { item: ["dc:creator", "content:encoded"] } }).parseString(xml);
    expect(parsed.title).toBe(HOSTILE);
    expect(parsed.description).toBe(HOSTILE);
    const item = parsed.items[0]!;
    expect(item.title).toBe(HOSTILE);
    // description is HTML to feed readers: the standfirst arrives as escaped HTML text.
    expect(item.content).toBe(escapeHtml(HOSTILE));
    expect(item.categories).toEqual([HOSTILE]);
    expect(item["dc:creator"]).toBe(HOSTILE);
    // content:encoded is HTML: the standfirst inside it is escaped once more, as HTML text.
    expect(item["content:encoded"]).toContain("&lt;injected&gt;owned&lt;/injected&gt;");
  });

  it("characters XML 1.0 forbids are left out rather than breaking the document", async () => {
    const bad = buildRss({ title: "t", description: "d", pagePath: "/", feedPath: "/feed.xml" }, [entry({ title: "bell\u0007 and nul\u0000 and \uFFFE" })]);
    const parsed = await new Parser().parseString(bad);
    expect(parsed.items[0]!.title).toBe("bell and nul and ");
  });
});
