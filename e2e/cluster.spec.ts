import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, request as playwrightRequest, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import type { ClusterInstance, RunningCluster } from "../scripts/cluster.mjs";
import type { RunningPostgres } from "../scripts/postgres.mjs";
import { callAction, clickWorkflow, signInByRequest, writeArticle } from "./support/actions";
import { demoPassword, signIn } from "./support/auth";

/*
 * `npm run start:cluster` as a reader and the newsroom meet it: two instances of the app on one
 * PostgreSQL and one data folder, Redis between them and Varnish in front (scripts/cluster.mjs
 * startCluster, the command's own code), on a throwaway PostgreSQL cluster seeded as the test
 * site is, and ports derived from E2E_PORT. Edited on one
 * instance and saved through the other; published and on both instances' home pages within a
 * second; one instance killed with SIGKILL in a burst of saves: every acknowledged save is in
 * the database, readers behind Varnish see no failed request, the scheduler lease moves.
 */
const E2E = Number(process.env.E2E_PORT || 3100);
// Ports of their own (no other spec uses +20 to +23): a cluster left behind by a killed run
// cannot answer another spec's health check.
const FRONT_PORT = E2E + 20;
const INSTANCE_PORTS = [E2E + 21, E2E + 22];
const REDIS_PORT = E2E + 23;
const POSTGRES_PORT = E2E + 24;
const front = `http://127.0.0.1:${FRONT_PORT}`;
const VISIBLE_WITHIN_MS = 1_000;
const LEASE_WITHIN_MS = 30_000;


let dataDir = "";
let cluster: RunningCluster | null = null;
let postgres: RunningPostgres | null = null;
let db: pg.Pool | null = null;
const logLines: string[] = [];
const contexts: BrowserContext[] = [];
const requests: APIRequestContext[] = [];

/** The first row `text` answers on the cluster's PostgreSQL. */
const one = async <T>(text: string, ...params: unknown[]) => (await db!.query(text, params)).rows[0] as T | undefined;
const topicId = async () => (await one<{ id: number }>("select id from topics order by id limit 1"))!.id;
const holder = async () => (await one<{ holder: string }>("select holder from leases where name = 'scheduler'"))?.holder ?? null;
const leaseName = (instance: ClusterInstance) => `${os.hostname()}:${instance.port}`;

/** An HTTP client signed in through the front (Varnish), as a script or the editor would be. */
async function staffRequest(email: string): Promise<APIRequestContext> {
  const request = await playwrightRequest.newContext({ baseURL: front });
  requests.push(request);
  const signedIn = await signInByRequest(request, email);
  expect(signedIn.error, `sign-in as ${email}`).toBeNull();
  return request;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const { startCluster } = await import("../scripts/cluster.mjs");
  const { ensurePostgres, startPostgres } = await import("../scripts/postgres.mjs");
  const { prepareData } = await import("../scripts/lib.mjs");
  ensurePostgres();
  postgres = await startPostgres({ port: POSTGRES_PORT });
  db = new pg.Pool({ connectionString: postgres.url, max: 2 });
  db.on("error", () => {});
  // The same demo content as the test site's, seeded into PostgreSQL with the run's password.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-cluster-"));
  prepareData(dataDir, { env: { DATABASE_URL: postgres.url, MASTHEAD_DEMO_PASSWORD: demoPassword() } });
  cluster = await startCluster({
    port: FRONT_PORT,
    dataDir,
    instancePorts: INSTANCE_PORTS,
    redisPort: REDIS_PORT,
    siteUrl: front,
    secret: crypto.randomBytes(32).toString("hex"),
    env: { DATABASE_URL: postgres.url },
    log: (line) => logLines.push(line),
  });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("cluster log", { body: logLines.slice(-300).join("\n"), contentType: "text/plain" });
});

test.afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  for (const request of requests) await request.dispose().catch(() => undefined);
  await cluster?.stop();
  await db?.end();
  await postgres?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("signed in through the front, an article opened on one instance and saved through the other shows the saved words on both", async ({ browser }) => {
  const [a, b] = cluster!.instances;
  const context = await browser.newContext({ baseURL: front });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, "drafter@example.edu");
  const request = await staffRequest("drafter@example.edu");
  const { id } = await writeArticle(request, { title: "Ferry times on both instances", topicIds: [await topicId()] });

  // The session cookie was made through Varnish; it is the same for every port of this host.
  await page.goto(`${a!.url}/newsroom/articles/${id}`);
  await expect(page.getByLabel("Title")).toHaveValue("Ferry times on both instances");
  const onB = await context.newPage();
  await onB.goto(`${b!.url}/newsroom/articles/${id}`);
  const bodyOnB = onB.getByRole("textbox", { name: "Body" });
  const saved = onB.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined && new URL(r.url()).port === String(b!.port));
  await bodyOnB.click();
  await onB.keyboard.press("End");
  await onB.keyboard.type(" Saved through the second instance.");
  await expect(onB.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });
  expect((await saved).status()).toBe(200);

  // Opened again on the first instance: the words saved through the second are there.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Body" })).toContainText("Saved through the second instance.");
  const stored = (await one<{ body: string }>("select body::text as body from articles where id = $1", id))!;
  expect(stored.body).toContain("Saved through the second instance.");
  // And the other way round: typed on the first, saved there, read on the second.
  await page.getByLabel("Title").fill("Ferry times, edited on the first instance");
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });
  await onB.reload();
  await expect(onB.getByLabel("Title")).toHaveValue("Ferry times, edited on the first instance");
});

