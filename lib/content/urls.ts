/*
 * The one rule for URLs a user may put in a body: http, https, mailto, or a path on this site.
 * Control characters (browsers silently drop tabs and newlines inside "java\tscript:") and
 * anything that does not parse as a URL are refused rather than repaired.
 */

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** Returns the href to emit, or null when the URL is not allowed. */
export function safeLinkHref(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const value = raw.trim();
  if (value === "" || value.length > 2048 || CONTROL_CHARS.test(value)) return null;
  if (value.startsWith("/")) {
    // "//host" and "/\host" are protocol-relative: they leave the site.
    return value.startsWith("//") || value.startsWith("/\\") ? null : value;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
}
