-- Full-text index of live articles (SQLite FTS5), one row per publication with rowid = article_id.
-- Triggers on the publication tables keep it in step, so it follows publishing, unpublishing,
-- an edit going live and a topic rename in the same transaction, whoever writes them.
-- Tokenizer: unicode61 folds case and accents ("Zoë" finds "zoe"), porter stems English
-- ("researchers" finds "research").
CREATE VIRTUAL TABLE `publication_search` USING fts5(
  title,
  standfirst,
  body,
  topics,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Body text: every text node and photo caption of the TipTap JSON in document order, plus the
-- lead photo's caption.
CREATE TRIGGER `publication_search_insert` AFTER INSERT ON `publications`
BEGIN
  INSERT INTO `publication_search` (rowid, title, standfirst, body, topics) VALUES (
    new.article_id,
    new.title,
    new.standfirst,
    coalesce((SELECT group_concat(value, ' ') FROM (SELECT value FROM json_tree(new.body) WHERE key IN ('text', 'caption') AND type = 'text' ORDER BY id)), '')
      || ' ' || coalesce((SELECT caption FROM media WHERE id = new.lead_media_id), ''),
    coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM publication_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.article_id = new.article_id ORDER BY pt.position)), '')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `publication_search_update` AFTER UPDATE ON `publications`
BEGIN
  DELETE FROM `publication_search` WHERE rowid = old.article_id;
  INSERT INTO `publication_search` (rowid, title, standfirst, body, topics) VALUES (
    new.article_id,
    new.title,
    new.standfirst,
    coalesce((SELECT group_concat(value, ' ') FROM (SELECT value FROM json_tree(new.body) WHERE key IN ('text', 'caption') AND type = 'text' ORDER BY id)), '')
      || ' ' || coalesce((SELECT caption FROM media WHERE id = new.lead_media_id), ''),
    coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM publication_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.article_id = new.article_id ORDER BY pt.position)), '')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `publication_search_delete` AFTER DELETE ON `publications`
BEGIN
  DELETE FROM `publication_search` WHERE rowid = old.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_search_topic_insert` AFTER INSERT ON `publication_topics`
BEGIN
  UPDATE `publication_search`
     SET topics = coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM publication_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.article_id = new.article_id ORDER BY pt.position)), '')
   WHERE rowid = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_search_topic_delete` AFTER DELETE ON `publication_topics`
BEGIN
  UPDATE `publication_search`
     SET topics = coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM publication_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.article_id = old.article_id ORDER BY pt.position)), '')
   WHERE rowid = old.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_search_topic_rename` AFTER UPDATE OF name ON `topics`
BEGIN
  UPDATE `publication_search`
     SET topics = coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM publication_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.article_id = publication_search.rowid ORDER BY pt.position)), '')
   WHERE rowid IN (SELECT article_id FROM publication_topics WHERE topic_id = new.id);
END;
--> statement-breakpoint
-- Index what is live already.
INSERT INTO `publication_search` (rowid, title, standfirst, body, topics)
SELECT p.article_id, p.title, p.standfirst,
       coalesce((SELECT group_concat(value, ' ') FROM (SELECT value FROM json_tree(p.body) WHERE key IN ('text', 'caption') AND type = 'text' ORDER BY id)), '')
         || ' ' || coalesce((SELECT caption FROM media WHERE id = p.lead_media_id), ''),
       coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM publication_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.article_id = p.article_id ORDER BY pt.position)), '')
  FROM publications p;