test("an approved article is on both instances' home pages within a second", async ({ browser }) => {
  test.setTimeout(60_000);
  const article = await one<{ id: number; slug: string; title: string }>(
      `select a.id, a.slug, a.title from articles a
        where a.status = 'in_review' and a.deleted_at is null
          and not exists (select 1 from publications p where p.article_id = a.id)
          and not exists (select 1 from article_drafters d join users u on u.id = d.user_id where d.article_id = a.id and u.email = 'reviser@example.edu')
        order by a.id limit 1`,
  );
  expect(article, "an article waiting for review").toBeTruthy();
  const link = `/news/${article!.slug}`;
  const homes = [...cluster!.instances.map((i) => `${i.url}/`), `${front}/`];
  // Each instance has its home page kept (its page cache) and Varnish has its copy: all stale after the publish unless purged everywhere.
  for (const url of homes) for (let i = 0; i < 2; i++) expect(await fetch(url).then((r) => r.text())).not.toContain(link);

  const context = await browser.newContext({ baseURL: front });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, "reviser@example.edu");
  await page.goto(`/newsroom/articles/${article!.id}`);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await clickWorkflow(page, "Approve and publish");
  expect((await answered).status()).toBe(200);
  const approvedAt = Date.now();
  await page.goto("about:blank").catch(() => undefined);

  const shown = await Promise.all(
    homes.map(async (url) => {
      for (;;) {
        const body = await fetch(url).then((r) => r.text(), () => "");
        if (body.includes(link)) return Date.now() - approvedAt;
        if (Date.now() - approvedAt > 10_000) return Infinity;
        await new Promise((r) => setTimeout(r, 25));
      }
    }),
  );
  test.info().annotations.push({ type: "approve → on the home page (ms)", description: homes.map((u, i) => `${u} ${shown[i]}`).join(", ") });
  for (const ms of shown) expect(ms).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);
});

interface Ack {
  articleId: number;
  version: number;
  marker: string;
}

