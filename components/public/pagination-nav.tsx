import Link from "next/link";
import type { Page } from "@/lib/pagination";

/** "Newer" / "Older" links and the page position for a paginated listing. */
export function PaginationNav({ page, basePath }: { page: Page; basePath: string }) {
  if (page.pageCount <= 1) return null;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?page=${n}`);
  const linkClass =
    "rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 focus-visible:bg-brand-50";
  return (
    <nav aria-label="Pagination" className="mt-12 flex items-center justify-between border-t border-slate-300 pt-6">
      {page.hasPrevious ? (
        <Link href={href(page.page - 1)} rel="prev" className={linkClass}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-600" aria-current="page">
        Page {page.page} of {page.pageCount}
      </p>
      {page.hasNext ? (
        <Link href={href(page.page + 1)} rel="next" className={linkClass}>
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
