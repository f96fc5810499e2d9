// Types for the parts of scripts/lib.mjs that TypeScript code (the tests) imports.
export function sourceHash(): string;
export function buildStamp(env?: Record<string, string | undefined>, sources?: string): string;
/** Migrates `dataDir`'s database (DATABASE_URL in `env` for PostgreSQL) and seeds the demo content when it is empty. */
export function prepareData(dataDir: string, options?: { seed?: boolean; env?: Record<string, string> }): void;
