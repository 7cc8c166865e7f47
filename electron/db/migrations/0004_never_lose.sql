CREATE TABLE `change_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `clients_updated_idx`;--> statement-breakpoint
DROP INDEX `purchases_updated_idx`;--> statement-breakpoint
ALTER TABLE `import_changes` ADD `after` text;--> statement-breakpoint
-- New rows are found by their ids (AUTOINCREMENT never reuses or goes back); updated rows by this log.
CREATE TRIGGER `purchases_changed_log` AFTER UPDATE ON `purchases` BEGIN INSERT INTO `change_log` (`table_name`, `row_id`) VALUES ('purchases', NEW.`id`); END;--> statement-breakpoint
CREATE TRIGGER `clients_changed_log` AFTER UPDATE ON `clients` BEGIN INSERT INTO `change_log` (`table_name`, `row_id`) VALUES ('clients', NEW.`id`); END;
