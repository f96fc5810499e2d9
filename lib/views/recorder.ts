import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { isLiveArticle, writeViewBatch } from "@/db/queries/views";
import { clientAddress } from "@/lib/request/client-address";
import { ViewBuffer } from "./buffer";
import { DEDUP_WINDOW_MS, isBot, readerKey, utcDay, ViewDeduper } from "./dedup";

/*
 * The process-wide view counter: dedup + buffer, flushed every few seconds and on shutdown.
 * It lives on globalThis because Next may load this module in more than one bundle, and every
 * copy must share one buffer; scripts/server.mjs awaits the hooks in `__mastheadShutdownHooks`.
 */

export const FLUSH_INTERVAL_MS = 5_000;

interface Recorder {
  deduper: ViewDeduper;
  buffer: ViewBuffer;
}

type Hooks = Set<() => void | Promise<void>>;
/** What several instances share for counting (scripts/shared-cache.mjs, set by scripts/server.mjs). */
interface SharedViews {
  firstTime(name: string, ttlMs: number): Promise<boolean>;
}
type BeaconHandler = (input: { body: string; socket: string | null; forwardedFor: string | string[] | null; userAgent: string | null }) => Promise<void>;
const holder = globalThis as unknown as {
  __mastheadViews?: Recorder;
  __mastheadShutdownHooks?: Hooks;
  __mastheadViewBeacon?: BeaconHandler;
  __mastheadSharedViews?: SharedViews;
  __mastheadViewChecks?: Set<Promise<void>>;
};

/** The shared recorder, created (with its timer and shutdown hook) on first use. */
export function viewRecorder(): Recorder {
  if (holder.__mastheadViews) return holder.__mastheadViews;
  const recorder: Recorder = { deduper: new ViewDeduper(), buffer: new ViewBuffer(writeViewBatch) };
  holder.__mastheadViews = recorder;
  setInterval(() => void recorder.buffer.flush(), FLUSH_INTERVAL_MS).unref();
  holder.__mastheadShutdownHooks ??= new Set();
  holder.__mastheadShutdownHooks.add(async () => {
    // Beacons still being checked against the other instances are counted before the last flush.
    await Promise.all([...(holder.__mastheadViewChecks ?? [])]);
    const n = await recorder.buffer.flush();
    if (n > 0) console.log(`wrote ${n} buffered views`);
  });
  return recorder;
}

/** "checking": several instances ask one another first (counted unless it is a repeat). */
export type ViewOutcome = "counted" | "repeat" | "bot" | "not-live" | "checking";

/** Counts one view unless it is a bot, not a live article, or a repeat within 30 minutes. */
export function recordView(input: { articleId: number; ip: string; userAgent: string | null; now?: number }): Promise<ViewOutcome> {
  // Tracked from the first await on: a shutdown waits for every beacon already received.
  const outcome = countView(input);
  const checks = (holder.__mastheadViewChecks ??= new Set());
  const settled = outcome.then(() => {}, () => {});
  checks.add(settled);
  void settled.finally(() => checks.delete(settled));
  return outcome;
}

async function countView(input: { articleId: number; ip: string; userAgent: string | null; now?: number }): Promise<ViewOutcome> {
  const userAgent = input.userAgent ?? "";
  if (isBot(userAgent)) return "bot";
  if (!await isLiveArticle(input.articleId)) return "not-live";
  const now = input.now ?? Date.now();
  const { deduper, buffer } = viewRecorder();
  const shared = holder.__mastheadSharedViews;
  if (shared) {
    const check = countOnceAcrossInstances(shared, { ip: input.ip, userAgent, articleId: input.articleId, now });
    const checks = (holder.__mastheadViewChecks ??= new Set());
    checks.add(check);
    void check.finally(() => checks.delete(check));
    return "checking";
  }
  if (!deduper.shouldCount({ ip: input.ip, userAgent, articleId: input.articleId, now })) return "repeat";
  buffer.add(input.articleId, utcDay(now));
  return "counted";
}

/**
 * With several instances, a reader's repeat view may reach another instance: the 30-minute rule
 * is kept in Redis as keys that live 30 minutes, each an HMAC under a key every instance derives
 * for the UTC day from the session secret they share. That day key is never stored anywhere, so
 * what Redis holds cannot be checked against a guessed reader, nor linked across days. Redis
 * away: this instance's own memory decides, at worst one extra view per reader and instance.
 */
async function countOnceAcrossInstances(shared: SharedViews, reader: { ip: string; userAgent: string; articleId: number; now: number }): Promise<void> {
  const { deduper, buffer } = viewRecorder();
  const day = utcDay(reader.now);
  let first: boolean;
  try {
    first = await shared.firstTime(`views:${day}:${readerKey(dayKey(day), reader)}`, DEDUP_WINDOW_MS);
  } catch {
    first = deduper.shouldCount(reader);
  }
  if (first) buffer.add(reader.articleId, day);
}

const dayKeys = new Map<string, Buffer>();
function dayKey(day: string): Buffer {
  let key = dayKeys.get(day);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync("sha256", env().NEXTAUTH_SECRET ?? "", day, "masthead view de-duplication", 32));
    if (dayKeys.size > 2) dayKeys.clear();
    dayKeys.set(day, key);
  }
  return key;
}

const beaconSchema = z.object({ articleId: z.number().int().positive() });

/** Handles one beacon body ({"articleId": n}); anything malformed or oversized is ignored. */
export async function handleBeacon(input: { body: string; ip: string; userAgent: string | null }): Promise<void> {
  if (input.body.length > 200) return;
  let json: unknown = null;
  try {
    json = JSON.parse(input.body);
  } catch {
    return;
  }
  const parsed = beaconSchema.safeParse(json);
  if (parsed.success) await recordView({ articleId: parsed.data.articleId, ip: input.ip, userAgent: input.userAgent });
}

// scripts/server.mjs answers POST /api/views with this before Next's router: a beacon then costs
// microseconds, so a burst of them does not slow page serving. The route handler stays for
// `next start` and dev.
holder.__mastheadViewBeacon = async ({ body, socket, forwardedFor, userAgent }) => await handleBeacon({ body, ip: clientAddress({ socket, forwardedFor }), userAgent });
