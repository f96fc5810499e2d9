ALTER TABLE `comments` ADD `anchor_prefix` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `anchor_suffix` text;