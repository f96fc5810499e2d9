CREATE TABLE `withdrawn_publications` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`snapshot` text NOT NULL,
	`article_version` integer NOT NULL,
	`withdrawn_by` integer,
	`withdrawn_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
