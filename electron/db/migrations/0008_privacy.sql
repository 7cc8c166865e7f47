-- Placeholder until the privacy feature writes its tables (scripts/feature-migration.mjs prints the SQL drizzle-kit makes).
SELECT 1;
