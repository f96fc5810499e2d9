import type { Metadata } from "next";
import { ArticleTabs } from "@/components/newsroom/article-tabs";
import { DiffView } from "@/components/newsroom/diff-view";
import { RestoreButton } from "@/components/newsroom/restore-button";
import { getHistoryView } from "@/lib/articles/history";
import { loadForPage } from "@/lib/articles/page-load";
import { requirePageUser } from "@/lib/auth/guard";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "History" };

// What each kind of save is, in the words of the newsroom.
const KIND_LABEL = { save: "Edit", restore: "Restored an earlier revision", review_edit: "Reviser’s edit", import: "Imported" } as const;

function when(date: Date) {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: env().MASTHEAD_TIME_ZONE }).format(date);
}

function Time({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{when(date)}</time>;
}

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ a?: string; b?: string }> }) {
  const user = await requirePageUser();
  const query = await searchParams;
  const { article, revisions, canRestore, a, b, before, after, live, photos, sections } = await loadForPage(params, async (id) => await getHistoryView(user, id, query));
  const oldest = revisions[revisions.length - 1]?.id;
  return (
    <>
      <h1 className="mb-3 text-xl font-semibold text-slate-900">History of “{article.title || "Untitled draft"}”</h1>
      <ArticleTabs id={article.id} current="history" />
      {/* The compare form sits after the table and its radios point to it with form=…, so the
          restore buttons' own forms are not nested inside it. */}
      {/* relative: the screen-reader-only header text is positioned inside the scroller, not the page. */}
      <div className="relative overflow-x-auto rounded-md border border-slate-300 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="px-4 pt-3 text-left font-semibold text-slate-800">Revisions, newest first</caption>
          <thead className="border-b border-slate-300 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">Compare from</th>
              <th scope="col" className="px-4 py-2">to</th>
              <th scope="col" className="px-4 py-2">Revision</th>
              <th scope="col" className="px-4 py-2">By</th>
              <th scope="col" className="px-4 py-2">Saved</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Restore</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {revisions.map((r, i) => {
              const isLive = live?.revisionId === r.id;
              return (
                <tr key={r.id} className={isLive ? "bg-emerald-50" : undefined}>
                  <td className="px-4 py-2">
                    <input type="radio" form="compare" name="a" value={r.id} defaultChecked={r.id === a} aria-label={`Compare from revision ${r.id}`} />
                  </td>
                  <td className="px-4 py-2">
                    <input type="radio" form="compare" name="b" value={r.id} defaultChecked={r.id === b} aria-label={`Compare to revision ${r.id}`} />
                  </td>
                  <td className="px-4 py-2">
                    <span className="font-medium">
                      #{r.id} {r.id === oldest && r.kind === "save" ? "First draft" : KIND_LABEL[r.kind]}
                    </span>{" "}
                    {isLive && live && (
                      <span className="ml-1 inline-flex items-center gap-1 rounded-full bg-emerald-700 whitespace-nowrap px-2 py-0.5 text-xs font-semibold text-white">
                        Live <span className="font-normal">since <Time date={live.since} /></span>
                      </span>
                    )}
                    {i === 0 && !isLive && <span className="ml-1 rounded-full bg-slate-200 whitespace-nowrap px-2 py-0.5 text-xs font-semibold text-slate-800">Working copy</span>}
                    <span className="block text-slate-600">“{r.title || "Untitled"}”</span>
                  </td>
                  <td className="px-4 py-2">{r.author}</td>
                  <td className="px-4 py-2">
                    <Time date={r.savedAt} />
                  </td>
                  <td className="px-4 py-2">
                    {canRestore && i > 0 && <RestoreButton articleId={article.id} revisionId={r.id} baseVersion={article.version} label={`Restore revision ${r.id}`} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <form id="compare" method="get" className="border-t border-slate-200 px-4 py-3">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            Compare
          </button>
        </form>
      </div>
      {before && after && sections && (
        <section aria-labelledby="comparison" className="mt-8">
          <h2 id="comparison" className="mb-1 text-lg font-semibold">
            Revision #{before.revision.id} ({before.author}) → #{after.revision.id} ({after.author})
          </h2>
          <p className="mb-3 text-sm text-slate-600">Added text is underlined, removed text struck through; each changed block is labelled.</p>
          <DiffView sections={sections} photos={photos} />
        </section>
      )}
    </>
  );
}
