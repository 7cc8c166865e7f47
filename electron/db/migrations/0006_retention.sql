CREATE TABLE `retention_cadence` (
	`client_id` integer PRIMARY KEY NOT NULL,
	`ideal_days` integer NOT NULL,
	`max_days` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `retention_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`contact_id` integer,
	`date` text NOT NULL,
	`outcome` text NOT NULL,
	`wellbeing` text,
	`complaint` text,
	`callback_date` text,
	`interaction_id` integer,
	`complaint_task_id` integer,
	`callback_task_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `retention_campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`complaint_task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`callback_task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `retention_calls_campaign_idx` ON `retention_calls` (`campaign_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `retention_calls_callback_idx` ON `retention_calls` (`callback_task_id`);--> statement-breakpoint
CREATE TABLE `retention_campaign_members` (
	`campaign_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`arm` text NOT NULL,
	`value_at_risk` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`campaign_id`, `client_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `retention_campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `retention_members_client_idx` ON `retention_campaign_members` (`client_id`);--> statement-breakpoint
CREATE TABLE `retention_campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`reason` text NOT NULL,
	`reason_text` text,
	`news` text NOT NULL,
	`offer` text NOT NULL,
	`offer_until` text NOT NULL,
	`offer_why` text NOT NULL,
	`reactivation_days` integer NOT NULL,
	`holdout_share` real DEFAULT 0 NOT NULL,
	`seed` integer NOT NULL,
	`start_date` text NOT NULL,
	`segment` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE TABLE `retention_epoch` (
	`id` integer PRIMARY KEY NOT NULL,
	`touches` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retention_fits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mark` text NOT NULL,
	`as_of` text NOT NULL,
	`status` text NOT NULL,
	`r` real,
	`alpha` real,
	`a` real,
	`b` real,
	`loglik` real,
	`clients` integer NOT NULL,
	`repeat_occasions` integer NOT NULL,
	`evaluations` integer DEFAULT 0 NOT NULL,
	`millis` real DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `retention_fits_mark_idx` ON `retention_fits` (`mark`,`as_of`);--> statement-breakpoint
CREATE TABLE `retention_memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`tier` text,
	`start_date` text NOT NULL,
	`end_date` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`programme_id`) REFERENCES `retention_programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retention_memberships_uq` ON `retention_memberships` (`programme_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `retention_memberships_client_idx` ON `retention_memberships` (`client_id`);--> statement-breakpoint
CREATE TABLE `retention_programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`tiers` text DEFAULT '[]' NOT NULL,
	`points_per_unit` real,
	`cashback_pct` real,
	`partners` text,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE TABLE `retention_reminders` (
	`key` text PRIMARY KEY NOT NULL,
	`client_id` integer NOT NULL,
	`state` text NOT NULL,
	`until` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `retention_reminders_client_idx` ON `retention_reminders` (`client_id`);--> statement-breakpoint
CREATE TABLE `retention_seen` (
	`client_id` integer PRIMARY KEY NOT NULL,
	`seen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `retention_touch` (
	`client_id` integer PRIMARY KEY NOT NULL,
	`last_date` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retention_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`date` text NOT NULL,
	`purpose` text NOT NULL,
	`done_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `retention_visits_client_idx` ON `retention_visits` (`client_id`);--> statement-breakpoint
CREATE INDEX `retention_visits_date_idx` ON `retention_visits` (`date`);--> statement-breakpoint
-- Hand-written: each client's latest live interaction, kept by triggers so the visit
-- cadence of every client is one read, and a counter the cache follows.
INSERT INTO `retention_epoch` (`id`, `touches`) VALUES (1, 0);--> statement-breakpoint
INSERT INTO `retention_touch` (`client_id`, `last_date`) SELECT `client_id`, MAX(`date`) FROM `interactions` WHERE `archived_at` IS NULL GROUP BY `client_id`;--> statement-breakpoint
CREATE TRIGGER `retention_touch_inserted` AFTER INSERT ON `interactions` WHEN NEW.`archived_at` IS NULL BEGIN
  INSERT INTO `retention_touch` (`client_id`, `last_date`) VALUES (NEW.`client_id`, NEW.`date`)
    ON CONFLICT (`client_id`) DO UPDATE SET `last_date` = max(`last_date`, excluded.`last_date`);
  UPDATE `retention_epoch` SET `touches` = `touches` + 1 WHERE `id` = 1;
END;--> statement-breakpoint
CREATE TRIGGER `retention_touch_updated` AFTER UPDATE OF `date`, `archived_at`, `client_id` ON `interactions` BEGIN
  DELETE FROM `retention_touch` WHERE `client_id` IN (OLD.`client_id`, NEW.`client_id`);
  INSERT INTO `retention_touch` (`client_id`, `last_date`)
    SELECT `client_id`, MAX(`date`) FROM `interactions` WHERE `client_id` IN (OLD.`client_id`, NEW.`client_id`) AND `archived_at` IS NULL GROUP BY `client_id`;
  UPDATE `retention_epoch` SET `touches` = `touches` + 1 WHERE `id` = 1;
END;--> statement-breakpoint
CREATE TRIGGER `retention_touch_deleted` AFTER DELETE ON `interactions` BEGIN
  DELETE FROM `retention_touch` WHERE `client_id` = OLD.`client_id`;
  INSERT INTO `retention_touch` (`client_id`, `last_date`)
    SELECT `client_id`, MAX(`date`) FROM `interactions` WHERE `client_id` = OLD.`client_id` AND `archived_at` IS NULL GROUP BY `client_id`;
  UPDATE `retention_epoch` SET `touches` = `touches` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
-- Hand-written: Today asks for the birthdays of a few days (month-day); this reads only those among 150,000 contacts.
CREATE INDEX `retention_contacts_birthday_idx` ON `contacts` (substr(`birthday`, -5)) WHERE `birthday` IS NOT NULL AND `archived_at` IS NULL;
