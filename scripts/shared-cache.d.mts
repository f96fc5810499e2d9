export interface SharedCache {
  url: string;
  prefix: string;
  connect(): Promise<void>;
  readonly ready: boolean;
  readonly healthy: boolean;
  onExpired(listener: (tags: string[] | null) => void): () => void;
  expire(tags: readonly string[]): Promise<boolean>;
  onWrittenLate(listener: (tags: string[]) => void): () => void;
  time(): Promise<number>;
  expiredSince(tags: readonly string[], since: number): Promise<boolean>;
  read(key: string): Promise<unknown>;
  write(key: string, entry: unknown, ttlSeconds?: number): Promise<void>;
  firstTime(name: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export function encodeEntry(entry: unknown): string;
export function decodeEntry(text: string): unknown;
export function createSharedCache(options: { url: string; prefix?: string; log?: (message: string) => void }): SharedCache;
export function sharedCache(): SharedCache | null;
