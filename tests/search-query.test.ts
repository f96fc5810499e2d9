import { describe, expect, it } from "vitest";
import { MARK_CLOSE, MARK_OPEN, MAX_TERMS, normalizeQuery, toMatchExpression, toSegments } from "@/lib/search/query";

describe("reader input becomes a quoted FTS5 expression", () => {
  it.each([
    ["harbour", '"harbour"'],
    ["  Harbour   mussels ", '"Harbour" "mussels"'],
    ['"marine station" director', '"marine station" "director"'],
    ["climate-change", '"climate change"'],
    ["O'Brien", '"O Brien"'],
    ["NEAR(a b)", '"NEAR a" "b"'],
    ["a OR b", '"a" "OR" "b"'],
    ["research*", '"research"'],
    ['"unclosed phrase', '"unclosed phrase"'],
    ["Zoë café", '"Zoë" "café"'],
    ["大学", '"大学"*'],
    ["title:secret", '"title secret"'],
    ["-minus ^caret +plus", '"minus" "caret" "plus"'],
  ])("%s → %s", (input, expected) => {
    expect(toMatchExpression(input)).toBe(expected);
  });

  it.each(['"', '""', "*", "(", ")", "-", "   ", "", "^", '" * ( ) : -'])("nothing searchable in %j gives null", (input) => {
    expect(toMatchExpression(input)).toBeNull();
  });

  it("bounds the number of terms and the length of the input", () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    expect(toMatchExpression(many)!.split(" ")).toHaveLength(MAX_TERMS);
    expect(normalizeQuery("x".repeat(1000))).toHaveLength(200);
    expect(normalizeQuery(["first", "second"])).toBe("first");
    expect(normalizeQuery(undefined)).toBe("");
  });
});

describe("snippets are split into plain and matched text", () => {
  it("marks matches and keeps everything else as text", () => {
    const marked = `a ${MARK_OPEN}river${MARK_CLOSE} <b>and</b> ${MARK_OPEN}harbour${MARK_CLOSE}`;
    expect(toSegments(marked)).toEqual([
      { text: "a ", match: false },
      { text: "river", match: true },
      { text: " <b>and</b> ", match: false },
      { text: "harbour", match: true },
    ]);
    expect(toSegments("no match")).toEqual([{ text: "no match", match: false }]);
  });
});
