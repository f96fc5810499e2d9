import { formatCount, formatDate, formatNames } from "@/lib/format";
import type { PublicArticle } from "@/lib/public/read";
import { ArticleNotes } from "./article-notes";
import { Photo } from "./photo";

interface ArticleViewProps {
  article: PublicArticle;
  /** Body HTML from lib/content/render: built from the allow-list, every value escaped. */
  html: string;
  /** How stale the view count may be, for the note beside it. */
  viewsNote?: string;
  /** Shown after the credits (the share links on the public page; nothing in preview). */
  children?: React.ReactNode;
  /** Where photos are served from, when not readers' /media (an outside review link). */
  mediaBase?: string;
}

/** One article as readers see it: headline, lead photo, body and the credits from the workflow. */
export function ArticleView({ article, html, viewsNote, children, mediaBase }: ArticleViewProps) {
  const updated = article.updatedAt.slice(0, 10) !== article.publishedAt.slice(0, 10);
  return (
    <article className="mx-auto max-w-3xl">
      <header>
        {article.topic && (
          <a
            href={`/topics/${article.topic.slug}`}
            className="inline-block py-1 text-xs font-semibold tracking-wider text-accent-700 uppercase hover:underline"
          >
            {article.topic.name}
          </a>
        )}
        <h1 className="mt-2 font-serif text-4xl leading-tight font-bold text-brand-900 md:text-5xl">
          {article.title}
        </h1>
        {article.standfirst && (
          <p className="mt-5 font-serif text-xl leading-relaxed text-slate-700">{article.standfirst}</p>
        )}
        <p className="mt-5 text-sm text-slate-600">
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
          {updated && (
            <>
              {" · "}Updated <time dateTime={article.updatedAt}>{formatDate(article.updatedAt)}</time>
            </>
          )}
        </p>
      </header>

      {article.lead && (
        <figure className="mt-8 -mx-4 md:mx-0">
          <Photo
            photo={article.lead}
            mediaBase={mediaBase}
            sizes="(min-width: 48rem) 48rem, 100vw"
            className="aspect-[16/10] w-full object-cover"
            loading="high"
          />
          {(article.lead.caption || article.lead.credit) && (
            <figcaption className="mt-2 px-4 text-sm whitespace-pre-line text-slate-600 md:px-0">
              {article.lead.caption} {article.lead.credit && <span className="text-slate-500">{article.lead.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}

      <div
        className="article-body prose prose-lg prose-slate mt-8 max-w-none font-serif prose-headings:font-serif prose-headings:text-brand-900 prose-a:text-brand-700 prose-blockquote:border-accent-600 prose-blockquote:text-slate-800"
        dangerouslySetInnerHTML={{ __html: html }}
      />

      <ArticleNotes notes={article.notes ?? []} />
      <section aria-label="About this article" className="mt-12 border-t-4 border-brand-900 pt-5">
        <dl className="grid gap-2 text-[0.95rem] text-slate-800">
          <Credit label="Draft:">{formatNames(article.drafters)}</Credit>
          {article.reviser && <Credit label="Revision:">{article.reviser}</Credit>}
          <Credit label="Topics:">
            {article.topics.map((t, i) => (
              <span key={t.slug}>
                {i > 0 && ", "}
                <a href={`/topics/${t.slug}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {t.name}
                </a>
              </span>
            ))}
          </Credit>
          <Credit label="Date:">
            <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
          </Credit>
          <Credit label="Views:">
            {formatCount(article.views)}
            {viewsNote && <span className="ml-2 text-xs text-slate-600">({viewsNote})</span>}
          </Credit>
        </dl>
      </section>
      {children}
    </article>
  );
}

function Credit({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-24 shrink-0 font-semibold text-brand-900">{label}</dt> <dd>{children}</dd>
    </div>
  );
}
