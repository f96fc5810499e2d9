import type { Metadata } from "next";
import { ArticleCard } from "@/components/public/article-card";
import { TopicSection } from "@/components/public/topic-section";
import { env } from "@/lib/env";
import { getHomePage } from "@/lib/public/read";
import { pageMetadata } from "@/lib/public/seo";
import { PublicPage } from "@/components/public/public-page";

// Rendered per request from cached reads: a build must not bake one data folder's news into it.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { lead } = await getHomePage();
  return pageMetadata({ title: env().MASTHEAD_SITE_NAME, path: "/", image: lead?.lead });
}

export default async function HomePage() {
  const { lead, latest, sections } = await getHomePage();
  if (!lead) {
    return (
      <PublicPage>
        <h1 className="sr-only">Front page</h1>
        <p className="text-lg text-slate-700">No news has been published yet.</p>
      </PublicPage>
    );
  }
  return (
    <PublicPage>
      <h1 className="sr-only">Front page</h1>
      <section aria-labelledby="lead-story">
        <h2 id="lead-story" className="sr-only">
          Lead story
        </h2>
        <ArticleCard card={lead} variant="lead" loading="high" level={3} />
      </section>

      {latest.length > 0 && (
        <section aria-labelledby="latest-news" className="mt-14">
          <SectionHeading id="latest-news" href="/news" more="All news">
            Latest news
          </SectionHeading>
          <div className="grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-4">
            {latest.map((card) => (
              <ArticleCard key={card.articleId} card={card} grid="quarter" />
            ))}
          </div>
        </section>
      )}

      {sections.map(({ topic, cards }) => (
        <TopicSection key={topic.slug} topic={topic} cards={cards} />
      ))}
    </PublicPage>
  );
}

function SectionHeading({ id, href, more, children }: { id: string; href: string; more: string; children: string }) {
  return (
    <div className="mb-6 flex items-baseline justify-between border-t-4 border-brand-900 pt-3">
      <h2 id={id} className="font-serif text-2xl font-bold text-brand-900">
        {children}
      </h2>
      <a href={href} className="text-sm font-medium text-brand-700 hover:text-accent-700 hover:underline">
        {more} <span aria-hidden="true">→</span>
      </a>
    </div>
  );
}
