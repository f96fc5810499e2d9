import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/guard";
import { getAuditLog } from "@/lib/newsroom/reads";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Audit log" };

const toId = (raw: string | undefined) => (raw && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ article?: string; person?: string }> }) {
  const user = await requirePageUser("audit.read");
  const query = await searchParams;
  const articleId = toId(query.article);
  const personId = toId(query.person);
  const { rows, staff } = getAuditLog(user, { articleId, personId });
  const timeZone = env().MASTHEAD_TIME_ZONE;
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
      <p className="mt-1 text-sm text-slate-600">Every transition, save, comment, sign-in and staff change. Rows are never changed or deleted. Times in {timeZone}.</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="audit-person" className="block text-sm font-medium">Person</label>
          <select id="audit-person" name="person" defaultValue={personId ?? ""} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm">
            <option value="">Everyone</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-article" className="block text-sm font-medium">Article id</label>
          <input id="audit-article" name="article" inputMode="numeric" defaultValue={articleId ?? ""} className="mt-1 w-32 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">Filter</button>
      </form>
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-300 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">When</th>
              <th scope="col" className="px-3 py-2">Who</th>
              <th scope="col" className="px-3 py-2">What</th>
              <th scope="col" className="px-3 py-2">From → to</th>
              <th scope="col" className="px-3 py-2">Article or person</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-1.5 whitespace-nowrap">{formatDateTime(r.at, timeZone)}</td>
                <td className="px-3 py-1.5">{r.actor ?? "System"}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{r.action}</td>
                <td className="px-3 py-1.5">{r.fromState || r.toState ? `${r.fromState ?? "—"} → ${r.toState ?? "—"}` : ""}</td>
                <td className="px-3 py-1.5">
                  {r.articleId ? (
                    <Link href={`/newsroom/audit?article=${r.articleId}`} prefetch={false} className="text-brand-700 underline">{r.articleTitle || `#${r.articleId}`}</Link>
                  ) : (
                    r.subject
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
