import { spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { RunningVarnish } from "../scripts/varnish.mjs";
import { clickWorkflow } from "./support/actions";
import { signIn } from "./support/auth";
import { get, nonLoopbackAddress, startOrigin, timeUntil } from "./support/cache-tier";
import { copyTestData, stopProcess, waitForOk } from "./support/own-server";

/*
 * The public site through a real Varnish (deploy/varnish/masthead.vcl): the app behind it purges
 * by cache tag, so a change is visible through the cache within a second; the newsroom is never
 * cached; a purge made while Varnish was away is delivered when it is back. Its own app server
 * on a copy of the test data, with Varnish in front, on ports derived from E2E_PORT.
 */
const E2E = Number(process.env.E2E_PORT || 3100);
const ORIGIN_PORT = E2E + 11;
const FRONT_PORT = E2E + 12;
const ELSEWHERE_PORT = E2E + 13;
const origin = `http://127.0.0.1:${ORIGIN_PORT}`;
const front = `http://127.0.0.1:${FRONT_PORT}`;
const VISIBLE_WITHIN_MS = 1_000;


let dataDir = "";
let varnishDir = "";
let server: ChildProcess | null = null;
let varnish: RunningVarnish | null = null;
let db: Database.Database | null = null;
const elsewhere = nonLoopbackAddress();
const contexts: BrowserContext[] = [];
// Imported in beforeAll: Playwright's loader turns a static import of an .mjs file into CommonJS.
let vcl: typeof import("../scripts/varnish.mjs");

interface Article {
  id: number;
  slug: string;
  title: string;
  topics: string[];
}

function inReviewArticles(): Article[] {
  const rows = db!
    .prepare(
      `select a.id, a.slug, a.title, (select group_concat(t.slug, ' ') from article_topics x join topics t on t.id = x.topic_id where x.article_id = a.id) topics
         from articles a
        where a.status = 'in_review'
          and not exists (select 1 from publications p where p.article_id = a.id)
          and not exists (select 1 from article_drafters d join users u on u.id = d.user_id where d.article_id = a.id and u.email = 'reviser@example.edu')
        order by a.id`,
    )
    .all() as { id: number; slug: string; title: string; topics: string | null }[];
  return rows.map((r) => ({ ...r, topics: (r.topics ?? "").split(" ").filter(Boolean) }));
}

const statusOf = (id: number) => (db!.prepare("select status from articles where id = ?").get(id) as { status: string }).status;
const nameOf = (email: string) => (db!.prepare("select name from users where email = ?").get(email) as { name: string }).name;
const pendingPurges = (tag: string) =>
  db!.prepare("select id, attempts, last_error lastError from cache_purges where (' ' || tags || ' ') like ?").all(`% ${tag} %`) as { id: number; attempts: number; lastError: string | null }[];

/** The public pages that list an article (home, its topics, /news, search, feed, sitemap). */
function listPages(article: Article): string[] {
  return ["/", ...article.topics.map((t) => `/topics/${t}`), "/news", `/search?q=${encodeURIComponent(article.title)}`, "/feed.xml", "/sitemap.xml"];
}

async function startFront(): Promise<RunningVarnish> {
  varnishDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-varnish-e2e-"));
  fs.chmodSync(varnishDir, 0o755);
  return await vcl.startVarnish({ port: FRONT_PORT, backendPort: ORIGIN_PORT, workDir: varnishDir, extraListen: elsewhere ? [`${elsewhere}:${ELSEWHERE_PORT}`] : [] });
}

async function stopFront() {
  await varnish?.stop();
  varnish = null;
  if (varnishDir) fs.rmSync(varnishDir, { recursive: true, force: true });
}

/** A signed-in newsroom page, signed in through the front (the cache). */
async function staffPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: front });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Clicks a workflow button and resolves when the server action's response arrives. */
async function transition(page: Page, articleId: number, button: string, base = front): Promise<number> {
  await page.goto(`${base}/newsroom/articles/${articleId}`);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await clickWorkflow(page, button);
  const response = await answered;
  const at = Date.now();
  expect(response.status()).toBe(200);
  // The editor would now reload itself; this browser shares the machine's two cores with the
  // server, so it leaves instead of rendering the editor while the public pages are measured.
  await page.goto("about:blank").catch(() => undefined);
  return at;
}

/** Asserts a page is served from the cache now: fetched until it is a HIT (at most three times). */
async function expectCachedHit(url: string) {
  let last = await get(url);
  for (let i = 0; i < 2 && last.cache !== "HIT"; i++) last = await get(url);
  expect(last.cache, `${url} should be a cached HIT`).toBe("HIT");
  return last;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  vcl = await import("../scripts/varnish.mjs");
  vcl.ensureVarnish();
  dataDir = await copyTestData("masthead-cache-tier-");
  db = new Database(path.join(dataDir, "masthead.db"));
  db.pragma("busy_timeout = 5000");
  varnish = await startFront();
  server = startOrigin({ port: ORIGIN_PORT, dataDir, siteUrl: front, purgeUrl: varnish.purgeUrl });
  await waitForOk(`${origin}/api/health`);
  await waitForOk(`${front}/api/health`);
});

