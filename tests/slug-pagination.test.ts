import { describe, expect, it } from "vitest";
import { paginate, parsePageParam } from "@/lib/pagination";
import { isSlug, slugify, uniqueSlug } from "@/lib/slug";

describe("slugify", () => {
  it.each([
    ["Hello, World!", "hello-world"],
    ["  Río Grande’s “new” bridge  ", "rio-grandes-new-bridge"],
    ["Arts & Culture", "arts-and-culture"],
    ["Crème brûlée — a study", "creme-brulee-a-study"],
    ["2026: the year in review", "2026-the-year-in-review"],
    ["北京大学", "article"],
    ["---", "article"],
  ])("%j → %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("cuts long titles at a word boundary under 80 characters", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.split("-").every((w) => w === "word")).toBe(true);
  });

  it("every slug it makes passes isSlug", () => {
    for (const t of ["Hello, World!", "Arts & Culture", "x".repeat(300)]) expect(isSlug(slugify(t))).toBe(true);
    expect(isSlug("UPPER")).toBe(false);
    expect(isSlug("a--b")).toBe(false);
    expect(isSlug("../etc")).toBe(false);
  });
});

describe("uniqueSlug", () => {
  it("adds the first free numeric suffix", async () => {
    const taken = new Set(["news", "news-2"]);
    expect(await uniqueSlug("news", (s) => taken.has(s))).toBe("news-3");
    expect(await uniqueSlug("other", (s) => taken.has(s))).toBe("other");
  });
});

describe("pagination", () => {
  it("parses ?page= strictly", () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("2")).toBe(2);
    for (const bad of ["0", "-1", "1.5", "abc", "", "01", "9999999", ["1", "2"]]) {
      expect(parsePageParam(bad as string)).toBeNull();
    }
  });

  it("computes offsets and neighbours", () => {
    expect(paginate(30, 1, 12)).toMatchObject({ page: 1, pageCount: 3, offset: 0, hasPrevious: false, hasNext: true });
    expect(paginate(30, 3, 12)).toMatchObject({ offset: 24, hasPrevious: true, hasNext: false });
    expect(paginate(24, 2, 12)).toMatchObject({ pageCount: 2, hasNext: false });
  });

  it("has exactly one (empty) page when there is nothing, and none past the end", () => {
    expect(paginate(0, 1, 12)).toMatchObject({ pageCount: 1, hasNext: false });
    expect(paginate(0, 2, 12)).toBeNull();
    expect(paginate(30, 4, 12)).toBeNull();
  });
});
