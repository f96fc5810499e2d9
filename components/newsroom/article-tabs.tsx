import Link from "next/link";

/** Editor / Preview / History for one article. */
export function ArticleTabs({ id, current }: { id: number; current: "edit" | "preview" | "history" }) {
  const tabs = [
    { key: "edit", href: `/newsroom/articles/${id}`, label: "Editor" },
    { key: "preview", href: `/newsroom/articles/${id}/preview`, label: "Preview" },
    { key: "history", href: `/newsroom/articles/${id}/history`, label: "History" },
  ] as const;
  return (
    <nav aria-label="Article views" className="mb-6 flex gap-1 border-b border-slate-300">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          prefetch={false}
          aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px rounded-t border px-4 py-2 text-sm font-medium ${t.key === current ? "border-slate-300 border-b-slate-100 bg-slate-100 text-slate-900" : "border-transparent text-brand-700 hover:underline"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
