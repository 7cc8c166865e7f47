DROP INDEX `purchases_date_idx`;--> statement-breakpoint
CREATE INDEX `purchases_date_amount_idx` ON `purchases` (`date`,`amount`,`archived_at`);