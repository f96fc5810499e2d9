// Runs once when the server starts: refuse to serve with a weak session secret.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertProductionSecret } = await import("@/lib/env");
    assertProductionSecret();
  }
}
