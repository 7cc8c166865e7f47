/** The dossiers feature as other features may use it. */
export {};
