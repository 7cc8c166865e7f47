CREATE TABLE `privacy_erasures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`removed` integer NOT NULL,
	`redacted` integer NOT NULL
);
--> statement-breakpoint
-- Contact fields the business chose not to keep (Settings → Privacy, saved as 'privacy.settings') stay empty
-- whoever writes them: a form, an import, the CLI. The cheap WHEN skips all of it while every field is kept.
CREATE TRIGGER `privacy_contacts_fields_insert` AFTER INSERT ON `contacts` WHEN EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'privacy.settings' AND `value` LIKE '%false%')
BEGIN
	UPDATE `contacts` SET
		`role` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.role') = 0 THEN NULL ELSE `role` END,
		`birthday` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.birthday') = 0 THEN NULL ELSE `birthday` END,
		`family` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.family') = 0 THEN NULL ELSE `family` END,
		`hobbies` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.hobbies') = 0 THEN NULL ELSE `hobbies` END,
		`food_preferences` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.foodPreferences') = 0 THEN NULL ELSE `food_preferences` END,
		`preferred_channel` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.preferredChannel') = 0 THEN NULL ELSE `preferred_channel` END,
		`language` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.language') = 0 THEN NULL ELSE `language` END,
		`email` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.email') = 0 THEN NULL ELSE `email` END,
		`phone` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.phone') = 0 THEN NULL ELSE `phone` END,
		`notes` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.notes') = 0 THEN NULL ELSE `notes` END
	WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `privacy_contacts_fields_update` AFTER UPDATE OF `role`, `birthday`, `family`, `hobbies`, `food_preferences`, `preferred_channel`, `language`, `email`, `phone`, `notes` ON `contacts` WHEN EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'privacy.settings' AND `value` LIKE '%false%')
BEGIN
	UPDATE `contacts` SET
		`role` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.role') = 0 THEN NULL ELSE `role` END,
		`birthday` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.birthday') = 0 THEN NULL ELSE `birthday` END,
		`family` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.family') = 0 THEN NULL ELSE `family` END,
		`hobbies` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.hobbies') = 0 THEN NULL ELSE `hobbies` END,
		`food_preferences` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.foodPreferences') = 0 THEN NULL ELSE `food_preferences` END,
		`preferred_channel` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.preferredChannel') = 0 THEN NULL ELSE `preferred_channel` END,
		`language` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.language') = 0 THEN NULL ELSE `language` END,
		`email` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.email') = 0 THEN NULL ELSE `email` END,
		`phone` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.phone') = 0 THEN NULL ELSE `phone` END,
		`notes` = CASE WHEN json_extract((SELECT `value` FROM `settings` WHERE `key` = 'privacy.settings'), '$.contactFields.notes') = 0 THEN NULL ELSE `notes` END
	WHERE `id` = NEW.`id`;
END;
