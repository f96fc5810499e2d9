// Publish → visible through the cache: the reviser approves a piece waiting for review (the
// transition server action over HTTP, as bench/staff-client.mjs calls it); from the moment the
// approve response has arrived, the article's own URL, the home page and its topic page are
// polled *through Varnish* until all three show the new headline. Before each publish the three
// are cached in Varnish (the article's URL as the "not found" it was), so every sample includes
// the purge travelling from the app's outbox to Varnish.
import { actionIds, signIn } from "./staff-client.mjs";

const LIMIT_MS = 10_000;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return Number.isFinite(v) ? Number(v.toFixed(1)) : v;
}

async function get(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, xCache: res.headers.get("x-cache"), text: await res.text() };
}

/** Polls `urls` until each contains `title`; resolves to ms since `start` per URL (Infinity if never). */
async function untilVisible(urls, title, start) {
  const at = new Map();
  while (at.size < urls.length && performance.now() - start < LIMIT_MS) {
    for (const url of urls) {
      if (at.has(url)) continue;
      const page = await get(url);
      if (page.status === 200 && page.text.includes(title)) at.set(url, performance.now() - start);
    }
  }
  return urls.map((u) => at.get(u) ?? Infinity);
}

/**
 * Publishes each of `items` ({ id, slug, title, topic, version }) and measures, per publish,
 * approve → visible on all three pages through Varnish. Resolves to percentiles and checks.
 */
export async function measurePublishVisible({ appBase, varnishBase, password, items }) {
  const transitionId = actionIds().get("transitionAction");
  if (!transitionId) throw new Error("transitionAction is not in the build's server-reference manifest");
  const reviser = await signIn(appBase, "reviser@example.edu", password);
  const samples = [];
  const warmMisses = new Set();
  for (const item of items) {
    const urls = [`/news/${item.slug}`, "/", `/topics/${item.topic}`].map((p) => varnishBase + p);
    for (const url of urls) {
      await get(url);
      // A second request must be a Varnish hit, or the sample would not include a purge.
      const again = await get(url);
      if (again.xCache !== "HIT") warmMisses.add(`${new URL(url).pathname.replace(item.slug, "<new slug>")} (${again.status})`);
    }
    const sent = performance.now();
    const { status, result } = await reviser.action(transitionId, `/newsroom/articles/${item.id}`, { articleId: item.id, action: "approve", baseVersion: item.version });
    const answered = performance.now();
    if (!result?.ok) throw new Error(`approving ${item.id} failed: HTTP ${status} ${JSON.stringify(result)}`);
    const [article, home, topic] = await untilVisible(urls, item.title, answered);
    samples.push({ approveMs: answered - sent, article, home, topic, all: Math.max(article, home, topic) });
  }
  const pick = (key) => samples.map((s) => s[key]);
  return {
    samples: samples.length,
    visibleP50: percentile(pick("all"), 50),
    visibleP95: percentile(pick("all"), 95),
    visibleMax: percentile(pick("all"), 100),
    articleP95: percentile(pick("article"), 95),
    homeP95: percentile(pick("home"), 95),
    topicP95: percentile(pick("topic"), 95),
    approveResponseP50: percentile(pick("approveMs"), 50),
    approveResponseP95: percentile(pick("approveMs"), 95),
    neverVisible: samples.filter((s) => !Number.isFinite(s.all)).length,
    notCachedBeforePublish: [...warmMisses],
  };
}
