// Request-size limits shared by next.config.ts (Next's server-action body limit) and
// scripts/server.mjs (which answers a larger request with a clear 413 before Next reads it).

/**
 * Bytes a server-action request may carry. A save holds a body of at most 2,000,000 characters
 * of JSON (lib/content/validate.ts), up to 3 bytes each in UTF-8, plus the form's framing.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/** What the editor shows when a save is over the limit; it starts this way so it can tell. */
export const TOO_LARGE_MESSAGE = "The article is too large to save (over 8 MB). Nothing was changed; your text is kept in this browser.";
