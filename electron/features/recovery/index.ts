/** The recovery feature as other features may use it: the candidates and the lost-reason report. */
export { findCandidates } from './candidates';
export { recoveryReport } from './report';
