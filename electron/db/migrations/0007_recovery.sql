CREATE TABLE `recovery_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reason_id` integer NOT NULL,
	`what` text NOT NULL,
	`owner` text,
	`due_date` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`done_on` text,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`reason_id`) REFERENCES `recovery_reasons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recovery_actions_reason_idx` ON `recovery_actions` (`reason_id`);--> statement-breakpoint
CREATE TABLE `recovery_case_tasks` (
	`case_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `recovery_cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recovery_case_tasks_uq` ON `recovery_case_tasks` (`case_id`,`task_id`);--> statement-breakpoint
CREATE TABLE `recovery_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`lost_on` text NOT NULL,
	`noticed_by` text,
	`first_reason_id` integer,
	`first_reason_note` text,
	`proposed_as` text,
	`status_before` text NOT NULL,
	`class_at_loss` text,
	`key_at_loss` integer DEFAULT false NOT NULL,
	`meeting_asked_by` text,
	`meeting_contact_id` integer,
	`meeting_kind` text,
	`meeting_place` text,
	`meeting_gift` text,
	`meeting_date` text,
	`meeting_status` text DEFAULT 'to_ask' NOT NULL,
	`meeting_held_on` text,
	`reason_id` integer,
	`competitor` text,
	`terms` text DEFAULT '[]' NOT NULL,
	`terms_detail` text,
	`service_what` text,
	`service_who` text,
	`reason_note` text,
	`interview_notes` text,
	`interviewed_on` text,
	`outcome` text,
	`outcome_on` text,
	`agreed_terms` text,
	`outcome_note` text,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`first_reason_id`) REFERENCES `recovery_reasons`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`meeting_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reason_id`) REFERENCES `recovery_reasons`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `recovery_cases_client_idx` ON `recovery_cases` (`client_id`);--> statement-breakpoint
CREATE INDEX `recovery_cases_lost_idx` ON `recovery_cases` (`lost_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `recovery_cases_open_uq` ON `recovery_cases` (`client_id`) WHERE outcome IS NULL AND archived_at IS NULL;--> statement-breakpoint
CREATE TABLE `recovery_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`offer` text NOT NULL,
	`answer` text,
	`answer_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `recovery_cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recovery_offers_case_idx` ON `recovery_offers` (`case_id`);--> statement-breakpoint
CREATE TABLE `recovery_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text,
	`label` text,
	`category` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recovery_reasons_code_uq` ON `recovery_reasons` (`code`);--> statement-breakpoint
CREATE TABLE `recovery_referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`referrer_id` integer NOT NULL,
	`referred_id` integer NOT NULL,
	`contact_name` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `recovery_cases`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`referrer_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`referred_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recovery_referrals_referrer_idx` ON `recovery_referrals` (`referrer_id`);--> statement-breakpoint
CREATE INDEX `recovery_referrals_referred_idx` ON `recovery_referrals` (`referred_id`);--> statement-breakpoint
-- The reasons every database starts with; their names are translated from the code until the user renames them.
INSERT INTO `recovery_reasons` (`code`, `category`, `position`) VALUES
  ('better_terms', 'terms', 0), ('service', 'service', 1), ('make_own', 'no_need', 2), ('buy_direct', 'no_need', 3), ('changed_business', 'no_need', 4), ('other', 'other', 5);
