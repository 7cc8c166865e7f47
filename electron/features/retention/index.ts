/** The retention feature as other features may use it: each client's dormancy at a date. */
export { dormancyRows, dormancyState, overview as dormancyOverview } from './views';
export { TODAY_LISTS, todayLists } from './today';
