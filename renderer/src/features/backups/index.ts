/** Backups as other features may use them. */
export {};
