ALTER TABLE `articles` ADD `lead_alt` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `lead_caption` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `lead_credit` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `lead_alt` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `lead_caption` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `lead_credit` text;--> statement-breakpoint
ALTER TABLE `revisions` ADD `lead_alt` text;--> statement-breakpoint
ALTER TABLE `revisions` ADD `lead_caption` text;--> statement-breakpoint
ALTER TABLE `revisions` ADD `lead_credit` text;--> statement-breakpoint
-- Hand-written (carry over when renumbering): the search index of live articles (0005) takes the
-- lead's caption approved with the version, not the library's.
DROP TRIGGER `publication_search_insert`;
--> statement-breakpoint
DROP TRIGGER `publication_search_update`;
--> statement-breakpoint
CREATE TRIGGER `publication_search_insert` AFTER INSERT ON `publications`
BEGIN
  INSERT INTO `publication_search` (rowid, title, standfirst, body, topics) VALUES (
    new.article_id,
    new.title,
    new.standfirst,
    coalesce((SELECT group_concat(value, ' ') FROM (SELECT value FROM json_tree(new.body) WHERE key IN ('text', 'caption') AND type = 'text' ORDER BY id)), '')
      || ' ' || coalesce(new.lead_caption, (SELECT caption FROM media WHERE id = new.lead_media_id), ''),
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
      || ' ' || coalesce(new.lead_caption, (SELECT caption FROM media WHERE id = new.lead_media_id), ''),
    coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM publication_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.article_id = new.article_id ORDER BY pt.position)), '')
  );
END;
--> statement-breakpoint
-- Hand-written (carry over when renumbering): live versions keep the lead words readers see
-- today, the library's, so a later change in the library no longer reaches a live page.
UPDATE `publications` SET
  `lead_alt` = (SELECT `alt` FROM `media` WHERE `media`.`id` = `publications`.`lead_media_id`),
  `lead_caption` = (SELECT `caption` FROM `media` WHERE `media`.`id` = `publications`.`lead_media_id`),
  `lead_credit` = (SELECT `credit` FROM `media` WHERE `media`.`id` = `publications`.`lead_media_id`)
WHERE `lead_media_id` IS NOT NULL;
