import type Database from "better-sqlite3";

/*
 * What must hold in the database after any fault, whatever was in flight: SQLite's own checks,
 * and per article that the working copy, its revisions, its audit rows and its live version
 * agree with one another.
 */

/** PRAGMA integrity_check and foreign_key_check, as lists of problems (empty when sound). */
export function storageProblems(db: Database.Database): string[] {
  const integrity = (db.prepare("pragma integrity_check").all() as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== "ok");
  const keys = (db.prepare("pragma foreign_key_check").all() as { table: string; rowid: number }[]).map((r) => `foreign key broken: ${r.table} row ${r.rowid}`);
  return [...integrity, ...keys];
}

interface ArticleRow {
  id: number;
  status: string;
  version: number;
  title: string;
  body: string;
}

/** Every article's working copy matches its newest revision and has one save audit row per version. */
export function revisionProblems(db: Database.Database): string[] {
  const problems: string[] = [];
  for (const a of db.prepare("select id, status, version, title, body from articles").all() as ArticleRow[]) {
    const latest = db.prepare("select version, title, body from revisions where article_id = ? order by id desc limit 1").get(a.id) as { version: number; title: string; body: string } | undefined;
    if (!latest) problems.push(`article ${a.id}: no revision`);
    else if (latest.version !== a.version || latest.body !== a.body || latest.title !== a.title) problems.push(`article ${a.id}: version ${a.version} but newest revision is ${latest.version} with other text`);
    const versions = (db.prepare("select version from revisions where article_id = ? order by id").all(a.id) as { version: number }[]).map((r) => r.version);
    if (versions.some((v, i) => i > 0 && v <= versions[i - 1]!)) problems.push(`article ${a.id}: revision versions not increasing: ${versions.join(",")}`);
    const audited = (db.prepare("select json_extract(details, '$.version') v from audit_log where article_id = ? and action in ('article.save', 'article.review_edit', 'article.restore') order by id").all(a.id) as { v: number }[]).map((r) => r.v);
    const expected = Array.from({ length: a.version - 1 }, (_, i) => i + 2);
    if (audited.join(",") !== expected.join(",")) problems.push(`article ${a.id}: version ${a.version} but save audit rows for versions [${audited.join(",")}]`);
    const created = db.prepare("select count(*) n from audit_log where article_id = ? and action = 'article.create'").get(a.id) as { n: number };
    if (created.n !== 1) problems.push(`article ${a.id}: ${created.n} create audit rows`);
  }
  return problems;
}

/** Publication tables agree with each article's status; each state change has its audit row. */
export function publicationProblems(db: Database.Database): string[] {
  const problems: string[] = [];
  const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
  for (const a of db.prepare("select id, status, version, title from articles").all() as ArticleRow[]) {
    const live = db.prepare("select title from publications where article_id = ?").get(a.id) as { title: string } | undefined;
    const published = a.status === "published";
    if (published !== Boolean(live)) problems.push(`article ${a.id}: status ${a.status} but ${live ? "a" : "no"} publication row`);
    if (live && live.title !== a.title) problems.push(`article ${a.id}: live title differs from the approved one`);
    const liveTopics = count("select count(*) n from publication_topics where article_id = ?", a.id);
    const topics = count("select count(*) n from article_topics where article_id = ?", a.id);
    if (liveTopics !== (published ? topics : 0)) problems.push(`article ${a.id}: ${liveTopics} publication topics for ${topics} topics while ${a.status}`);
    const submits = count("select count(*) n from audit_log where article_id = ? and action = 'article.submit' and from_state = 'draft' and to_state = 'in_review'", a.id);
    const approvals = count("select count(*) n from audit_log where article_id = ? and action = 'article.approve' and from_state = 'in_review' and to_state = 'published'", a.id);
    const wantSubmits = a.status === "draft" ? 0 : 1;
    if (submits !== wantSubmits) problems.push(`article ${a.id}: ${a.status} with ${submits} submit audit rows`);
    if (approvals !== (published ? 1 : 0)) problems.push(`article ${a.id}: ${a.status} with ${approvals} approve audit rows`);
    const notices = count("select count(*) n from notifications where article_id = ? and kind = 'published'", a.id);
    if (notices !== (published ? 1 : 0)) problems.push(`article ${a.id}: ${a.status} with ${notices} "is live" notifications`);
  }
  const indexed = count("select count(*) n from publication_search");
  const live = count("select count(*) n from publications");
  if (indexed !== live) problems.push(`${indexed} rows in the search index for ${live} publications`);
  return problems;
}
