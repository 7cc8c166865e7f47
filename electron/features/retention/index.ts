/** The retention feature as other features may use it. */
export {};
