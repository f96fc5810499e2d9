import path from "node:path";
import Database from "better-sqlite3";
import { onPostgres, rawSql, sqliteSql, type RawSql } from "../../support/sql";

/*
 * What must hold in the database after any fault, whatever was in flight: SQLite's own checks,
 * and per article that the working copy, its revisions, its audit rows and its live version
 * agree with one another. The article checks read through ../../support/sql.ts, so they hold
 * on both engines.
 */

/**
 * A fresh look at the database after a fault, on the suite's engine: a new handle on the SQLite
 * file in `dir` (passed as `sqlite` too, for its own checks), or a new pool to PostgreSQL
 * (`sqlite` null). Closed when `check` ends.
 */
export async function afterFault<T>(dir: string, check: (sql: RawSql, sqlite: Database.Database | null) => Promise<T>): Promise<T> {
  if (onPostgres()) {
    const { closeDb } = await import("@/db/client");
    try {
      return await check(await rawSql(), null);
    } finally {
      await closeDb();
    }
  }
  const db = new Database(path.join(dir, "masthead.db"));
  try {
    return await check(sqliteSql(db), db);
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check and foreign_key_check, as lists of problems (empty when sound). SQLite only. */
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
export async function revisionProblems(sql: RawSql): Promise<string[]> {
  const problems: string[] = [];
  for (const a of await sql.all<ArticleRow>("select id, status, version, title, body from articles order by id")) {
    const latest = await sql.get<{ version: number; title: string; body: string }>("select version, title, body from revisions where article_id = ? order by id desc limit 1", a.id);
    if (!latest) problems.push(`article ${a.id}: no revision`);
    else if (latest.version !== a.version || latest.body !== a.body || latest.title !== a.title) problems.push(`article ${a.id}: version ${a.version} but newest revision is ${latest.version} with other text`);
    const versions = (await sql.all<{ version: number }>("select version from revisions where article_id = ? order by id", a.id)).map((r) => r.version);
    if (versions.some((v, i) => i > 0 && v <= versions[i - 1]!)) problems.push(`article ${a.id}: revision versions not increasing: ${versions.join(",")}`);
    const saves = await sql.all<{ details: string }>("select details from audit_log where article_id = ? and action in ('article.save', 'article.review_edit', 'article.restore') order by id", a.id);
    const audited = saves.map((r) => (JSON.parse(r.details) as { version?: number }).version);
    const expected = Array.from({ length: a.version - 1 }, (_, i) => i + 2);
    if (audited.join(",") !== expected.join(",")) problems.push(`article ${a.id}: version ${a.version} but save audit rows for versions [${audited.join(",")}]`);
    const created = (await sql.get<{ n: number }>("select count(*) n from audit_log where article_id = ? and action = 'article.create'", a.id))!;
    if (created.n !== 1) problems.push(`article ${a.id}: ${created.n} create audit rows`);
  }
  return problems;
}

/** Publication tables agree with each article's status; each state change has its audit row. */
export async function publicationProblems(sql: RawSql): Promise<string[]> {
  const problems: string[] = [];
  const count = async (text: string, ...args: unknown[]) => (await sql.get<{ n: number }>(text, ...args))!.n;
  for (const a of await sql.all<ArticleRow>("select id, status, version, title from articles order by id")) {
    const live = await sql.get<{ title: string }>("select title from publications where article_id = ?", a.id);
    const published = a.status === "published";
    if (published !== Boolean(live)) problems.push(`article ${a.id}: status ${a.status} but ${live ? "a" : "no"} publication row`);
    if (live && live.title !== a.title) problems.push(`article ${a.id}: live title differs from the approved one`);
    const liveTopics = await count("select count(*) n from publication_topics where article_id = ?", a.id);
    const topics = await count("select count(*) n from article_topics where article_id = ?", a.id);
    if (liveTopics !== (published ? topics : 0)) problems.push(`article ${a.id}: ${liveTopics} publication topics for ${topics} topics while ${a.status}`);
    const submits = await count("select count(*) n from audit_log where article_id = ? and action = 'article.submit' and from_state = 'draft' and to_state = 'in_review'", a.id);
    const approvals = await count("select count(*) n from audit_log where article_id = ? and action = 'article.approve' and from_state = 'in_review' and to_state = 'published'", a.id);
    const wantSubmits = a.status === "draft" ? 0 : 1;
    if (submits !== wantSubmits) problems.push(`article ${a.id}: ${a.status} with ${submits} submit audit rows`);
    if (approvals !== (published ? 1 : 0)) problems.push(`article ${a.id}: ${a.status} with ${approvals} approve audit rows`);
    const notices = await count("select count(*) n from notifications where article_id = ? and kind = 'published'", a.id);
    if (notices !== (published ? 1 : 0)) problems.push(`article ${a.id}: ${a.status} with ${notices} "is live" notifications`);
  }
  const indexed = await count("select count(*) n from publication_search");
  const live = await count("select count(*) n from publications");
  if (indexed !== live) problems.push(`${indexed} rows in the search index for ${live} publications`);
  return problems;
}
