/**
 * ag-grid's own words (filters, menus, paging, "no rows") in the app's
 * language. Hungarian and French come whole from ag-grid's locale package;
 * it has no Lithuanian, Thai or Russian, so the words a user of this app can
 * meet (filter menus, sorting, paging, empty and loading overlays, screen
 * reader labels) are given here; anything else falls back to English.
 */
import { AG_GRID_LOCALE_FR, AG_GRID_LOCALE_HU } from '@ag-grid-community/locale';
import type { Language } from '../../../shared/i18n';

type GridWords = Record<string, string>;

const LT: GridWords = {
  noRowsToShow: 'Nėra eilučių', loadingOoo: 'Įkeliama…', page: 'Puslapis', of: 'iš', to: 'iki', more: 'Daugiau',
  firstPage: 'Pirmas puslapis', previousPage: 'Ankstesnis puslapis', nextPage: 'Kitas puslapis', lastPage: 'Paskutinis puslapis',
  pageSizeSelectorLabel: 'Puslapio dydis:', ariaPageSizeSelectorLabel: 'Puslapio dydis', pageLastRowUnknown: '?',
  filterOoo: 'Filtruoti…', searchOoo: 'Ieškoti…', ariaSearch: 'Paieška', selectAll: '(Pažymėti viską)', blanks: '(Tušti)', noMatches: 'Nerasta',
  applyFilter: 'Taikyti', resetFilter: 'Atstatyti', clearFilter: 'Išvalyti', cancelFilter: 'Atšaukti',
  equals: 'Lygu', notEqual: 'Nelygu', lessThan: 'Mažiau nei', greaterThan: 'Daugiau nei', lessThanOrEqual: 'Mažiau arba lygu', greaterThanOrEqual: 'Daugiau arba lygu',
  inRange: 'Tarp', inRangeStart: 'Nuo', inRangeEnd: 'Iki', contains: 'Turi', notContains: 'Neturi', startsWith: 'Prasideda', endsWith: 'Baigiasi',
  blank: 'Tuščia', notBlank: 'Netuščia', andCondition: 'IR', orCondition: 'ARBA', dateFormatOoo: 'mmmm-mm-dd', before: 'Prieš', after: 'Po', true: 'Taip', false: 'Ne',
  columnFilter: 'Stulpelio filtras', sortAscending: 'Rikiuoti didėjančiai', sortDescending: 'Rikiuoti mažėjančiai', sortUnSort: 'Nerikiuoti',
  ariaFilterInput: 'Filtro laukas', ariaFilterValue: 'Filtro reikšmė', ariaFilteringOperator: 'Filtro sąlyga', ariaFilterFromValue: 'Filtruoti nuo', ariaFilterToValue: 'Filtruoti iki',
  ariaDateFilterInput: 'Datos filtras', ariaLabelColumnMenu: 'Stulpelio meniu', ariaLabelDialog: 'Dialogas', ariaSearchFilterValues: 'Ieškoti filtro reikšmių', ariaFilterList: 'Filtrų sąrašas',
  ariaMenuColumn: 'Spauskite ALT žemyn stulpelio meniu', ariaSortableColumn: 'Spauskite ENTER rikiuoti', ariaFilterColumn: 'Spauskite CTRL ENTER filtruoti',
  ariaHidden: 'paslėptas', ariaVisible: 'matomas', ariaChecked: 'pažymėta', ariaUnchecked: 'nepažymėta', ariaIndeterminate: 'neapibrėžta',
};

