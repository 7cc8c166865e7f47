/** The retention feature as other features may use it: where its screens are. */
export { RETENTION_PATHS } from './paths';
