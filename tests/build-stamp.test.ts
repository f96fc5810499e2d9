import { describe, expect, it } from "vitest";
import { buildStamp } from "../scripts/lib.mjs";

/*
 * Instances built separately (one per machine) accept each other's server actions only when
 * built with the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, which Next writes into the build: a
 * start must build again when the key changes, and not when nothing did.
 */
describe("the build stamp", () => {
  const sources = "a".repeat(64);
  it("is the sources' hash when no key is set, so existing builds stay valid", () => {
    expect(buildStamp({}, sources)).toBe(sources);
  });

  it("changes with the server-actions key, and only with it", () => {
    const one = buildStamp({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "key-one" }, sources);
    expect(one).not.toBe(sources);
    expect(buildStamp({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "key-one" }, sources)).toBe(one);
    expect(buildStamp({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "key-two" }, sources)).not.toBe(one);
    expect(buildStamp({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "key-one" }, "b".repeat(64))).not.toBe(one);
  });
});
