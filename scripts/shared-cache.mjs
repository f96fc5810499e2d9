// What several instances share through Redis (MASTHEAD_REDIS_URL): Next's cache entries (pages
// and data, see scripts/cache-handler.mjs), when each cache tag was last expired, and a channel
// on which every instance hears of each expiry so it drops its own whole-page copies
// (scripts/page-cache.mjs). Without MASTHEAD_REDIS_URL none of this is used.
//
// The rule that keeps instances from serving what changed: a tag's expiry time is written to
// Redis before anyone is told (channel, cache tier), and an entry counts as expired when one of
// its tags expired after the entry's read began. Plain ESM, loaded both by scripts/server.mjs
// and, through next.config.ts, by Next itself: one module, one connection per process.
import crypto from "node:crypto";
import { createClient } from "redis";

const COMMAND_TIMEOUT_MS = 1_000;
const ENTRY_TTL_SECONDS = 14 * 24 * 3600;

/** Buffers and Maps (a page's RSC payload and segments) survive the trip through JSON. */
function replacer(key, value) {
  const raw = this[key];
  if (Buffer.isBuffer(raw)) return { __buffer: raw.toString("base64") };
  if (raw instanceof Map) return { __map: [...raw.entries()] };
  return value;
}

function reviver(_key, value) {
  if (value && typeof value === "object") {
    if (typeof value.__buffer === "string" && Object.keys(value).length === 1) return Buffer.from(value.__buffer, "base64");
    if (Array.isArray(value.__map) && Object.keys(value).length === 1) return new Map(value.__map);
  }
  return value;
}

export const encodeEntry = (entry) => JSON.stringify(entry, replacer);
export const decodeEntry = (text) => JSON.parse(text, reviver);

/**
 * One instance's view of the shared cache: a command connection, a subscriber connection, and
 * the keys under `prefix`. `createSharedCache` is separate from the process-wide one below so a
 * test can run two "instances" side by side.
 */
