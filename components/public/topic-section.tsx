import { formatDate } from "@/lib/format";
import type { PublicCard } from "@/lib/public/read";
import { ArticleCard } from "./article-card";
import { Photo } from "./photo";

/*
 * A topic's section on the home page: its newest story not shown above as a lead card with its
 * photo, the rest as a list beside it. The photo is half of main's width from 48rem (main is
 * 70rem wide inside its padding at most, the columns 2rem apart), full width below.
 */
export const SECTION_LEAD_SIZES = "(min-width: 80rem) 34rem, (min-width: 48rem) calc(50vw - 2rem), calc(100vw - 2rem)";

interface TopicSectionProps {
  topic: { slug: string; name: string };
  cards: PublicCard[];
}

/** One home-page section: a heading with a link to the topic, a lead card and a short list. */
export function TopicSection({ topic, cards }: TopicSectionProps) {
  const [first, ...rest] = cards;
  if (!first) return null;
  const headingId = `topic-${topic.slug}`;
  const href = `/news/${first.slug}`;
  return (
    <section aria-labelledby={headingId} className="mt-14">
      <div className="mb-6 flex items-baseline justify-between gap-4 border-t-4 border-brand-900 pt-3">
        <h2 id={headingId} className="font-serif text-2xl font-bold text-brand-900">
          {topic.name}
        </h2>
        <a href={`/topics/${topic.slug}`} className="shrink-0 text-sm font-medium text-brand-700 hover:text-accent-700 hover:underline">
          More {topic.name} <span aria-hidden="true">→</span>
        </a>
      </div>
      <div className="grid gap-8 md:grid-cols-2">
        <article className="group flex flex-col">
          {first.lead && (
            <a href={href} tabIndex={-1} aria-hidden="true" className="mb-4 block overflow-hidden">
              <Photo
                photo={first.lead}
                alt=""
                sizes={SECTION_LEAD_SIZES}
                className="aspect-[3/2] w-full object-cover transition-transform duration-300 group-hover:scale-[1.02]"
              />
            </a>
          )}
          <h3 className="font-serif text-2xl leading-snug font-semibold text-brand-900">
            <a href={href} className="decoration-2 underline-offset-4 hover:underline">
              {first.title}
            </a>
          </h3>
          <p className="mt-2 text-[0.95rem] leading-relaxed text-slate-700">{first.standfirst}</p>
          <p className="mt-2 text-sm text-slate-600">
            <time dateTime={first.publishedAt}>{formatDate(first.publishedAt)}</time>
          </p>
        </article>
        {rest.length > 0 && (
          <ul className="divide-y divide-slate-200 border-y border-slate-200 md:self-start">
            {rest.map((card) => (
              <li key={card.articleId} className="py-5">
                <ArticleCard card={card} variant="compact" />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
