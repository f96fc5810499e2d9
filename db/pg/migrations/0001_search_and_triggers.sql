-- Hand-written (drizzle-kit generate --custom): everything the SQLite migrations do by hand,
-- carried over to PostgreSQL. Keep it in step with db/migrations:
--   0002 audit log append-only triggers        → section 1 (plus TRUNCATE, which SQLite lacks)
--   0012 article_notes triggers                → section 2
--   0005 + 0011 FTS5 search of live articles   → section 3 (tsvector table, GIN index, triggers)
-- Not carried over, on purpose: 0011's UPDATE of publications.lead_* and 0013's hand-edited copy of
-- `comments` rewrote rows that existed in SQLite databases before those columns; a PostgreSQL
-- database starts from this schema, so there are no such rows.
--
-- 1. and 2. share one trigger function: it refuses the statement with the message it is given,
-- word for word the message of the SQLite trigger (SQLite: RAISE(ABORT, …)), as an
-- integrity-constraint error (class 23, as SQLITE_CONSTRAINT_TRIGGER is a constraint error).
CREATE FUNCTION masthead_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint

-- 1. The audit log is append-only (0002).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION masthead_refuse('audit_log rows are append-only');
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION masthead_refuse('audit_log rows are append-only');
--> statement-breakpoint
-- TRUNCATE skips row triggers on PostgreSQL; it is refused too, or it would empty the log.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION masthead_refuse('audit_log rows are append-only');
--> statement-breakpoint

-- 2. A correction is never silently removable (0012). Its words, kind and time never change once
-- written (UPDATE OF fires when a column is named in SET, changed or not, as on SQLite); once live
-- it is never deleted; it never goes back to pending; and a withdrawal (who, when, why) is final.
CREATE TRIGGER article_notes_fixed_words BEFORE UPDATE OF article_id, kind, text, noted_at, created_by, created_at ON article_notes
  FOR EACH ROW EXECUTE FUNCTION masthead_refuse('article_notes: a note''s words are never edited; withdraw it and add a new one');
--> statement-breakpoint
CREATE TRIGGER article_notes_stay_live BEFORE UPDATE OF published_at ON article_notes
  FOR EACH ROW WHEN (OLD.published_at IS NOT NULL AND NEW.published_at IS DISTINCT FROM OLD.published_at)
  EXECUTE FUNCTION masthead_refuse('article_notes: a published note stays published');
--> statement-breakpoint
CREATE TRIGGER article_notes_withdrawal_final BEFORE UPDATE OF withdrawn_at, withdrawn_by, withdrawn_reason ON article_notes
  FOR EACH ROW WHEN (OLD.withdrawn_at IS NOT NULL)
  EXECUTE FUNCTION masthead_refuse('article_notes: a withdrawal is final');
--> statement-breakpoint
CREATE TRIGGER article_notes_no_delete BEFORE DELETE ON article_notes
  FOR EACH ROW WHEN (OLD.published_at IS NOT NULL)
  EXECUTE FUNCTION masthead_refuse('article_notes: a published note is never deleted; withdraw it with a reason');
--> statement-breakpoint

