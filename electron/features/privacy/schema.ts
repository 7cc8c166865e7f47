// The privacy feature's tables (its migration: electron/db/migrations/).
export {};
