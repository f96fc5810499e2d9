import type { Page } from "@/lib/pagination";

interface PaginationNavProps {
  page: Page;
  basePath: string;
  /** Other query parameters to keep (the search terms). */
  params?: Record<string, string>;
  /** Link texts; listings are newest first, search results best first. */
  labels?: { previous: string; next: string };
}

/** "Newer" / "Older" links and the page position for a paginated listing. */
export function PaginationNav({ page, basePath, params = {}, labels = { previous: "Newer", next: "Older" } }: PaginationNavProps) {
  if (page.pageCount <= 1) return null;
  const href = (n: number) => {
    const query = new URLSearchParams(params);
    if (n > 1) query.set("page", String(n));
    const qs = query.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const linkClass =
    "rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 focus-visible:bg-brand-50";
  return (
    <nav aria-label="Pagination" className="mt-12 flex items-center justify-between border-t border-slate-300 pt-6">
      {page.hasPrevious ? (
        <a href={href(page.page - 1)} rel="prev" className={linkClass}>
          ← {labels.previous}
        </a>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-600" aria-current="page">
        Page {page.page} of {page.pageCount}
      </p>
      {page.hasNext ? (
        <a href={href(page.page + 1)} rel="next" className={linkClass}>
          {labels.next} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
