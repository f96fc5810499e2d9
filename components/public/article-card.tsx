import { formatDate } from "@/lib/format";
import type { PublicCard } from "@/lib/public/read";
import { Photo } from "./photo";

interface ArticleCardProps {
  card: PublicCard;
  variant?: "lead" | "standard" | "compact";
  priority?: boolean;
  /** Heading level of the card title, so each page keeps a correct outline. */
  level?: 2 | 3;
}

/** A teaser for one live article: photo, topic, headline, standfirst and date. */
export function ArticleCard({ card, variant = "standard", priority = false, level = 3 }: ArticleCardProps) {
  const Heading = `h${level}` as const;
  const href = `/news/${card.slug}`;
  if (variant === "lead") {
    return (
      <article className="grid gap-6 md:grid-cols-5 md:items-center">
        {card.lead && (
          <a href={href} className="md:col-span-3" tabIndex={-1} aria-hidden="true">
            <Photo
              photo={card.lead}
              alt=""
              sizes="(min-width: 80rem) 46rem, (min-width: 48rem) 60vw, 100vw"
              className="aspect-[16/10] w-full object-cover"
              priority={priority}
            />
          </a>
        )}
        <div className="md:col-span-2">
          {card.topic && <TopicKicker topic={card.topic} />}
          <Heading className="mt-2 font-serif text-3xl leading-tight font-semibold text-brand-900 md:text-4xl">
            <a href={href} className="hover:underline decoration-2 underline-offset-4">
              {card.title}
            </a>
          </Heading>
          <p className="mt-4 text-lg leading-relaxed text-slate-700">{card.standfirst}</p>
          <p className="mt-4 text-sm text-slate-600">
            <time dateTime={card.publishedAt}>{formatDate(card.publishedAt)}</time>
          </p>
        </div>
      </article>
    );
  }
  const compact = variant === "compact";
  return (
    <article className="group flex flex-col">
      {card.lead && !compact && (
        <a href={href} tabIndex={-1} aria-hidden="true" className="mb-3 block overflow-hidden">
          <Photo
            photo={card.lead}
            alt=""
            sizes="(min-width: 80rem) 22rem, (min-width: 48rem) 30vw, 100vw"
            className="aspect-[3/2] w-full object-cover transition-transform duration-300 group-hover:scale-[1.02]"
            priority={priority}
          />
        </a>
      )}
      {card.topic && <TopicKicker topic={card.topic} />}
      <Heading
        className={`mt-1 font-serif leading-snug font-semibold text-brand-900 ${compact ? "text-lg" : "text-xl"}`}
      >
        <a href={href} className="hover:underline decoration-2 underline-offset-4">
          {card.title}
        </a>
      </Heading>
      {!compact && <p className="mt-2 line-clamp-3 text-[0.95rem] leading-relaxed text-slate-700">{card.standfirst}</p>}
      <p className="mt-2 text-sm text-slate-600">
        <time dateTime={card.publishedAt}>{formatDate(card.publishedAt)}</time>
      </p>
    </article>
  );
}

function TopicKicker({ topic }: { topic: { slug: string; name: string } }) {
  return (
    <a
      href={`/topics/${topic.slug}`}
      className="inline-block py-1 text-xs font-semibold tracking-wider text-accent-700 uppercase hover:underline"
    >
      {topic.name}
    </a>
  );
}
