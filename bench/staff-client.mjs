// A signed-in staff member over plain HTTP, for the soak benchmark: signs in through next-auth's
// credentials endpoint and calls server actions the way the browser does (the `Next-Action`
// header, the arguments encoded and the answer decoded by React's own Flight client), so each
// call goes through the real action wrapper, session re-read, validation and transaction.
import fs from "node:fs";
import path from "node:path";
import { createFromReadableStream, encodeReply } from "next/dist/compiled/react-server-dom-turbopack/client.edge.js";
import { root } from "../scripts/lib.mjs";

/** Action ids of the current build, by exported name (from Next's server-reference manifest). */
export function actionIds() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"));
  const ids = new Map();
  for (const [id, entry] of Object.entries(manifest.node)) ids.set(entry.exportedName, id);
  return ids;
}

function cookiesFrom(response, jar) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in with e-mail and password; resolves to a client that holds the session cookie. */
export async function signIn(base, email, password, { timeoutMs = 10_000 } = {}) {
  const jar = new Map();
  const csrf = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(timeoutMs) });
  cookiesFrom(csrf, jar);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/newsroom`, json: "true" }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  cookiesFrom(res, jar);
  await res.arrayBuffer();
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return new StaffClient(base, jar);
}

/*
 * After a publish, the answer also carries the re-rendered page, which names client components.
 * We only read the action's result (`a`), never the page, so every client module resolves to a
 * placeholder with no chunks to load instead of failing the decoding.
 */
const anyModule = new Proxy({}, { get: (_, id) => new Proxy({}, { get: (__, name) => ({ id, chunks: [], name }) }) });

class StaffClient {
  constructor(base, jar) {
    this.base = base;
    this.jar = jar;
  }

  /** GETs a page with the session; resolves to the status. */
  async get(pathname, { timeoutMs = 10_000 } = {}) {
    const res = await fetch(this.base + pathname, { headers: { cookie: cookieHeader(this.jar) }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  }

  /**
   * Calls a `(previous, form)` server action posted from `pagePath`, as `useActionState`-style
   * client code does with `action(null, form)`. Resolves to { status, result } where result is
   * the action's typed `ActionResult` (null when the answer was not an action result).
   */
  async action(actionId, pagePath, fields, { timeoutMs = 15_000 } = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
    const body = await encodeReply([null, form]);
    const res = await fetch(this.base + pagePath, {
      method: "POST",
      redirect: "manual",
      headers: {
        accept: "text/x-component",
        "next-action": actionId,
        // Next refuses actions whose Origin does not match the host (its CSRF check).
        origin: this.base,
        cookie: cookieHeader(this.jar),
        ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok || !res.headers.get("content-type")?.startsWith("text/x-component")) {
      await res.arrayBuffer();
      return { status: res.status, result: null };
    }
    const payload = await createFromReadableStream(res.body, { serverConsumerManifest: { moduleMap: anyModule, serverModuleMap: null, moduleLoading: null } });
    return { status: res.status, result: (await payload.a) ?? null };
  }
}