const TH: GridWords = {
  noRowsToShow: 'ไม่มีแถวที่จะแสดง', loadingOoo: 'กำลังโหลด…', page: 'หน้า', of: 'จาก', to: 'ถึง', more: 'เพิ่มเติม',
  firstPage: 'หน้าแรก', previousPage: 'หน้าก่อน', nextPage: 'หน้าถัดไป', lastPage: 'หน้าสุดท้าย',
  pageSizeSelectorLabel: 'ขนาดหน้า:', ariaPageSizeSelectorLabel: 'ขนาดหน้า', pageLastRowUnknown: '?',
  filterOoo: 'กรอง…', searchOoo: 'ค้นหา…', ariaSearch: 'ค้นหา', selectAll: '(เลือกทั้งหมด)', blanks: '(ว่าง)', noMatches: 'ไม่พบรายการ',
  applyFilter: 'ใช้', resetFilter: 'รีเซ็ต', clearFilter: 'ล้าง', cancelFilter: 'ยกเลิก',
  equals: 'เท่ากับ', notEqual: 'ไม่เท่ากับ', lessThan: 'น้อยกว่า', greaterThan: 'มากกว่า', lessThanOrEqual: 'น้อยกว่าหรือเท่ากับ', greaterThanOrEqual: 'มากกว่าหรือเท่ากับ',
  inRange: 'ระหว่าง', inRangeStart: 'จาก', inRangeEnd: 'ถึง', contains: 'มีคำว่า', notContains: 'ไม่มีคำว่า', startsWith: 'ขึ้นต้นด้วย', endsWith: 'ลงท้ายด้วย',
  blank: 'ว่าง', notBlank: 'ไม่ว่าง', andCondition: 'และ', orCondition: 'หรือ', dateFormatOoo: 'ปปปป-ดด-วว', before: 'ก่อน', after: 'หลัง', true: 'ใช่', false: 'ไม่ใช่',
  columnFilter: 'ตัวกรองคอลัมน์', sortAscending: 'เรียงจากน้อยไปมาก', sortDescending: 'เรียงจากมากไปน้อย', sortUnSort: 'ล้างการเรียง',
  ariaFilterInput: 'ช่องกรอง', ariaFilterValue: 'ค่าที่กรอง', ariaFilteringOperator: 'เงื่อนไขการกรอง', ariaFilterFromValue: 'กรองจากค่า', ariaFilterToValue: 'กรองถึงค่า',
  ariaDateFilterInput: 'ช่องกรองวันที่', ariaLabelColumnMenu: 'เมนูคอลัมน์', ariaLabelDialog: 'กล่องโต้ตอบ', ariaSearchFilterValues: 'ค้นหาค่าตัวกรอง', ariaFilterList: 'รายการตัวกรอง',
  ariaMenuColumn: 'กด ALT ลง เพื่อเปิดเมนูคอลัมน์', ariaSortableColumn: 'กด ENTER เพื่อเรียง', ariaFilterColumn: 'กด CTRL ENTER เพื่อกรอง',
  ariaHidden: 'ซ่อน', ariaVisible: 'แสดง', ariaChecked: 'เลือกแล้ว', ariaUnchecked: 'ไม่ได้เลือก', ariaIndeterminate: 'ไม่ระบุ',
};

const RU: GridWords = {
  noRowsToShow: 'Нет строк', loadingOoo: 'Загрузка…', page: 'Страница', of: 'из', to: 'по', more: 'Ещё',
  firstPage: 'Первая страница', previousPage: 'Предыдущая страница', nextPage: 'Следующая страница', lastPage: 'Последняя страница',
  pageSizeSelectorLabel: 'Строк на странице:', ariaPageSizeSelectorLabel: 'Строк на странице', pageLastRowUnknown: '?',
  filterOoo: 'Фильтр…', searchOoo: 'Поиск…', ariaSearch: 'Поиск', selectAll: '(Выбрать все)', blanks: '(Пустые)', noMatches: 'Нет совпадений',
  applyFilter: 'Применить', resetFilter: 'Сбросить', clearFilter: 'Очистить', cancelFilter: 'Отмена',
  equals: 'Равно', notEqual: 'Не равно', lessThan: 'Меньше', greaterThan: 'Больше', lessThanOrEqual: 'Меньше или равно', greaterThanOrEqual: 'Больше или равно',
  inRange: 'Между', inRangeStart: 'С', inRangeEnd: 'По', contains: 'Содержит', notContains: 'Не содержит', startsWith: 'Начинается с', endsWith: 'Заканчивается на',
  blank: 'Пусто', notBlank: 'Не пусто', andCondition: 'И', orCondition: 'ИЛИ', dateFormatOoo: 'гггг-мм-дд', before: 'До', after: 'После', true: 'Да', false: 'Нет',
  columnFilter: 'Фильтр столбца', sortAscending: 'По возрастанию', sortDescending: 'По убыванию', sortUnSort: 'Без сортировки',
  ariaFilterInput: 'Поле фильтра', ariaFilterValue: 'Значение фильтра', ariaFilteringOperator: 'Условие фильтра', ariaFilterFromValue: 'Фильтр от', ariaFilterToValue: 'Фильтр до',
  ariaDateFilterInput: 'Фильтр по дате', ariaLabelColumnMenu: 'Меню столбца', ariaLabelDialog: 'Диалог', ariaSearchFilterValues: 'Искать значения фильтра', ariaFilterList: 'Список фильтров',
  ariaMenuColumn: 'Нажмите ALT вниз, чтобы открыть меню столбца', ariaSortableColumn: 'Нажмите ENTER для сортировки', ariaFilterColumn: 'Нажмите CTRL ENTER, чтобы открыть фильтр',
  ariaHidden: 'скрыт', ariaVisible: 'виден', ariaChecked: 'отмечено', ariaUnchecked: 'не отмечено', ariaIndeterminate: 'частично',
};

const WORDS: Partial<Record<Language, GridWords>> = { hu: AG_GRID_LOCALE_HU, fr: AG_GRID_LOCALE_FR, lt: LT, th: TH, ru: RU };

/** ag-grid's localeText for a language; English is ag-grid's own. */
export function gridLocaleText(lang: string): GridWords | undefined {
  return WORDS[lang as Language];
}
