/** Import as other features may use it. */
export { listImports } from './service';
export { sweepImportWork } from './temp-dir';
