import { NextResponse } from "next/server";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser, SESSION_COOKIE_NAMES } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Where a newsroom page sends a browser whose session has ended (deactivated, role changed,
 * password reset): the dead cookie is deleted and the person lands on sign-in, told why. A
 * session that is still valid is left alone, so a link here cannot sign anyone out.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const callbackUrl = safeCallbackUrl(url.searchParams.get("callbackUrl"));
  const user = await getCurrentUser();
  const target = user ? callbackUrl : `/login?callbackUrl=${encodeURIComponent(callbackUrl)}&ended=1`;
  // A relative Location keeps the browser on whatever host it used.
  const response = new NextResponse(null, { status: 303, headers: { Location: target, "Cache-Control": "private, no-store" } });
  if (!user) for (const name of SESSION_COOKIE_NAMES) response.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  return response;
}
