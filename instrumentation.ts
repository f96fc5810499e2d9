// Runs once when the server starts: refuse a weak session secret, then start the scheduler
// that publishes scheduled articles (and anything that came due while the server was down).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertProductionSecret } = await import("@/lib/env");
    assertProductionSecret();
    if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
      const { startScheduler } = await import("@/lib/scheduler/loop");
      startScheduler(process.env.PORT ?? "3000");
    }
  }
}
