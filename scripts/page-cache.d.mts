import type { IncomingMessage, ServerResponse } from "node:http";

export interface CacheEntry {
  status: number;
  headers: Record<string, unknown>;
  bodies: { identity: Buffer; gzip: Buffer | null; br: Buffer | null };
  etag: string;
  tags: string[];
  size: number;
  expiresAt: number | null;
}

export function pickEncoding(acceptEncoding: string | undefined): "br" | "gzip" | "identity";
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean;

export class PageCache {
  constructor(options?: { maxBytes?: number; now?: () => number });
  entries: Map<string, CacheEntry>;
  bytes: number;
  inflight: Map<string, Promise<void>>;
  stats: { hits: number; misses: number; stale: number; stored: number; purged: number };
  lookup(key: string): { entry: CacheEntry; fresh: boolean } | null;
  begin(): number;
  claim(key: string): () => void;
  build(input: { status: number; headers: Record<string, unknown>; body: Buffer; tags: string[]; ttlSeconds: number | null }): Promise<CacheEntry | null>;
  store(key: string, entry: CacheEntry, token: number): boolean;
  remove(key: string): void;
  purge(tags: string[]): number;
  purgeAll(): number;
  serve(req: IncomingMessage, res: ServerResponse, entry: CacheEntry): void;
}
