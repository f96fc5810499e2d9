import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/newsroom/pager";
import { RestoreArticleButton } from "@/components/newsroom/restore-article-button";
import { StatusBadge } from "@/components/newsroom/status-badge";
import { requirePageUser } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { getRestoredTitle, getTrash, parsePage, type RawParams } from "@/lib/newsroom/article-list";
import { plural } from "@/lib/newsroom/format";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Trash" };

/*
 * Deleted articles. Everyone sees the deletions among the articles they may read (drafters their
 * own), read-only; admins restore. Restored, an article is back in the state it was deleted in.
 */
export default async function TrashPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageUser();
  const query = await searchParams;
  const trash = await getTrash(user, parsePage(query.page));
  const restored = typeof query.restored === "string" && /^\d{1,9}$/.test(query.restored) ? await getRestoredTitle(user, Number(query.restored)) : null;
  const timeZone = env().MASTHEAD_TIME_ZONE;
  return (
    <>
      <p className="text-sm">
        <Link href="/newsroom/articles" prefetch={false} className="font-medium text-brand-800 underline">← Articles</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">Trash</h1>
      <p className="mt-1 text-sm text-slate-700">
        {plural(trash.total, "deleted article")}. Deleted articles are kept with their history and never shown on the site.{" "}
        {trash.mayRestore ? "Restore one to put it back in the article list." : "Only admins can restore them."}
      </p>
      {restored !== null && (
        <p role="status" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
          “{restored || "Untitled draft"}” was restored.{" "}
          <Link href={`/newsroom/articles/${query.restored}`} prefetch={false} className="font-semibold underline">Open it</Link>
        </p>
      )}
      {trash.rows.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center font-medium text-slate-900">The trash is empty.</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white shadow-sm">
          {trash.rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="font-medium break-words text-slate-900">
                  {r.title || "Untitled draft"} <StatusBadge status={r.status} />
                </p>
                <p className="text-sm text-slate-600">
                  Deleted by {r.deletedBy ?? "someone"} on {formatDateTime(r.deletedAt, timeZone)}
                  {r.drafters ? ` · drafted by ${r.drafters}` : ""}
                </p>
              </div>
              {trash.mayRestore && <RestoreArticleButton articleId={r.id} title={r.title} />}
            </li>
          ))}
        </ul>
      )}
      <Pager page={trash.page} pages={trash.pages} href={(page) => `/newsroom/articles/trash?page=${page}`} label="Trash pages" />
    </>
  );
}
