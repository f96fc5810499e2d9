ALTER TABLE `articles` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `expired_at` integer;--> statement-breakpoint
CREATE INDEX `articles_expires_at_idx` ON `articles` (`expires_at`);