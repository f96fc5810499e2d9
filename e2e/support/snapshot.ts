import { withDb } from "./db";

/**
 * What a refused request must leave untouched: articles, their revisions, topics, drafters,
 * comments, what is live, staff, media and every audit row that records a change of state or
 * content. (Audit rows that only record a refusal are left out on purpose: writing those is
 * allowed, and wanted.)
 */
export function dbSnapshot(): string {
  return withDb((db) =>
    JSON.stringify({
      articles: db.prepare("select * from articles order by id").all(),
      revisions: db.prepare("select * from revisions order by id").all(),
      articleTopics: db.prepare("select * from article_topics order by article_id, topic_id").all(),
      drafters: db.prepare("select * from article_drafters order by article_id, user_id").all(),
      comments: db.prepare("select * from comments order by id").all(),
      publications: db.prepare("select * from publications order by article_id").all(),
      users: db.prepare("select id, email, name, role, active, session_version from users order by id").all(),
      media: db.prepare("select * from media order by id").all(),
      changes: db
        .prepare(
          "select * from audit_log where action not like 'sign_in%' and action not like '%refus%' and action not like '%denied%' and action not like '%forbid%' order by id",
        )
        .all(),
    }),
  );
}
