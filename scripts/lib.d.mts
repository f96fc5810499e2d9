// Types for the parts of scripts/lib.mjs that TypeScript code (the tests) imports.
export function sourceHash(): string;
export function buildStamp(env?: Record<string, string | undefined>, sources?: string): string;
