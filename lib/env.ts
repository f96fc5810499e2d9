import path from "node:path";
import { z } from "zod";
import { dataDir, databasePath, dbEnvShape } from "@/db/config";
import { isAddressOrRange } from "./request/address-syntax";

const optionalText = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().min(1).optional());
const flag = z
  .enum(["", "0", "1", "false", "true", "no", "yes"], { message: 'must be "1" or "0"' })
  .default("")
  .transform((v) => v === "1" || v === "true" || v === "yes");

/** https, or http on a loopback host (a provider started by the tests). */
function isAllowedIssuer(value: string): boolean {
  if (!URL.canParse(value)) return true; // z.url() has already said what is wrong
  const url = new URL(value);
  if (url.search || url.hash) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
}

/*
 * Environment variables are read here once and nowhere else. Every variable the app reads is
 * listed in this schema and documented in the README.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** MASTHEAD_DATA_DIR and MASTHEAD_DB_BUSY_TIMEOUT_MS: defined in db/config.ts, which db/ reads. */
    ...dbEnvShape,
    /** Public base URL of the site, used for canonical links, feeds and the sitemap. */
    MASTHEAD_SITE_URL: z.url().default("http://localhost:3000"),
    /** IANA time zone in which the newsroom shows and enters dates. */
    MASTHEAD_TIME_ZONE: z
      .string()
      .default("UTC")
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat("en-US", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, "not a known IANA time zone"),
    /** Signs session tokens. `npm start` generates one into the data folder when unset. */
    NEXTAUTH_SECRET: z.string().optional(),
    /** Password of the demo accounts when the demo content is seeded; random when unset. */
    MASTHEAD_DEMO_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    MASTHEAD_SITE_NAME: z.string().min(1).default("Halden University News"),
    /**
     * Where purges for the cache tier go (`PURGE` with an `xkey` header), e.g. Varnish at
     * "http://127.0.0.1:6081/". Unset: no cache tier, no purges recorded.
     */
    MASTHEAD_PURGE_URL: z.url().optional(),
    /** Several instances: the Redis they share caches through (scripts/shared-cache.mjs). */
    MASTHEAD_REDIS_URL: z.string().regex(/^rediss?:\/\//, "a redis:// or rediss:// URL").optional(),
    /**
     * Proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDR ranges, e.g.
     * "127.0.0.1,::1" for a cache tier on this machine). Empty: only the socket address counts.
     */
    MASTHEAD_TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
      .refine((list) => list.every(isAddressOrRange), "must be IP addresses or CIDR ranges, separated by commas"),
    MASTHEAD_SITE_DESCRIPTION: z
      .string()
      .min(1)
      .default(
        "News and events from the university about research, science and technology, social science, art, faculty and staff, student life and the world around it",
      ),
    /**
     * University sign-on (OpenID Connect, docs/oidc.md): the issuer's URL (its discovery document
     * is at <issuer>/.well-known/openid-configuration), and Masthead's client id and secret
     * there. All three or none: without them the sign-in page offers the password form only.
     */
    MASTHEAD_OIDC_ISSUER: optionalText.pipe(z.url().refine(isAllowedIssuer, "must be an https URL without query or fragment (http only on localhost)").optional()),
    MASTHEAD_OIDC_CLIENT_ID: optionalText,
    MASTHEAD_OIDC_CLIENT_SECRET: optionalText,
    /** What the sign-in button calls the provider: "Sign in with <name>". */
    MASTHEAD_OIDC_NAME: optionalText.pipe(z.string().max(60).default("university account")),
    /** "1": someone the provider vouches for but who has no account yet becomes a drafter. */
    MASTHEAD_OIDC_CREATE_DRAFTERS: flag,
  })
  .superRefine((value, ctx) => {
    const set = [value.MASTHEAD_OIDC_ISSUER, value.MASTHEAD_OIDC_CLIENT_ID, value.MASTHEAD_OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (set !== 0 && set !== 3) {
      ctx.addIssue({ code: "custom", path: ["MASTHEAD_OIDC_ISSUER"], message: "set MASTHEAD_OIDC_ISSUER, MASTHEAD_OIDC_CLIENT_ID and MASTHEAD_OIDC_CLIENT_SECRET together, or none of them" });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | null = null;

/** Parses `source` as the environment; throws with a readable message when a variable is malformed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** The parsed environment (read once). */
export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  createDrafters: boolean;
}

/** University sign-on settings, or null when it is not configured. */
export function oidcSettings(source: Env = env()): OidcSettings | null {
  const { MASTHEAD_OIDC_ISSUER: issuer, MASTHEAD_OIDC_CLIENT_ID: clientId, MASTHEAD_OIDC_CLIENT_SECRET: clientSecret } = source;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer: issuer.replace(/\/+$/, ""), clientId, clientSecret, name: source.MASTHEAD_OIDC_NAME, createDrafters: source.MASTHEAD_OIDC_CREATE_DRAFTERS };
}

export const MIN_SECRET_LENGTH = 32;

/** Refuses to run in production without a long enough session secret. */
export function assertProductionSecret(): void {
  const { NODE_ENV, NEXTAUTH_SECRET } = env();
  if (NODE_ENV === "production" && (!NEXTAUTH_SECRET || NEXTAUTH_SECRET.length < MIN_SECRET_LENGTH)) {
    throw new Error(`NEXTAUTH_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters in production.`);
  }
}

// The data folder is db/'s setting (db/config.ts); the rest of the app finds it here as before.
export { dataDir, databasePath };

/** Absolute path of the media folder (originals and generated sizes). */
export function mediaDir(): string {
  return path.join(dataDir(), "media");
}

/** The site's base URL without a trailing slash. */
export function siteUrl(): string {
  return env().MASTHEAD_SITE_URL.replace(/\/+$/, "");
}
