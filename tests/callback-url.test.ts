import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/newsroom/staff", "/newsroom/staff"],
    ["/newsroom?tab=mine#top", "/newsroom?tab=mine#top"],
    ["/news/a/../b", "/news/b"],
    ["http://masthead.invalid/newsroom/profile", "/newsroom/profile"],
  ])("keeps the site path %j", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it("accepts an absolute URL of this site's own origin", () => {
    expect(safeCallbackUrl("https://news.example.edu/newsroom", "https://news.example.edu")).toBe("/newsroom");
    expect(safeCallbackUrl("https://evil.example/newsroom", "https://news.example.edu")).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it.each([
    "https://evil.example",
    "http://evil.example/newsroom",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,x",
    "newsroom",
    "",
    undefined,
    42,
    ["/newsroom"],
    "/" + "a".repeat(3000),
  ])("sends %j to the newsroom", (input) => {
    expect(safeCallbackUrl(input)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
