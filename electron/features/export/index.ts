/** Export as other features may use it: the streaming .xlsx writer and the clients file. */
export { writeSheetXlsx } from './xlsx-writer';
export { exportClientsFile, exportGridFile } from './grids';
export { writeWorkbook, type CellStyle, type WorkbookSheet } from './workbook-writer';
