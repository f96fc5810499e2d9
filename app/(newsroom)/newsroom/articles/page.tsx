import type { Metadata } from "next";
import Link from "next/link";
import { ArticleListFilters } from "@/components/newsroom/article-list-filters";
import { ArticleListTable } from "@/components/newsroom/article-list-table";
import { NewArticleButton } from "@/components/newsroom/new-article-button";
import { Pager } from "@/components/newsroom/pager";
import { requirePageUser } from "@/lib/auth/guard";
import { getTrashedArticleFor } from "@/lib/articles/trash";
import { STATUS_LABEL } from "@/lib/articles/status";
import { plural } from "@/lib/newsroom/format";
import { articleListHref, getArticleList, isFiltered, parseArticleListParams, type RawParams } from "@/lib/newsroom/article-list";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageUser();
  const raw = await searchParams;
  const list = await getArticleList(user, parseArticleListParams(raw));
  const { params } = list;
  const deleted = typeof raw.deleted === "string" && /^\d{1,9}$/.test(raw.deleted) ? await getTrashedArticleFor(user, Number(raw.deleted)) : null;
  const topicName = list.topics.find((t) => t.slug === params.topic)?.name;
  const personName = list.people.find((p) => p.id === params.person)?.name;
  const narrowing = [
    params.q && `“${params.q}”`,
    params.status && `status ${STATUS_LABEL[params.status]}`,
    topicName && `topic ${topicName}`,
    personName && `person ${personName}`,
  ].filter(Boolean);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">{user.role === "drafter" ? "My articles" : "All articles"}</h1>
        <div className="flex items-center gap-4">
          <Link href="/newsroom/articles/trash" prefetch={false} className="text-sm font-medium text-brand-800 underline">
            Trash
          </Link>
          <NewArticleButton />
        </div>
      </div>
      {deleted && (
        <p role="status" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
          “{deleted.title || "Untitled draft"}” was moved to the trash.{" "}
          <Link href="/newsroom/articles/trash" prefetch={false} className="font-semibold underline">Open the trash</Link>
        </p>
      )}
      <ArticleListFilters params={params} topics={list.topics} people={list.people} />
      <p aria-live="polite" className="mt-4 text-sm text-slate-700">
        {plural(list.total, "article")}
        {narrowing.length > 0 && ` ${list.total === 1 ? "matches" : "match"} ${narrowing.join(", ")}`}.
        {isFiltered(params) && (
          <>
            {" "}
            <Link href="/newsroom/articles" prefetch={false} className="font-medium text-brand-800 underline">Clear filters</Link>
          </>
        )}
      </p>
      {list.rows.length === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center">
          {isFiltered(params) ? (
            <>
              <p className="font-medium text-slate-900">No articles match {narrowing.join(", ")}.</p>
              <p className="mt-2 text-sm">
                <Link href="/newsroom/articles" prefetch={false} className="font-medium text-brand-800 underline">Clear filters</Link> to see every article.
              </p>
            </>
          ) : (
            <p className="font-medium text-slate-900">No articles yet. Start one with “New article”.</p>
          )}
        </div>
      ) : (
        <ArticleListTable rows={list.rows} sort={params.sort} dir={params.dir} sortHref={(sort, dir) => articleListHref(params, { sort, dir, page: 1 })} />
      )}
      <Pager page={params.page} pages={list.pages} href={(page) => articleListHref(params, { page })} label="Article pages" />
    </>
  );
}
