// The retention feature's tables (its migration: electron/db/migrations/).
export {};
