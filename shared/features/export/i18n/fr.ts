/** French (français). Keys and order exactly as en.ts; terms as in shared/i18n/glossary/fr.ts. */
export const fr = {
  xlsx: 'Exporter vers Excel',
  working: 'Export en cours…',
  progress_one: 'Export en cours… {{done}} sur {{count}} ligne',
  progress_many: 'Export en cours… {{done}} sur {{count}} de lignes',
  progress_other: 'Export en cours… {{done}} sur {{count}} lignes',
  done_one: '{{count}} ligne enregistrée dans {{path}}',
  done_many: '{{count}} de lignes enregistrées dans {{path}}',
  done_other: '{{count}} lignes enregistrées dans {{path}}',
  csv: 'Exporter en CSV',
  csvDone_one: '{{count}} ligne exportée en CSV (voir vos téléchargements)',
  csvDone_many: '{{count}} de lignes exportées en CSV (voir vos téléchargements)',
  csvDone_other: '{{count}} lignes exportées en CSV (voir vos téléchargements)',
  theExport: 'L’export',
};
