import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs, run on small snippets at virtual paths: each must fire
// where the layers forbid an import and stay quiet where they allow it.
const eslint = new ESLint({ cwd: process.cwd() });

async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("pages and components do not import db/", { timeout: 60_000 }, () => {
  it.each([
    ["app/(public)/news/[slug]/page.tsx", 'import { getDb as x } from "@/db/client";'],
    ["app/api/scheduler/route.ts", 'import { nextDueAt as x } from "@/db/queries/workflow";'],
    ["components/newsroom/status-badge.tsx", 'import type { ArticleStatus as x } from "@/db/schema";'],
    ["components/public/story-card.tsx", 'import { media as x } from "../../db/schema";'],
    ["app/(newsroom)/newsroom/page.tsx", 'export { listTopics as x } from "@/db/queries/public";'],
  ])("%s: %s is refused", async (file, source) => {
    expect(await refusals(file, source)).toEqual([expect.stringContaining("Pages and components do not import db/")]);
  });

  it("lets them import lib/ and each other", async () => {
    expect(await refusals("app/(public)/page.tsx", 'import { getHomePage as x } from "@/lib/public/home";')).toEqual([]);
    expect(await refusals("components/newsroom/status-badge.tsx", 'import { STATUS_LABEL as x } from "@/lib/articles/status";')).toEqual([]);
    expect(await refusals("components/public/story-card.tsx", 'import { dbLike as x } from "./dbx";')).toEqual([]);
  });
});

describe("db/ imports nothing above it", { timeout: 60_000 }, () => {
  it.each([
    ["db/queries/publish.ts", 'import { bodyMediaIds as x } from "@/lib/content/render";'],
    ["db/client.ts", 'import { env as x } from "@/lib/env";'],
    ["db/queries/public.ts", 'import { x } from "../../lib/env";'],
    ["db/schema.ts", 'import { x } from "../components/ui/button";'],
    ["db/queries/feeds.ts", 'import { x } from "@/app/layout";'],
    ["db/queries/demo.ts", 'import { x } from "@/scripts/seed/articles";'],
    ["db/queries/articles.ts", 'import { x } from "@/components/newsroom/status-badge";'],
    ["db/pg/search.ts", 'import { toMatchExpression as x } from "@/lib/search/query";'],
    ["db/pg/migrate.ts", 'import { x } from "../../scripts/postgres.mjs";'],
  ])("%s: %s is refused", async (file, source) => {
    expect(await refusals(file, source)).toEqual([expect.stringContaining("db/ is data access only")]);
  });

  it("refuses next/* and next-auth there", async () => {
    expect(await refusals("db/queries/users.ts", 'import { revalidateTag as x } from "next/cache";')).toEqual([expect.stringMatching(/no next\/\* or next-auth/)]);
    expect(await refusals("db/queries/users.ts", 'import { getServerSession as x } from "next-auth";')).toHaveLength(1);
  });

  it("lets it import its own modules and its libraries, and lets lib/ import db/", async () => {
    expect(await refusals("db/queries/publish.ts", 'import "server-only";\nimport { eq as x } from "drizzle-orm";\nimport type { Db } from "../client";\nimport { articles } from "../schema";\nvoid articles; export type D = Db;')).toEqual([]);
    expect(await refusals("db/client.ts", 'import x from "better-sqlite3";\nimport { dbEnv } from "./config";\nvoid dbEnv;')).toEqual([]);
    expect(await refusals("db/pg/schema.ts", 'import { pgTable as x } from "drizzle-orm/pg-core";\nimport { ROLES } from "../schema";\nvoid ROLES;')).toEqual([]);
    expect(await refusals("lib/articles/transitions.ts", 'import { writePublication as x } from "@/db/queries/publish";')).toEqual([]);
    expect(await refusals("scripts/seed/seed.ts", 'import { getDb as x } from "@/db/client";\nimport { createDraft } from "@/lib/articles/editing";\nvoid createDraft;')).toEqual([]);
  });
});
