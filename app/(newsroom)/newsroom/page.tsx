import type { Metadata } from "next";
import Link from "next/link";
import { NewArticleButton } from "@/components/newsroom/new-article-button";
import { requirePageUser } from "@/lib/auth/guard";
import { formatDate } from "@/lib/format";
import { plural } from "@/lib/newsroom/format";
import { STATUS_LABEL } from "@/lib/articles/status";
import { getDashboard } from "@/lib/newsroom/dashboard";
import { getMostReadThisWeek } from "@/lib/newsroom/views";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/time";
import { MarkReadButton } from "@/components/newsroom/mark-read-button";
import { AssignmentsDashboard } from "@/components/newsroom/assignments/assignments-dashboard";
import { ExpiringSoon } from "@/components/newsroom/expiring-soon";

export const metadata: Metadata = { title: "Dashboard" };


export default async function DashboardPage() {
  const user = await requirePageUser();
  const { mine, waiting, published, scheduled, late, notifications } = await getDashboard(user);
  const unread = notifications.filter((n) => !n.readAt).length;
  const timeZone = env().MASTHEAD_TIME_ZONE;
  const mostRead = await getMostReadThisWeek(user);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">Good to see you, {user.name.split(" ")[0]}</h1>
        <NewArticleButton />
      </div>
      <AssignmentsDashboard user={user} />
      <section aria-labelledby="notifications-heading" className="mt-6 rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
        <div className="flex items-center justify-between gap-4">
          <h2 id="notifications-heading" className="text-lg font-semibold text-slate-900">
            Notifications {unread > 0 && <span className="ml-1 rounded-full bg-accent-700 px-2 py-0.5 text-xs text-white">{unread} new</span>}
          </h2>
          {unread > 0 && <MarkReadButton />}
        </div>
        {notifications.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Nothing yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 text-sm">
            {notifications.slice(0, 8).map((n) => (
              <li key={n.id} className={`py-2 ${n.readAt ? "text-slate-600" : "font-medium text-slate-900"}`}>
                {n.articleId ? (
                  <Link href={`/newsroom/articles/${n.articleId}`} prefetch={false} className="hover:underline">
                    {n.message}
                  </Link>
                ) : (
                  n.message
                )}
                <span className="ml-2 text-xs font-normal text-slate-600">{formatDateTime(n.createdAt, timeZone)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Panel title="My drafts" empty="You have no drafts in progress.">
          {mine.map((a) => (
            <Row key={a.id} title={a.title || "Untitled draft"} meta={`${STATUS_LABEL[a.status]} · updated ${formatDate(a.updatedAt.toISOString())}`} href={`/newsroom/articles/${a.id}`} />
          ))}
        </Panel>
        {user.role !== "drafter" && (
          <Panel title="Waiting for review" empty="Nothing waits for review.">
            {waiting.map((a) => (
              <Row key={a.id} title={a.title || "Untitled draft"} meta={`From ${a.drafter ?? "unknown"} · sent ${formatDate((a.submittedAt ?? a.updatedAt).toISOString())}`} href={`/newsroom/articles/${a.id}`} />
            ))}
          </Panel>
        )}
        {user.role !== "drafter" && (
          <Panel title="Scheduled" empty={`Nothing is scheduled. Times are in ${timeZone}.`}>
            {scheduled.map((a) => (
              <Row key={a.id} title={a.title} meta={`Goes live ${a.scheduledFor ? formatDateTime(a.scheduledFor, timeZone) : ""} (${timeZone})`} href={`/newsroom/articles/${a.id}`} />
            ))}
          </Panel>
        )}
        <ExpiringSoon user={user} />
        {late.length > 0 && (
          <Panel title="Went live late" empty="">
            {late.map((l) => (
              <Row key={`${l.articleId}-${l.at.getTime()}`} title={l.title} meta={`Live ${formatDateTime(l.at, timeZone)}, ${plural(Math.max(1, Math.round(Number((l.details as { lateByMs?: number }).lateByMs ?? 0) / 60_000)), "minute")} after its scheduled time (the server was down)`} href={`/newsroom/articles/${l.articleId}`} />
            ))}
          </Panel>
        )}
        <Panel title="Published lately" empty="Nothing has been published yet.">
          {published.map((a) => (
            <Row key={a.id} title={a.title} meta={publishedMeta(a.publishedAt, a.updatedAt)} href={`/news/${a.slug}`} />
          ))}
        </Panel>
        <Panel title="Most read this week" empty="No views counted in the last seven days.">
          {mostRead.map((a) => (
            <Row key={a.id} title={a.title} meta={`${plural(a.views, "view")} in 7 days · ${plural(a.total, "view")} in all`} href={`/news/${a.slug}`} />
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


/** "Published March 3, 2026", plus "· updated March 5, 2026" when the live text changed on a later day. */
function publishedMeta(publishedAt: Date, updatedAt: Date): string {
  const published = formatDate(publishedAt.toISOString());
  const updated = formatDate(updatedAt.toISOString());
  return updated === published ? `Published ${published}` : `Published ${published} · updated ${updated}`;
}
