import { describe, expect, it } from "vitest";
import { RESTART_WINDOW_MS, restartDelay } from "@/scripts/cluster.mjs";

// The pause before `npm run start:cluster` starts a dead instance again (e2e/cluster-restart.spec.ts
// kills one for real): short after a good run, growing while it keeps dying, never past 30 s.
describe("restart pause", () => {
  it("is 1 s after a death that followed a good run or a first quick one, then doubles up to 30 s", () => {
    expect([-1, 0, 1, 2, 3, 4, 5, 6, 20].map(restartDelay)).toEqual([1_000, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("counts a death as quick within a minute of the start", () => {
    expect(RESTART_WINDOW_MS).toBe(60_000);
  });
});
