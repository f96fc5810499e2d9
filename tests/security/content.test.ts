import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rawSql, type RawSql } from "../support/sql";
import { useFreshDatabase } from "../support/temp-db";

/*
 * Bodies outside the allow-list sent straight to saveArticleAction (never through the editor):
 * each refused with a message naming the problem, the database unchanged. Elsewhere: validateBody
 * alone in tests/content-validate.test.ts; escaping of output in tests/content-render.test.ts and
 * e2e/security/content.spec.ts (real pages). Names like "constructor" are being fixed separately.
 */
const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sql: RawSql;
let articleId = 0;
let topicId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await rawSql();
  const uid = (await sql.get<{ id: number }>("insert into users (email, name, role) values ('maya@example.edu', 'Maya', 'drafter') returning id"))!.id;
  topicId = (await sql.get<{ id: number }>("insert into topics (slug, name) values ('research', 'Research') returning id"))!.id;
  const { createDraft } = await import("@/lib/articles/editing");
  articleId = await createDraft({ id: uid, name: "Maya", email: "maya@example.edu", role: "drafter" }, "Draft");
  claims.current = { uid, sv: 1 };
});
afterAll(() => cleanup());

const snapshot = async () =>
  JSON.stringify([
    await sql.all("select * from articles order by id"),
    await sql.all("select * from revisions order by id"),
    await sql.all("select * from audit_log order by id"),
  ]);
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const t = (text: string, marks?: unknown[]) => (marks ? { type: "text", text, marks } : { type: "text", text });
const link = (href: unknown) => p(t("x", [{ type: "link", attrs: { href } }]));

async function save(body: unknown, raw?: string) {
  const { saveArticleAction } = await import("@/lib/actions/articles");
  const f = new FormData();
  f.set("payload", raw ?? JSON.stringify({ articleId, baseVersion: 1, title: "T", standfirst: "", body, topicIds: [topicId], leadMediaId: null }));
  return await saveArticleAction(null, f);
}

const NODES: [string, unknown, string][] = [
  ["script", { type: "script", content: [t("alert(1)")] }, '"script" is not allowed here'],
  ["iframe", { type: "iframe", attrs: { src: "https://evil.example" } }, '"iframe" is not allowed here'],
  ["raw html", { type: "html", text: "<img src=x onerror=alert(1)>" }, '"html" is not allowed here'],
  ["svg", { type: "svg", content: [] }, '"svg" is not allowed here'],
  ["table", { type: "table", content: [] }, '"table" is not allowed here'],
  ["codeBlock", { type: "codeBlock", content: [t("x")] }, '"codeBlock" is not allowed here'],
  ["heading level 1", { type: "heading", attrs: { level: 1 }, content: [t("x")] }, "level must be 2 or 3"],
  ["underline mark", p(t("x", [{ type: "underline" }])), 'formatting "underline" is not allowed'],
  ["textStyle mark", p(t("x", [{ type: "textStyle", attrs: { color: "red" } }])), 'formatting "textStyle" is not allowed'],
  ["style attribute", { type: "paragraph", attrs: { style: "background:url(javascript:x)" }, content: [] }, 'attribute "style" is not allowed'],
  ["onclick on a mark", p(t("x", [{ type: "bold", attrs: { onclick: "alert(1)" } }])), 'attribute "onclick" is not allowed'],
  ["onerror on a photo", { type: "image", attrs: { mediaId: 1, onerror: "alert(1)" } }, 'attribute "onerror" is not allowed'],
  ["src on a photo", { type: "image", attrs: { mediaId: 1, src: "javascript:alert(1)" } }, 'attribute "src" is not allowed'],
  ["link target frame", p(t("x", [{ type: "link", attrs: { href: "https://a.example", target: "_parent" } }])), "target is not allowed"],
  ["HTML caption", { type: "image", attrs: { mediaId: 1, caption: '"><script>alert(1)</script>' } }, "caption must be plain text, not HTML"],
  ["extra node property", { type: "paragraph", content: [], onmouseover: "x" }, 'property "onmouseover" is not allowed'],
];
const SCHEMES = [
  "javascript:alert(1)",
  "JAVASCRIPT:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "&#106;avascript:alert(1)",
  "&#x6A;&#x61;vascript:alert(1)",
  "javascript&colon;alert(1)",
  "data:text/html;base64,PHNjcmlwdD4=",
  "DATA:image/svg+xml,<svg onload=alert(1)>",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "file:///etc/passwd",
  "blob:https://evil.example/x",
];

describe("saveArticleAction refuses what the allow-list does not have", () => {
  it.each(NODES)("%s", async (_name, node, problem) => {
    const before = await snapshot();
    const result = await save({ type: "doc", content: [node] });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.message).toMatch(/^The body cannot be saved: /);
    expect(result.message).toContain(problem);
    expect(await snapshot()).toBe(before);
  });

  it.each(SCHEMES)("a link to %j", async (href) => {
    const before = await snapshot();
    const result = await save({ type: "doc", content: [link(href)] });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.message).toContain("link mark href must be an http, https or mailto address, or a path on this site");
    expect(await snapshot()).toBe(before);
  });

  it("an oversize body, and an oversize payload, are refused with a clear message", async () => {
    const before = await snapshot();
    const big = await save({ type: "doc", content: [p(t("x".repeat(2_100_000)))] });
    expect(big).toMatchObject({ ok: false, code: "invalid", message: "The body cannot be saved: The body is too large (over 2 MB)." });
    const huge = await save(null, "x".repeat(3_000_001));
    expect(huge).toMatchObject({ ok: false, code: "invalid", fieldErrors: { payload: ["The article is too large to save."] } });
    expect(await snapshot()).toBe(before);
  });

  it("control: an allowed body with hostile text is saved as it was sent", async () => {
    const text = `<script>alert(1)</script> "><img onerror=x> ]]> {{7*7}} \u2028`;
    const result = await save({ type: "doc", content: [p(t(text, [{ type: "link", attrs: { href: "https://example.edu/?q=<x>" } }]))] });
    expect(result).toMatchObject({ ok: true });
    expect(JSON.parse((await sql.get<{ body: string }>("select body from articles where id = ?", articleId))!.body).content[0].content[0].text).toBe(text);
  });
});
