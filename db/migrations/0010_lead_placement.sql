ALTER TABLE `articles` ADD `lead_alt` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `lead_caption` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `lead_credit` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `lead_alt` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `lead_caption` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `lead_credit` text;--> statement-breakpoint
ALTER TABLE `revisions` ADD `lead_alt` text;--> statement-breakpoint
ALTER TABLE `revisions` ADD `lead_caption` text;--> statement-breakpoint
ALTER TABLE `revisions` ADD `lead_credit` text;--> statement-breakpoint
-- Hand-written (carry over when renumbering): live versions keep the lead words readers see
-- today, the library's, so a later change in the library no longer reaches a live page.
UPDATE `publications` SET
  `lead_alt` = (SELECT `alt` FROM `media` WHERE `media`.`id` = `publications`.`lead_media_id`),
  `lead_caption` = (SELECT `caption` FROM `media` WHERE `media`.`id` = `publications`.`lead_media_id`),
  `lead_credit` = (SELECT `credit` FROM `media` WHERE `media`.`id` = `publications`.`lead_media_id`)
WHERE `lead_media_id` IS NOT NULL;
