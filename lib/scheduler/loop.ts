import { schedulerToken } from "./token";

/*
 * Scheduled publication without cron: the server process itself calls its own /api/scheduler
 * (a request context is what lets Next revalidate cache tags) right after start, which
 * publishes anything that came due while it was down, and then again when the next article is
 * due (at most every 15 seconds, to pick up new schedules).
 */
const MAX_WAIT_MS = 15_000;
let started = false;

export function startScheduler(port: string) {
  if (started) return;
  started = true;
  const url = `http://127.0.0.1:${port}/api/scheduler`;
  const tick = async () => {
    let wait = MAX_WAIT_MS;
    try {
      const res = await fetch(url, { method: "POST", headers: { "x-masthead-scheduler": schedulerToken() } });
      const body = (await res.json()) as { nextDueAt?: number | null };
      // scripts/server.mjs holds public pages until this first run has published what is due.
      if (res.ok) (globalThis as { __mastheadSchedulerCaughtUp?: () => void }).__mastheadSchedulerCaughtUp?.();
      if (body.nextDueAt) wait = Math.max(200, Math.min(MAX_WAIT_MS, body.nextDueAt - Date.now()));
    } catch {
      wait = 1_000; // the server is still starting
    }
    setTimeout(() => void tick(), wait).unref();
  };
  setTimeout(() => void tick(), 100).unref();
}
