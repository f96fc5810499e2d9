import { STATUS_LABEL, type ArticleStatus } from "@/lib/articles/status";

const TONE: Record<ArticleStatus, string> = {
  draft: "bg-slate-200 text-slate-800",
  in_review: "bg-amber-100 text-amber-900",
  changes_requested: "bg-red-100 text-red-900",
  scheduled: "bg-sky-100 text-sky-900",
  published: "bg-emerald-100 text-emerald-900",
  unpublished: "bg-slate-300 text-slate-900",
};

/** The state of an article as a small label. */
export function StatusBadge({ status, live = false }: { status: ArticleStatus; live?: boolean }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${TONE[status]}`}>
      {STATUS_LABEL[status]}
      {live && status !== "published" ? " · live version on site" : ""}
    </span>
  );
}
