CREATE TABLE `supplier_discounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supplier` text NOT NULL,
	`product_group` text DEFAULT '' NOT NULL,
	`threshold_quantity` real NOT NULL,
	`discount_pct` real NOT NULL,
	`list_unit_cost` real NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
ALTER TABLE `clients` ADD `key_potential` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `clients_updated_idx` ON `clients` (`updated_at`);--> statement-breakpoint
CREATE INDEX `purchases_updated_idx` ON `purchases` (`updated_at`);--> statement-breakpoint
-- Rows are only ever archived by the app, but a hard delete (an undone import, a
-- cascade) must still reach the in-memory analytics: it reloads when this moves.
CREATE TABLE `analytics_epoch` (`id` integer PRIMARY KEY NOT NULL, `deletes` integer NOT NULL);--> statement-breakpoint
INSERT INTO `analytics_epoch` (`id`, `deletes`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `purchases_deleted_epoch` AFTER DELETE ON `purchases` BEGIN UPDATE `analytics_epoch` SET `deletes` = `deletes` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `clients_deleted_epoch` AFTER DELETE ON `clients` BEGIN UPDATE `analytics_epoch` SET `deletes` = `deletes` + 1 WHERE `id` = 1; END;
