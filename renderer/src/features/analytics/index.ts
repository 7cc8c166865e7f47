/** Key accounts as other features may use them. */
export {};
