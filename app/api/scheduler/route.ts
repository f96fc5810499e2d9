import { expireDueArticles } from "@/lib/articles/expiry";
import { publishDueArticles } from "@/lib/articles/transitions";
import { unavailableResponse } from "@/lib/errors";
import { getNextDueAt } from "@/lib/scheduler/due";
import { expireTags } from "@/lib/revalidate";
import { holdSchedulerLease } from "@/lib/scheduler/lease";
import { isSchedulerToken } from "@/lib/scheduler/token";

export const dynamic = "force-dynamic";

/** Called by the server's own scheduler loop (lib/scheduler/loop.ts): publishes what is due, then takes down what expired. */
export async function POST(request: Request) {
  if (!isSchedulerToken(request.headers.get("x-masthead-scheduler"))) return new Response("Not found", { status: 404 });
  try {
    // Several instances on one database: only the lease holder publishes and takes down.
    if (!await holdSchedulerLease()) {
      const next = await getNextDueAt();
      // Nothing overdue: this instance's public pages need not wait for the holder's run.
      const caughtUp = !next || next.getTime() > Date.now();
      return Response.json({ leader: false, caughtUp, nextDueAt: next?.getTime() ?? null }, { headers: { "Cache-Control": "no-store" } });
    }
    const { published, tags } = await publishDueArticles();
    expireTags(tags);
    // After the publications, so a piece both due and expired while the server was down ends up off the site.
    const { expired, tags: expiredTags } = await expireDueArticles();
    expireTags(expiredTags);
    const next = await getNextDueAt();
    return Response.json({ leader: true, caughtUp: true, published, expired, nextDueAt: next?.getTime() ?? null }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // A held lock or a disk fault passes: answer 503 so the loop simply asks again later.
    const unavailable = unavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
}
