import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** For load balancers and the test runner: 200 when the database answers. */
export async function GET() {
  const ok = await checkHealth();
  return Response.json({ ok }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
