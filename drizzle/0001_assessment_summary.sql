CREATE TABLE `assessment_summary` (
	`assessment_id` text PRIMARY KEY NOT NULL,
	`basis` text NOT NULL,
	`data` text NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessment`(`id`) ON UPDATE no action ON DELETE cascade
);
