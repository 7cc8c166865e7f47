/** The privacy feature as other features may use it. */
export * from './types';
export { privacyContract } from './contract';
