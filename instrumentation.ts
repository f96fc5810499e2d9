// Runs once when the server starts: refuse a weak session secret, register the view counter,
// and start the scheduler that publishes scheduled articles (also those that came due while
// the server was down).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertProductionSecret } = await import("@/lib/env");
    assertProductionSecret();
    // Registers the view beacon's fast path with scripts/server.mjs (see lib/views/recorder.ts).
    await import("@/lib/views/recorder");
    // Tells scripts/server.mjs which requests are public pages it may keep (lib/public/cacheable.ts).
    (await import("@/lib/public/cacheable")).registerPublicRequestClassifier();
    if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
      const { startScheduler } = await import("@/lib/scheduler/loop");
      startScheduler(process.env.PORT ?? "3000");
      // Delivers purges to the cache tier, including any a previous run could not (lib/cache-tier).
      (await import("@/lib/cache-tier/purge")).startPurgeDelivery();
    }
  }
}
