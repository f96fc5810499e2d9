import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

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
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
