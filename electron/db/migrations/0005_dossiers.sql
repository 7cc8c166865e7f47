CREATE TABLE `dossier_influences` (
	`from_id` integer NOT NULL,
	`to_id` integer NOT NULL,
	PRIMARY KEY(`from_id`, `to_id`),
	FOREIGN KEY (`from_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dossier_influences_to_idx` ON `dossier_influences` (`to_id`);--> statement-breakpoint
CREATE TABLE `dossier_people` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`stance` text,
	`influence` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `dossier_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`section_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`title` text NOT NULL,
	`doc` text NOT NULL,
	`words` integer DEFAULT 0 NOT NULL,
	`reason` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `dossier_sections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dossier_revisions_section_idx` ON `dossier_revisions` (`section_id`,`id`);--> statement-breakpoint
CREATE TABLE `dossier_search_docs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	`client_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_search_docs_ref_uq` ON `dossier_search_docs` (`kind`,`ref_id`);--> statement-breakpoint
CREATE TABLE `dossier_search_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dossier_search_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`icu` text,
	`contacts_seen` integer DEFAULT 0 NOT NULL,
	`interactions_seen` integer DEFAULT 0 NOT NULL,
	`built_at` text
);
--> statement-breakpoint
CREATE TABLE `dossier_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer NOT NULL,
	`position` integer NOT NULL,
	`template_key` text,
	`title` text NOT NULL,
	`doc` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`words` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`saved_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dossier_sections_dossier_idx` ON `dossier_sections` (`dossier_id`,`position`);--> statement-breakpoint
CREATE TABLE `dossiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer,
	`title` text NOT NULL,
	`last_section_id` integer,
	`last_position` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossiers_client_uq` ON `dossiers` (`client_id`);--> statement-breakpoint
-- Full-text index of dossier sections, contact notes and interaction summaries. Contentless: snippets are cut
-- from the records' own text. Thai is split into words (Intl.Segmenter) before indexing; these categories keep
-- Thai vowel and tone marks inside words instead of splitting there, as unicode61's default would.
CREATE VIRTUAL TABLE `dossier_search` USING fts5(`body`, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'", prefix='2 3');--> statement-breakpoint
INSERT INTO `dossier_search_state` (`id`) VALUES (1);--> statement-breakpoint
-- Contacts and interactions are written by other features: they leave a note here and the indexer catches up.
CREATE TRIGGER `dossier_search_contact_changed` AFTER UPDATE OF `name`, `notes`, `archived_at`, `client_id` ON `contacts`
  WHEN OLD.`name` IS NOT NEW.`name` OR OLD.`notes` IS NOT NEW.`notes` OR OLD.`archived_at` IS NOT NEW.`archived_at` OR OLD.`client_id` IS NOT NEW.`client_id`
  BEGIN INSERT INTO `dossier_search_queue` (`kind`, `ref_id`) VALUES ('contact', NEW.`id`); END;--> statement-breakpoint
CREATE TRIGGER `dossier_search_contact_deleted` AFTER DELETE ON `contacts`
  BEGIN INSERT INTO `dossier_search_queue` (`kind`, `ref_id`) VALUES ('contact', OLD.`id`); END;--> statement-breakpoint
CREATE TRIGGER `dossier_search_interaction_changed` AFTER UPDATE OF `summary`, `outcome`, `archived_at`, `client_id` ON `interactions`
  WHEN OLD.`summary` IS NOT NEW.`summary` OR OLD.`outcome` IS NOT NEW.`outcome` OR OLD.`archived_at` IS NOT NEW.`archived_at` OR OLD.`client_id` IS NOT NEW.`client_id`
  BEGIN INSERT INTO `dossier_search_queue` (`kind`, `ref_id`) VALUES ('interaction', NEW.`id`); END;--> statement-breakpoint
CREATE TRIGGER `dossier_search_interaction_deleted` AFTER DELETE ON `interactions`
  BEGIN INSERT INTO `dossier_search_queue` (`kind`, `ref_id`) VALUES ('interaction', OLD.`id`); END;
