import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/guard";
import { formatCount, formatDate } from "@/lib/format";
import { getDashboard } from "@/lib/newsroom/dashboard";
import { getMostReadThisWeek } from "@/lib/newsroom/views";

export const metadata: Metadata = { title: "Dashboard" };

const STATUS_LABEL = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  scheduled: "Scheduled",
  published: "Published",
  unpublished: "Unpublished",
} as const;

export default async function DashboardPage() {
  const user = await requirePageUser();
  const { mine, waiting, published } = getDashboard(user);
  const mostRead = getMostReadThisWeek(user);
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Good to see you, {user.name.split(" ")[0]}</h1>
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Panel title="My drafts" empty="You have no drafts in progress.">
          {mine.map((a) => (
            <Row key={a.id} title={a.title} meta={`${STATUS_LABEL[a.status]} · updated ${formatDate(a.updatedAt.toISOString())}`} />
          ))}
        </Panel>
        {user.role !== "drafter" && (
          <Panel title="Waiting for review" empty="Nothing waits for review.">
            {waiting.map((a) => (
              <Row key={a.id} title={a.title} meta={`From ${a.drafter ?? "unknown"} · sent ${formatDate(a.updatedAt.toISOString())}`} />
            ))}
          </Panel>
        )}
        <Panel title="Published lately" empty="Nothing has been published yet.">
          {published.map((a) => (
            <Row key={a.id} title={a.title} meta={`Live since ${formatDate(a.updatedAt.toISOString())}`} href={`/news/${a.slug}`} />
          ))}
        </Panel>
        <Panel title="Most read this week" empty="No views counted in the last seven days.">
          {mostRead.map((a) => (
            <Row key={a.id} title={a.title} meta={`${formatCount(a.views)} ${a.views === 1 ? "view" : "views"} in 7 days`} href={`/news/${a.slug}`} />
          ))}
        </Panel>
      </div>
    </>
  );
}

function Panel({ title, empty, children }: { title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children.length === 0 ? <p className="mt-3 text-sm text-slate-600">{empty}</p> : <ul className="mt-3 divide-y divide-slate-200">{children}</ul>}
    </section>
  );
}

function Row({ title, meta, href }: { title: string; meta: string; href?: string }) {
  return (
    <li className="py-2.5">
      {href ? (
        <Link href={href} prefetch={false} className="font-medium text-brand-800 hover:underline">
          {title}
        </Link>
      ) : (
        <span className="font-medium text-slate-900">{title}</span>
      )}
      <p className="text-xs text-slate-600">{meta}</p>
    </li>
  );
}
