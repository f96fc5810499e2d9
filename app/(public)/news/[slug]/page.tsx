import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleCard } from "@/components/public/article-card";
import { ArticleView } from "@/components/public/article-view";
import { getArticlePage, listRelated, VIEW_COUNT_MAX_AGE } from "@/lib/public/read";
import { isSlug } from "@/lib/slug";

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
  return { title: page.article.title, description: page.article.standfirst };
}

export default async function ArticlePage(props: Props) {
  const page = await load(props);
  if (!page) notFound();
  if (page.kind === "redirect") permanentRedirect(`/news/${page.slug}`);
  const { article, html } = page;
  const related = article.topic ? await listRelated(article.articleId, article.topic.slug) : [];
  return (
    <>
      <ArticleView
        article={article}
        html={html}
        viewsNote={`updated every ${Math.round(VIEW_COUNT_MAX_AGE / 60)} minutes`}
      />
      {related.length > 0 && article.topic && (
        <aside aria-labelledby="related" className="mx-auto mt-16 max-w-6xl border-t border-slate-300 pt-8">
          <h2 id="related" className="font-serif text-2xl font-bold text-brand-900">
            More from {article.topic.name}
          </h2>
          <div className="mt-6 grid gap-8 sm:grid-cols-3">
            {related.map((card) => (
              <ArticleCard key={card.articleId} card={card} />
            ))}
          </div>
        </aside>
      )}
    </>
  );
}
