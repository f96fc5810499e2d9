// The four kinds of traffic of the soak benchmark. Every loop stops at `until` (a Date.now()
// value) and is bounded in count; every request has a timeout; all of it goes to loopback.
import autocannon from "autocannon";
import { pacedLoop, sleep } from "./soak-stats.mjs";

/**
 * Readers: one rate-limited autocannon run per page type, all at once, cycling through that
 * type's paths. Rate-limited on purpose: a soak looks for leaks and errors over a long mixed
 * run at a steady, realistic load, not for peak throughput (`npm run bench` measures that).
 */
export async function runReaders({ base, seconds, mix, connections, rate }) {
  const runs = mix.map(({ type, paths: list, share }) => {
    const conns = Math.max(1, Math.round(connections * share));
    let next = 0;
    const failures = {};
    return new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: conns,
          overallRate: Math.max(conns, Math.round(rate * share)),
          duration: seconds,
          timeout: 10,
          requests: [{ setupRequest: (req) => ({ ...req, path: list[next++ % list.length] }) }],
        },
        (err, r) => {
          if (err) return reject(err);
          const codes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
          // 2xx and 3xx are answers; anything else, and every socket error or timeout, is an error.
          const bad = Object.entries(codes).filter(([code]) => !/^[23]/.test(code));
          for (const [code, n] of bad) failures[`HTTP ${code}`] = n;
          const count = r.requests.total + r.errors;
          resolve({ type, count, errors: r.errors + bad.reduce((s, [, n]) => s + n, 0), p50: r.latency.p50, p99: r.latency.p99, failures, connections: conns, paths: list.length });
        },
      );
      instance.on("reqError", (error) => {
        const kind = error?.code ?? error?.message ?? "error";
        failures[kind] = (failures[kind] ?? 0) + 1;
      });
    });
  });
  return Promise.all(runs);
}

// Real browsers of several families, each beacon with its own build number so that every one
// is a different reader to the 30-minute dedup; every tenth beacon is a crawler, which must
// be answered like the others but never counted.
const BROWSERS = [
  (n) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${n}.0 Safari/537.36`,
  (n) => `Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5.${n} Safari/605.1.15`,
  (n) => `Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0.${n}`,
  (n) => `Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148.${n}`,
];
const CRAWLER = (n) => `Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) r${n}`;

/** Beacons: POST /api/views at `perSecond`; resolves to { sent, acknowledgedHuman, acknowledgedBot }. */
export async function runBeacons({ base, until, perSecond, articleIds, tally }) {
  const acknowledged = { human: 0, bot: 0 };
  await pacedLoop({
    intervalMs: 1000 / perSecond,
    until,
    maxInFlight: 10,
    task: async (i) => {
      const bot = i % 10 === 9;
      const ua = bot ? CRAWLER(i) : BROWSERS[i % BROWSERS.length](i);
      const ok = await tally.time("beacon", async () => {
        const res = await fetch(`${base}/api/views`, {
          method: "POST",
          headers: { "content-type": "text/plain;charset=UTF-8", "user-agent": ua },
          body: JSON.stringify({ articleId: articleIds[i % articleIds.length] }),
          signal: AbortSignal.timeout(5_000),
        });
        await res.arrayBuffer();
        return res.status === 204 || `HTTP ${res.status}`;
      });
      if (ok) acknowledged[bot ? "bot" : "human"] += 1;
    },
  });
  return acknowledged;
}

/** The body an editor has typed by save `n`: the fixture's 20 paragraphs, the first one growing. */
function typedBody(n) {
  const words = "river campus research student library faculty laboratory harbour lecture archive".split(" ");
  const text = (k) => Array.from({ length: 60 }, (_, i) => words[(k + i) % words.length]).join(" ") + ".";
  const first = `${text(0)} Soak edit ${n}.`;
  return { type: "doc", content: [first, ...Array.from({ length: 19 }, (_, i) => text(i + 1))].map((t) => ({ type: "paragraph", content: [{ type: "text", text: t }] })) };
}

/**
 * One editor's autosaves: pauses of 1.2–2.7 s (the editor saves ~1.2 s after typing stops),
 * then a save of the working copy at the version of the last acknowledged save, exactly as
 * components/newsroom/editor/use-autosave.ts sends it. Every 20th save the editor page is
 * reloaded, as people do. Resolves to the acknowledged saves: [{ version, marker }].
 */
export async function runEditor({ client, saveActionId, editor, until, tally }) {
  const page = `/newsroom/articles/${editor.articleId}`;
  const acked = [];
  let version = editor.version;
  const maxSaves = Math.ceil((until - Date.now()) / 1200);
  for (let n = 1; n <= maxSaves && Date.now() < until; n++) {
    await sleep(1200 + Math.random() * 1500);
    if (Date.now() >= until) break;
    if (n % 20 === 0) await tally.time("editor page", async () => (await client.get(page)) === 200 || "not 200");
    const payload = { articleId: editor.articleId, baseVersion: version, title: `Soak draft ${editor.email}`, standfirst: "Saved again and again.", body: typedBody(n), topicIds: editor.topicIds, leadMediaId: null, noFold: false };
    const data = await tally.time("autosave", async () => {
      const { status, result } = await client.action(saveActionId, page, { payload: JSON.stringify(payload) });
      if (!result) return `HTTP ${status}`;
      return result.ok ? result.data : result.code;
    });
    if (data) {
      version = data.version;
      acked.push({ version, marker: `Soak edit ${n}.` });
    }
  }
  return acked;
}

/**
 * The reviser: every `everyMs` approves (publishes) the next piece waiting for review, checks
 * that its page is live, and after every second publish unpublishes the piece published before
 * it, so both directions of the cycle run. Resolves to the acknowledged transitions.
 */
export async function runPublisher({ base, client, transitionActionId, queue, until, everyMs, tally }) {
  const acked = [];
  const published = [];
  await pacedLoop({
    intervalMs: everyMs,
    until,
    task: async (i) => {
      const item = queue[i];
      if (!item) return;
      const transition = (type, target, action) =>
        tally.time(type, async () => {
          const { status, result } = await client.action(transitionActionId, `/newsroom/articles/${target.id}`, { articleId: target.id, action, baseVersion: target.version });
          if (!result) return `HTTP ${status}`;
          return result.ok || result.code;
        });
      if (await transition("publish", item, "approve")) {
        acked.push({ id: item.id, action: "approve" });
        published.push(item);
        await tally.time("page live after publish", async () => {
          const res = await fetch(`${base}/news/${item.slug}`, { signal: AbortSignal.timeout(10_000) });
          await res.arrayBuffer();
          return res.status === 200 || `HTTP ${res.status}`;
        });
      }
      if (i % 2 === 1 && published.length >= 2) {
        const earlier = published.splice(published.length - 2, 1)[0];
        if (await transition("unpublish", earlier, "unpublish")) acked.push({ id: earlier.id, action: "unpublish" });
      }
    },
  });
  return acked;
}