-- 3. Full-text search of live articles (0005, 0011). One row per publication, kept in step by
-- triggers on publications, publication_topics and topic renames, in the same transaction as the
-- change, whoever writes it; a row's foreign key removes it with its publication (unpublishing).
--
-- Text search configuration `masthead_search`, matching the SQLite tokenizer
-- ('porter unicode61 remove_diacritics 2'): unaccent folds accents ("Zoë" finds "zoe"), then the
-- English Snowball stemmer ("researchers" finds "research"). The stemmer is a dictionary of our
-- own without a stop-word list, because FTS5 has none either: "the" is searchable and a phrase
-- ("state of the art") keeps every word. unaccent is a trusted extension: the database owner
-- can create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY masthead_english_stem (TEMPLATE = snowball, LANGUAGE = english);
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION masthead_search (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION masthead_search
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, masthead_english_stem;
--> statement-breakpoint

-- Body text: every "text" and "caption" string of the TipTap JSON, in document order (SQLite:
-- json_tree … WHERE key IN ('text', 'caption') ORDER BY id). Array elements keep their order;
-- object members are walked by key, which only orders a node's own fields.
CREATE FUNCTION masthead_body_text(doc jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH RECURSIVE walk(ord, key, value) AS (
    SELECT ARRAY[]::bigint[], NULL::text, doc
    UNION ALL
    SELECT w.ord || c.n, c.key, c.value
      FROM walk w
      CROSS JOIN LATERAL (
        SELECT e.key, e.value, row_number() OVER (ORDER BY e.key) AS n
          FROM jsonb_each(CASE WHEN jsonb_typeof(w.value) = 'object' THEN w.value END) e
        UNION ALL
        SELECT NULL, a.value, a.n
          FROM jsonb_array_elements(CASE WHEN jsonb_typeof(w.value) = 'array' THEN w.value END) WITH ORDINALITY a(value, n)
      ) c
  )
  SELECT coalesce(string_agg(value #>> '{}', ' ' ORDER BY ord), '')
    FROM walk
   WHERE key IN ('text', 'caption') AND jsonb_typeof(value) = 'string'
$$;
--> statement-breakpoint
-- The live version's topic names, in its order.
CREATE FUNCTION masthead_publication_topics(publication integer) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(t.name, ' ' ORDER BY pt.position, t.id), '')
    FROM publication_topics pt JOIN topics t ON t.id = pt.topic_id
   WHERE pt.article_id = publication
$$;
--> statement-breakpoint
-- The four texts as FTS5 had them as columns (for ts_headline), and one weighted vector for
-- matching and ranking: title A, standfirst B, topics C, body D (db/pg/search.ts gives the weights
-- the proportions of the SQLite ranking's bm25 column weights). Generated, so it cannot disagree
-- with the texts.
CREATE TABLE publication_search (
  article_id integer PRIMARY KEY REFERENCES publications (article_id) ON DELETE CASCADE,
  title text NOT NULL,
  standfirst text NOT NULL,
  topics text NOT NULL,
  body text NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('masthead_search', title), 'A')
    || setweight(to_tsvector('masthead_search', standfirst), 'B')
    || setweight(to_tsvector('masthead_search', topics), 'C')
    || setweight(to_tsvector('masthead_search', body), 'D')
  ) STORED
);
--> statement-breakpoint
CREATE INDEX publication_search_document_idx ON publication_search USING gin (document);
--> statement-breakpoint
-- An insert or an edit going live (re)writes the row. The lead's caption is the one approved with
-- the version, else the library's (0011).
CREATE FUNCTION publication_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO publication_search (article_id, title, standfirst, topics, body)
  VALUES (
    NEW.article_id,
    NEW.title,
    NEW.standfirst,
    masthead_publication_topics(NEW.article_id),
    masthead_body_text(NEW.body) || ' ' || coalesce(NEW.lead_caption, (SELECT caption FROM media WHERE id = NEW.lead_media_id), '')
  )
  ON CONFLICT (article_id) DO UPDATE
    SET title = excluded.title, standfirst = excluded.standfirst, topics = excluded.topics, body = excluded.body;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER publication_search_write AFTER INSERT OR UPDATE ON publications
  FOR EACH ROW EXECUTE FUNCTION publication_search_write();
--> statement-breakpoint
-- The live version's topics changed: its topic text is rebuilt. (UPDATE only, never an insert: a
-- topic row deleted with its publication must not bring the search row back.)
CREATE FUNCTION publication_search_topics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    UPDATE publication_search SET topics = masthead_publication_topics(NEW.article_id) WHERE article_id = NEW.article_id;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE publication_search SET topics = masthead_publication_topics(OLD.article_id) WHERE article_id = OLD.article_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER publication_search_topics AFTER INSERT OR UPDATE OR DELETE ON publication_topics
  FOR EACH ROW EXECUTE FUNCTION publication_search_topics();
--> statement-breakpoint
-- A topic renamed: every live article in it is found by its new name at once.
CREATE FUNCTION publication_search_topic_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE publication_search s
     SET topics = masthead_publication_topics(s.article_id)
   WHERE s.article_id IN (SELECT article_id FROM publication_topics WHERE topic_id = NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER publication_search_topic_rename AFTER UPDATE OF name ON topics
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION publication_search_topic_rename();
--> statement-breakpoint
-- Index what is live already (nothing on a new database; kept for a database filled before this).
INSERT INTO publication_search (article_id, title, standfirst, topics, body)
SELECT p.article_id, p.title, p.standfirst, masthead_publication_topics(p.article_id),
       masthead_body_text(p.body) || ' ' || coalesce(p.lead_caption, (SELECT caption FROM media WHERE id = p.lead_media_id), '')
  FROM publications p;
