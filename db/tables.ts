import * as pg from "./pg/schema";
import * as sqlite from "./schema";
import { databaseEngine } from "./config";

/*
 * The tables the queries in db/queries use, of the engine that serves (chosen once per process,
 * when this module is first imported): db/schema.ts on SQLite, db/pg/schema.ts on PostgreSQL.
 * The two declare the same tables and columns under the same names, and each column gives the
 * app the same JavaScript value (a Date for a time, a boolean, parsed JSON), which
 * tests/pg-schema-drift.test.ts holds them to; so a query is written once, against the SQLite
 * types, and drizzle renders it in the dialect of the database it runs on.
 */

const chosen = (databaseEngine() === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const {
  users,
  topics,
  media,
  articles,
  articleDrafters,
  articleTopics,
  publications,
  publicationTopics,
  publicationMedia,
  slugRedirects,
  withdrawnPublications,
  articleNotes,
  passwordTokens,
  loginThrottle,
  auditLog,
  revisions,
  reviewLinks,
  comments,
  notifications,
  articleViewsDaily,
  cachePurges,
  assignments,
  leases,
} = chosen;
