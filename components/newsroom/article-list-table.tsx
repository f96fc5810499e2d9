import Link from "next/link";
import type { ArticleListRow, ArticleSort } from "@/lib/newsroom/article-list";
import { formatShortDate } from "@/lib/newsroom/format";
import { StatusBadge } from "./status-badge";

/*
 * The article list as a table on wide screens and as stacked rows (each cell labelled) on a
 * phone: one set of elements, so a link or heading is never there twice.
 */

const COLUMNS: { label: string; sort?: ArticleSort }[] = [
  { label: "Title", sort: "title" },
  { label: "Status", sort: "status" },
  { label: "Drafter" },
  { label: "Last change", sort: "updated" },
  { label: "Published", sort: "published" },
];
const cell = "block px-4 py-1 md:table-cell md:py-2 before:mr-2 before:font-semibold before:text-slate-600 before:content-[attr(data-label)] md:before:content-none";

/** The rows of one page, with column headers that sort (aria-sort names the current one). */
export function ArticleListTable({ rows, sort, dir, sortHref }: { rows: ArticleListRow[]; sort: ArticleSort; dir: "asc" | "desc"; sortHref: (sort: ArticleSort, dir: "asc" | "desc") => string }) {
  return (
    <div className="mt-4 rounded-lg border border-slate-300 bg-white shadow-sm">
      <table className="block w-full text-left text-sm md:table">
        <caption className="sr-only">Articles, sorted by {COLUMNS.find((c) => c.sort === sort)?.label.toLowerCase()}, {dir === "asc" ? "ascending" : "descending"}</caption>
        <thead className="hidden border-b border-slate-300 bg-slate-50 text-slate-700 md:table-header-group">
          <tr>
            {COLUMNS.map((c) => {
              const current = c.sort === sort;
              const nextDir = current ? (dir === "asc" ? "desc" : "asc") : c.sort === "title" || c.sort === "status" ? "asc" : "desc";
              return (
                <th key={c.label} scope="col" aria-sort={current ? (dir === "asc" ? "ascending" : "descending") : undefined} className="px-4 py-2">
                  {c.sort ? (
                    <Link href={sortHref(c.sort, nextDir)} prefetch={false} className="hover:underline">
                      {c.label}
                      {current && <span aria-hidden="true">{dir === "asc" ? " ↑" : " ↓"}</span>}
                      <span className="sr-only">, sort {nextDir === "asc" ? "ascending" : "descending"}</span>
                    </Link>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-200 md:table-row-group">
          {rows.map((a) => (
            <tr key={a.id} className="block py-2 md:table-row md:py-0">
              <td className="block px-4 py-1 md:table-cell md:py-2">
                <Link href={`/newsroom/articles/${a.id}`} prefetch={false} className="font-medium text-brand-800 hover:underline">
                  {a.title || "Untitled draft"}
                </Link>
                {a.standfirst && <p className="mt-0.5 line-clamp-1 text-xs text-slate-600">{a.standfirst}</p>}
              </td>
              <td data-label="Status:" className={cell}>
                <StatusBadge status={a.status} live={a.isLive} />
                {a.expiredAt && !a.isLive && <span className="mt-0.5 block text-xs text-slate-600">Expired on {formatShortDate(a.expiredAt)}</span>}
              </td>
              <td data-label="Drafter:" className={cell}>{a.drafters ?? "—"}</td>
              <td data-label="Last change:" className={`${cell} md:whitespace-nowrap`}>{formatShortDate(a.updatedAt)}</td>
              <td data-label="Published:" className={`${cell} md:whitespace-nowrap`}>{a.publishedAt ? formatShortDate(a.publishedAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
