/** Hungarian (magyar). Keys and order exactly as en.ts; terms as in shared/i18n/glossary/hu.ts. */
export const hu = {
  xlsx: 'Exportálás Excelbe',
  working: 'Exportálás…',
  progress_one: 'Exportálás… {{done}} / {{count}} sor',
  progress_other: 'Exportálás… {{done}} / {{count}} sor',
  done_one: '{{count}} sor mentve ide: {{path}}',
  done_other: '{{count}} sor mentve ide: {{path}}',
  csv: 'Exportálás CSV-be',
  csvDone_one: '{{count}} sor exportálva CSV-be (a letöltések között találja)',
  csvDone_other: '{{count}} sor exportálva CSV-be (a letöltések között találja)',
  theExport: 'Az exportálás',
};
