import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleCard } from "@/components/public/article-card";
import { ArticleView } from "@/components/public/article-view";
import { ShareLinks } from "@/components/public/share-links";
import { ViewBeacon } from "@/components/public/view-beacon";
import { getArticlePage, listRelated, VIEW_COUNT_MAX_AGE } from "@/lib/public/read";
import { absoluteUrl, jsonLdScript, newsArticleJsonLd, pageMetadata } from "@/lib/public/seo";
import { env } from "@/lib/env";
import { isSlug } from "@/lib/slug";
import { PublicPage } from "@/components/public/public-page";

interface Props {
  params: Promise<{ slug: string }>;
}

// Article pages render on their first request and are then served from the page cache until
// publishing invalidates their tags; nothing is rendered at build time.
export function generateStaticParams(): { slug: string }[] {
  return [];
}
export const revalidate = 300;

async function load(props: Props) {
  const { slug } = await props.params;
  return isSlug(slug) ? getArticlePage(slug) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const page = await load(props);
  if (page?.kind !== "article") return { title: "Page not found" };
  const { article } = page;
  return pageMetadata({
    title: article.title,
    description: article.standfirst,
    path: `/news/${article.slug}`,
    image: article.lead,
    type: "article",
    article: {
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
      authors: article.drafters,
      section: article.topic?.name,
    },
  });
}

export default async function ArticlePage(props: Props) {
  const page = await load(props);
  if (!page) notFound();
  if (page.kind === "redirect") permanentRedirect(`/news/${page.slug}`);
  const { article, html, countedAt } = page;
  const related = article.topic ? await listRelated(article.articleId, article.topic.slug) : [];
  return (
    <PublicPage>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(newsArticleJsonLd(article)) }} />
      <ArticleView
        article={article}
        html={html}
        viewsNote={`as of ${formatTime(countedAt)}; refreshed every ${Math.round(VIEW_COUNT_MAX_AGE / 60)} minutes`}
      >
        <ShareLinks url={absoluteUrl(`/news/${article.slug}`)} title={article.title} />
      </ArticleView>
      <ViewBeacon articleId={article.articleId} />
      {related.length > 0 && article.topic && (
        <aside aria-labelledby="related" className="no-print mx-auto mt-16 max-w-6xl border-t border-slate-300 pt-8">
          <h2 id="related" className="font-serif text-2xl font-bold text-brand-900">
            More from {article.topic.name}
          </h2>
          <div className="mt-6 grid gap-8 sm:grid-cols-3">
            {related.map((card) => (
              <ArticleCard key={card.articleId} card={card} grid="related" />
            ))}
          </div>
        </aside>
      )}
    </PublicPage>
  );
}

/** "March 18, 2024, 2:05 PM UTC" in the site's time zone. */
function formatTime(iso: string): string {
  return new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: env().MASTHEAD_TIME_ZONE,
    timeZoneName: "short",
  }).format(new Date(iso));
}
