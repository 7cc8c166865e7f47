/** Lithuanian (lietuvių). Keys and order exactly as en.ts; terms as in shared/i18n/glossary/lt.ts. */
export const lt = {
  nav: 'Nustatymai',
  welcome: {
    title: 'Sveiki atvykę į Rapport',
    lead: 'Rapport laiko jūsų klientų bazę viename faile šiame kompiuteryje: kas svarbiausi, kas nutilo ir kam skambinti šią savaitę.',
    demo: 'Įkelti demonstracinius duomenis',
    demoHint: 'Apie 200 išgalvotų klientų per trejus metus – saugiai apsidairyti.',
    empty: 'Pradėti nuo nulio',
    emptyHint: 'Pradėkite nuo savo klientų.',
    loadingDemo: 'Kuriami demonstraciniai duomenys…',
  },
  title: 'Nustatymai',
  general: 'Kalba, regionas ir valiuta',
  language: 'Kalba',
  calendar: 'Datų kalendorius',
  calendars: {
    gregory: 'Grigaliaus',
    buddhist: 'Budistinė era (พ.ศ.)',
  },
  locale: 'Skaičių ir datų formatas',
  currency: 'Valiuta',
  example: 'Pavyzdys: {{money}} · {{date}}',
  errors: {
    onlyWebLinks: 'Atidaryti galima tik žiniatinklio adresus, prasidedančius http:// arba https://',
    demoNeedsEmpty: 'Demonstraciniai duomenys įkeliami tik į tuščią duomenų bazę; šioje jau yra klientų.',
    layoutTooBig: 'Išsaugotas išdėstymas negali viršyti 64 KB',
  },
};
