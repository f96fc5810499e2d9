import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/public/article-card";
import { PaginationNav } from "@/components/public/pagination-nav";
import { parsePageParam } from "@/lib/pagination";
import { getTopicPage } from "@/lib/public/read";
import { pageMetadata } from "@/lib/public/seo";
import { isSlug } from "@/lib/slug";
import { PublicPage } from "@/components/public/public-page";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}

async function load({ params, searchParams }: Props) {
  const { slug } = await params;
  const pageNumber = parsePageParam((await searchParams).page);
  if (!pageNumber || !isSlug(slug)) return null;
  return getTopicPage(slug, pageNumber);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  if (!data) return { title: "Page not found" };
  const { topic, page, cards } = data;
  const path = `/topics/${topic.slug}${page.page > 1 ? `?page=${page.page}` : ""}`;
  return pageMetadata({
    title: page.page > 1 ? `${topic.name}, page ${page.page}` : topic.name,
    description: topic.description || `News about ${topic.name} from the university.`,
    path,
    image: cards[0]?.lead,
    topicFeed: { slug: topic.slug, name: topic.name },
  });
}

export default async function TopicPage(props: Props) {
  const data = await load(props);
  if (!data) notFound();
  const { topic, page, cards } = data;
  return (
    <PublicPage current={`/topics/${topic.slug}`}>
      <p className="text-xs font-semibold tracking-wider text-accent-700 uppercase">Topic</p>
      <h1 className="mt-1 font-serif text-4xl font-bold text-brand-900">{topic.name}</h1>
      {topic.description && <p className="mt-3 max-w-3xl text-lg text-slate-700">{topic.description}</p>}
      <p className="mt-4 text-sm">
        <a href={`/topics/${topic.slug}/feed.xml`} className="inline-flex items-center gap-1.5 font-medium text-brand-700 underline-offset-4 hover:underline">
          <RssIcon />
          RSS feed of {topic.name}
        </a>
      </p>
      {cards.length === 0 ? (
        <p className="mt-10 text-lg text-slate-700">Nothing has been published in {topic.name} yet.</p>
      ) : (
        <div className="mt-10 grid gap-x-8 gap-y-12 sm:grid-cols-2 lg:grid-cols-3">
          {/* The first photo is the largest paint on a phone; the first row is above a desktop's fold. */}
          {cards.map((card, i) => (
            <ArticleCard key={card.articleId} card={card} level={2} loading={i === 0 ? "high" : i < 3 ? "eager" : "lazy"} />
          ))}
        </div>
      )}
      <PaginationNav page={page} basePath={`/topics/${topic.slug}`} />
    </PublicPage>
  );
}

function RssIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="fill-accent-700">
      <circle cx="3" cy="13" r="2" />
      <path d="M1 6.5v2.2A6.3 6.3 0 0 1 7.3 15h2.2A8.5 8.5 0 0 0 1 6.5zm0-4.5v2.2A10.8 10.8 0 0 1 11.8 15H14A13 13 0 0 0 1 2z" />
    </svg>
  );
}