test("sign-in throttling counts failures on every instance: five wrong passwords spread over both lock the account on both", async () => {
  const email = "drafter2@example.edu";
  const at = (port: number) => playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${port}` }).then((r) => (requests.push(r), r));
  const [a, b] = [await at(INSTANCE_PORTS[0]!), await at(INSTANCE_PORTS[1]!)];
  try {
    for (let i = 0; i < 5; i++) {
      const wrong = await signInByRequest(i % 2 ? b : a, email, `wrong-password-${i}`);
      expect(wrong.error, `attempt ${i + 1}`).toBe("CredentialsSignin");
    }
    // The right password now, on either instance and through the front: refused as throttled.
    for (const request of [a, b]) {
      const refused = await signInByRequest(request, email);
      expect(refused.error ?? "").toContain("Too many failed sign-in attempts");
    }
    const row = await one<{ failures: number }>("select failures from login_throttle where key = $1", `account:${email}`);
    expect(row?.failures).toBe(5);
  } finally {
    await db!.query("delete from login_throttle where key = $1", [`account:${email}`]);
  }
});

test("kill -9 one instance in a burst of saves: every acknowledged save is stored, readers see no failure, the lease moves", async () => {
  test.setTimeout(120_000);
  const drafter = await staffRequest("drafter@example.edu");
  const articles = [];
  const topic = await topicId();
  for (let i = 0; i < 4; i++) articles.push(await writeArticle(drafter, { title: `Burst article ${i}`, topicIds: [topic] }));
  await expect.poll(holder, { timeout: 20_000 }).not.toBeNull();
  const leaseHolder = await holder();
  const victim = cluster!.instances.find((i) => leaseName(i) === leaseHolder)!;
  const survivor = cluster!.instances.find((i) => i !== victim)!;
  expect(victim, "the lease holder is one of the cluster's instances").toBeTruthy();

  // Readers through Varnish: cached pages, and requests every one of which reaches an instance.
  const slug = (await one<{ slug: string }>("select a.slug from articles a join publications p on p.article_id = a.id where a.status = 'published' order by a.id limit 1"))!.slug;
  const readerPaths = ["/", `/news/${slug}`, "/news", "/api/health"];
  const reads = { ok: 0, failed: [] as string[] };
  let reading = true;
  const reader = async (n: number) => {
    for (let i = n; reading; i++) {
      const p = i % 5 === 4 ? `/search?q=${["river", "library", "grant", "harbour", "music"][i % 5]}${i}` : readerPaths[i % readerPaths.length]!;
      const status = await fetch(front + p, { signal: AbortSignal.timeout(10_000) }).then(async (r) => (await r.arrayBuffer(), r.status), (e: Error) => e.message);
      if (status === 200) reads.ok++;
      else {
        reads.failed.push(`${p}: ${status}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const readers = [0, 1, 2].map(reader);
  // However this test ends, the readers stop.
  const stopReading = async () => {
    reading = false;
    await Promise.all(readers);
  };
  try {

  // 40 saves through the front, ten per article in turn, each based on the version the last
  // acknowledged; one that is not acknowledged is sent again as the editor does, with the same
  // base version (if it was stored after all, the answer is the one the first save had).
  const acks: Ack[] = [];
  const unanswered: string[] = [];
  const save = async (article: { id: number; version: number }, n: number) => {
    const marker = `burst-${article.id}-${n}-${crypto.randomBytes(4).toString("hex")}`;
    // Until Varnish's probe calls the dead instance sick (about two seconds), the director may
    // give a save to it again; after that every one goes to the survivor.
    for (const giveUpAt = Date.now() + 20_000; Date.now() < giveUpAt; ) {
      const payload = { articleId: article.id, baseVersion: article.version, title: `Burst article ${article.id}`, standfirst: "", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Saved as ${marker}.` }] }] }, topicIds: [topic], leadMediaId: null, noFold: true };
      const call = await callAction(drafter, "saveArticleAction", { payload: JSON.stringify(payload) }, { page: `/newsroom/articles/${article.id}` }).catch((e: Error) => ({ status: 0, result: null, error: e.message }));
      const result = call.result as { ok: boolean; code?: string; data?: { version: number }; details?: { version: number } } | null;
      if (result?.ok) {
        article.version = result.data!.version;
        acks.push({ articleId: article.id, version: article.version, marker });
        return;
      }
      if (result?.code === "conflict") {
        article.version = result.details!.version;
        continue;
      }
      unanswered.push(`${article.id}#${n}: ${call.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`save ${marker} was never acknowledged`);
  };
  let killedAt = 0;
  const killing = (async () => {
    await expect.poll(() => acks.length, { timeout: 30_000, intervals: [20] }).toBeGreaterThanOrEqual(8);
    killedAt = Date.now();
    const exit = await victim.kill("SIGKILL");
    expect(exit.signal).toBe("SIGKILL");
  })();
  await Promise.all(articles.map(async (article) => {
    for (let n = 0; n < 10; n++) await save(article, n);
  }));
  await killing;

  // The lease lapses unrenewed and the survivor takes it; readers are served all along.
  await expect.poll(holder, { timeout: LEASE_WITHIN_MS, intervals: [250] }).toBe(leaseName(survivor));
  const leaseMovedMs = Date.now() - killedAt;
  await stopReading();

  expect(acks).toHaveLength(40);
  const version = async (id: number) => (await one<{ version: number }>("select version from articles where id = $1", id))!.version;
  for (const ack of acks) {
    expect(await version(ack.articleId)).toBeGreaterThanOrEqual(ack.version);
    const revision = await one<{ body: string }>("select body::text as body from revisions where article_id = $1 and version = $2", ack.articleId, ack.version);
    expect(revision?.body, `revision ${ack.version} of article ${ack.articleId}`).toContain(ack.marker);
  }
  for (const article of articles) {
    const stored = (await one<{ version: number; body: string }>("select version, body::text as body from articles where id = $1", article.id))!;
    const last = acks.filter((a) => a.articleId === article.id).at(-1)!;
    expect(stored.version).toBe(last.version);
    expect(stored.body).toContain(last.marker);
  }
  expect(reads.failed).toEqual([]);
  expect(reads.ok).toBeGreaterThan(50);
  expect(victim.alive()).toBe(false);
  expect(survivor.alive()).toBe(true);
  expect(logLines.some((l) => l.includes(`${victim.name} (port ${victim.port}, pid ${victim.pid}) exited (SIGKILL)`))).toBe(true);
  expect((await fetch(`${survivor.url}/api/health`)).status).toBe(200);
  test.info().annotations.push({
    type: "failover",
    description: `${reads.ok} reader requests, ${reads.failed.length} failed; ${unanswered.length} saves not acknowledged and sent again (${unanswered.join(", ") || "none"}); lease moved ${leaseMovedMs} ms after SIGKILL`,
  });
  } finally {
    await stopReading();
  }
});
