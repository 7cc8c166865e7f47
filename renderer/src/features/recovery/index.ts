/** The recovery feature as other features may use it: links to its screens. */
export { RECOVERY_PATHS, casePath, briefPath } from './paths';
