import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import type { FeedEntry } from "@/db/queries/feeds";
import type { PublicArticle } from "@/db/queries/public";
import { buildRss } from "@/lib/public/feeds";
import { noteHeading } from "@/lib/public/notes";
import { jsonLdScript, newsArticleJsonLd } from "@/lib/public/seo";

// Corrections as readers meet them outside the article page: JSON-LD and the feeds.
const TRICKY = `Fish & chips <b>"bold"</b> ]]> </script>`;
const notes = [
  { kind: "correction" as const, text: "The river is 40 km long, not 400.", notedAt: "2026-12-03T10:00:00.000Z", publishedAt: "2026-12-03T10:05:00.000Z" },
  { kind: "clarification" as const, text: TRICKY, notedAt: "2026-12-04T10:00:00.000Z", publishedAt: "2026-12-04T10:00:00.000Z" },
];

const article: PublicArticle = {
  articleId: 1,
  slug: "a-story",
  title: "A story",
  standfirst: "Summary",
  publishedAt: "2026-03-18T10:00:00.000Z",
  updatedAt: "2026-12-04T10:00:00.000Z",
  lead: null,
  topic: null,
  body: null,
  drafters: ["Dana Drafter"],
  reviser: "Rae Reviser",
  topics: [],
  views: 3,
  notes,
};

const entry: FeedEntry = { articleId: 1, slug: "a-story", title: "A story", standfirst: "Summary & more", publishedAt: article.publishedAt, updatedAt: article.updatedAt, lead: null, authors: [], topics: [], notes };

describe("corrections outside the article page", () => {
  it("read as “Correction, <date>” in the site's time zone", () => {
    expect(noteHeading(notes[0]!)).toBe("Correction, December 3, 2026");
    expect(noteHeading(notes[1]!)).toBe("Clarification, December 4, 2026");
  });

  it("are listed in JSON-LD as CorrectionComment with text and date, and cannot close the script", () => {
    const data = newsArticleJsonLd(article);
    expect(data.correction).toEqual([
      { "@type": "CorrectionComment", text: "Correction: The river is 40 km long, not 400.", datePublished: notes[0]!.publishedAt, dateCreated: notes[0]!.notedAt },
      { "@type": "CorrectionComment", text: `Clarification: ${TRICKY}`, datePublished: notes[1]!.publishedAt, dateCreated: notes[1]!.notedAt },
    ]);
    expect(jsonLdScript(data)).not.toContain("</script");
    expect(newsArticleJsonLd({ ...article, notes: [] }).correction).toBeUndefined();
  });

  it("follow the summary in an RSS item's description and content, escaped", async () => {
    const xml = buildRss({ title: "Site", description: "d", pagePath: "/", feedPath: "/feed.xml" }, [entry, { ...entry, articleId: 2, slug: "plain", notes: [] }]);
    const parsed = await new Parser({ customFields: { item: ["content:encoded", "description"] } }).parseString(xml);
    const [withNotes, plain] = parsed.items;
    const description = (withNotes as unknown as { description: string }).description;
    expect(description).toBe(
      "<p>Summary &amp; more</p><p><strong>Correction, December 3, 2026:</strong> The river is 40 km long, not 400.</p>" +
        "<p><strong>Clarification, December 4, 2026:</strong> Fish &amp; chips &lt;b&gt;&quot;bold&quot;&lt;/b&gt; ]]&gt; &lt;/script&gt;</p>",
    );
    expect(withNotes!["content:encoded"]).toContain("<strong>Correction, December 3, 2026:</strong>");
    // An item without notes keeps its plain description.
    expect((plain as unknown as { description: string }).description).toBe("Summary &amp; more");
  });
});
