/** Export as other features use it: the button every grid carries, and the export of grid rows (Excel through main, CSV in the window). */
export { ExportButton } from './ExportButton';
export { exportGridXlsx } from './exportXlsx';
export { exportGridCsv } from './exportCsv';
