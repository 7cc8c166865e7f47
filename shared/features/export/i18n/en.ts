/** English, the reference language: every other language has exactly these keys. */
export const en = {
  xlsx: 'Export to Excel',
  working: 'Exporting…',
  progress_one: 'Exporting… {{done}} of {{count}} row',
  progress_other: 'Exporting… {{done}} of {{count}} rows',
  done_one: 'Saved {{count}} row to {{path}}',
  done_other: 'Saved {{count}} rows to {{path}}',
  csv: 'Export to CSV',
  csvDone_one: '{{count}} row exported to CSV (see your downloads)',
  csvDone_other: '{{count}} rows exported to CSV (see your downloads)',
  theExport: 'The export',
};
