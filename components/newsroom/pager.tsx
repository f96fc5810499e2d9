import Link from "next/link";

/** "Page 2 of 5" with Previous/Next links; nothing when everything fits on one page. */
export function Pager({ page, pages, href, label }: { page: number; pages: number; href: (page: number) => string; label: string }) {
  if (pages <= 1) return null;
  const link = "rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium text-brand-800 hover:bg-slate-50";
  const off = "rounded-md border border-slate-300 px-3 py-1.5 text-slate-600";
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} prefetch={false} rel="prev" className={link}>
          ← Previous
        </Link>
      ) : (
        <span aria-hidden="true" className={off}>← Previous</span>
      )}
      <span aria-current="page">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} prefetch={false} rel="next" className={link}>
          Next →
        </Link>
      ) : (
        <span aria-hidden="true" className={off}>Next →</span>
      )}
    </nav>
  );
}
