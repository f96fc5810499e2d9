CREATE TABLE `article_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`noted_at` integer NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`published_at` integer,
	`withdrawn_at` integer,
	`withdrawn_by` integer,
	`withdrawn_reason` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_notes_article_idx` ON `article_notes` (`article_id`,`noted_at`);--> statement-breakpoint
-- Hand-written (carry over on renumbering): a correction is never silently removable. Its words,
-- kind and time never change once written; once live it is never deleted; it never goes back to
-- pending; and a withdrawal (who, when, why) is final.
CREATE TRIGGER `article_notes_fixed_words` BEFORE UPDATE OF `article_id`, `kind`, `text`, `noted_at`, `created_by`, `created_at` ON `article_notes`
BEGIN
  SELECT RAISE(ABORT, 'article_notes: a note''s words are never edited; withdraw it and add a new one');
END;
--> statement-breakpoint
CREATE TRIGGER `article_notes_stay_live` BEFORE UPDATE OF `published_at` ON `article_notes`
WHEN OLD.`published_at` IS NOT NULL AND (NEW.`published_at` IS NULL OR NEW.`published_at` <> OLD.`published_at`)
BEGIN
  SELECT RAISE(ABORT, 'article_notes: a published note stays published');
END;
--> statement-breakpoint
CREATE TRIGGER `article_notes_withdrawal_final` BEFORE UPDATE OF `withdrawn_at`, `withdrawn_by`, `withdrawn_reason` ON `article_notes`
WHEN OLD.`withdrawn_at` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'article_notes: a withdrawal is final');
END;
--> statement-breakpoint
CREATE TRIGGER `article_notes_no_delete` BEFORE DELETE ON `article_notes`
WHEN OLD.`published_at` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'article_notes: a published note is never deleted; withdraw it with a reason');
END;