test.afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await stopProcess(server);
  await stopFront();
  db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("the VCL compiles; PURGE needs the xkey header and an allowed address", async () => {
  const file = path.join(dataDir, "check.vcl");
  fs.writeFileSync(file, vcl.renderVcl({ backendPort: ORIGIN_PORT, purgers: ["10.0.0.0/8", "2001:db8::1"] }));
  expect(vcl.compileVcl(file)).toBe("");
  expect(() => vcl.renderVcl({ backendPort: ORIGIN_PORT, purgers: ['1.2.3.4"; } sub vcl_recv { return (pass); } acl x { "'] })).toThrow();

  const purge = (url: string, headers: Record<string, string>) => fetch(url, { method: "PURGE", headers }).then(async (r) => ({ status: r.status, body: await r.text() }));
  expect((await purge(`${front}/`, {})).status).toBe(400);
  const ok = await purge(`${front}/`, { xkey: "no-such-tag" });
  expect(ok).toEqual({ status: 200, body: "Purged 0\n" });
  // The same Varnish also listens on this machine's network address: a PURGE arriving there
  // comes from an address outside the ACL.
  if (elsewhere) expect((await purge(`http://${elsewhere}:${ELSEWHERE_PORT}/`, { xkey: "articles" })).status).toBe(403);
  else test.info().annotations.push({ type: "not checked", description: "no non-loopback address here to send a PURGE from" });
});

test("an approved article is on every public page through Varnish within a second, and gone within a second of unpublishing", async ({ browser }) => {
  test.setTimeout(60_000);
  const [article] = inReviewArticles();
  expect(article, "an in_review article drafted by someone else than the reviser").toBeTruthy();
  const link = `/news/${article!.slug}`;
  const lists = listPages(article!);

  // Before: every list is cached (a HIT) and does not show it; its URL is a 404.
  for (const url of lists) expect((await expectCachedHit(front + url)).body).not.toContain(link);
  expect((await get(front + link)).status).toBe(404);
  const notFoundCache = (await get(front + link)).cache;
  test.info().annotations.push({ type: "article 404 before approval", description: `X-Cache ${notFoundCache}` });

  const helen = await staffPage(browser, "reviser@example.edu");
  const approvedAt = await transition(helen, article!.id, "Approve and publish");
  const shown = await Promise.all([
    timeUntil(async () => (await get(front + link)).status === 200, approvedAt),
    ...lists.map((url) => timeUntil(async () => (await get(front + url)).body.includes(link), approvedAt)),
  ]);
  test.info().annotations.push({ type: "approve → visible through Varnish (ms)", description: [link, ...lists].map((u, i) => `${u} ${shown[i]}`).join(", ") });
  for (const ms of shown) expect(ms).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);

  // Cached again with the article; then unpublished, it leaves every page within a second.
  for (const url of [link, ...lists]) expect((await expectCachedHit(front + url)).body).toContain(link);
  expect(statusOf(article!.id)).toBe("published");
  const unpublishedAt = await transition(helen, article!.id, "Unpublish");
  const gone = await Promise.all([
    timeUntil(async () => (await get(front + link)).status === 404, unpublishedAt),
    ...lists.map((url) => timeUntil(async () => !(await get(front + url)).body.includes(link), unpublishedAt)),
  ]);
  test.info().annotations.push({ type: "unpublish → gone through Varnish (ms)", description: [link, ...lists].map((u, i) => `${u} ${gone[i]}`).join(", ") });
  for (const ms of gone) expect(ms).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);
  expect(statusOf(article!.id)).toBe("unpublished");
  // And it stays gone: a second look is a cached 404, not a stale copy.
  const after = await get(front + link);
  expect(after.status).toBe(404);
  expect(after.body).not.toContain(article!.title);
});

test("newsroom pages are never cached: each staff member sees their own, a reader is sent to sign in", async ({ browser }) => {
  const people = [
    { email: "reviser@example.edu", name: nameOf("reviser@example.edu") },
    { email: "drafter@example.edu", name: nameOf("drafter@example.edu") },
  ];
  const pages = await Promise.all(people.map((p) => staffPage(browser, p.email)));
  for (let round = 0; round < 2; round++) {
    for (const [i, page] of pages.entries()) {
      const response = await page.goto("/newsroom");
      expect(response?.headers()["x-cache"]).not.toBe("HIT");
      await expect(page.getByRole("banner")).toContainText(people[i]!.name);
      await expect(page.getByRole("banner")).not.toContainText(people[1 - i]!.name);
    }
  }
  for (let i = 0; i < 3; i++) {
    const reader = await get(`${front}/newsroom`);
    expect(reader.cache).not.toBe("HIT");
    expect(reader.status).toBeGreaterThanOrEqual(300);
    expect(reader.status).toBeLessThan(400);
    expect(new URL(reader.location ?? "", front).pathname).toBe("/login");
    for (const p of people) expect(reader.body).not.toContain(p.name);
  }
});

