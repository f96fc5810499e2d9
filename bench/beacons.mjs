// The view-beacon burst of `npm run bench`: `beacons` view beacons for one article, each from a
// different reader, fired with autocannon while the article page is loaded too.
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";

function load(url, connections, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, ...options }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** `beacons` view beacons for one article, each from a different reader (user agent). */
function beaconBurst(base, articleId, beacons, connections) {
  let reader = 0;
  return load(`${base}/api/views`, connections, {
    amount: beacons,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, "content-type": "text/plain", "user-agent": `Mozilla/5.0 (X11; Linux x86_64) BenchReader/${reader++}` },
          body: JSON.stringify({ articleId }),
        }),
      },
    ],
  });
}

function totalViews(dataDir) {
  const db = new Database(path.join(dataDir, "masthead.db"), { readonly: true });
  try {
    return db.prepare("SELECT (SELECT sum(view_count) FROM articles) AS total, (SELECT coalesce(sum(views), 0) FROM article_views_daily) AS daily").get();
  } finally {
    db.close();
  }
}

/**
 * Article page latency while the burst runs, and whether every beacon became a view: ends with
 * the server's graceful shutdown (SIGTERM), after which the database must hold every view.
 */
export async function measureBurst({ base, dataDir, server, articlePath, beacons, connections, duration }) {
  const slug = articlePath.split("/").pop();
  const db = new Database(path.join(dataDir, "masthead.db"), { readonly: true });
  const { id } = db.prepare("SELECT article_id AS id FROM publications WHERE slug = ?").get(slug);
  db.close();
  const before = totalViews(dataDir);
  const t0 = performance.now();
  const [burst, pages] = await Promise.all([beaconBurst(base, id, beacons, connections), load(base + articlePath, connections, { duration: Math.max(3, Math.ceil(duration / 2)) })]);
  const seconds = (performance.now() - t0) / 1000;
  // Graceful shutdown: whatever is still buffered must be written before the process exits.
  server.stopping = true;
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  const after = totalViews(dataDir);
  return {
    beacons,
    beaconRps: Math.round(burst.requests.average),
    beaconP99: burst.latency.p99,
    beaconErrors: burst.errors + burst.non2xx,
    counted: after.total - before.total,
    countedDaily: after.daily - before.daily,
    lost: beacons - (after.total - before.total),
    articleRpsDuringBurst: Math.round(pages.requests.average),
    articleP50DuringBurst: pages.latency.p50,
    articleP99DuringBurst: pages.latency.p99,
    seconds: Number(seconds.toFixed(1)),
  };
}
