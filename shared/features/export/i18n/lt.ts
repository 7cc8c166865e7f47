/** Lithuanian (lietuvių). Keys and order exactly as en.ts; terms as in shared/i18n/glossary/lt.ts. */
export const lt = {
  xlsx: 'Eksportuoti į Excel',
  working: 'Eksportuojama…',
  progress_one: 'Eksportuojama… {{done}} iš {{count}} eilutės',
  progress_few: 'Eksportuojama… {{done}} iš {{count}} eilučių',
  progress_many: 'Eksportuojama… {{done}} iš {{count}} eilutės',
  progress_other: 'Eksportuojama… {{done}} iš {{count}} eilučių',
  done_one: 'Į failą {{path}} išsaugota {{count}} eilutė',
  done_few: 'Į failą {{path}} išsaugotos {{count}} eilutės',
  done_many: 'Į failą {{path}} išsaugota {{count}} eilutės',
  done_other: 'Į failą {{path}} išsaugota {{count}} eilučių',
  csv: 'Eksportuoti į CSV',
  csvDone_one: '{{count}} eilutė eksportuota į CSV (žr. atsisiuntimus)',
  csvDone_few: '{{count}} eilutės eksportuotos į CSV (žr. atsisiuntimus)',
  csvDone_many: '{{count}} eilutės eksportuota į CSV (žr. atsisiuntimus)',
  csvDone_other: '{{count}} eilučių eksportuota į CSV (žr. atsisiuntimus)',
  theExport: 'Eksportas',
};
