import { formatDate } from "@/lib/format";
import type { SearchResult } from "@/lib/public/search";
import type { TextSegment } from "@/lib/search/query";

/** Text with the matched words in <mark>; rendered as React text, so nothing is interpreted as HTML. */
function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-ink">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

/** Search results, best first: headline, topic, date and the passage that matched. */
export function SearchResults({ results }: { results: SearchResult[] }) {
  return (
    <ol className="mt-6 divide-y divide-slate-300 border-y border-slate-300">
      {results.map(({ card, title, snippet }) => (
        <li key={card.articleId} className="py-6">
          <article>
            {card.topic && (
              <p className="text-xs font-semibold tracking-wider text-accent-700 uppercase">{card.topic.name}</p>
            )}
            <h2 className="mt-1 font-serif text-xl leading-snug font-semibold text-brand-900">
              <a href={`/news/${card.slug}`} className="hover:underline decoration-2 underline-offset-4">
                <Highlighted segments={title} />
              </a>
            </h2>
            <p className="mt-2 leading-relaxed text-slate-800">
              <Highlighted segments={snippet} />
            </p>
            <p className="mt-2 text-sm text-slate-600">
              <time dateTime={card.publishedAt}>{formatDate(card.publishedAt)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
