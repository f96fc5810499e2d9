import { describe, expect, it } from "vitest";
import { validateBody } from "@/lib/content/validate";
import { renderBody } from "@/lib/content/render";

/*
 * Finding 1 of the hostile test: node, mark and attribute names were looked up on plain
 * objects, so names inherited from Object.prototype were accepted or made validation throw.
 * Each of them must be refused with a message naming it, like any other unknown name.
 */

const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__lookupSetter__"];

const doc = (...content: unknown[]) => ({ type: "doc", content });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
// JSON.parse makes "__proto__" an own property, exactly as a request body would.
const fromJson = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"PROTO_KEY"', '"__proto__"')) as unknown;
const keyed = (name: string) => (name === "__proto__" ? "PROTO_KEY" : name);

function refusal(input: unknown): string[] {
  const result = validateBody(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe("names inherited from Object.prototype are refused, never accepted or thrown on", () => {
  it.each(PROTOTYPE_NAMES)("a mark named %s", (name) => {
    const body = doc(p({ type: "text", text: "x", marks: [{ type: name }] }));
    expect(refusal(body).join(" ")).toContain(`formatting "${name}" is not allowed`);
  });

  it.each(PROTOTYPE_NAMES)("a node named %s", (name) => {
    expect(refusal(doc({ type: name, content: [] })).join(" ")).toContain(`"${name}" is not allowed here`);
  });

  it.each(PROTOTYPE_NAMES)("an attribute named %s on a link", (name) => {
    const body = fromJson(doc(p({ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "https://example.edu", [keyed(name)]: "1" } }] })));
    expect(refusal(body).join(" ")).toContain(`attribute "${name}" is not allowed`);
  });

  it.each(PROTOTYPE_NAMES)("an attribute named %s on a paragraph and on a photo", (name) => {
    const para = fromJson(doc({ type: "paragraph", attrs: { [keyed(name)]: 1 }, content: [{ type: "text", text: "x" }] }));
    expect(refusal(para).join(" ")).toContain(`attribute "${name}" is not allowed`);
    const photo = fromJson(doc({ type: "image", attrs: { mediaId: 3, alt: "a", [keyed(name)]: {} } }));
    expect(refusal(photo).join(" ")).toContain(`attribute "${name}" is not allowed`);
  });

  it("a required attribute inherited from the prototype does not count as present", () => {
    // `"mediaId" in attrs` would look up the prototype chain; the check must be own properties.
    const attrs = Object.create({ mediaId: 4 }) as Record<string, unknown>;
    expect(refusal(doc({ type: "image", attrs })).join(" ")).toContain("image needs mediaId");
  });

  it("a node property named __proto__ is refused", () => {
    const body = fromJson(doc({ type: "paragraph", PROTO_KEY: { type: "x" }, content: [{ type: "text", text: "x" }] }));
    expect(refusal(body).join(" ")).toContain('property "__proto__" is not allowed');
  });

  it("the renderer draws none of them", () => {
    const body = doc(p({ type: "text", text: "kept", marks: [{ type: "constructor" }, { type: "toString" }] }), { type: "constructor", content: [p({ type: "text", text: "dropped" })] });
    expect(renderBody(body, () => undefined)).toBe("<p>kept</p>");
  });
});
