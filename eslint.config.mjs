import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/*
 * The layers, enforced (README "Layers"): pages and components reach data only through lib/, and
 * db/ is data access that imports nothing above it. lib/ may import db/; scripts/ and tests/ may
 * import anything. Each rule is proven to fire by tests/layers.test.ts.
 */
const DB_IN_UI = "Pages and components do not import db/: call a function in lib/, where authorization lives.";
const NO_DB_IN_UI = [
  { regex: "^@/db(/|$)", message: DB_IN_UI },
  { regex: "^\\.\\.?/(.*/)?db(/|$)", message: DB_IN_UI },
];
const ABOVE_DB = "db/ is data access only and imports nothing above it (lib/, components/, app/, scripts/): let the caller in lib/ pass in what it needs.";
const NOTHING_ABOVE_DB = [
  { regex: "^@/(lib|components|app|scripts)(/|$)", message: ABOVE_DB },
  { regex: "^(\\.\\./)+(lib|components|app|scripts)(/|$)", message: ABOVE_DB },
  { regex: "^next(-auth)?(/|$)", message: "db/ knows nothing of requests, sessions or caches: no next/* or next-auth imports." },
];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // The public pages render stored photos through our own <picture> markup (lib/media-urls):
      // next/image would route them through its optimizer and cache, which we replace.
      "@next/next/no-img-element": "off",
      // `const { secret: _secret, ...rest } = row` is how we drop a field on purpose.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Public pages link with plain <a>: every public page is a whole document served from the
    // page cache (and a shared cache tier), so client-side navigation would only add RSC
    // requests that no cache can serve and router JavaScript that readers do not need.
    files: ["app/(public)/**", "components/public/**"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    // The data layer is asynchronous (db/client.ts): a promise that nobody awaits is a write
    // that may fail unseen, or a refusal that a try/catch around it never catches.
    files: ["db/**/*.ts", "lib/**/*.ts", "app/**/*.ts", "app/**/*.tsx", "scripts/**/*.ts", "tests/**/*.ts", "bench/**/*.ts", "instrumentation.ts", "proxy.ts"],
    ignores: ["**/*.d.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/return-await": ["error", "error-handling-correctness-only"],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: NO_DB_IN_UI }] },
  },
  {
    files: ["db/**"],
    rules: { "no-restricted-imports": ["error", { patterns: NOTHING_ABOVE_DB }] },
  },
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
