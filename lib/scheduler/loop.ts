import { schedulerToken } from "./token";

/*
 * Scheduled publication without cron: the server process itself calls its own /api/scheduler
 * (a request context is what lets Next revalidate cache tags) right after start, which
 * publishes anything that came due while it was down, and then again when the next article is
 * due (at most every 10 seconds, to pick up new schedules and renew the scheduler lease).
 */
const MAX_WAIT_MS = 10_000;
/** How often an instance without the scheduler lease asks again (lib/scheduler/lease.ts). */
const LEASE_RETRY_MS = 5_000;
let started = false;

export function startScheduler(port: string) {
  if (started) return;
  started = true;
  const url = `http://127.0.0.1:${port}/api/scheduler`;
  const tick = async () => {
    let wait = MAX_WAIT_MS;
    try {
      const res = await fetch(url, { method: "POST", headers: { "x-masthead-scheduler": schedulerToken() } });
      const body = (await res.json()) as { nextDueAt?: number | null; leader?: boolean; caughtUp?: boolean };
      // scripts/server.mjs holds public pages until this first run has published what is due.
      if (res.ok && body.caughtUp) (globalThis as { __mastheadSchedulerCaughtUp?: () => void }).__mastheadSchedulerCaughtUp?.();
      if (body.nextDueAt) wait = Math.max(200, Math.min(MAX_WAIT_MS, body.nextDueAt - Date.now()));
      // The lease holder renews at least every MAX_WAIT_MS; the others try for it more often.
      if (res.ok && !body.leader) wait = LEASE_RETRY_MS;
    } catch {
      wait = 1_000; // the server is still starting
    }
    setTimeout(() => void tick(), wait).unref();
  };
  setTimeout(() => void tick(), 100).unref();
}
