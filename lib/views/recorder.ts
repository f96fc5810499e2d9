import "server-only";
import { z } from "zod";
import { isLiveArticle, writeViewBatch } from "@/db/queries/views";
import { clientAddress } from "@/lib/request/client-address";
import { ViewBuffer } from "./buffer";
import { isBot, utcDay, ViewDeduper } from "./dedup";

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
type BeaconHandler = (input: { body: string; socket: string | null; forwardedFor: string | string[] | null; userAgent: string | null }) => void;
const holder = globalThis as unknown as {
  __mastheadViews?: Recorder;
  __mastheadShutdownHooks?: Hooks;
  __mastheadViewBeacon?: BeaconHandler;
};

/** The shared recorder, created (with its timer and shutdown hook) on first use. */
export function viewRecorder(): Recorder {
  if (holder.__mastheadViews) return holder.__mastheadViews;
  const recorder: Recorder = { deduper: new ViewDeduper(), buffer: new ViewBuffer(writeViewBatch) };
  holder.__mastheadViews = recorder;
  setInterval(() => recorder.buffer.flush(), FLUSH_INTERVAL_MS).unref();
  holder.__mastheadShutdownHooks ??= new Set();
  holder.__mastheadShutdownHooks.add(() => {
    const n = recorder.buffer.flush();
    if (n > 0) console.log(`wrote ${n} buffered views`);
  });
  return recorder;
}

export type ViewOutcome = "counted" | "repeat" | "bot" | "not-live";

/** Counts one view unless it is a bot, not a live article, or a repeat within 30 minutes. */
export function recordView(input: { articleId: number; ip: string; userAgent: string | null; now?: number }): ViewOutcome {
  const userAgent = input.userAgent ?? "";
  if (isBot(userAgent)) return "bot";
  if (!isLiveArticle(input.articleId)) return "not-live";
  const now = input.now ?? Date.now();
  const { deduper, buffer } = viewRecorder();
  if (!deduper.shouldCount({ ip: input.ip, userAgent, articleId: input.articleId, now })) return "repeat";
  buffer.add(input.articleId, utcDay(now));
  return "counted";
}

const beaconSchema = z.object({ articleId: z.number().int().positive() });

/** Handles one beacon body ({"articleId": n}); anything malformed or oversized is ignored. */
export function handleBeacon(input: { body: string; ip: string; userAgent: string | null }): void {
  if (input.body.length > 200) return;
  let json: unknown = null;
  try {
    json = JSON.parse(input.body);
  } catch {
    return;
  }
  const parsed = beaconSchema.safeParse(json);
  if (parsed.success) recordView({ articleId: parsed.data.articleId, ip: input.ip, userAgent: input.userAgent });
}

// scripts/server.mjs answers POST /api/views with this before Next's router: a beacon then costs
// microseconds, so a burst of them does not slow page serving. The route handler stays for
// `next start` and dev.
holder.__mastheadViewBeacon = ({ body, socket, forwardedFor, userAgent }) => handleBeacon({ body, ip: clientAddress({ socket, forwardedFor }), userAgent });
