/** The retention feature as other features may use it: a client's buying rhythm. */
export { rhythmDays } from './rhythm';
