// The dossiers feature's tables (its migration: electron/db/migrations/).
export {};
