// Types for the parts of scripts/backup-pg.mjs that TypeScript code (the tests) imports.
export function connectionOf(databaseUrl: string): { dbname: string; redacted: string; env: NodeJS.ProcessEnv };
