import crypto from "node:crypto";

/*
 * "The same reader within 30 minutes counts once", without storing anything about readers.
 * A reader is known only as an HMAC of IP + user agent + article under a random salt that lives
 * in memory and is replaced every UTC day: the keys cannot be reversed or linked across days,
 * and nothing is written anywhere. A restart forgets them (at worst one extra view per reader).
 */

export const DEDUP_WINDOW_MS = 30 * 60 * 1000;
/** Bounds memory (~100 bytes an entry); past it the oldest keys are dropped first. */
export const DEDUP_MAX_ENTRIES = 200_000;

// Crawlers, previews, monitors, HTTP libraries and headless browsers (which include Lighthouse).
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|archiver|preview|facebookexternalhit|embedly|whatsapp|telegram|headless|lighthouse|pagespeed|chrome-lighthouse|phantomjs|puppeteer|playwright|selenium|curl|wget|python|java\/|go-http|node-fetch|undici|axios|okhttp|httpclient|libwww|scrapy|autocannon|monitor|uptime|feed|rss/i;

/** Obvious non-human clients: no browser user agent, or a known bot, tool or headless browser. */
export function isBot(userAgent: string | null | undefined): boolean {
  const ua = userAgent?.trim() ?? "";
  return !/^Mozilla\/\d/.test(ua) || BOT.test(ua);
}

/** UTC day "YYYY-MM-DD" of a timestamp. */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** A reader of an article as an HMAC under `secret`: not reversible, not linkable across secrets. */
export function readerKey(secret: Buffer, { ip, userAgent, articleId }: { ip: string; userAgent: string; articleId: number }): string {
  return crypto.createHmac("sha256", secret).update(`${ip}\n${userAgent}\n${articleId}`).digest("base64url").slice(0, 22);
}

/** Remembers which readers were counted for which article in the last 30 minutes. */
export class ViewDeduper {
  private salt = { day: "", key: Buffer.alloc(0) };
  private seen = new Map<string, number>();

  constructor(
    private readonly windowMs = DEDUP_WINDOW_MS,
    private readonly maxEntries = DEDUP_MAX_ENTRIES,
  ) {}

  /** True the first time this reader opens this article within the window; false on repeats. */
  shouldCount(input: { ip: string; userAgent: string; articleId: number; now: number }): boolean {
    const key = this.keyFor(input);
    const until = this.seen.get(key);
    if (until !== undefined && until > input.now) return false;
    // Re-insert so the Map stays ordered by expiry: the oldest entries come first.
    this.seen.delete(key);
    this.seen.set(key, input.now + this.windowMs);
    this.prune(input.now);
    return true;
  }

  /** Number of remembered keys (for tests and bounds). */
  get size(): number {
    return this.seen.size;
  }

  private keyFor({ ip, userAgent, articleId, now }: { ip: string; userAgent: string; articleId: number; now: number }) {
    const day = utcDay(now);
    if (this.salt.day !== day) {
      // A new day: a new salt, and yesterday's keys can never match again, so drop them.
      this.salt = { day, key: crypto.randomBytes(32) };
      this.seen.clear();
    }
    return readerKey(this.salt.key, { ip, userAgent, articleId });
  }

  private prune(now: number) {
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size <= this.maxEntries) break;
      this.seen.delete(key);
    }
  }
}
