import type { Metadata } from "next";
import Link from "next/link";
import { AutoSubmitForm } from "@/components/newsroom/auto-submit-form";
import { Pager } from "@/components/newsroom/pager";
import { requirePageUser } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { parsePage, type RawParams } from "@/lib/newsroom/article-list";
import { describeAudit } from "@/lib/newsroom/audit-sentence";
import { plural } from "@/lib/newsroom/format";
import { getAuditLog } from "@/lib/newsroom/reads";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Audit log" };

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const field = "mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageUser("audit.read");
  const query = await searchParams;
  // `article` is an id (from a link) or words of a title; anything else is ignored.
  const articleText = text(query.article).slice(0, 100);
  const articleId = /^\d{1,9}$/.test(articleText) ? Number(articleText) : undefined;
  const personText = text(query.person);
  const personId = /^\d{1,9}$/.test(personText) ? Number(personText) : undefined;
  const actionText = text(query.action);
  const page = parsePage(query.page);
  // An action code that occurs nowhere simply matches nothing; anything not shaped like one is ignored.
  const action = /^[a-z_.]{1,60}$/.test(actionText) ? actionText : undefined;
  const log = await getAuditLog(user, { articleId, articleQuery: articleId ? undefined : articleText, personId, action, page });
  const timeZone = env().MASTHEAD_TIME_ZONE;
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (articleText) q.set("article", articleText);
    if (personId) q.set("person", String(personId));
    if (action) q.set("action", action);
    if (p > 1) q.set("page", String(p));
    return `/newsroom/audit${q.size ? `?${q}` : ""}`;
  };
  const filtered = Boolean(articleText || personId || action);
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
      <p className="mt-1 text-sm text-slate-600">Every transition, save, comment, sign-in and staff change. Rows are never changed or deleted. Times in {timeZone}.</p>
      <AutoSubmitForm action="/newsroom/audit" label="Filter the audit log" className="mt-4 grid gap-3 rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <div>
          <label htmlFor="audit-person" className="block text-sm font-medium">Person</label>
          <select id="audit-person" name="person" defaultValue={personId ?? ""} className={field}>
            <option value="">Everyone</option>
            {log.staff.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium">Action</label>
          <select id="audit-action" name="action" defaultValue={action ?? ""} className={field}>
            <option value="">Any action</option>
            <option value="refused">Refused attempts</option>
            {log.actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-article" className="block text-sm font-medium">Article (title or id)</label>
          <input id="audit-article" name="article" type="search" defaultValue={articleText} maxLength={100} className={field} />
        </div>
        <div className="flex gap-3">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">Filter</button>
          {filtered && <Link href="/newsroom/audit" prefetch={false} className="self-center text-sm font-medium text-brand-800 underline">Clear filters</Link>}
        </div>
      </AutoSubmitForm>
      <p aria-live="polite" className="mt-4 text-sm text-slate-700">{plural(log.total, "entry", "entries")}{filtered ? " match these filters" : ""}.</p>
      {log.rows.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center font-medium text-slate-900">
          No entries match these filters. <Link href="/newsroom/audit" prefetch={false} className="text-brand-800 underline">Clear filters</Link>
        </p>
      ) : (
        <div className="mt-4 rounded-lg border border-slate-300 bg-white">
          <table className="block w-full text-left text-sm md:table">
            <thead className="hidden border-b border-slate-300 bg-slate-50 text-slate-700 md:table-header-group">
              <tr>
                <th scope="col" className="px-3 py-2">What happened</th>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">Action</th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-200 md:table-row-group">
              {log.rows.map((r) => {
                const s = describeAudit(r);
                return (
                  <tr key={r.id} className={`block py-2 md:table-row md:py-0 ${s.refused ? "border-l-4 border-l-red-700 bg-red-50" : ""}`}>
                    <td className="block px-3 py-1 break-words md:table-cell md:py-2">
                      {s.refused && <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">Refused</span>}
                      <span className="font-semibold text-slate-900">{s.who}</span> {s.before}
                      {s.article && (
                        <>
                          {" "}
                          <Link href={`/newsroom/articles/${s.article.id}`} prefetch={false} className="text-brand-800 underline">“{s.article.title}”</Link>
                        </>
                      )}
                      {s.after}
                      {s.reason && <span className="block text-xs text-red-900">{s.reason}</span>}
                    </td>
                    <td className="block px-3 py-0.5 text-slate-600 md:table-cell md:py-2 md:whitespace-nowrap">
                      <time dateTime={r.at.toISOString()}>{formatDateTime(r.at, timeZone)}</time>
                    </td>
                    <td className="block px-3 py-0.5 font-mono text-xs text-slate-600 md:table-cell md:py-2">{r.action}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={log.page} pages={log.pages} href={href} label="Audit log pages" />
    </>
  );
}
