import { describe, expect, it } from "vitest";
import { loadForPage } from "@/lib/articles/page-load";
import { AppError } from "@/lib/errors";

// The newsroom's article pages answer 404, not 500, for an article this person may not open;
// the reads behind them are asynchronous, so the refusal arrives as a rejected promise.
const params = (id: string) => Promise.resolve({ id });
const notFoundDigest = { digest: expect.stringContaining("404") };

describe("loadForPage", () => {
  it("turns an asynchronous not_found refusal into the 404 page", async () => {
    await expect(loadForPage(params("7"), async () => { throw new AppError("not_found", "This article does not exist."); })).rejects.toMatchObject(notFoundDigest);
  });

  it("answers 404 for an id that is not a positive integer, without reading", async () => {
    let read = false;
    await expect(loadForPage(params("x"), async () => { read = true; })).rejects.toMatchObject(notFoundDigest);
    expect(read).toBe(false);
  });

  it("lets other failures through as they are, and returns what the read returns", async () => {
    await expect(loadForPage(params("7"), async () => { throw new AppError("forbidden", "No."); })).rejects.toThrow("No.");
    await expect(loadForPage(params("7"), async (id) => ({ id }))).resolves.toEqual({ id: 7 });
  });
});
