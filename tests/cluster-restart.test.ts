import { describe, expect, it } from "vitest";
import { quickDeathsAfter, RESTART_WINDOW_MS, restartDelay } from "@/scripts/cluster.mjs";

// The pause before `npm run start:cluster` starts a dead instance again (e2e/cluster-restart.spec.ts
// kills one for real): 1 s after a good run, growing while it keeps dying, never past 30 s.
describe("restart pause", () => {
  it("is 1 s, then 2, 4, 8, 16 and at most 30 s for each quick death in a row", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(restartDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("follows a slot's deaths: first 1 s; restarts that die unhealthy or within a minute wait longer; a good run starts again at 1 s", () => {
    let count = 0;
    const pauses: number[] = [];
    const die = (death: { restarted: boolean; healthyForMs: number | null }) => {
      count = quickDeathsAfter(count, death);
      pauses.push(restartDelay(count));
    };
    die({ restarted: false, healthyForMs: 5_000 }); // the first instance, killed 5 s after start
    die({ restarted: true, healthyForMs: null }); // its restart never became healthy
    die({ restarted: true, healthyForMs: null });
    die({ restarted: true, healthyForMs: RESTART_WINDOW_MS - 1 });
    die({ restarted: true, healthyForMs: RESTART_WINDOW_MS }); // served a minute: a good run
    die({ restarted: true, healthyForMs: 2_000 });
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 1_000, 2_000]);
  });
});
