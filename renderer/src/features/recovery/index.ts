/** The recovery feature as other features may use it. */
export {};
