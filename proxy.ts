import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/lib/auth/cookie-names";

/*
 * Comfort only: sends visitors without a session cookie straight to sign-in, marks newsroom
 * responses no-store and tells pages their own path. Every page and action checks the
 * session against the database itself; nothing here is a guard.
 */

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-masthead-path", pathname + search);

  if (pathname.startsWith("/newsroom") && !hasSessionCookie(request.headers.get("cookie"))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    const response = NextResponse.redirect(login);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

// /review/<token>: an outside review link shows a draft; no browser or shared cache may keep it.
export const config = { matcher: ["/newsroom/:path*", "/login", "/set-password", "/review/:path*"] };
