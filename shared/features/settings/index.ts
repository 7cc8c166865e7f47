/** Settings and the app as a whole, as other features may use them. */
export * from './schemas';
export * from './types';
