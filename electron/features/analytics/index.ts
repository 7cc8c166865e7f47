/** Key accounts as other features may use them. */
export { purchaseStore } from './store';
export { analyticsReport, accountsReport } from './report';
export { analyticsCall, stopAnalyticsHost, warmUp } from './host';
export { clientsGrid } from './client-grid';
