export interface CacheHandlerEntry {
  lastModified: number;
  value: unknown;
  cacheControl?: unknown;
}

export default class CacheHandler {
  constructor(ctx: Record<string, unknown>);
  impl: object;
  get(key: string, ctx: Record<string, unknown>): Promise<CacheHandlerEntry | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