export function createSharedCache({ url, prefix = "masthead", log = (message) => console.error(message) }) {
  const tagsKey = `${prefix}:tags:expired`;
  const channel = `${prefix}:tags:expired`;
  const entryKey = (key) => `${prefix}:entry:${key}`;
  const options = {
    url,
    // A command while disconnected fails at once: a cache that is away is a miss, not a wait.
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2_000) },
  };
  const client = createClient(options);
  const subscriber = createClient(options);
  // Expiries that could not be written (Redis away): written again on reconnection, so entries
  // Redis kept through a network break are not served as fresh afterwards.
  const unwritten = new Map();
  const listeners = new Set();
  const secrets = new Map();
  let connected = null;

  client.on("error", (error) => log(`shared cache: ${error.message}`));
  subscriber.on("error", (error) => log(`shared cache (channel): ${error.message}`));
  client.on("ready", () => void writeUnwritten());
  // After any break on the channel, expiries may have been missed: listeners drop everything.
  let subscribedOnce = false;
  subscriber.on("ready", () => {
    if (subscribedOnce) for (const listener of listeners) listener(null);
    subscribedOnce = true;
  });

  async function writeUnwritten() {
    if (unwritten.size === 0) return;
    const pending = [...unwritten.entries()];
    unwritten.clear();
    await writeExpiries(new Map(pending));
  }

  /** Records expiries (tag → ms) as the newest per tag, then tells every instance. */
  async function writeExpiries(expiries) {
    const tags = [...expiries.keys()];
    try {
      const multi = client.multi();
      // The newest expiry wins, whichever instance wrote it first (a Lua-free max: only raise).
      for (const [tag, at] of expiries) multi.eval(RAISE, { keys: [tagsKey], arguments: [tag, String(at)] });
      multi.publish(channel, JSON.stringify(tags));
      await multi.exec();
      return true;
    } catch (error) {
      for (const [tag, at] of expiries) unwritten.set(tag, Math.max(at, unwritten.get(tag) ?? 0));
      log(`shared cache: could not expire ${tags.join(", ")} (${error.message}); will retry on reconnection`);
      return false;
    }
  }

  return {
    url,
    prefix,
    /** Connects both connections (once); resolves when subscribed. Never rejects. */
    connect() {
      connected ??= (async () => {
        try {
          await client.connect();
          await subscriber.connect();
          await subscriber.subscribe(channel, (message) => {
            let tags;
            try {
              tags = JSON.parse(message);
            } catch {
              return;
            }
            if (Array.isArray(tags)) for (const listener of listeners) listener(tags.filter((t) => typeof t === "string"));
          });
        } catch (error) {
          log(`shared cache: could not connect to ${url} (${error.message}); retrying`);
        }
      })();
      return connected;
    },
    get ready() {
      return client.isReady;
    },
    /**
     * Hears each expiry from any instance: `tags`, or null after a break on the channel (then
     * anything may have changed).
     */
    onExpired(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Expires `tags` at `at` (ms) on every instance; resolves false if Redis could not be told. */
    expire(tags, at = Date.now()) {
      const unique = [...new Set(tags)];
      if (unique.length === 0) return Promise.resolve(true);
      return writeExpiries(new Map(unique.map((tag) => [tag, at])));
    },
    /** True when one of `tags` expired after `since` (ms) and by now. Throws if Redis is away. */
    async expiredSince(tags, since, now = Date.now()) {
      const unique = [...new Set(tags)];
      if (unique.length === 0) return false;
      // A tag whose expiry this process has not managed to write is expired here too.
      if (unique.some((tag) => unwritten.has(tag))) return true;
      const times = await client.hmGet(tagsKey, unique);
      return times.some((value) => {
        const at = value === null ? NaN : Number(value);
        return at > since && at <= now;
      });
    },
    /** The stored entry for a Next cache key, or null. Throws if Redis is away. */
    async read(key) {
      const text = await client.get(entryKey(key));
      return text === null ? null : decodeEntry(text);
    },
    /** Stores an entry; its lifetime bounds what a forgotten key costs. */
    async write(key, entry, ttlSeconds = ENTRY_TTL_SECONDS) {
      await client.set(entryKey(key), encodeEntry(entry), { expiration: { type: "EX", value: Math.max(1, Math.ceil(ttlSeconds)) } });
    },
    /** True for the first caller of `name` within `ttlMs` on any instance. Throws if Redis is away. */
    async firstTime(name, ttlMs) {
      const reply = await client.set(`${prefix}:once:${name}`, "1", { condition: "NX", expiration: { type: "PX", value: Math.max(1, Math.round(ttlMs)) } });
      return reply === "OK";
    },
    /**
     * A random secret every instance shares under `name` for `ttlSeconds` (the first to ask makes
     * it). Kept in memory once read. Throws if Redis is away.
     */
    async secret(name, ttlSeconds) {
      const known = secrets.get(name);
      if (known) return known;
      const key = `${prefix}:secret:${name}`;
      await client.set(key, crypto.randomBytes(32).toString("base64"), { condition: "NX", expiration: { type: "EX", value: ttlSeconds } });
      const value = await client.get(key);
      if (value === null) throw new Error(`the shared secret ${name} vanished`);
      const secret = Buffer.from(value, "base64");
      if (secrets.size > 8) secrets.clear();
      secrets.set(name, secret);
      return secret;
    },
    async close() {
      listeners.clear();
      for (const connection of [subscriber, client]) {
        try {
          if (connection.isOpen) await connection.close();
        } catch {
          connection.destroy();
        }
      }
    },
  };
}

// HSET tag at, unless a later expiry is already recorded.
const RAISE = `local old = redis.call('HGET', KEYS[1], ARGV[1])
if (not old) or tonumber(old) < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1`;

const holder = globalThis;

/** The process's shared cache, from MASTHEAD_REDIS_URL; null when it is not set. */
export function sharedCache() {
  const url = process.env.MASTHEAD_REDIS_URL;
  if (!url) return null;
  if (!holder.__mastheadSharedCache || holder.__mastheadSharedCache.url !== url) {
    holder.__mastheadSharedCache = createSharedCache({ url, prefix: process.env.MASTHEAD_REDIS_PREFIX || "masthead" });
    void holder.__mastheadSharedCache.connect();
  }
  return holder.__mastheadSharedCache;
}
