import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/public/article-card";
import { PaginationNav } from "@/components/public/pagination-nav";
import { parsePageParam } from "@/lib/pagination";
import { getNewsPage } from "@/lib/public/read";
import { pageMetadata } from "@/lib/public/seo";
import { PublicPage } from "@/components/public/public-page";

interface Props {
  searchParams: Promise<{ page?: string | string[] }>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = parsePageParam((await searchParams).page);
  const listing = page ? await getNewsPage(page) : null;
  if (!page || !listing) return { title: "Page not found" };
  return pageMetadata({
    title: page > 1 ? `Latest news, page ${page}` : "Latest news",
    description: "Everything the university's news office has published, newest first.",
    path: page > 1 ? `/news?page=${page}` : "/news",
    image: listing.cards[0]?.lead,
  });
}

export default async function NewsPage({ searchParams }: Props) {
  const pageNumber = parsePageParam((await searchParams).page);
  const listing = pageNumber ? await getNewsPage(pageNumber) : null;
  if (!listing) notFound();
  return (
    <PublicPage current="/news">
      <h1 className="font-serif text-4xl font-bold text-brand-900">Latest news</h1>
      <p className="mt-2 text-slate-700">Everything the news office has published, newest first.</p>
      {listing.cards.length === 0 ? (
        <p className="mt-10 text-lg text-slate-700">No news has been published yet.</p>
      ) : (
        <div className="mt-10 grid gap-x-8 gap-y-12 sm:grid-cols-2 lg:grid-cols-3">
          {/* The first photo is the largest paint on a phone; the first row is above a desktop's fold. */}
          {listing.cards.map((card, i) => (
            <ArticleCard key={card.articleId} card={card} level={2} loading={i === 0 ? "high" : i < 3 ? "eager" : "lazy"} />
          ))}
        </div>
      )}
      <PaginationNav page={listing.page} basePath="/news" />
    </PublicPage>
  );
}
