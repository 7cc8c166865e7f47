/** Hungarian (magyar). Keys and order exactly as en.ts; terms as in shared/i18n/glossary/hu.ts. */
export const hu = {
  nav: 'Beállítások',
  welcome: {
    title: 'Üdvözli a Rapport',
    lead: 'A Rapport egyetlen fájlban, ezen a számítógépen őrzi az ügyfélkörét: kik a fontosak, kik hallgattak el, és kit érdemes felhívni a héten.',
    demo: 'Bemutató adatok betöltése',
    demoHint: 'Kb. 200 kitalált ügyfél három évnyi adattal, hogy nyugodtan körülnézhessen.',
    empty: 'Üres kezdés',
    emptyHint: 'Kezdje a saját ügyfeleivel.',
    loadingDemo: 'Bemutató adatok létrehozása…',
  },
  title: 'Beállítások',
  general: 'Nyelv, régió és pénznem',
  language: 'Nyelv',
  calendar: 'Naptár a dátumokhoz',
  calendars: {
    gregory: 'Gergely-naptár',
    buddhist: 'Buddhista időszámítás (พ.ศ.)',
  },
  locale: 'Szám- és dátumformátum',
  currency: 'Pénznem',
  example: 'Példa: {{money}} · {{date}}',
  errors: {
    onlyWebLinks: 'Csak http:// vagy https:// kezdetű webcímek nyithatók meg',
    demoNeedsEmpty: 'A bemutató adatok csak üres adatbázisba tölthetők; ebben már vannak ügyfelek.',
    layoutTooBig: 'Egy mentett elrendezés legfeljebb 64 KB lehet',
  },
};
