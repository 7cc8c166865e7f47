/** BG/NBD: the model, its likelihood over a base, and the fit. */
export { expectedOccasions, expectedOccasionsNew, pAlive, clientLogLik, logSumExp, type BgnbdParams, type Rfm } from './model';
export { fitData, logLikelihood, columnsOf, type FitData, type RfmColumns } from './data';
export { fitBgnbd, MIN_FIT_CLIENTS, MIN_FIT_REPEATERS, type BgnbdFit, type FitStatus } from './fit';
export { nelderMead } from './nelder-mead';
export { lnGamma, oneMinusEulerHyp2f1OverB } from './special';
