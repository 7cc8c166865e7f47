/** English, the reference language: every other language has exactly these keys. */
export const en = {
  xlsx: 'Export to Excel',
  working: 'Exporting…',
  progress: 'Exporting… {{done}} of {{total}} rows',
  done: 'Saved {{rows}} rows to {{path}}',
  theExport: 'The export',
};
