/** The privacy feature as other features may use it. */
export {};
