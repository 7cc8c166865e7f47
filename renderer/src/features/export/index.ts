/** Export as other features use it: the button every grid carries, and the export of grid rows. */
export { ExportButton } from './ExportButton';
export { exportGridXlsx } from './exportXlsx';
