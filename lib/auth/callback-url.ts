/** Where sign-in leads when no safe destination was asked for. */
export const DEFAULT_AFTER_SIGN_IN = "/newsroom";

/**
 * Returns `raw` only if it is a path on this site; anything that could leave it (absolute URLs,
 * "//host", "/\host", schemes, control characters) becomes the newsroom home.
 */
export function safeCallbackUrl(raw: unknown, origin = "http://masthead.invalid"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return DEFAULT_AFTER_SIGN_IN;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return DEFAULT_AFTER_SIGN_IN;
  let candidate = raw;
  // next-auth hands back absolute URLs of this site; accept those by reducing them to a path.
  if (!raw.startsWith("/")) {
    try {
      const url = new URL(raw);
      if (url.origin !== new URL(origin).origin) return DEFAULT_AFTER_SIGN_IN;
      candidate = url.pathname + url.search + url.hash;
    } catch {
      return DEFAULT_AFTER_SIGN_IN;
    }
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  // Resolve against a fixed origin: the result must stay on it (catches "/%2F%2Fevil", dot tricks).
  try {
    const resolved = new URL(candidate, "http://masthead.invalid");
    if (resolved.origin !== "http://masthead.invalid") return DEFAULT_AFTER_SIGN_IN;
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
}
