/*
 * The cookies next-auth keeps a session in: plain, and `__Secure-` over HTTPS (either may be
 * split into `.0`, `.1`… chunks when large). One list for the proxy, the session helper and
 * the page cache, which must never share a rendering made for a signed-in request.
 */
export const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/** Whether a Cookie header carries a session cookie. */
export function hasSessionCookie(cookieHeader: string | string[] | undefined | null): boolean {
  return SESSION_COOKIE.test(Array.isArray(cookieHeader) ? cookieHeader.join("; ") : (cookieHeader ?? ""));
}
