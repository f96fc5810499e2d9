// Small helpers of the soak benchmark: per-request-type tallies, percentiles, a least-squares
// slope and a loop that is bounded both in time and in count.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The p-th percentile (nearest rank) of `values`, or null when there are none. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

/** Least-squares slope of y over x, or null with fewer than two points. */
export function slope(points) {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? null : points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}

/** Why a request failed, in a few words: the status, a timeout, or the socket error's code. */
export function failureKind(error) {
  if (error?.name === "TimeoutError" || error?.name === "AbortError") return "timeout";
  return error?.cause?.code ?? error?.code ?? error?.message ?? String(error);
}

/** Counts, failures by kind and latencies for each request type driven by our own loops. */
export class Tally {
  types = new Map();

  entry(type) {
    let e = this.types.get(type);
    if (!e) this.types.set(type, (e = { count: 0, errors: 0, kinds: {}, latencies: [] }));
    return e;
  }

  /**
   * Times `fn`, which resolves to true (success) or to a string naming the failure; a throw is a
   * failure too (timeout, refused connection). Resolves to what `fn` returned, or null on a throw.
   */
  async time(type, fn) {
    const e = this.entry(type);
    const t0 = performance.now();
    let outcome;
    let value = null;
    try {
      value = await fn();
      outcome = value === false || typeof value === "string" ? String(value) : true;
    } catch (error) {
      outcome = failureKind(error);
    }
    e.count += 1;
    e.latencies.push(performance.now() - t0);
    if (outcome !== true) {
      e.errors += 1;
      e.kinds[outcome] = (e.kinds[outcome] ?? 0) + 1;
    }
    return outcome === true ? value : null;
  }

  /** One row per type: count, errors (with their kinds), p50 and p99 in ms. */
  rows() {
    return [...this.types].map(([type, e]) => ({ type, count: e.count, errors: e.errors, p50: percentile(e.latencies, 50), p99: percentile(e.latencies, 99), failures: e.kinds }));
  }
}

/**
 * Starts `task(i)` every `intervalMs` until `until` (a Date.now() value), at most `maxInFlight`
 * at once (a tick with no free slot is skipped and counted), and never more than the duration
 * allows; resolves once the last task has settled. Tasks must not throw.
 */
export async function pacedLoop({ intervalMs, until, maxInFlight = 1, task }) {
  const inFlight = new Set();
  const maxCount = Math.ceil((until - Date.now()) / intervalMs) + 1;
  let started = 0;
  let skipped = 0;
  while (Date.now() < until && started + skipped < maxCount) {
    const tick = Date.now();
    if (inFlight.size < maxInFlight) {
      const p = task(started++).finally(() => inFlight.delete(p));
      inFlight.add(p);
    } else {
      skipped += 1;
    }
    await sleep(Math.max(0, intervalMs - (Date.now() - tick)));
  }
  await Promise.all(inFlight);
  return { started, skipped };
}
