import { describe, expect, it } from "vitest";
import { jsonLdScript, newsArticleJsonLd } from "@/lib/public/seo";
import type { PublicArticle } from "@/db/queries/public";

const article: PublicArticle = {
  articleId: 1,
  slug: "a-story",
  title: "A story </script><script>alert(1)</script>",
  standfirst: "Summary\u2028line",
  publishedAt: "2026-03-18T10:00:00.000Z",
  updatedAt: "2026-03-19T10:00:00.000Z",
  lead: { id: 1, fileKey: "photo0000001", width: 1600, height: 1000, alt: "alt", caption: "", credit: "", focalX: 50, focalY: 50 },
  topic: { slug: "research", name: "Research" },
  body: null,
  drafters: ["Dana Drafter", "Ola Second"],
  reviser: "Rae Reviser",
  topics: [{ slug: "research", name: "Research" }],
  views: 3,
};

describe("NewsArticle JSON-LD", () => {
  it("has headline, dates, authors, image and publisher", () => {
    const data = newsArticleJsonLd(article);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: article.title,
      datePublished: article.publishedAt,
      dateModified: article.updatedAt,
      author: [
        { "@type": "Person", name: "Dana Drafter" },
        { "@type": "Person", name: "Ola Second" },
      ],
      image: ["http://localhost:3000/media/photo0000001/1280.jpg"],
      publisher: { "@type": "NewsMediaOrganization", name: "Halden University News" },
    });
  });

  it("cannot close its script element and parses back to the same data", () => {
    const text = jsonLdScript(newsArticleJsonLd(article));
    expect(text).not.toContain("</script");
    expect(text).not.toContain("\u2028");
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(newsArticleJsonLd(article))));
  });
});
