import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "./support/temp-db";

// The seed is one transaction: when a step fails half-way (here the 20th workflow transition),
// nothing of it stays, not even the stored photographs, so the next start seeds again.
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await useFreshDatabase());
  // Tiny photographs: this test is about the transaction, not the drawing.
  vi.doMock("@/scripts/seed/content/photos", () => ({
    demoPhotoSvg: () => '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="10"><rect width="16" height="10" fill="#468"/></svg>',
  }));
  vi.doMock("@/lib/articles/transitions", async (importOriginal) => {
    const real = await importOriginal<typeof import("@/lib/articles/transitions")>();
    let calls = 0;
    return {
      ...real,
      applyTransition: async (...args: Parameters<typeof real.applyTransition>) => {
        if (++calls === 20) throw new Error("the disk failed");
        return await real.applyTransition(...args);
      },
    };
  });
});
afterAll(async () => {
  vi.doUnmock("@/scripts/seed/content/photos");
  vi.doUnmock("@/lib/articles/transitions");
  await cleanup();
});

describe("a seed that fails half-way", () => {
  it("leaves an empty database and no stored photographs behind", async () => {
    const { seedDemoContent, isDatabaseEmpty } = await import("@/scripts/seed/seed");
    const sql = await (await import("./support/sql")).rawSql();
    await expect(seedDemoContent("a-demo-password-for-tests")).rejects.toThrow("the disk failed");
    expect(await isDatabaseEmpty()).toBe(true);
    const count = async (table: string) => (await sql.get<{ n: number }>(`select count(*) n from ${table}`))!.n;
    expect([await count("topics"), await count("media"), await count("audit_log"), await count("revisions"), await count("publications")]).toEqual([0, 0, 0, 0, 0]);
    const originals = path.join(dir, "media", "originals");
    expect(fs.existsSync(originals) ? fs.readdirSync(originals) : []).toEqual([]);
  });
});
