// Runs once when the server starts: refuse to serve with a weak session secret, and register
// the view counter.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertProductionSecret } = await import("@/lib/env");
    assertProductionSecret();
    // Registers the view beacon's fast path with scripts/server.mjs (see lib/views/recorder.ts).
    await import("@/lib/views/recorder");
  }
}
