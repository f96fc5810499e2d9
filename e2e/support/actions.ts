import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { demoPassword } from "./auth";

/*
 * Server actions over raw HTTP, as an attacker's script would call them: the `Next-Action`
 * header with the action's id from the built manifest, and the arguments encoded the way React's
 * client encodes `(previousState, formData)` (form fields prefixed `_1_`, then the root `0`).
 */

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/** The id of a server action in this build, by its exported name. */
export function actionId(exportedName: string): string {
  const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action named ${exportedName} in this build.`);
  return found[0];
}

export interface ActionCall {
  status: number;
  /** The action's typed result, when the server ran it and answered one. */
  result: { ok: boolean; code?: string; message?: string; data?: unknown } | null;
  response: APIResponse;
}

/** Calls a `(previous, formData)` server action by POSTing to `page` as the browser would. */
export async function callAction(
  request: APIRequestContext,
  exportedName: string,
  fields: Record<string, string>,
  options: { page?: string; headers?: Record<string, string> } = {},
): Promise<ActionCall> {
  // Order matters: React resolves the root ("0") as soon as it arrives, with the fields before it.
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify([null, "$K1"]));
  const response = await request.post(options.page ?? "/newsroom", {
    headers: { "Next-Action": actionId(exportedName), Accept: "text/x-component", ...options.headers },
    multipart,
    maxRedirects: 0,
  });
  const text = await response.text();
  const line = /^1:(\{.*\})$/m.exec(text);
  let result: ActionCall["result"] = null;
  if (line) {
    const parsed = JSON.parse(line[1]!) as Record<string, unknown>;
    if (typeof parsed.ok === "boolean") result = parsed as ActionCall["result"];
  }
  return { status: response.status(), result, response };
}

/**
 * Signs in through next-auth's own endpoints (CSRF token, then the credentials callback), as a
 * script would. Returns the JSON answer; the session cookie stays in `request`.
 */
export async function signInByRequest(
  request: APIRequestContext,
  email: string,
  password = demoPassword(),
  extra: Record<string, string> = {},
): Promise<{ status: number; url: string; error: string | null }> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", ...extra },
    maxRedirects: 0,
  });
  const body = response.headers()["content-type"]?.includes("json") ? ((await response.json()) as { url?: string }) : {};
  const url = body.url ?? response.headers()["location"] ?? "";
  const error = url ? new URL(url, "http://x.invalid").searchParams.get("error") : null;
  return { status: response.status(), url, error };
}

/** A new article written through the real actions; returns its id and current version. */
export async function writeArticle(
  request: APIRequestContext,
  content: { title: string; standfirst?: string; body?: unknown; topicIds: number[]; leadMediaId?: number | null },
): Promise<{ id: number; version: number }> {
  const created = await callAction(request, "createArticleAction", { title: content.title }, { page: "/newsroom/articles" });
  const redirect = created.response.headers()["x-action-redirect"] ?? "";
  const id = Number(/\/newsroom\/articles\/(\d+)/.exec(redirect)?.[1]);
  if (!id) throw new Error(`createArticleAction did not lead to an article (status ${created.status}).`);
  const payload = {
    articleId: id,
    baseVersion: 1,
    title: content.title,
    standfirst: content.standfirst ?? "",
    body: content.body ?? { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Body text." }] }] },
    topicIds: content.topicIds,
    leadMediaId: content.leadMediaId ?? null,
  };
  const saved = await callAction(request, "saveArticleAction", { payload: JSON.stringify(payload) }, { page: `/newsroom/articles/${id}` });
  if (!saved.result?.ok) throw new Error(`Saving article ${id} failed: ${JSON.stringify(saved.result) ?? saved.status}`);
  return { id, version: 2 };
}

/** Runs one workflow transition through the real action. */
export function transition(request: APIRequestContext, articleId: number, action: string, baseVersion: number, extra: Record<string, string> = {}) {
  return callAction(
    request,
    "transitionAction",
    { articleId: String(articleId), action, baseVersion: String(baseVersion), ...extra },
    { page: `/newsroom/articles/${articleId}` },
  );
}

/** The confirm button of each workflow action that asks first. */
const CONFIRM_LABEL = new Map([
  ["Approve and publish", "Publish now"],
  ["Unpublish", "Unpublish now"],
  ["Cancel schedule", "Cancel the schedule"],
]);

/**
 * Clicks a workflow button in the editor as a person does: for a public or destructive one,
 * through its confirmation dialog (which must say what will happen). Returns the dialog's text.
 */
export async function clickWorkflow(page: Page, button: string): Promise<string> {
  await page.getByRole("region", { name: "Workflow" }).getByRole("button", { name: button, exact: true }).click();
  const confirm = CONFIRM_LABEL.get(button);
  if (!confirm) return "";
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const text = (await dialog.textContent()) ?? "";
  await dialog.getByRole("button", { name: confirm }).click();
  return text;
}
