import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "./support/temp-db";

let cleanup: () => Promise<void>;
let t: typeof import("@/lib/auth/throttle");

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  t = await import("@/lib/auth/throttle");
});
afterAll(() => cleanup());

describe("sign-in throttle", () => {
  it("locks after the limit and doubles the wait up to a ceiling", () => {
    expect(t.lockDuration(4, 5)).toBe(0);
    expect(t.lockDuration(5, 5)).toBe(30_000);
    expect(t.lockDuration(6, 5)).toBe(60_000);
    expect(t.lockDuration(50, 5)).toBe(15 * 60_000);
  });

  it("locks an account after five failures from any address, and success clears it", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    for (let i = 0; i < 4; i++) await t.recordFailure("Someone@Example.edu", `10.0.0.${i}`, now);
    expect(await t.remainingLock("someone@example.edu", "10.9.9.9", now)).toBe(0);
    await t.recordFailure("someone@example.edu", "10.0.0.9", now);
    expect(await t.remainingLock("someone@example.edu", "10.9.9.9", now)).toBe(30_000);
    expect(await t.remainingLock("someone@example.edu", "10.9.9.9", new Date(now.getTime() + 30_001))).toBe(0);
    await t.recordSuccess("someone@example.edu");
    expect(await t.remainingLock("someone@example.edu", "10.9.9.9", now)).toBe(0);
  });

  it("locks an address after twenty failures across accounts", async () => {
    const now = new Date("2026-11-25T11:00:00Z");
    for (let i = 0; i < 20; i++) await t.recordFailure(`user${i}@example.edu`, "192.0.2.50", now);
    expect(await t.remainingLock("fresh@example.edu", "192.0.2.50", now)).toBe(30_000);
    expect(await t.remainingLock("fresh@example.edu", "192.0.2.51", now)).toBe(0);
  });

  it("says how long to wait in words", () => {
    expect(t.describeWait(30_000)).toBe("30 seconds");
    expect(t.describeWait(4 * 60_000)).toBe("4 minutes");
  });
});
