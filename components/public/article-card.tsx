import { formatDate } from "@/lib/format";
import type { PublicCard } from "@/lib/public/read";
import { Photo, type PhotoLoading } from "./photo";

/*
 * `sizes` of card photos, by the grid that holds them (main is 72rem wide at most, with 1rem
 * padding; columns are 2rem apart), so a phone or a desktop gets the width it shows, not more.
 */
export const CARD_SIZES = {
  /** The lead story: full width, then 3 of 5 columns beside its text. */
  lead: "(min-width: 80rem) 41.5rem, (min-width: 48rem) calc(60vw - 1.8rem), calc(100vw - 2rem)",
  /** 1 column, 2 from 40rem, 4 from 64rem (the home page's latest news). */
  quarter: "(min-width: 80rem) 16rem, (min-width: 64rem) calc(25vw - 2rem), (min-width: 40rem) calc(50vw - 2rem), calc(100vw - 2rem)",
  /** 1 column, 2 from 40rem, 3 from 64rem (news and topic listings). */
  third: "(min-width: 80rem) 22rem, (min-width: 64rem) calc(33.3vw - 2rem), (min-width: 40rem) calc(50vw - 2rem), calc(100vw - 2rem)",
  /** 1 column, 3 from 40rem (related stories under an article). */
  related: "(min-width: 80rem) 22rem, (min-width: 40rem) calc(33.3vw - 2rem), calc(100vw - 2rem)",
} as const;

interface ArticleCardProps {
  card: PublicCard;
  variant?: "lead" | "standard" | "compact";
  /** Which grid the card sits in, for its photo's `sizes`. */
  grid?: keyof typeof CARD_SIZES;
  /** How the photo loads: see Photo. */
  loading?: PhotoLoading;
  /** Heading level of the card title, so each page keeps a correct outline. */
  level?: 2 | 3;
}

/** A teaser for one live article: photo, topic, headline, standfirst and date. */
export function ArticleCard({ card, variant = "standard", grid = "third", loading = "lazy", level = 3 }: ArticleCardProps) {
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
              sizes={CARD_SIZES.lead}
              className="aspect-[16/10] w-full object-cover"
              loading={loading}
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
            sizes={CARD_SIZES[grid]}
            className="aspect-[3/2] w-full object-cover transition-transform duration-300 group-hover:scale-[1.02]"
            loading={loading}
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
