import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The integration suites that also run on PostgreSQL (the "postgres" project): each opens its
 * database through tests/support/temp-db.ts and reads rows through the domain functions or
 * tests/support/sql.ts, so the same file asserts the same on both engines. Each gets a database
 * of its own in one throwaway cluster (tests/support/pg-global.ts).
 */
export const BOTH_ENGINES = [
  "tests/feeds-sitemap.test.ts",
  "tests/home-selection.test.ts",
  "tests/news-sitemap.test.ts",
  "tests/newsroom-reads.test.ts",
  "tests/public-queries.test.ts",
  "tests/search.test.ts",
  "tests/seed-atomic.test.ts",
  "tests/throttle.test.ts",
  "tests/transitions.test.ts",
  "tests/editing.test.ts",
  "tests/trash.test.ts",
  "tests/comments.test.ts",
  "tests/review-links.test.ts",
  "tests/expiry.test.ts",
  "tests/scheduler-lease.test.ts",
  "tests/history.test.ts",
  "tests/slug-lifecycle.test.ts",
  "tests/audit-media-lists.test.ts",
  "tests/article-notes-actions.test.ts",
  "tests/review-link-actions.test.ts",
  "tests/article-list.test.ts",
  "tests/checklist-workflow.test.ts",
  "tests/assignments.test.ts",
  "tests/article-notes.test.ts",
  "tests/actions-newsroom.test.ts",
  "tests/lead-placement.test.ts",
  "tests/content-photos.test.ts",
  "tests/security/refused-transitions-audit.test.ts",
  "tests/upload.test.ts",
  "tests/actions-authorization.test.ts",
  "tests/views.test.ts",
  "tests/security/authn-authz.test.ts",
  "tests/security/content.test.ts",
  "tests/oidc-link.test.ts",
  "tests/read-path/purge-outbox.test.ts",
  "tests/faults/approve-race.test.ts",
  "tests/faults/kill-publish.test.ts",
  "tests/faults/kill-autosave.test.ts",
  "tests/seed.test.ts",
  "tests/faults/busy-lock.test.ts",
  "tests/db-turn.test.ts",
  "tests/actions-every-one.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React's server condition; the tests are server code.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "sqlite", include: ["tests/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "postgres",
          include: BOTH_ENGINES,
          env: { MASTHEAD_TEST_ENGINE: "postgres" },
          globalSetup: ["tests/support/pg-global.ts"],
          // apt-get may install PostgreSQL first.
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