test("an outside review link is never cached: each request reaches the app, and a revoked link stops at once", async () => {
  const article = inReviewArticles()[0];
  expect(article, "an article under review").toBeTruthy();
  const token = randomBytes(32).toString("base64url");
  const reviser = (db!.prepare("select id from users where email = 'reviser@example.edu'").get() as { id: number }).id;
  const link = db!
    .prepare("insert into review_links (article_id, token_hash, created_by, expires_at) values (?, ?, ?, ?) returning id")
    .get(article!.id, createHash("sha256").update(token).digest("hex"), reviser, Date.now() + 3_600_000) as { id: number };
  for (let i = 0; i < 3; i++) {
    const res = await get(`${front}/review/${token}`);
    expect(res.status).toBe(200);
    expect(res.cache).not.toBe("HIT");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.body).toContain("Draft for review — not published");
  }
  db!.prepare("update review_links set revoked_at = ? where id = ?").run(Date.now(), link.id);
  const revoked = await get(`${front}/review/${token}`);
  expect(revoked.status).toBe(404);
  expect(revoked.body).toContain("This link is not valid");
  expect(revoked.body).not.toContain("not published");
});

test("a reader who has a session cookie gets the cached public page, and no cookie back", async ({ browser }) => {
  const helen = await staffPage(browser, "reviser@example.edu");
  const cookie = (await helen.context().cookies(front)).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookie).toContain("session-token");
  for (const url of ["/", "/news"]) {
    const cached = await expectCachedHit(front + url);
    // The cache tags are for the cache tier, not for readers.
    for (const name of ["xkey", "surrogate-key", "cache-tag", "x-varnish", "via"]) expect(cached.headers.get(name), name).toBeNull();
    const withSession = await get(front + url, { cookie });
    expect(withSession.status).toBe(200);
    expect(withSession.cache).toBe("HIT");
    expect(withSession.setCookie).toBeNull();
  }
});

test("query parameters a page does not read share its cached copy", async () => {
  await expectCachedHit(`${front}/`);
  await expectCachedHit(`${front}/news`);
  for (const extra of ["/?utm_source=newsletter", "/?x=1&y=2", "/news?utm_campaign=a"]) {
    const res = await get(front + extra);
    expect(res.cache, extra).toBe("HIT");
  }
  // The parameters a page does read still make their own page.
  const second = await get(`${front}/news?page=2&utm_source=x`);
  expect(second.status).toBe(200);
  expect(second.body).not.toEqual((await get(`${front}/news`)).body);
});

test("a purge made while Varnish is stopped is delivered when it is back", async ({ browser }) => {
  test.setTimeout(90_000);
  const article = inReviewArticles().at(-1);
  expect(article, "a second in_review article").toBeTruthy();
  const tag = `article-slug:${article!.slug}`;
  const helen = await staffPage(browser, "reviser@example.edu");
  await stopFront();

  // Published straight at the app (the session cookie is the same for any port of the host).
  await transition(helen, article!.id, "Approve and publish", origin);
  expect(statusOf(article!.id)).toBe("published");
  expect(pendingPurges(tag), "the purge waits in the outbox").toHaveLength(1);
  await expect.poll(() => pendingPurges(tag)[0]?.attempts ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(pendingPurges(tag)[0]?.lastError).toBeTruthy();

  varnish = await startFront();
  const backAt = Date.now();
  const deliveredIn = await timeUntil(async () => pendingPurges(tag).length === 0, backAt, 45_000);
  test.info().annotations.push({ type: "Varnish back → outbox delivered (ms)", description: String(deliveredIn) });
  // Varnish logged the PURGE with the article's tag (its shared-memory log, read with varnishlog).
  const log = spawnSync("varnishlog", ["-n", path.join(varnishDir, "n"), "-d", "-q", 'ReqMethod eq "PURGE"', "-i", "ReqHeader"], { encoding: "utf8" });
  expect(log.stdout).toContain(tag);
  const page = await get(`${front}/news/${article!.slug}`);
  expect(page.status).toBe(200);
  expect(page.body).toContain(`/news/${article!.slug}`);
  expect((await get(`${front}/`)).body).toContain(`/news/${article!.slug}`);
});
