// After the soak: what the database holds against what the server acknowledged.
import Database from "better-sqlite3";

/**
 * Views: every acknowledged beacon from a browser must be counted (crawlers never are).
 * Saves: every acknowledged save has its audit row at its version, and the article holds the
 * last one. Transitions: every piece is in the state its last acknowledged transition left it.
 */
export function verifyDatabase(file, { viewsBefore, beacons, edits, transitions }) {
  const db = new Database(file, { readonly: true });
  try {
    const counted = (db.prepare("SELECT sum(view_count) AS n FROM articles").get().n ?? 0) - viewsBefore;
    const views = { expected: beacons.human, crawlerBeacons: beacons.bot, counted, lost: Math.max(0, beacons.human - counted), extra: Math.max(0, counted - beacons.human) };

    const audited = db.prepare("SELECT json_extract(details, '$.version') AS v FROM audit_log WHERE article_id = ? AND action IN ('article.save', 'article.review_edit')");
    const article = db.prepare("SELECT status, version, body FROM articles WHERE id = ?");
    const saves = { acknowledged: 0, found: 0, missing: 0, wrongFinal: 0, perEditor: [] };
    for (const { email, articleId, acked } of edits) {
      const versions = new Set(audited.all(articleId).map((r) => r.v));
      const found = acked.filter((a) => versions.has(a.version)).length;
      const row = article.get(articleId);
      const last = acked.at(-1);
      const finalOk = !last || (row.version === last.version && row.body.includes(last.marker));
      saves.acknowledged += acked.length;
      saves.found += found;
      saves.missing += acked.length - found;
      saves.wrongFinal += finalOk ? 0 : 1;
      saves.perEditor.push({ email, articleId, saves: acked.length, finalVersion: row.version, finalOk });
    }

    const expected = new Map();
    for (const t of transitions) expected.set(t.id, t.action === "approve" ? "published" : "unpublished");
    const live = db.prepare("SELECT 1 FROM publications WHERE article_id = ?");
    let found = 0;
    for (const [id, status] of expected) {
      const isLive = live.get(id) !== undefined;
      if (article.get(id)?.status === status && isLive === (status === "published")) found += 1;
    }
    const approvals = transitions.filter((t) => t.action === "approve").length;
    return { views, saves, transitions: { acknowledged: transitions.length, approvals, unpublishes: transitions.length - approvals, pieces: expected.size, found, missing: expected.size - found } };
  } finally {
    db.close();
  }
}
