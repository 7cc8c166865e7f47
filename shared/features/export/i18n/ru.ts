/** Russian. Same keys as en.ts; plurals use the ru categories (one, few, many, other). */
export const ru = {
  xlsx: 'Экспорт в Excel',
  working: 'Экспорт…',
  progress_one: 'Экспорт… {{done}} из {{count}} строки',
  progress_few: 'Экспорт… {{done}} из {{count}} строк',
  progress_many: 'Экспорт… {{done}} из {{count}} строк',
  progress_other: 'Экспорт… {{done}} из {{count}} строки',
  done_one: '{{count}} строка сохранена в файл {{path}}',
  done_few: '{{count}} строки сохранены в файл {{path}}',
  done_many: '{{count}} строк сохранено в файл {{path}}',
  done_other: '{{count}} строки сохранено в файл {{path}}',
  csv: 'Экспорт в CSV',
  csvDone_one: '{{count}} строка выгружена в CSV (см. загрузки)',
  csvDone_few: '{{count}} строки выгружены в CSV (см. загрузки)',
  csvDone_many: '{{count}} строк выгружено в CSV (см. загрузки)',
  csvDone_other: '{{count}} строки выгружено в CSV (см. загрузки)',
  theExport: 'Экспорт',
};
