/** The retention feature as other features may use it: a client's buying rhythm, day numbers, the dormancy rule. */
export { rhythmDays, rhythmOfRange } from './rhythm';
export { dayOfIso, dayOfYmd, isoOfDay } from './days';
export { dormantReasons, type DormantReason } from './dormancy';
export type { DormancyRow, ClientRetention } from './types';
