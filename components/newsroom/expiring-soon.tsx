import Link from "next/link";
import { env } from "@/lib/env";
import { listExpiringSoon } from "@/lib/newsroom/expiring";
import type { CurrentUser } from "@/lib/permissions";
import { formatDateTime } from "@/lib/time";

/** The dashboard's "Expiring soon": what leaves the public site by its expiry within 7 days. */
export async function ExpiringSoon({ user }: { user: CurrentUser }) {
  if (user.role === "drafter") return null;
  const expiring = await listExpiringSoon(user);
  const timeZone = env().MASTHEAD_TIME_ZONE;
  return (
    <section aria-label="Expiring soon" className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold text-slate-900">Expiring soon</h2>
      {expiring.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Nothing expires in the next 7 days.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200">
          {expiring.map((a) => (
            <li key={a.id} className="py-2.5">
              <Link href={`/newsroom/articles/${a.id}`} prefetch={false} className="font-medium text-brand-800 hover:underline">
                {a.title || "Untitled draft"}
              </Link>
              <p className="text-xs text-slate-600">
                Leaves the site <time dateTime={a.expiresAt.toISOString()}>{formatDateTime(a.expiresAt, timeZone)}</time> ({timeZone}) · {a.fromNow}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
