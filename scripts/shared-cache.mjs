// What several instances share through Redis (MASTHEAD_REDIS_URL): Next's cache entries (pages
// and data, see scripts/cache-handler.mjs), when each cache tag was last expired, and a channel
// on which every instance hears of each expiry so it drops its own whole-page copies
// (scripts/page-cache.mjs). Without MASTHEAD_REDIS_URL none of this is used.
//
// The rule that keeps instances from serving what changed: a tag's expiry time is written to
// Redis before anyone is told (channel, cache tier), and an entry counts as expired when one of
// its tags expired after the entry's read began. Plain ESM, loaded both by scripts/server.mjs
// and, through next.config.ts, by Next itself: one module, one connection per process.
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
  const unwritten = new Set();
  const listeners = new Set();
  const lateListeners = new Set();
  let connected = null;
  let subscribed = false;

  client.on("error", (error) => log(`shared cache: ${error.message}`));
  subscriber.on("error", (error) => log(`shared cache (channel): ${error.message}`));
  client.on("ready", () => void writeUnwritten());
  // Whenever the channel (re)connects, expiries may have been missed while it was away (or before
  // it first came up): listeners drop everything.
  subscriber.on("ready", () => {
    for (const listener of listeners) listener(null);
  });

  // The record of expiries has no lifetime; a Redis that may evict any key (allkeys-*) could drop
  // it while the entries it expires stay, and they would then be served as fresh.
  async function warnOfEviction() {
    try {
      const policy = (await client.configGet("maxmemory-policy"))["maxmemory-policy"] ?? "";
      if (policy.startsWith("allkeys")) log(`shared cache: Redis evicts any key (maxmemory-policy ${policy}); set it to volatile-lru or noeviction, or expiries may be lost and stale pages served`);
    } catch {
      // CONFIG is disabled on some managed Redis: nothing to check.
    }
  }

  async function writeUnwritten() {
    if (unwritten.size === 0) return;
    const tags = [...unwritten];
    if (await writeExpiries(tags)) for (const listener of lateListeners) listener(tags);
  }

  /** Records each tag's expiry as now on Redis's clock, then tells every instance, in one MULTI. */
  async function writeExpiries(tags) {
    try {
      const multi = client.multi();
      for (const tag of tags) multi.eval(RAISE, { keys: [tagsKey], arguments: [tag] });
      multi.publish(channel, JSON.stringify(tags));
      await multi.exec();
      for (const tag of tags) unwritten.delete(tag);
      return true;
    } catch (error) {
      for (const tag of tags) unwritten.add(tag);
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
          await warnOfEviction();
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
          subscribed = true;
        } catch (error) {
          log(`shared cache: could not connect to ${url} (${error.message}); retrying`);
        }
      })();
      return connected;
    },
    get ready() {
      return client.isReady;
    },
    /** Both connections up and subscribed: only then can a copy kept in memory be trusted. */
    get healthy() {
      return client.isReady && subscriber.isReady && subscribed;
    },
    /**
     * Hears each expiry from any instance: `tags`, or null after a break on the channel (then
     * anything may have changed).
     */
    onExpired(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Expires `tags` now on every instance; resolves false if Redis could not be told. */
    expire(tags) {
      const unique = [...new Set(tags)];
      if (unique.length === 0) return Promise.resolve(true);
      return writeExpiries(unique);
    },
    /**
     * Hears tags whose expiry could only be written late (Redis was away when they expired): the
     * cache tier may have refetched a page in between and should be purged again.
     */
    onWrittenLate(listener) {
      lateListeners.add(listener);
      return () => lateListeners.delete(listener);
    },
    /** Now on Redis's clock (ms): the clock expiries are recorded by. Throws if Redis is away. */
    async time() {
      const [seconds, micros] = await client.time();
      return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    },
    /** True when one of `tags` expired at or after `since` (ms on Redis's clock). Throws if Redis is away. */
    async expiredSince(tags, since) {
      const unique = [...new Set(tags)];
      if (unique.length === 0) return false;
      // A tag whose expiry this process has not managed to write is expired here too.
      if (unique.some((tag) => unwritten.has(tag))) return true;
      const times = await client.hmGet(tagsKey, unique);
      // In the same millisecond counts as after: which came first cannot be told, and taking the
      // entry for expired costs only a rendering.
      return times.some((value) => value !== null && Number(value) >= since);
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

// Records the expiry at Redis's own clock (every instance compares with the same clock, whatever
// its machine's says), unless a later one is already recorded; returns the time written.
const RAISE = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local old = redis.call('HGET', KEYS[1], ARGV[1])
if (not old) or tonumber(old) < now then redis.call('HSET', KEYS[1], ARGV[1], now) end
return now`;

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
