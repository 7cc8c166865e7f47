/** Key accounts as other features may use them. */
export { purchaseStore } from './store';
export { analyticsReport, accountsReport } from './report';
export { analyticsCall, stopAnalyticsHost, warmUp } from './host';
export { clientsGrid } from './client-grid';
export { offMain } from './host';
export { setHostQueries, type QueryHandler } from './queries';
export { cachedReport, type WarmQuery } from './ops';
